// `batchscope-cli watch` and `alerts` as an operator runs them: real processes against a real
// batchscope-sim, a real SQLite ledger, a real HTTP receiver on loopback standing in for Slack,
// a real UDP socket for DogStatsD and (under ./dev test) a real Secret Service.
#include "../metrics/metricsparse.h"
#include "ledger/alertlog.h"
#include "ledger/alertstate.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"
#include "simprocess.h"
#include "testenv.h"
#include "testskip.h"
#include "webhookreceiver.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace bs;
using namespace bs::test;
using namespace bs::metricstest;

namespace {
struct Run {
    int code = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

const QByteArray kToken = "W4tchS3cr3tT0k3nXYZ";
} // namespace

class TestWatch : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;
    WebhookReceiver m_receiver;
    QByteArray m_allOutput;
    QString m_apiKey = SimProcess::fakeKey();

    QString ledgerPath(const QString& name) const {
        return m_dir.filePath(name + QStringLiteral(".sqlite"));
    }
    QUrl webhook() const { return m_receiver.url("/services/T0W/B0W/" + kToken); }

    QProcess* start(const QString& ledger, const QStringList& args, bool webhookInEnv = true) {
        auto* p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ANTHROPIC_API_KEY"), m_apiKey);
        env.remove(QStringLiteral("BATCHSCOPE_SLACK_WEBHOOK_URL"));
        if (webhookInEnv)
            env.insert(QStringLiteral("BATCHSCOPE_SLACK_WEBHOOK_URL"), webhook().toString());
        env.insert(QStringLiteral("BS_TEST_SLACK_TIME_SCALE"), QStringLiteral("0.001"));
        p->setProcessEnvironment(env);
        QStringList all{QStringLiteral("--base-url"), m_sim.baseUrl().toString(),
                        QStringLiteral("--ledger"), ledger};
        p->start(QStringLiteral(BS_CLI_PATH), all + args);
        p->waitForStarted();
        return p;
    }

    // Waits with the event loop running (the receiver answers meanwhile).
    Run finish(QProcess* p, const QByteArray& stdinData = {}) {
        if (!stdinData.isNull())
            p->write(stdinData);
        p->closeWriteChannel();
        if (p->state() != QProcess::NotRunning) {
            QSignalSpy done(p, &QProcess::finished);
            done.wait(120000);
        }
        Run r;
        const bool running = p->state() != QProcess::NotRunning;
        if (running) {
            p->kill();
            p->waitForFinished(10000);
        }
        r.crashed = p->exitStatus() != QProcess::NormalExit;
        r.code = running ? -3 : r.crashed ? -2 : p->exitCode();
        r.out = p->readAllStandardOutput();
        r.err = p->readAllStandardError();
        m_allOutput += r.out + r.err;
        p->deleteLater();
        return r;
    }

    Run cli(const QString& ledger, const QStringList& args, const QByteArray& stdinData = {},
            bool webhookInEnv = true) {
        return finish(start(ledger, args, webhookInEnv), stdinData);
    }

    // A batch submitted (not waited for) into `ledger`: the watcher polls and ingests it.
    void submit(const QString& ledger, int requests) {
        const QString path = m_dir.filePath(QStringLiteral("in-%1.jsonl").arg(requests));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < requests; ++i) {
            const QJsonObject params{
                {QStringLiteral("model"), QStringLiteral("claude-haiku-5-5")},
                {QStringLiteral("max_tokens"), 64},
                {QStringLiteral("messages"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("role"), QStringLiteral("user")},
                     {QStringLiteral("content"), QStringLiteral("question %1").arg(i)}}}}};
            f.write(QJsonDocument(
                        QJsonObject{{QStringLiteral("custom_id"), QStringLiteral("q-%1").arg(i)},
                                    {QStringLiteral("params"), params}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
        }
        f.close();
        // The ledger's tiny budget is there to fire the budget alert: the gate would stop the
        // submission, so it is overridden (and recorded).
        const Run r =
            cli(ledger, {QStringLiteral("submit"), path, QStringLiteral("--override-budget"),
                         QStringLiteral("tst_watch: the budget alert must fire")});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    // A $0.000001 total budget (any spend uses it up) and a 5 % errored threshold.
    static void configure(const QString& path) {
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("tiny"), 1, BudgetSetting::Period::Total}));
        QVERIFY(SettingsStore(ledger).setValue(QStringLiteral("alerts/errored_percent"),
                                               QStringLiteral("5")));
    }

    static QList<AlertRecord> alerts(const QString& path) {
        Ledger ledger;
        if (!ledger.open(path))
            return {};
        return AlertLog(ledger).recent();
    }

    static QStringList keys(const QList<AlertRecord>& list) {
        QStringList out;
        for (const AlertRecord& a : list)
            out << a.kind + QLatin1Char('/') + a.subject;
        out.sort();
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_receiver.start());
        QVERIFY2(
            m_sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--seed"),
                         QStringLiteral("12"), QStringLiteral("--error-rate"),
                         QStringLiteral("0.5"), QStringLiteral("--quiet")}),
            qPrintable(m_sim.errorString()));
    }

    void usage() {
        const QString l = ledgerPath(QStringLiteral("usage"));
        QCOMPARE(cli(l, {QStringLiteral("watch"), QStringLiteral("--metrics-listen"),
                         QStringLiteral("nonsense")})
                     .code,
                 1);
        QCOMPARE(cli(l, {QStringLiteral("watch"), QStringLiteral("--statsd"),
                         QStringLiteral("127.0.0.1:0")})
                     .code,
                 1);
        const Run empty = cli(l, {QStringLiteral("--json"), QStringLiteral("alerts")});
        QCOMPARE(empty.code, 0);
        QCOMPARE(empty.json()[u"alerts"].toArray().size(), 0);
    }

    // Two `watch --once` on one ledger at the same time, then a third after them: every
    // threshold fires exactly once, each alert reaches the receiver once (the first delivery
    // after two 500s), and the alert log says so.
    void firesOnceAcrossWatchersAndRestart() {
        const QString l = ledgerPath(QStringLiteral("twice"));
        configure(l);
        submit(l, 20);
        m_receiver.script({500, 500});
        const qsizetype before = m_receiver.requests().size();

        QProcess* a = start(l, {QStringLiteral("watch"), QStringLiteral("--once")});
        QProcess* b = start(l, {QStringLiteral("watch"), QStringLiteral("--once")});
        const Run ra = finish(a);
        const Run rb = finish(b);
        QVERIFY2(ra.code == 0, QByteArray(ra.out + ra.err).constData());
        QVERIFY2(rb.code == 0, QByteArray(rb.out + rb.err).constData());

        auto list = alerts(l);
        const QStringList fired = keys(list);
        QVERIFY2(fired.contains(QStringLiteral("budget/tiny@100")),
                 qPrintable(fired.join(QLatin1Char(','))));
        QVERIFY2(fired.filter(QStringLiteral("errored_share/msgbatch_")).size() == 1,
                 qPrintable(fired.join(QLatin1Char(','))));
        QCOMPARE(fired.size(), 2); // the quiet 50 % and 80 % are held, not logged
        for (const AlertRecord& r : list) {
            QCOMPARE(r.delivery, AlertRecord::Delivery::Delivered);
            QVERIFY(r.deliveryAttempts >= 1);
        }
        // 2 alerts, one of them after two refused attempts.
        const auto requests = m_receiver.requests().mid(before);
        QCOMPARE(requests.size(), 4);
        QSet<QByteArray> bodies;
        for (const auto& r : requests)
            bodies.insert(r.body);
        QCOMPARE(bodies.size(), 2);
        // One event line each, in one process or the other.
        QCOMPARE(QByteArray(ra.out + rb.out).count("Z alert ["), 2);
        QCOMPARE(QByteArray(ra.out + rb.out).count(" alert_delivered "), 2);

        // A restart: nothing fires again.
        const Run rc = cli(l, {QStringLiteral("watch"), QStringLiteral("--once")});
        QVERIFY2(rc.code == 0, rc.err.constData());
        QCOMPARE(alerts(l).size(), 2);
        QCOMPARE(m_receiver.requests().size(), before + 4);
        QVERIFY2(!rc.out.contains("Z alert ["), rc.out.constData());

        // `alerts` lists them.
        const Run listed = cli(l, {QStringLiteral("--json"), QStringLiteral("alerts")});
        QCOMPARE(listed.code, 0);
        const QJsonArray items = listed.json()[u"alerts"].toArray();
        QCOMPARE(items.size(), 2);
        for (const QJsonValue& v : items) {
            QCOMPARE(v[u"delivery"].toString(), QStringLiteral("delivered"));
            QVERIFY(!v[u"message"].toString().isEmpty());
        }
        const Run human = cli(l, {QStringLiteral("alerts")});
        QVERIFY2(human.out.contains("budget") && human.out.contains("delivered"),
                 human.out.constData());
    }

    // A webhook that keeps answering 500 (the URL from the keychain this time): each attempt
    // is retried with backoff, the failure is logged with its status, the watcher still ends
    // well.
    void failingWebhookIsRetriedAndLogged() {
        if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
            BS_SKIP_OR_FAIL("no D-Bus session with a Secret Service (./dev test provides one)");
        const QString l = ledgerPath(QStringLiteral("failing"));
        const Run set = cli(
            l, {QStringLiteral("key"), QStringLiteral("set"), QStringLiteral("--slack-webhook")},
            webhook().toString().toUtf8() + '\n', false);
        QVERIFY2(set.code == 0, set.err.constData());
        QVERIFY2(set.out.contains("Slack webhook URL stored"), set.out.constData());
        configure(l);
        submit(l, 20);
        m_receiver.script(QList<int>(40, 500));
        const qsizetype before = m_receiver.requests().size();
        const Run r = cli(l, {QStringLiteral("watch"), QStringLiteral("--once")}, {}, false);
        QVERIFY2(r.code == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains("Slack alerts: on"), r.out.constData());
        // The budget once, and each ended batch with too many errors once (the watcher also
        // tracks the batch of the test before: the sim's workspace is shared).
        const auto list = alerts(l);
        const QStringList fired = keys(list);
        QCOMPARE(fired.filter(QStringLiteral("budget/")).size(), 1);
        QVERIFY2(fired.filter(QStringLiteral("errored_share/")).size() >= 1,
                 qPrintable(fired.join(QLatin1Char(','))));
        QCOMPARE(QSet<QString>(fired.cbegin(), fired.cend()).size(), fired.size());
        for (const AlertRecord& a : list) {
            QCOMPARE(a.delivery, AlertRecord::Delivery::Failed);
            QCOMPARE(a.deliveryAttempts, 5); // 1 + RetryPolicy's 4 retries
            QVERIFY2(a.deliveryNote.contains(QStringLiteral("HTTP 500")),
                     qPrintable(a.deliveryNote));
        }
        QCOMPARE(m_receiver.requests().size(), before + 5 * list.size());
        QCOMPARE(r.out.count(" alert_delivery_failed "), list.size());
        m_receiver.script({});
        const Run cleared = cli(
            l, {QStringLiteral("key"), QStringLiteral("clear"), QStringLiteral("--slack-webhook")},
            {}, false);
        QCOMPARE(cleared.code, 0);
    }

    // `watch --once` from cron: the outage's start is kept in the ledger, so a key refused for
    // longer than alerts/api_down_minutes fires api_down once; a good cycle clears it.
    void apiDownAcrossCronRuns() {
        const QString l = ledgerPath(QStringLiteral("down"));
        m_apiKey = QStringLiteral("not-the-sim-key");
        Run r = cli(l, {QStringLiteral("watch"), QStringLiteral("--once")});
        QCOMPARE(r.code, 4); // refused key
        QVERIFY2(r.out.contains(" poll_failed "), r.out.constData());
        QVERIFY(alerts(l).isEmpty()); // the outage has just begun
        {
            // As if that first failure had been 20 minutes ago.
            Ledger ledger;
            QVERIFY(ledger.open(l));
            const QString stored =
                SettingsStore(ledger).value(QStringLiteral("alerts/api_problem"));
            QVERIFY2(stored.startsWith(QStringLiteral("key_refused|")), qPrintable(stored));
            QVERIFY(SettingsStore(ledger).setValue(
                QStringLiteral("alerts/api_problem"),
                QStringLiteral("key_refused|") +
                    QDateTime::currentDateTimeUtc().addSecs(-20 * 60).toString(Qt::ISODateWithMs)));
        }
        r = cli(l, {QStringLiteral("watch"), QStringLiteral("--once")});
        QCOMPARE(r.code, 4);
        r = cli(l, {QStringLiteral("watch"), QStringLiteral("--once")});
        QCOMPARE(r.code, 4);
        QCOMPARE(keys(alerts(l)), QStringList{QStringLiteral("api_down/key_refused")});
        QVERIFY2(alerts(l).first().message.contains(QStringLiteral("key set")),
                 qPrintable(alerts(l).first().message));
        m_apiKey = SimProcess::fakeKey();
        r = cli(l, {QStringLiteral("watch"), QStringLiteral("--once")});
        QVERIFY2(r.code == 0, r.err.constData());
        Ledger ledger;
        QVERIFY(ledger.open(l));
        QVERIFY(SettingsStore(ledger).value(QStringLiteral("alerts/api_problem")).isEmpty());
        for (const AlertKey& k : AlertState(ledger).active())
            QVERIFY2(k.rule != QLatin1String("api_down"), qPrintable(k.subject)); // cleared
    }

    // A long-running watcher: the metrics URL is its first line; /metrics passes promtool and
    // equals the ledger; DogStatsD datagrams arrive; SIGTERM stops it cleanly (exit 0).
    void metricsStatsdAndSigterm() {
        const QString l = ledgerPath(QStringLiteral("twice"));
        QUdpSocket agent;
        QVERIFY(agent.bind(QHostAddress::LocalHost, 0));
        QProcess* p = start(l, {QStringLiteral("watch"), QStringLiteral("--metrics-listen"),
                                QStringLiteral("127.0.0.1:0"), QStringLiteral("--statsd"),
                                QStringLiteral("127.0.0.1:%1").arg(agent.localPort())});
        QTRY_VERIFY_WITH_TIMEOUT(p->canReadLine(), 30000);
        const QByteArray first = p->readLine().trimmed();
        const QUrl url(QString::fromUtf8(first));
        QVERIFY2(url.isValid() && url.scheme() == QLatin1String("http") &&
                     url.path() == QLatin1String("/metrics") && url.port() > 0,
                 first.constData());

        // The watcher may still be ingesting (it sees every batch of the sim's workspace):
        // the figures are compared once they have settled, each source against the ledger as it
        // is at that moment.
        QList<QByteArray> datagrams;
        QByteArray body;
        QString mismatch;
        auto settled = [&] {
            while (agent.hasPendingDatagrams()) {
                QByteArray d(int(agent.pendingDatagramSize()), '\0');
                agent.readDatagram(d.data(), d.size());
                datagrams << d;
            }
            QNetworkAccessManager nam;
            QNetworkReply* reply = nam.get(QNetworkRequest(url));
            QSignalSpy got(reply, &QNetworkReply::finished);
            if (!got.wait(30000))
                return false;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            body = reply->readAll();
            reply->deleteLater();
            if (status != 200 || datagrams.isEmpty())
                return false;
            const auto scraped = parsePrometheus(body);
            const auto pushed = parseDogStatsd(datagrams); // later pushes overwrite earlier ones
            Ledger ledger;
            if (!ledger.open(l))
                return false;
            const auto groups = CostQueries(ledger).groupedBy(CostQueries::Grouping::Model);
            if (groups.isEmpty())
                return false;
            for (const CostGroup& g : groups) {
                // Errored results carry no model: they are exported as model "unknown".
                const QString model = g.key.isEmpty() ? QStringLiteral("unknown") : g.key;
                const qint64 s1 = micros(scraped.value(
                    QStringLiteral("batchscope_spend_usd_total{model=\"%1\"}").arg(model)));
                const qint64 s2 = micros(
                    pushed.value(QStringLiteral("batchscope.spend_usd_total|model:%1").arg(model)));
                const qint64 out = scraped
                                       .value(QStringLiteral("batchscope_tokens_total{model="
                                                             "\"%1\",class=\"output\"}")
                                                  .arg(model))
                                       .toLongLong();
                mismatch = QStringLiteral("%1: ledger %2 / %3 tokens, scraped %4 / %5, pushed %6")
                               .arg(model)
                               .arg(g.totals.micros)
                               .arg(g.totals.outputTokens)
                               .arg(s1)
                               .arg(out)
                               .arg(s2);
                if (s1 != g.totals.micros || s2 != g.totals.micros || out != g.totals.outputTokens)
                    return false;
            }
            return parsePrometheus(body)
                       .value(QStringLiteral("batchscope_polls_total"))
                       .toLongLong() >= 1;
        };
        bool ok = false;
        for (int i = 0; i < 60 && !ok; ++i) {
            ok = settled();
            if (!ok)
                QTest::qWait(500);
        }
        QVERIFY2(ok, qPrintable(mismatch));
        QByteArray lint;
        const int rc = promtoolCheck(body, &lint);
        QVERIFY2(rc != -1, "promtool is missing: run ./dev setup (Debian package prometheus)");
        QVERIFY2(rc == 0, QByteArray(lint + "\n" + body).constData());

        p->terminate(); // SIGTERM
        const Run r = finish(p);
        QVERIFY2(!r.crashed && r.code == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.out.contains(" stopping SIGTERM received") && r.out.contains(" watch_stopped "),
                 r.out.constData());
    }

    // The webhook URL's secret part is in no output and in no file (ledgers, HOME).
    void webhookNeverLeaks() {
        // Self-contained: a watcher that fires and delivers an alert runs here too, so there is
        // output, a ledger and a HOME to search even when this slot runs alone.
        const QString l = ledgerPath(QStringLiteral("leak"));
        configure(l);
        submit(l, 5);
        const qsizetype before = m_receiver.requests().size();
        const Run r = cli(l, {QStringLiteral("watch"), QStringLiteral("--once")});
        QVERIFY2(r.code == 0, QByteArray(r.out + r.err).constData());
        QVERIFY(m_receiver.requests().size() > before); // the webhook was used
        QVERIFY(!m_allOutput.isEmpty());
        QVERIFY2(!m_allOutput.contains(kToken), m_allOutput.constData());
        for (const QString& root : {m_dir.path(), TestEnv::root()}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.fileName().contains(QLatin1String("keyrings")))
                    continue; // the keyring holds it, encrypted: that is its place
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                QVERIFY2(!f.readAll().contains(kToken), qPrintable(f.fileName()));
            }
        }
    }
};

int main(int argc, char** argv) {
    TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestWatch t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_watch.moc"
