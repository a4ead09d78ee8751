#pragma once

#include "api/retrypolicy.h"
#include "ledger/alertrecord.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace bs {

class Ledger;

// Delivers alerts to a Slack incoming webhook: one POST of {"text": ...} per alert, a readable
// message (what happened, how much, which batch, what to do). A network error, 408, 429 or a
// 5xx is retried with RetryPolicy's backoff (retry-after honoured); anything else ends it. The
// outcome goes to the alert log (AlertLog::setDelivery) when a ledger is set, and to
// finished().
//
// The webhook URL is a secret: it is registered with Redactor when set, and never logged or
// put into a delivery note (notes say the HTTP status or the network error, redacted).
class SlackSink : public QObject {
    Q_OBJECT

public:
    explicit SlackSink(QObject* parent = nullptr);
    ~SlackSink() override;

    void setWebhookUrl(const QUrl& url);
    bool isConfigured() const { return m_url.isValid() && !m_url.isEmpty(); }
    // Where outcomes are logged (used on this object's thread); null: not logged.
    void setLedger(Ledger* ledger) { m_ledger = ledger; }
    RetryPolicy& retryPolicy() { return m_policy; }

    // Starts delivering `alert` (its id is the alert log's). Ends with finished().
    void deliver(const AlertRecord& alert);
    int pendingCount() const { return m_pending; }

    // The Slack message for an alert (mrkdwn text).
    static QString messageText(const AlertRecord& alert);
    // The environment variable a server without a keychain sets.
    static QString environmentVariable() { return QStringLiteral("BATCHSCOPE_SLACK_WEBHOOK_URL"); }

Q_SIGNALS:
    void finished(qint64 alertId, bool delivered, int attempts, const QString& note);
    void idle(); // no delivery pending any more

private:
    void attempt(const AlertRecord& alert, const QByteArray& body, int attemptNo);
    void done(const AlertRecord& alert, bool ok, int attempts, const QString& note);

    QNetworkAccessManager* m_nam;
    QUrl m_url;
    QPointer<Ledger> m_ledger;
    RetryPolicy m_policy;
    int m_pending = 0;
};

} // namespace bs
