#pragma once

#include <QObject>

namespace bs {
class ConsoleSession;
class NotificationCenter;
} // namespace bs

namespace bs::ui {

class AlertLogDock;
class MainWindow;
class TrayPresenter;

// The console's side of the alerts, put together for a window and its session: the
// NotificationCenter evaluating the rules on the session's ledger worker, the TrayPresenter
// showing what it posts, and the alert log dock (View → Alert Log), whose double-click and the
// notifications' click open the batch concerned.
class ConsoleAlerts : public QObject {
    Q_OBJECT

public:
    // Call after session->openLedger(). Starts evaluating at once.
    ConsoleAlerts(MainWindow* window, ConsoleSession* session, QObject* parent = nullptr);
    ~ConsoleAlerts() override;

    NotificationCenter* center() const { return m_center; }
    TrayPresenter* tray() const { return m_tray; }
    AlertLogDock* dock() const { return m_dock; }

private:
    NotificationCenter* m_center = nullptr;
    TrayPresenter* m_tray = nullptr;
    AlertLogDock* m_dock = nullptr;
};

} // namespace bs::ui
