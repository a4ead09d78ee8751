#include "slacksink.h"

#include "core/redactor.h"
#include "ledger/alertlog.h"
#include "ledger/ledger.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcSlack, "bs.alerts.slack", QtInfoMsg)

namespace bs {

namespace {
constexpr int kTimeoutMs = 15000;

bool retryableStatus(int status) {
    return status == 408 || status == 429 || status >= 500;
}
} // namespace

SlackSink::SlackSink(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this)) {
    m_policy.maxRetries = 4;
}

SlackSink::~SlackSink() = default;

void SlackSink::setWebhookUrl(const QUrl& url) {
    m_url = url;
    if (url.isValid()) {
        Redactor::addSecret(url.toString());
        Redactor::addSecret(url.toString(QUrl::FullyEncoded));
        Redactor::addSecret(url.path());
    }
}

QString SlackSink::messageText(const AlertRecord& a) {
    QString icon = QStringLiteral(":information_source:");
    if (a.severity == QLatin1String("critical"))
        icon = QStringLiteral(":rotating_light:");
    else if (a.severity == QLatin1String("warning"))
        icon = QStringLiteral(":warning:");
    QString title = QStringLiteral("%1 *Batchscope %2: %3*").arg(icon, a.severity, a.kind);
    if (!a.batchId.isEmpty())
        title += QStringLiteral(" — `%1`").arg(a.batchId);
    return Redactor::redact(title + QLatin1Char('\n') + a.message);
}

void SlackSink::deliver(const AlertRecord& alert) {
    ++m_pending;
    if (!isConfigured()) {
        done(alert, false, 0, tr("No Slack webhook is configured."));
        return;
    }
    QJsonObject o;
    o[QLatin1String("text")] = messageText(alert);
    attempt(alert, QJsonDocument(o).toJson(QJsonDocument::Compact), 1);
}

void SlackSink::attempt(const AlertRecord& alert, const QByteArray& body, int attemptNo) {
    QNetworkRequest req(m_url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(kTimeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = m_nam->post(req, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, alert, body, attemptNo] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        HttpHeaders headers;
        for (const auto& pair : reply->rawHeaderPairs())
            headers.append(pair);
        QString note;
        bool retryable = false;
        if (status >= 200 && status < 300) {
            done(alert, true, attemptNo, QString());
            return;
        }
        if (status > 0) {
            // Slack answers a short reason in the body ("invalid_token", "no_service"): no
            // secret in it, but it goes through the redactor like everything else.
            const QByteArray reason = reply->read(200).trimmed();
            note = tr("HTTP %1 %2").arg(status).arg(QString::fromUtf8(reason));
            retryable = retryableStatus(status);
        } else {
            note = tr("network error: %1").arg(reply->errorString());
            retryable = true;
        }
        note = Redactor::redact(note.trimmed());
        const int retriesTaken = attemptNo - 1;
        if (!retryable || retriesTaken >= m_policy.maxRetries) {
            done(alert, false, attemptNo, note);
            return;
        }
        const qint64 delay = m_policy.scaled(m_policy.nextDelay(retriesTaken, headers));
        qCInfo(lcSlack).noquote() << "alert" << alert.id << "attempt" << attemptNo << "failed ("
                                  << note << "), retrying in" << delay << "ms";
        QTimer::singleShot(delay, this,
                           [this, alert, body, attemptNo] { attempt(alert, body, attemptNo + 1); });
    });
}

void SlackSink::done(const AlertRecord& alert, bool ok, int attempts, const QString& note) {
    if (m_ledger && alert.id > 0) {
        if (!AlertLog(*m_ledger).setDelivery(
                alert.id, ok ? AlertRecord::Delivery::Delivered : AlertRecord::Delivery::Failed,
                attempts, note))
            qCWarning(lcSlack).noquote()
                << "alert" << alert.id << "delivery not logged:" << m_ledger->lastError();
    }
    --m_pending; // before the signals: a slot asking pendingCount() sees this one done
    Q_EMIT finished(alert.id, ok, attempts, note);
    if (m_pending == 0)
        Q_EMIT idle();
}

} // namespace bs
