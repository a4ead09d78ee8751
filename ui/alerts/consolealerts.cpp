#include "consolealerts.h"

#include "alertlogdock.h"
#include "mainwindow.h"
#include "tray/batchselector.h"
#include "tray/traypresenter.h"

#include "alerts/notificationcenter.h"
#include "monitor/consolesession.h"

#include <QAction>
#include <QMenu>

namespace bs::ui {

ConsoleAlerts::ConsoleAlerts(MainWindow* window, ConsoleSession* session, QObject* parent)
    : QObject(parent) {
    m_center = new NotificationCenter(session->worker(), this);
    m_tray = new TrayPresenter(window, m_center, this);

    m_dock = new AlertLogDock(window);
    m_dock->setWorker(session->worker());
    // The window restored its layout before the dock existed: the dock takes its remembered
    // place and visibility; on a first run it shows at the bottom.
    if (!window->restoreDockWidget(m_dock)) {
        window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
        m_dock->show(); // added after the window was shown: it does not show on its own
        // A strip of a few rows: the batches, their details and items keep most of the window.
        window->resizeDocks({m_dock}, {window->height() / 5}, Qt::Vertical);
    }
    if (auto* view = window->findChild<QMenu*>(QStringLiteral("viewMenu"))) {
        QAction* toggle = m_dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionAlertLog"));
        toggle->setText(tr("&Alert Log"));
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        view->insertAction(m_tray->keepInTrayAction(), toggle);
    }
    connect(m_dock, &AlertLogDock::batchActivated, window,
            [window](const QString& id) { BatchSelector::select(window, id); });
    m_center->start();
}

ConsoleAlerts::~ConsoleAlerts() = default;

} // namespace bs::ui
