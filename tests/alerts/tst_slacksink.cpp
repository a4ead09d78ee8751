#include "alerts/slacksink.h"
#include "core/redactor.h"
#include "ledger/alertlog.h"
#include "ledger/ledger.h"
#include "webhookreceiver.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::test;

namespace {
QStringList g_messages; // everything logged through Qt's message handler during the suite
QtMessageHandler g_previous = nullptr;
void capture(QtMsgType type, const QMessageLogContext& ctx, const QString& msg) {
    g_messages << msg;
    if (g_previous)
        g_previous(type, ctx, msg);
}
} // namespace

// The Slack sink against a real HTTP receiver on loopback: retries with backoff, the outcome in
// the alert log, and the webhook URL nowhere but in the request line.
class TestSlackSink : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    const QByteArray m_token = "s3cr3tW3bh00kT0k3n";

    AlertRecord logAlert(Ledger& ledger) {
        AlertRecord a;
        a.severity = QStringLiteral("critical");
        a.kind = QStringLiteral("budget");
        a.subject = QStringLiteral("monthly@100");
        a.message = QStringLiteral("Budget \"monthly\" is used up: $101.00 spent of $100.00.");
        a.delivery = AlertRecord::Delivery::Pending;
        a.id = AlertLog(ledger).append(a);
        return a;
    }

    struct Run {
        bool delivered = false;
        int attempts = 0;
        QString note;
    };
    Run deliver(SlackSink& sink, const AlertRecord& a) {
        QSignalSpy spy(&sink, &SlackSink::finished);
        sink.deliver(a);
        if (!spy.wait(30000))
            return {};
        return {spy.first().at(1).toBool(), spy.first().at(2).toInt(),
                spy.first().at(3).toString()};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        g_previous = qInstallMessageHandler(capture);
    }

    // 500 twice, then 200: delivered on the third attempt, and the log says so.
    void retriedUntilDelivered() {
        WebhookReceiver receiver;
        QVERIFY(receiver.start());
        receiver.script({500, 503});
        Ledger ledger;
        QVERIFY(ledger.open(m_dir.filePath(QStringLiteral("retry.sqlite"))));
        SlackSink sink;
        sink.setWebhookUrl(receiver.url());
        sink.setLedger(&ledger);
        sink.retryPolicy().timeScale = 0.001;
        const AlertRecord a = logAlert(ledger);
        const Run run = deliver(sink, a);
        QVERIFY(run.delivered);
        QCOMPARE(run.attempts, 3);
        QCOMPARE(receiver.requests().size(), 3);
        for (const auto& r : receiver.requests()) {
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.path, QByteArray("/services/T0TEST/B0TEST/") + m_token);
            const QString text =
                QJsonDocument::fromJson(r.body).object().value(QLatin1String("text")).toString();
            QVERIFY2(text.contains(a.message), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("critical")), qPrintable(text));
        }
        const auto logged = AlertLog(ledger).find(a.id);
        QVERIFY(logged);
        QCOMPARE(logged->delivery, AlertRecord::Delivery::Delivered);
        QCOMPARE(logged->deliveryAttempts, 3);
        QVERIFY(logged->deliveredAt.isValid());
    }

    // A webhook that keeps failing: retried up to the policy's limit, then logged as failed
    // with the HTTP status, never with the URL.
    void failureIsLogged() {
        WebhookReceiver receiver;
        QVERIFY(receiver.start());
        receiver.script(QList<int>(10, 500));
        Ledger ledger;
        QVERIFY(ledger.open(m_dir.filePath(QStringLiteral("fail.sqlite"))));
        SlackSink sink;
        sink.setWebhookUrl(receiver.url());
        sink.setLedger(&ledger);
        sink.retryPolicy().timeScale = 0.001;
        sink.retryPolicy().maxRetries = 3;
        const AlertRecord a = logAlert(ledger);
        const Run run = deliver(sink, a);
        QVERIFY(!run.delivered);
        QCOMPARE(run.attempts, 4);
        QCOMPARE(receiver.requests().size(), 4);
        QVERIFY2(run.note.contains(QStringLiteral("HTTP 500")), qPrintable(run.note));
        const auto logged = AlertLog(ledger).find(a.id);
        QVERIFY(logged);
        QCOMPARE(logged->delivery, AlertRecord::Delivery::Failed);
        QCOMPARE(logged->deliveryAttempts, 4);
        QCOMPARE(logged->deliveryNote, run.note);
    }

    // 404 (Slack's "no_service") is not worth retrying; a closed port is a network error that
    // is retried and then logged, its message redacted.
    void notRetriedAndUnreachable() {
        WebhookReceiver receiver;
        QVERIFY(receiver.start());
        receiver.script({404});
        SlackSink sink;
        sink.setWebhookUrl(receiver.url());
        sink.retryPolicy().timeScale = 0.001;
        Run run = deliver(sink, AlertRecord{});
        QVERIFY(!run.delivered);
        QCOMPARE(run.attempts, 1);

        QUrl closed = receiver.url("/services/T0TEST/B0TEST/an0th3rS3cr3tT0k3n");
        closed.setPort(1); // nothing listens there
        sink.setWebhookUrl(closed);
        sink.retryPolicy().maxRetries = 1;
        run = deliver(sink, AlertRecord{});
        QVERIFY(!run.delivered);
        QCOMPARE(run.attempts, 2);
        QVERIFY2(run.note.startsWith(QStringLiteral("network error")), qPrintable(run.note));
        QVERIFY2(!run.note.contains(QStringLiteral("an0th3rS3cr3tT0k3n")), qPrintable(run.note));
    }

    // The webhook URL is in no file of the ledger's folder, in no log line, and redacted from
    // any text once configured (a Slack URL even when never configured).
    void urlNeverLeaks() {
        QDirIterator it(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_token), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files >= 2);
        for (const QString& m : g_messages)
            QVERIFY2(!m.contains(QString::fromLatin1(m_token)), qPrintable(m));
        QVERIFY(!g_messages.isEmpty()); // the retries were logged: the check saw them
        const QString text = QStringLiteral("posting to http://127.0.0.1:9/services/T0TEST/"
                                            "B0TEST/s3cr3tW3bh00kT0k3n failed");
        QVERIFY(!Redactor::redact(text).contains(QString::fromLatin1(m_token)));
        const QString slack =
            QStringLiteral("see https://hooks.slack.com/services/T1/B2/xyzzyNeverSeen here");
        QCOMPARE(Redactor::redact(slack),
                 QStringLiteral("see ") + Redactor::secretMask() + QStringLiteral(" here"));
        QVERIFY(Redactor::containsSecret(slack));
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }
};

QTEST_GUILESS_MAIN(TestSlackSink)
#include "tst_slacksink.moc"
