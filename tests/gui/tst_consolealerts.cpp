// Issue 12: the console does what `batchscope-cli watch` does while it is open. Against a real
// batchscope-sim, a real SQLite ledger and a real loopback HTTP receiver standing in for Slack:
// the alerts the console claims are posted to the webhook exactly once, also across a restart
// of the console; with metrics enabled (port 0), the console's /metrics is scraped over HTTP,
// passes `promtool check metrics` and its spend equals the ledger's; the webhook URL's secret
// part appears in no captured output.
#include "alerts/consolealerts.h"
#include "alerts/consolerules.h"
#include "alerts/notificationcenter.h"
#include "alerts/slacksink.h"
#include "api/apiclient.h"
#include "core/appinfo.h"
#include "core/preferences.h"
#include "ingesttesthelpers.h"
#include "ledger/alertlog.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"
#include "mainwindow.h"
#include "metrics/consolemetrics.h"
#include "monitor/consolesession.h"
#include "simprocess.h"
#include "testenv.h"
#include "webhookreceiver.h"

#include "../metrics/metricsparse.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::ui;

namespace {

const QByteArray kToken = "s3cr3tW3bh00kT0k3n";
QByteArray g_captured; // every message this process logged

void capture(QtMsgType, const QMessageLogContext&, const QString& msg) {
    g_captured += msg.toUtf8() + '\n';
    fprintf(stderr, "%s\n", qPrintable(msg));
}

struct Console {
    MainWindow window;
    ConsoleSession session;
    std::unique_ptr<ConsoleAlerts> alerts;
    explicit Console(const QString& path) {
        window.show();
        session.openLedger(path);
        window.attachSession(&session);
        alerts = std::make_unique<ConsoleAlerts>(&window, &session);
        session.startMonitoring();
    }
    ~Console() { window.attachSession(nullptr); }
    NotificationCenter* center() const { return alerts->center(); }
    bool settle() {
        const int before = center()->evaluations();
        center()->evaluateNow();
        return QTest::qWaitFor([&] { return center()->evaluations() > before; }, 30000);
    }
};

QList<AlertRecord> ledgerAlerts(const QString& path) {
    Ledger::setMainThreadGuard(false);
    QList<AlertRecord> list;
    {
        Ledger ledger;
        if (ledger.open(path))
            list = AlertLog(ledger).recent({}, 1000);
    }
    Ledger::setMainThreadGuard(true);
    return list;
}

} // namespace

class TestConsoleAlerts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::SimProcess m_sim;
    test::WebhookReceiver m_receiver;
    QString m_ledger;
    int m_violations = 0;

private Q_SLOTS:
    void initTestCase() {
        qInstallMessageHandler(capture);
        AppInfo::applyToApplication();
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY2(
            m_sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--seed"),
                         QStringLiteral("11"), QStringLiteral("--quiet")}),
            qPrintable(m_sim.errorString()));
        QVERIFY(m_receiver.start());
        m_ledger = m_dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            Ledger ledger;
            QVERIFY2(ledger.open(m_ledger), qPrintable(ledger.lastError()));
            QVERIFY(SettingsStore(ledger).setBudget(
                {QStringLiteral("tiny"), 1, BudgetSetting::Period::Total}));
        }
        qputenv("ANTHROPIC_BASE_URL", m_sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", test::SimProcess::fakeKey().toUtf8());
        qputenv("BATCHSCOPE_SLACK_WEBHOOK_URL", m_receiver.url().toString().toUtf8());
        QSettings settings;
        Preferences::setMetrics(settings, true, 0, QString());
        Ledger::setMainThreadGuard(true);
        m_violations = Ledger::mainThreadViolations();
    }

    void cleanupTestCase() {
        QCOMPARE(Ledger::mainThreadViolations(), m_violations); // no SQL on the GUI thread
        Ledger::setMainThreadGuard(false);
        qunsetenv("BATCHSCOPE_SLACK_WEBHOOK_URL");
        qunsetenv("ANTHROPIC_BASE_URL");
        qunsetenv("ANTHROPIC_API_KEY");
        qInstallMessageHandler(nullptr);
    }

    void slackOnceAndMetrics() {
        ApiClient client(test::simConfig(m_sim.baseUrl()));
        client.setRetryPolicy(test::fastRetryPolicy());
        QString error;
        Ledger::setMainThreadGuard(false);
        const auto batch =
            test::createAndWaitEnded(client, m_ledger, test::makeRequests(10), &error);
        Ledger::setMainThreadGuard(true);
        QVERIFY2(batch, qPrintable(error));

        auto posted = [&](const QString& needle) {
            int n = 0;
            for (const auto& r : m_receiver.requests())
                n += QString::fromUtf8(r.body).contains(needle) ? 1 : 0;
            return n;
        };
        {
            Console c(m_ledger);
            QVERIFY(c.alerts->slack());
            QTRY_VERIFY_WITH_TIMEOUT(c.alerts->slack()->isConfigured(), 30000);
            // The batch end and the budget crossing are posted to the webhook.
            QTRY_VERIFY_WITH_TIMEOUT(posted(batch->id) >= 1, 90000);
            QTRY_VERIFY_WITH_TIMEOUT(posted(QStringLiteral("tiny")) >= 1, 60000);
            QTRY_VERIFY_WITH_TIMEOUT(c.alerts->slack()->pendingCount() == 0, 30000);
            QVERIFY(c.settle()); // after the deliveries' log writes (same worker lane)

            // /metrics from the console: promtool-clean, spend equal to the ledger's.
            QTRY_VERIFY_WITH_TIMEOUT(c.alerts->metrics()->url().isValid(), 30000);
            const QUrl url = c.alerts->metrics()->url();
            QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
            QByteArray body;
            QString mismatch;
            auto matches = [&] {
                QNetworkAccessManager nam;
                QNetworkReply* reply = nam.get(QNetworkRequest(url));
                QSignalSpy got(reply, &QNetworkReply::finished);
                if (!got.wait(30000))
                    return false;
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                body = reply->readAll();
                reply->deleteLater();
                if (status != 200)
                    return false;
                const auto scraped = metricstest::parsePrometheus(body);
                Ledger::setMainThreadGuard(false);
                QList<CostGroup> groups;
                {
                    Ledger ledger;
                    if (ledger.open(m_ledger))
                        groups = CostQueries(ledger).groupedBy(CostQueries::Grouping::Model);
                }
                Ledger::setMainThreadGuard(true);
                if (groups.isEmpty())
                    return false;
                for (const CostGroup& g : groups) {
                    const QString model = g.key.isEmpty() ? QStringLiteral("unknown") : g.key;
                    const qint64 s = metricstest::micros(scraped.value(
                        QStringLiteral("batchscope_spend_usd_total{model=\"%1\"}").arg(model)));
                    mismatch = QStringLiteral("%1: ledger %2, scraped %3")
                                   .arg(model)
                                   .arg(g.totals.micros)
                                   .arg(s);
                    if (s != g.totals.micros)
                        return false;
                }
                return scraped.value(QStringLiteral("batchscope_polls_total")).toLongLong() >= 1;
            };
            bool ok = false;
            for (int i = 0; i < 60 && !ok; ++i) {
                ok = matches();
                if (!ok)
                    QTest::qWait(500);
            }
            QVERIFY2(ok, qPrintable(mismatch + QLatin1Char('\n') + QString::fromUtf8(body)));
            QByteArray lint;
            const int rc = metricstest::promtoolCheck(body, &lint);
            QVERIFY2(rc != -1, "promtool is missing: run ./dev setup (Debian package prometheus)");
            QVERIFY2(rc == 0, QByteArray(lint + "\n" + body).constData());
        }
        const qsizetype afterFirst = m_receiver.requests().size();
        {
            // A restart: nothing claimed is posted again.
            Console restarted(m_ledger);
            QTRY_VERIFY_WITH_TIMEOUT(restarted.center()->evaluations() >= 1, 30000);
            QTRY_VERIFY_WITH_TIMEOUT(restarted.session.isMonitoring(), 30000);
            QVERIFY(restarted.settle());
            QVERIFY(restarted.settle());
            QTest::qWait(500);
        }
        QCOMPARE(m_receiver.requests().size(), afterFirst);
        // Each alert the consoles claimed is in the log, delivered (once) to Slack.
        QSet<QString> keys;
        int delivered = 0;
        for (const AlertRecord& r : ledgerAlerts(m_ledger)) {
            QVERIFY2(!keys.contains(r.kind + r.subject), qPrintable(r.kind + r.subject));
            keys.insert(r.kind + r.subject);
            QVERIFY2(r.delivery == AlertRecord::Delivery::Delivered, qPrintable(r.kind));
            QCOMPARE(r.deliveryAttempts, 1);
            ++delivered;
        }
        QCOMPARE(qsizetype(delivered), afterFirst);
        QVERIFY(keys.contains(QStringLiteral("budgettiny@100")));
        QVERIFY(keys.contains(ConsoleRules::batchEndedRule() + batch->id));
        // The webhook's secret is in no output.
        QVERIFY(!g_captured.isEmpty());
        QVERIFY2(!g_captured.contains(kToken), g_captured.constData());
    }

    // The console raises api_down from its own polls, as watch does: a refused key for longer
    // than alerts/api_down_minutes (the outage's start kept in the ledger, here as if 20 minutes
    // ago) is claimed, posted to Slack once, and its start kept while the key stays refused.
    void apiDownFromConsolePolls() {
        const QString path = m_dir.filePath(QStringLiteral("down.sqlite"));
        Ledger::setMainThreadGuard(false); // the test's own connection, before any console
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
            QVERIFY(SettingsStore(ledger).setValue(
                QStringLiteral("alerts/api_problem"),
                QStringLiteral("key_refused|") +
                    QDateTime::currentDateTimeUtc().addSecs(-20 * 60).toString(Qt::ISODateWithMs)));
        }
        Ledger::setMainThreadGuard(true);
        qputenv("ANTHROPIC_API_KEY", "not-the-sim-key");
        const qsizetype before = m_receiver.requests().size();
        {
            Console c(path);
            QTRY_VERIFY_WITH_TIMEOUT(m_receiver.requests().size() > before, 60000);
            QTRY_VERIFY_WITH_TIMEOUT(c.alerts->slack()->pendingCount() == 0, 30000);
            QVERIFY(c.settle());
            QVERIFY(c.settle());
            bool found = false;
            for (const Notification& n : c.center()->posted())
                found = found || (n.rule == QLatin1String("api_down") &&
                                  n.subject == QLatin1String("key_refused"));
            QVERIFY(found);
        }
        qputenv("ANTHROPIC_API_KEY", test::SimProcess::fakeKey().toUtf8());
        QCOMPARE(m_receiver.requests().size(), before + 1);
        const QByteArray body = m_receiver.requests().last().body;
        QVERIFY2(body.contains("refused the key"), body.constData());
        const QList<AlertRecord> log = ledgerAlerts(path);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().kind, QStringLiteral("api_down"));
        QVERIFY(log.first().delivery == AlertRecord::Delivery::Delivered);
        QVERIFY2(!g_captured.contains(kToken), g_captured.constData());
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    TestConsoleAlerts t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_consolealerts.moc"
