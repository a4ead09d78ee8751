#include "dashboard/spenddock.h"

#include "dashboard/spenddashboard.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QScreen>
#include <QTimer>

namespace bs::ui {

SpendDock::SpendDock(QWidget* parent)
    : QDockWidget(tr("Spend"), parent) {
    setObjectName(QStringLiteral("spendDock"));
    m_dashboard = new SpendDashboard(this);
    setWidget(m_dashboard);
    toggleViewAction()->setObjectName(QStringLiteral("actionSpend"));
    toggleViewAction()->setText(tr("&Spend Dashboard"));
    toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
}

SpendDock* SpendDock::install(QMainWindow* window, QMenu* viewMenu) {
    auto* dock = new SpendDock(window);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide(); // until asked for; restoreState() brings back what the user left
    viewMenu->addAction(dock->toggleViewAction());
    // Four charts need room: the first time it is shown docked in a session, it takes most of
    // the window's width (the user's own width, restored with the layout, is kept after that).
    connect(dock, &QDockWidget::visibilityChanged, window, [window, dock](bool visible) {
        if (!visible || dock->isFloating() || dock->m_sized)
            return;
        dock->m_sized = true;
        if (dock->width() < window->width() / 2)
            window->resizeDocks({dock}, {window->width() * 3 / 5}, Qt::Horizontal);
    });
    if (qEnvironmentVariableIntValue("BS_SHOW_SPEND") == 1) {
        // ./dev screenshot: the dashboard alone, floating over the whole screen.
        QTimer::singleShot(0, dock, [window, dock] {
            dock->setFloating(true);
            dock->setGeometry(window->screen()->availableGeometry());
            dock->show();
        });
    }
    return dock;
}

void SpendDock::setWorker(LedgerWorker* worker) {
    m_dashboard->setWorker(worker);
}

} // namespace bs::ui
