// `batchscope-cli reprice` end to end: results of a model the price table did not know are
// ingested (ResultIngestor with a test price table that lacks it, against a real
// batchscope-sim) and stay unpriced; then `reprice` runs as a process with the user's price
// file (pricing.json under XDG_CONFIG_HOME) knowing the model, prices exactly those rows,
// reports per model with exact money, and a second run changes nothing and says so.
#include "cost/costcalculator.h"
#include "cost/pricebook.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "monitor/ingestrecords.h"
#include "monitor/resultingestor.h"
#include "simclient.h"
#include "simprocess.h"
#include "testenv.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

const QString kModel = QStringLiteral("claude-haiku-4-5-20251001");
const QString kFutureModel = QStringLiteral("claude-future-9");

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// The built-in table as JSON, with `edit` applied to the entry of kModel (removed when edit
// returns an empty object).
QByteArray builtInWith(const std::function<QJsonObject(QJsonObject)>& edit) {
    QFile f(PriceBook::builtInPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QJsonArray models;
    for (const QJsonValue& m : root.value(QLatin1String("models")).toArray()) {
        QJsonObject o = m.toObject();
        if (o.value(QLatin1String("model_id")).toString() == kModel)
            o = edit(o);
        if (!o.isEmpty())
            models.append(o);
    }
    root[QLatin1String("models")] = models;
    return QJsonDocument(root).toJson();
}

} // namespace

class TestCliReprice : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;

    QString ledgerPath() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }
    QString configHome() const { return m_dir.filePath(QStringLiteral("config")); }

    Run cli(const QStringList& args, bool withKey) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ANTHROPIC_API_KEY"));
        if (withKey)
            env.insert(QStringLiteral("ANTHROPIC_API_KEY"), SimProcess::fakeKey());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BS_CLI_PATH),
                QStringList{QStringLiteral("--base-url"), m_sim.baseUrl().toString(),
                            QStringLiteral("--ledger"), ledgerPath()} +
                    args);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                              QStringLiteral("--error-rate"), QStringLiteral("0"),
                              QStringLiteral("--quiet")}),
                 qPrintable(m_sim.errorString()));
    }

    void repricesWhatTheTableLearned() {
        // 1. Six requests sent through the CLI; their results ingested with a table that lacks
        //    the model: six unpriced rows (never $0).
        const QString input = m_dir.filePath(QStringLiteral("in.jsonl"));
        {
            QFile f(input);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 6; ++i)
                f.write(
                    QJsonDocument(
                        QJsonObject{{QStringLiteral("custom_id"), QStringLiteral("p-%1").arg(i)},
                                    {QStringLiteral("params"),
                                     SimClient::params(QStringLiteral("price me %1").arg(i), 200,
                                                       QStringLiteral("claude-haiku-4-5"))}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
        }
        const Run submitted =
            cli({QStringLiteral("--json"), QStringLiteral("submit"), input,
                 QStringLiteral("--accept-warnings")}, // the alias is a warning: accepted here
                true);
        QVERIFY2(submitted.code == 0, submitted.err.constData());
        const QString batchId =
            submitted.json()[u"batches"].toArray().first().toObject()[u"id"].toString();
        QVERIFY(!batchId.isEmpty());

        QString error;
        const auto withoutModel =
            PriceBook::fromJson(builtInWith([](const QJsonObject&) { return QJsonObject(); }),
                                QStringLiteral("test table without the model"), &error);
        QVERIFY2(withoutModel, qPrintable(error));
        QVERIFY(!withoutModel->find(kModel));
        IngestOptions options;
        options.api.baseUrl = m_sim.baseUrl();
        options.api.apiKey = SimProcess::fakeKey();
        options.ledgerPath = ledgerPath();
        options.priceBook = *withoutModel;
        ResultIngestor ingestor(options);
        QVERIFY(ingestor.start(batchId));
        QVERIFY(ingestor.waitForFinished(60000));
        QVERIFY2(ingestor.report().isComplete(), qPrintable(ingestor.report().summary()));
        QCOMPARE(ingestor.report().unpriced, qint64(6));

        // A result of a model no table knows yet stays unpriced throughout.
        Ledger ledger;
        QVERIFY(ledger.open(ledgerPath()));
        ResultRow future;
        future.batchId = batchId;
        future.customId = QStringLiteral("from-the-future");
        future.type = QStringLiteral("succeeded");
        future.model = kFutureModel;
        future.usage.inputTokens = 1000;
        future.usage.outputTokens = 10;
        future.priced = false;
        QCOMPARE(ResultStore(ledger).insert({future}), qint64(1));
        QCOMPARE(CostQueries(ledger).total().unpriced, qint64(7));
        QCOMPARE(CostQueries(ledger).total().micros, Money(0));

        // 2. The user's price file teaches the table the model, at prices no other test uses.
        const QByteArray userFile = builtInWith([](QJsonObject o) {
            o[QLatin1String("input")] = 1.234567;
            o[QLatin1String("cache_write_5m")] = 1.5;
            o[QLatin1String("cache_write_1h")] = 2.5;
            o[QLatin1String("cache_read")] = 0.123457;
            o[QLatin1String("output")] = 7.654321;
            return o;
        });
        const QString userPath =
            configHome() + QStringLiteral("/Batchscope/Batchscope/pricing.json");
        QVERIFY(QDir().mkpath(QFileInfo(userPath).path()));
        {
            QFile f(userPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(userFile);
        }
        const auto userBook = PriceBook::fromJson(userFile, userPath, &error);
        QVERIFY2(userBook, qPrintable(error));
        const PriceBook book = PriceBook::builtIn().mergedWith(*userBook);
        Money expected = 0;
        QVERIFY(ResultStore(ledger).forEach(batchId, [&](const ResultRow& r) {
            if (r.model == kModel)
                expected +=
                    CostCalculator::costOfResult(book, r.type, r.model, r.usage, r.day).micros;
            return true;
        }));
        QVERIFY(expected > 0);

        // 3. --since after every row: nothing to do. A bad date is a usage error.
        const Run later = cli({QStringLiteral("--json"), QStringLiteral("reprice"),
                               QStringLiteral("--since"), QStringLiteral("2999-01-01")},
                              false);
        QVERIFY2(later.code == 0, later.err.constData());
        QCOMPARE(later.json()[u"repriced"].toInteger(), 0);
        QCOMPARE(CostQueries(ledger).total().unpriced, qint64(7));
        QCOMPARE(
            cli({QStringLiteral("reprice"), QStringLiteral("--since"), QStringLiteral("yesterday")},
                false)
                .code,
            1);

        // 4. reprice (no key needed): the six rows, exactly, per model; the future one stays.
        const Run first = cli({QStringLiteral("--json"), QStringLiteral("reprice")}, false);
        QVERIFY2(first.code == 0, first.err.constData());
        const QJsonObject fj = first.json();
        QVERIFY2(fj[u"price_sources"].toArray().contains(userPath), first.out.constData());
        QCOMPARE(fj[u"changed"].toBool(), true);
        QCOMPARE(fj[u"repriced"].toInteger(), 6);
        QCOMPARE(fj[u"cost_micros"].toInteger(), expected);
        QCOMPARE(fj[u"cost_usd"].toString(), QStringLiteral("%1.%2")
                                                 .arg(expected / 1000000)
                                                 .arg(expected % 1000000, 6, 10, QLatin1Char('0')));
        const QJsonArray models = fj[u"models"].toArray();
        QCOMPARE(models.size(), 1);
        QCOMPARE(models.first()[u"model"].toString(), kModel);
        QCOMPARE(models.first()[u"repriced"].toInteger(), 6);
        QCOMPARE(models.first()[u"cost_micros"].toInteger(), expected);
        QCOMPARE(fj[u"still_unpriced"].toInteger(), 1);
        QCOMPARE(fj[u"unpriced_models"].toArray().first()[u"model"].toString(), kFutureModel);
        // Money as written: an integer and a decimal string, never a floating point number.
        const QString text = QString::fromUtf8(first.out);
        QVERIFY2(text.contains(
                     QRegularExpression(QStringLiteral("\"cost_micros\":%1[,}]").arg(expected))),
                 qPrintable(text));
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("\"cost_micros\":[^,}]*[.eE]"))),
                 qPrintable(text));
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("\"cost_usd\":[^\"]"))),
                 qPrintable(text));

        ledger.close();
        QVERIFY(ledger.open(ledgerPath()));
        const CostTotals after = CostQueries(ledger).total();
        QCOMPARE(after.unpriced, qint64(1));
        QCOMPARE(after.micros, expected);

        // 5. Again: nothing changes, and it says so.
        const Run second = cli({QStringLiteral("--json"), QStringLiteral("reprice")}, false);
        QCOMPARE(second.code, 0);
        QCOMPARE(second.json()[u"changed"].toBool(), false);
        QCOMPARE(second.json()[u"repriced"].toInteger(), 0);
        QCOMPARE(second.json()[u"cost_micros"].toInteger(), 0);
        QCOMPARE(second.json()[u"still_unpriced"].toInteger(), 1);
        const Run human = cli({QStringLiteral("reprice")}, false);
        QCOMPARE(human.code, 0);
        QVERIFY2(human.out.contains("Nothing to reprice") &&
                     human.out.contains(kFutureModel.toUtf8()),
                 human.out.constData());
        ledger.close();
        QVERIFY(ledger.open(ledgerPath()));
        QCOMPARE(CostQueries(ledger).total(), after);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestCliReprice t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_clireprice.moc"
