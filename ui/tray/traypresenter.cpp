#include "traypresenter.h"

#include "batchselector.h"
#include "mainwindow.h"

#include "alerts/notificationcenter.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSystemTrayIcon>

namespace bs::ui {

TrayPresenter::TrayPresenter(MainWindow* window, NotificationCenter* center, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_center(center)
    , m_base(QStringLiteral(":/icons/batchscope.svg")) {
    m_icon = m_base;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(m_base, this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        auto* menu = new QMenu(window);
        menu->setObjectName(QStringLiteral("trayMenu"));
        menu->addAction(tr("Show Batchscope"), this, [this] {
            if (m_window)
                m_window->bringToFront();
        });
        menu->addSeparator();
        menu->addAction(tr("Quit"), this, &TrayPresenter::quit);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { activate(); });
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger && m_window)
                        m_window->bringToFront();
                });
        m_tray->show();
    }
    center->setDesktopAvailable(m_tray != nullptr);
    connect(center, &NotificationCenter::notificationPosted, this, &TrayPresenter::present);
    connect(center, &NotificationCenter::statusChanged, this, &TrayPresenter::updateStatus);

    // Until the settings dialog has it: View → Keep Running in the Tray.
    m_keepInTray = new QAction(tr("&Keep Running in the Tray"), this);
    m_keepInTray->setObjectName(QStringLiteral("actionKeepInTray"));
    m_keepInTray->setCheckable(true);
    m_keepInTray->setChecked(QSettings().value(keepInTrayKey(), false).toBool());
    m_keepInTray->setEnabled(m_tray != nullptr);
    m_keepInTray->setToolTip(m_tray ? tr("Closing the window keeps Batchscope watching in the "
                                         "system tray.")
                                    : tr("No system tray on this desktop."));
    connect(m_keepInTray, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(keepInTrayKey(), on); });
    if (window) {
        if (auto* view = window->findChild<QMenu*>(QStringLiteral("viewMenu"))) {
            view->addSeparator();
            view->addAction(m_keepInTray);
        }
        // File → Quit quits even when closing only hides the window.
        if (auto* quitAction = window->findChild<QAction*>(QStringLiteral("actionQuit"))) {
            disconnect(quitAction, &QAction::triggered, window, nullptr);
            connect(quitAction, &QAction::triggered, this, &TrayPresenter::quit);
        }
        window->installEventFilter(this);
    }
    updateStatus(center->status());
}

TrayPresenter::~TrayPresenter() {
    if (m_window)
        m_window->removeEventFilter(this);
}

void TrayPresenter::present(const Notification& n) {
    m_shown.append(n);
    if (!m_tray)
        return; // recorded (and in the alert log, "logged only"): no tray to show it in
    m_lastBatchId = n.batchId;
    const QSystemTrayIcon::MessageIcon icon =
        n.severity == QLatin1String("critical")  ? QSystemTrayIcon::Critical
        : n.severity == QLatin1String("warning") ? QSystemTrayIcon::Warning
                                                 : QSystemTrayIcon::Information;
    m_tray->showMessage(n.title, n.message, icon, 15000);
}

bool TrayPresenter::activate(const QString& batchId) {
    const QString id = batchId.isEmpty() ? m_lastBatchId : batchId;
    if (!m_window)
        return false;
    m_window->bringToFront();
    return !id.isEmpty() && BatchSelector::select(m_window, id);
}

QString TrayPresenter::toolTipFor(const NotificationStatus& s) {
    QStringList lines{tr("Batchscope")};
    lines << tr("%n batch(es) in flight", nullptr, s.inFlight);
    lines << tr("%n failed item(s)", nullptr, int(qMin<qint64>(s.failedItems, INT_MAX)));
    if (s.budgetPercent >= 0)
        lines << tr("Budget \"%1\": %2 % used").arg(s.budgetName).arg(s.budgetPercent);
    else
        lines << tr("No budget set");
    return lines.join(QLatin1Char('\n'));
}

QImage TrayPresenter::badgeImage(const QIcon& base, const NotificationStatus& s, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    base.paint(&p, QRect(0, 0, size, size));
    const bool alarm = s.failedItems > 0 || s.budgetPercent >= 100;
    const bool warn = s.budgetPercent >= 80;
    if (s.inFlight <= 0 && !alarm && !warn)
        return image;
    // A disc in the lower right corner with the number of batches in flight ("!" when none
    // are, but something needs attention), red for failures or a used-up budget.
    const QColor fill = alarm  ? QColor(0xc0, 0x1c, 0x28)
                        : warn ? QColor(0xc6, 0x6a, 0x00)
                               : QColor(0x1c, 0x71, 0xd8);
    const QString text =
        s.inFlight > 0 ? (s.inFlight > 99 ? QStringLiteral("99+") : QString::number(s.inFlight))
                       : QStringLiteral("!");
    const int d = qMax(8, size * 11 / 20);
    const QRect disc(size - d, size - d, d, d);
    p.setPen(QPen(Qt::white, qMax(1, size / 32)));
    p.setBrush(fill);
    p.drawEllipse(disc);
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(qMax(6, d * (text.size() > 2 ? 4 : text.size() > 1 ? 5 : 7) / 10));
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(disc, Qt::AlignCenter, text);
    return image;
}

void TrayPresenter::updateStatus(const NotificationStatus& status) {
    m_toolTip = toolTipFor(status);
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64})
        icon.addPixmap(QPixmap::fromImage(badgeImage(m_base, status, size)));
    m_icon = icon;
    if (m_tray) {
        m_tray->setToolTip(m_toolTip);
        m_tray->setIcon(m_icon);
    }
}

bool TrayPresenter::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::Close && !m_quitting && m_tray &&
        m_tray->isVisible() && m_keepInTray->isChecked()) {
        // Closing hides the window; the console keeps watching from the tray.
        event->ignore();
        m_window->hide();
        if (!m_saidInTray) {
            m_saidInTray = true;
            m_tray->showMessage(tr("Batchscope keeps watching"),
                                tr("The console runs on in the tray. Quit from its menu or "
                                   "with File → Quit."),
                                QSystemTrayIcon::Information, 8000);
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void TrayPresenter::quit() {
    m_quitting = true;
    if (m_window)
        m_window->close(); // saves the layout
    QApplication::quit();
}

} // namespace bs::ui
