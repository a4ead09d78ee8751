#pragma once

#include <QObject>

namespace bs {
class ConsoleMetrics;
class ConsoleSession;
class NotificationCenter;
class SecretStore;
class SlackSink;
} // namespace bs

namespace bs::ui {

class AlertLogDock;
class MainWindow;
class TrayPresenter;

// The console's side of the alerts, put together for a window and its session: the
// NotificationCenter evaluating the rules on the session's ledger worker, the TrayPresenter
// showing what it posts, and the alert log dock (View → Alert Log), whose double-click and the
// notifications' click open the batch concerned. As `batchscope-cli watch` does, it also
// delivers the alerts this console claims to Slack when a webhook is configured
// (BATCHSCOPE_SLACK_WEBHOOK_URL, else the keychain), evaluates the api_down rule from the
// session's poll cycles, and, when enabled in Settings (Preferences), serves /metrics on
// 127.0.0.1 and pushes DogStatsD (ConsoleMetrics).
class ConsoleAlerts : public QObject {
    Q_OBJECT

public:
    // Call after session->openLedger(). Starts evaluating at once.
    ConsoleAlerts(MainWindow* window, ConsoleSession* session, QObject* parent = nullptr);
    ~ConsoleAlerts() override;

    NotificationCenter* center() const { return m_center; }
    TrayPresenter* tray() const { return m_tray; }
    AlertLogDock* dock() const { return m_dock; }
    SlackSink* slack() const { return m_slack; }
    ConsoleMetrics* metrics() const { return m_metrics; }

private:
    SecretStore* m_secrets = nullptr;
    SlackSink* m_slack = nullptr;
    ConsoleMetrics* m_metrics = nullptr;
    NotificationCenter* m_center = nullptr;
    TrayPresenter* m_tray = nullptr;
    AlertLogDock* m_dock = nullptr;
};

} // namespace bs::ui
