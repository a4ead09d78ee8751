#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace bs {
class LedgerWorker;
class SecretStore;
class SlackSink;
} // namespace bs

namespace bs::ui {

// Settings → "Alerts & metrics": what the console and `batchscope-cli watch` share.
//  - The alert rules' thresholds (AlertConfig), data settings of the ledger, read and written
//    on the ledger worker, so every console and watcher of the ledger agrees.
//  - The Slack webhook, a secret: set or cleared in the keychain (SecretStore), never shown
//    once set (only "set"/"not set"), never logged; "Send test" posts a test message.
//  - /metrics on 127.0.0.1 and its port, and a DogStatsD target (Preferences, QSettings).
// The keychain's buttons act at once; the rest is written by save() (the dialog's OK).
class AlertsPanel : public QWidget {
    Q_OBJECT

public:
    explicit AlertsPanel(bs::LedgerWorker* worker, QWidget* parent = nullptr);
    ~AlertsPanel() override;

    // False and *why when a field is wrong (the budget percentages, the DogStatsD target).
    bool validate(QString* why) const;
    // Writes the metrics preferences now and the thresholds on the ledger worker
    // (thresholdsSaved() when written).
    void save();
    // Whether the thresholds have been read from the ledger (loaded()).
    bool isLoaded() const { return m_loaded; }

    // The keychain actions (also the buttons); each answers with webhookChanged().
    void setWebhook(const QString& url);
    void clearWebhook();
    void sendTest();

Q_SIGNALS:
    void loaded();
    void thresholdsSaved(bool ok);
    void webhookChanged(bool configured, const QString& message);
    void testSent(bool delivered, const QString& note);

private:
    void load();
    void refreshWebhook();

    bs::LedgerWorker* m_worker = nullptr;
    bs::SecretStore* m_secrets = nullptr;
    bs::SlackSink* m_sink = nullptr;
    bool m_loaded = false;
    QLineEdit* m_budgetPercents = nullptr;
    QSpinBox* m_errored = nullptr;
    QSpinBox* m_expiry = nullptr;
    QSpinBox* m_archive = nullptr;
    QSpinBox* m_apiDown = nullptr;
    QLineEdit* m_webhook = nullptr;
    QLabel* m_webhookState = nullptr;
    QPushButton* m_test = nullptr;
    QCheckBox* m_metrics = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_statsd = nullptr;
};

} // namespace bs::ui
