// Reconciliation end to end: a mixed-model run (inference_geo "us", cache writes and reads, web
// search) is submitted with batchscope-cli to a real batchscope-sim, its results ingested by the
// client's ResultIngestor into a real SQLite ledger, then `batchscope-cli reconcile` compares
// the ledger with the simulator's Admin API cost report: they agree to the cent. With a price
// file in which one price is wrong, loaded as the client's table, the model's row is flagged and
// the exit code is 8. The Admin key appears in no output.
#include "cost/pricebook.h"
#include "monitor/ingestrecords.h"
#include "monitor/resultingestor.h"
#include "simclient.h"
#include "simprocess.h"
#include "testenv.h"
#include "testskip.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

const QString kAdminKey = QStringLiteral("test-admin-key-not-a-real-secret");
const QString kWrongModel = QStringLiteral("claude-haiku-4-5-20251001");

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// The built-in table with one price of kWrongModel changed (output $5 -> $10 per MTok).
QByteArray wrongTable() {
    QFile f(PriceBook::builtInPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QJsonArray models;
    for (const QJsonValue& m : root.value(QLatin1String("models")).toArray()) {
        QJsonObject o = m.toObject();
        if (o.value(QLatin1String("model_id")).toString() == kWrongModel)
            o[QLatin1String("output")] = 10.0;
        models.append(o);
    }
    root[QLatin1String("models")] = models;
    return QJsonDocument(root).toJson();
}

QByteArray mixedRun() {
    const QJsonObject webSearch{{QStringLiteral("type"), QStringLiteral("web_search_20250305")},
                                {QStringLiteral("name"), QStringLiteral("web_search")}};
    const QString shared =
        QStringLiteral("Shared reference text for every request. ").repeated(700);
    const QStringList models{QStringLiteral("claude-opus-4-6"), QStringLiteral("claude-sonnet-4-6"),
                             QStringLiteral("claude-haiku-5-5"), kWrongModel};
    QByteArray out;
    for (int i = 0; i < 24; ++i) {
        const QString model = models[i % 4];
        QJsonObject p = SimClient::params(QStringLiteral("Question %1").arg(i), 400, model);
        if (model != kWrongModel && i % 2 == 0)
            p[QStringLiteral("inference_geo")] = QStringLiteral("us");
        if (i % 3 == 0)
            p[QStringLiteral("tools")] = QJsonArray{webSearch};
        p[QStringLiteral("system")] = QJsonArray{
            QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                        {QStringLiteral("text"), shared},
                        {QStringLiteral("cache_control"),
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("ephemeral")}}}}};
        out +=
            QJsonDocument(QJsonObject{{QStringLiteral("custom_id"), QStringLiteral("m-%1").arg(i)},
                                      {QStringLiteral("params"), p}})
                .toJson(QJsonDocument::Compact) +
            '\n';
    }
    return out;
}

} // namespace

class TestCliReconcile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_allOutput; // every byte the CLI printed, for the leak check

    Run cli(const SimProcess& sim, const QString& ledger, const QStringList& args,
            const QString& adminKey = kAdminKey, const QByteArray& input = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ANTHROPIC_API_KEY"), SimProcess::fakeKey());
        env.remove(QStringLiteral("ANTHROPIC_ADMIN_KEY"));
        if (!adminKey.isEmpty())
            env.insert(QStringLiteral("ANTHROPIC_ADMIN_KEY"), adminKey);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BS_CLI_PATH),
                QStringList{QStringLiteral("--base-url"), sim.baseUrl().toString(),
                            QStringLiteral("--ledger"), ledger} +
                    args);
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        m_allOutput += r.out + r.err;
        return r;
    }

    // Submits the mixed run with the CLI and ingests it with `book` as the client's prices.
    void submitAndIngest(const SimProcess& sim, const QString& ledger, const PriceBook& book) {
        const QString input = m_dir.filePath(QStringLiteral("mixed.jsonl"));
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(mixedRun());
        f.close();
        const Run submitted = cli(sim, ledger,
                                  {QStringLiteral("--json"), QStringLiteral("submit"), input,
                                   QStringLiteral("--accept-warnings")});
        QVERIFY2(submitted.code == 0, submitted.err.constData());
        const QString batchId =
            submitted.json()[u"batches"].toArray().first().toObject()[u"id"].toString();
        QVERIFY(!batchId.isEmpty());
        IngestOptions options;
        options.api.baseUrl = sim.baseUrl();
        options.api.apiKey = SimProcess::fakeKey();
        options.ledgerPath = ledger;
        options.priceBook = book;
        ResultIngestor ingestor(options);
        QVERIFY(ingestor.start(batchId));
        QVERIFY(ingestor.waitForFinished(60000));
        QVERIFY2(ingestor.report().isComplete(), qPrintable(ingestor.report().summary()));
    }

    QStringList simArgs() const {
        return {QStringLiteral("--speed"),      QStringLiteral("0"),
                QStringLiteral("--error-rate"), QStringLiteral("0"),
                QStringLiteral("--api-key"),    SimProcess::fakeKey(),
                QStringLiteral("--admin-key"),  kAdminKey,
                QStringLiteral("--quiet")};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void agreesToTheCent() {
        SimProcess sim;
        QVERIFY2(sim.start(simArgs()), qPrintable(sim.errorString()));
        const QString ledger = m_dir.filePath(QStringLiteral("right.sqlite"));
        submitAndIngest(sim, ledger, PriceBook::builtIn());
        if (QTest::currentTestFailed())
            return;

        const Run r = cli(sim, ledger, {QStringLiteral("--json"), QStringLiteral("reconcile")});
        QVERIFY2(r.code == 0, r.out.constData());
        const QJsonArray rows = r.json()[u"rows"].toArray();
        QSet<QString> models;
        bool webSearch = false;
        for (const QJsonValue& v : rows) {
            const QJsonObject o = v.toObject();
            QVERIFY2(!o[u"flagged"].toBool(), QJsonDocument(o).toJson().constData());
            // To the cent: the ledger rounds each result once to micro-dollars, Anthropic sums
            // exactly; what is left is far below half a cent.
            QVERIFY2(std::abs(o[u"difference_micros"].toInteger()) < 5000,
                     QJsonDocument(o).toJson().constData());
            QVERIFY(o[u"anthropic_micros"].toInteger() > 0);
            if (o[u"kind"].toString() == u"web_search")
                webSearch = true;
            else
                models.insert(o[u"model"].toString());
        }
        QCOMPARE(models.size(), 4); // opus 4.6 (geo), sonnet 4.6, haiku 5.5 (geo), haiku 4.5
        QVERIFY(webSearch);
        QCOMPARE(r.json()[u"flagged"].toInt(), 0);

        // The human table says the same, and an ordinary API key is refused (exit 4).
        const Run human = cli(sim, ledger, {QStringLiteral("reconcile")});
        QCOMPARE(human.code, 0);
        QVERIFY(human.out.contains("claude-opus-4-6"));
        const Run refused = cli(sim, ledger, {QStringLiteral("reconcile")}, SimProcess::fakeKey());
        QCOMPARE(refused.code, 4);
        QVERIFY(refused.err.contains("Admin API key"));
        const Run missing = cli(sim, ledger, {QStringLiteral("reconcile")}, QString());
        QCOMPARE(missing.code, 4);
        QVERIFY(missing.err.contains("key set --admin"));

        // The Admin key from the keychain (`key set --admin` reads it from stdin).
        if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
            BS_SKIP_OR_FAIL("no D-Bus session with a Secret Service (./dev test provides one)");
        const Run set = cli(
            sim, ledger, {QStringLiteral("key"), QStringLiteral("set"), QStringLiteral("--admin")},
            QString(), kAdminKey.toUtf8() + '\n');
        QVERIFY2(set.code == 0, set.err.constData());
        QVERIFY(set.out.contains("Admin API key stored"));
        const Run fromKeychain = cli(sim, ledger, {QStringLiteral("reconcile")}, QString());
        QVERIFY2(fromKeychain.code == 0,
                 QByteArray(fromKeychain.out + fromKeychain.err).constData());
        const Run clear = cli(
            sim, ledger,
            {QStringLiteral("key"), QStringLiteral("clear"), QStringLiteral("--admin")}, QString());
        QCOMPARE(clear.code, 0);
        QCOMPARE(cli(sim, ledger, {QStringLiteral("reconcile")}, QString()).code, 4);
    }

    void wrongPriceIsFlagged() {
        SimProcess sim;
        QVERIFY2(sim.start(simArgs()), qPrintable(sim.errorString()));
        const QString path = m_dir.filePath(QStringLiteral("wrong-pricing.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(wrongTable());
        }
        QString error;
        const PriceBook wrong = PriceBook::load(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(wrong.find(kWrongModel)->base.output, qint64(10000000));
        const QString ledger = m_dir.filePath(QStringLiteral("wrong.sqlite"));
        submitAndIngest(sim, ledger, wrong);
        if (QTest::currentTestFailed())
            return;

        const Run r = cli(sim, ledger, {QStringLiteral("--json"), QStringLiteral("reconcile")});
        QCOMPARE(r.code, 8);
        int flagged = 0;
        for (const QJsonValue& v : r.json()[u"rows"].toArray()) {
            const QJsonObject o = v.toObject();
            const bool wrongRow = o[u"model"].toString() == kWrongModel;
            QCOMPARE(o[u"flagged"].toBool(), wrongRow);
            if (wrongRow) {
                ++flagged;
                QVERIFY(o[u"difference_micros"].toInteger() > 0); // the ledger paid too much
            }
        }
        QCOMPARE(flagged, 1);
        const Run human = cli(sim, ledger, {QStringLiteral("reconcile")});
        QCOMPARE(human.code, 8);
        QVERIFY(human.out.contains("FLAGGED"));
    }

    void cleanupTestCase() {
        // The Admin key was in every run's environment: it appears in no output.
        QVERIFY(!m_allOutput.isEmpty());
        QVERIFY(!m_allOutput.contains(kAdminKey.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliReconcile)
#include "tst_clireconcile.moc"
