#include "cost/pricebook.h"
#include "pricetable.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::kListPrices;
using bs::test::microsOf;

namespace {

QByteArray builtInJson() {
    QFile f(PriceBook::builtInPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

QByteArray overrideWith(const QJsonArray& models, const QJsonObject& extra = {}) {
    QJsonObject root = extra;
    root.insert(QStringLiteral("models"), models);
    return QJsonDocument(root).toJson();
}

QJsonObject modelJson(const QString& id, double input, double w5, double w1, double read,
                      double output, bool geo = false) {
    return QJsonObject{{QStringLiteral("model_id"), id},
                       {QStringLiteral("aliases"), QJsonArray{}},
                       {QStringLiteral("geo_multiplier_eligible"), geo},
                       {QStringLiteral("input"), input},
                       {QStringLiteral("cache_write_5m"), w5},
                       {QStringLiteral("cache_write_1h"), w1},
                       {QStringLiteral("cache_read"), read},
                       {QStringLiteral("output"), output}};
}

} // namespace

class TestPriceBook : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QFile::remove(PriceBook::userOverridePath()); }

    void builtInLoads() {
        QString error;
        const auto book = PriceBook::fromFile(PriceBook::builtInPath(), &error);
        QVERIFY2(book.has_value(), qPrintable(error));
        QVERIFY(!book->isEmpty());
        QCOMPARE(book->asOf(), QStringLiteral("2026-11-28"));
        QCOMPARE(book->batchMultiplierPpm(), qint64(500'000));
        QCOMPARE(book->geoUsMultiplierPpm(), qint64(1'100'000));
        QCOMPARE(book->webSearchMicrosPer1000(), qint64(10'000'000));
        QCOMPARE(book->modelIds().size(), qsizetype(std::size(kListPrices)));
        QVERIFY(!PriceBook::builtIn().isEmpty());
        QCOMPARE(PriceBook::builtIn().source(), PriceBook::builtInPath());
    }

    void everyModelPriced_data() {
        QTest::addColumn<int>("row");
        for (int i = 0; i < int(std::size(kListPrices)); ++i)
            QTest::newRow(kListPrices[i].id) << i;
    }

    void everyModelPriced() {
        QFETCH(int, row);
        const auto& want = kListPrices[row];
        const PriceBook book = PriceBook::builtIn();
        const ModelPricing* m = book.find(QLatin1String(want.id));
        QVERIFY(m);
        QCOMPARE(m->modelId, QLatin1String(want.id));
        const TokenPrices p = m->pricesOn({});
        QCOMPARE(p.input, microsOf(want.input));
        QCOMPARE(p.cacheWrite5m, microsOf(want.write5m));
        QCOMPARE(p.cacheWrite1h, microsOf(want.write1h));
        QCOMPARE(p.cacheRead, microsOf(want.read));
        QCOMPARE(p.output, microsOf(want.output));
        QCOMPARE(m->geoMultiplierEligible, want.geoEligible);
        QVERIFY(p.input > 0 && p.output > 0);
    }

    void historicalModelsAreMarked() {
        const PriceBook book = PriceBook::builtIn();
        QVERIFY(book.find(QStringLiteral("claude-3-opus-20240229"))->historical);
        QVERIFY(!book.find(QStringLiteral("claude-opus-5-5"))->historical);
    }

    void aliasesAndDatedIds_data() {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<QString>("canonical");
        const auto row = [](const char* a, const char* c) {
            QTest::newRow(a) << QString::fromLatin1(a) << QString::fromLatin1(c);
        };
        row("claude-opus-4-5", "claude-opus-4-5-20251101");
        row("claude-opus-4-1", "claude-opus-4-1-20250805");
        row("claude-opus-4-0", "claude-opus-4-20250514");
        row("claude-sonnet-4-5", "claude-sonnet-4-5-20250929");
        row("claude-sonnet-4-0", "claude-sonnet-4-20250514");
        row("claude-haiku-4-5", "claude-haiku-4-5-20251001");
        row("claude-3-5-haiku-latest", "claude-3-5-haiku-20241022");
        row("claude-3-7-sonnet-latest", "claude-3-7-sonnet-20250219");
        row("claude-3-opus-latest", "claude-3-opus-20240229");
        row("claude-haiku-4-5-20251001", "claude-haiku-4-5-20251001");
        row("claude-haiku-5-5", "claude-haiku-5-5");
        // A dated snapshot id of an undated (4.6+) id resolves to it.
        row("claude-opus-4-8-20260528", "claude-opus-4-8");
        row("claude-sonnet-5-5-20260928", "claude-sonnet-5-5");
        // Unknown
        row("claude-nova-1", "");
        row("claude-opus-4-8-2026", "");
        row("claude-opus-4-8-20261399", "");
        row("", "");
        row("CLAUDE-OPUS-5-5", "");
    }

    void aliasesAndDatedIds() {
        QFETCH(QString, asked);
        QFETCH(QString, canonical);
        QCOMPARE(PriceBook::builtIn().resolve(asked), canonical);
    }

    void sonnet55CacheReadIsEffectiveDated() {
        const ModelPricing* m = PriceBook::builtIn().find(QStringLiteral("claude-sonnet-5-5"));
        QVERIFY(m);
        QCOMPARE(m->pricesOn(QDate(2026, 9, 28)).cacheRead, qint64(200'000));
        QCOMPARE(m->pricesOn(QDate(2026, 10, 6)).cacheRead, qint64(200'000));
        QCOMPARE(m->pricesOn(QDate(2026, 10, 7)).cacheRead, qint64(100'000));
        QCOMPARE(m->pricesOn(QDate(2026, 11, 28)).cacheRead, qint64(100'000));
        QCOMPARE(m->pricesOn({}).cacheRead, qint64(100'000));
        // Other classes are unchanged by the history.
        QCOMPARE(m->pricesOn(QDate(2026, 10, 6)).input, qint64(2'000'000));
        QCOMPARE(m->pricesOn(QDate(2026, 10, 6)).output, qint64(10'000'000));
    }

    void haiku55LongPromptTier() {
        const ModelPricing* m = PriceBook::builtIn().find(QStringLiteral("claude-haiku-5-5"));
        QVERIFY(m && m->longPromptTier);
        QCOMPARE(m->longPromptTier->thresholdPromptTokens, qint64(100'000));
        QCOMPARE(m->longPromptTier->prices,
                 (TokenPrices{500'000, 625'000, 1'000'000, 50'000, 2'500'000}));
        int tiers = 0;
        const PriceBook book = PriceBook::builtIn();
        for (const QString& id : book.modelIds())
            tiers += book.find(id)->longPromptTier ? 1 : 0;
        QCOMPARE(tiers, 1); // the only model with a prompt-length band
    }

    void userOverrideMerges() {
        const QString path = PriceBook::userOverridePath();
        QVERIFY(path.endsWith(QStringLiteral("/pricing.json")));
        QJsonObject opus = modelJson(QStringLiteral("claude-opus-5-5"), 3, 3.75, 6, 0.15, 15, true);
        QJsonObject fresh = modelJson(QStringLiteral("claude-test-1"), 1, 1.25, 2, 0.1, 5);
        fresh.insert(QStringLiteral("aliases"), QJsonArray{QStringLiteral("claude-test")});
        QVERIFY(writeFile(
            path,
            overrideWith(
                QJsonArray{opus, fresh},
                QJsonObject{{QStringLiteral("server_tools"),
                             QJsonObject{{QStringLiteral("web_search"),
                                          QJsonObject{{QStringLiteral("usd_per_1000_searches"),
                                                       12.5}}}}}})));
        QString error;
        const PriceBook book = PriceBook::load(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(book.source().contains(path));
        QCOMPARE(book.find(QStringLiteral("claude-opus-5-5"))->base.input, qint64(3'000'000));
        QCOMPARE(book.resolve(QStringLiteral("claude-test")), QStringLiteral("claude-test-1"));
        QCOMPARE(book.find(QStringLiteral("claude-haiku-5-5"))->base.input, qint64(100'000));
        QCOMPARE(book.webSearchMicrosPer1000(), qint64(12'500'000));
        QCOMPARE(book.batchMultiplierPpm(), qint64(500'000)); // kept from the built-in book
        QCOMPARE(book.modelIds().size(), qsizetype(std::size(kListPrices)) + 1);
    }

    void malformedOverrideKeepsBuiltIn_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("field");

        QJsonObject bad = modelJson(QStringLiteral("claude-opus-5-5"), 3, 3.75, 6, 0.15, 15);
        bad.insert(QStringLiteral("cache_read"), QStringLiteral("cheap"));
        QTest::newRow("string price")
            << overrideWith(QJsonArray{bad}) << QStringLiteral("models[0].cache_read");

        QJsonObject missing = modelJson(QStringLiteral("claude-opus-5-5"), 3, 3.75, 6, 0.15, 15);
        missing.remove(QStringLiteral("output"));
        QTest::newRow("missing output")
            << overrideWith(QJsonArray{modelJson(QStringLiteral("x"), 1, 1, 1, 1, 1), missing})
            << QStringLiteral("models[1].output");

        QJsonObject negative = modelJson(QStringLiteral("claude-opus-5-5"), -3, 3.75, 6, 0.15, 15);
        QTest::newRow("negative") << overrideWith(QJsonArray{negative})
                                  << QStringLiteral("models[0].input");

        QJsonObject noGeo = modelJson(QStringLiteral("claude-opus-5-5"), 3, 3.75, 6, 0.15, 15);
        noGeo.remove(QStringLiteral("geo_multiplier_eligible"));
        QTest::newRow("no geo flag") << overrideWith(QJsonArray{noGeo})
                                     << QStringLiteral("models[0].geo_multiplier_eligible");

        QJsonObject noId = modelJson(QString(), 3, 3.75, 6, 0.15, 15);
        QTest::newRow("no id") << overrideWith(QJsonArray{noId})
                               << QStringLiteral("models[0].model_id");

        QJsonObject badHistory = modelJson(QStringLiteral("claude-opus-5-5"), 3, 3.75, 6, 0.15, 15);
        badHistory.insert(QStringLiteral("price_history"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("effective_from"), QStringLiteral("yesterday")}}});
        QTest::newRow("bad date") << overrideWith(QJsonArray{badHistory})
                                  << QStringLiteral("models[0].price_history[0].effective_from");

        QTest::newRow("models not a list")
            << QByteArrayLiteral("{\"models\": 3}") << QStringLiteral("models");
        QTest::newRow("not json") << QByteArrayLiteral("{\"models\": [") << QStringLiteral("JSON");
        QTest::newRow("bad multiplier")
            << overrideWith(QJsonArray{}, QJsonObject{{QStringLiteral("batch_discount"),
                                                       QJsonObject{{QStringLiteral("multiplier"),
                                                                    QStringLiteral("half")}}}})
            << QStringLiteral("batch_discount.multiplier");
        QTest::newRow("duplicate")
            << overrideWith(QJsonArray{modelJson(QStringLiteral("a"), 1, 1, 1, 1, 1),
                                       modelJson(QStringLiteral("a"), 1, 1, 1, 1, 1)})
            << QStringLiteral("models[1].model_id");
    }

    void malformedOverrideKeepsBuiltIn() {
        QFETCH(QByteArray, content);
        QFETCH(QString, field);
        const QString path = PriceBook::userOverridePath();
        QVERIFY(writeFile(path, content));
        QString error;
        const PriceBook book = PriceBook::load(&error);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(field), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("built-in")), qPrintable(error));
        // The built-in book, untouched.
        QCOMPARE(book.source(), PriceBook::builtInPath());
        QCOMPARE(book.find(QStringLiteral("claude-opus-5-5"))->base.input, qint64(4'000'000));
        QCOMPARE(book.batchMultiplierPpm(), qint64(500'000));
    }

    void unreadableOverrideIsReported() {
        const QString path = PriceBook::userOverridePath();
        QDir().mkpath(path); // a folder where the file should be
        QString error;
        const PriceBook book = PriceBook::load(&error);
        QVERIFY(error.contains(path));
        QVERIFY(!book.isEmpty());
        QDir().rmdir(path);
    }

    void builtInMustBeComplete() {
        // The built-in shape without its multipliers is refused (prices are data, not code).
        QJsonObject root = QJsonDocument::fromJson(builtInJson()).object();
        QVERIFY(!root.isEmpty());
        root.remove(QStringLiteral("data_residency"));
        QString error;
        QVERIFY(
            !PriceBook::fromJson(QJsonDocument(root).toJson(), QStringLiteral("x.json"), &error));
        QVERIFY(error.contains(QStringLiteral("data_residency.inference_geo_us_multiplier")));
        QVERIFY(error.contains(QStringLiteral("x.json")));
    }

    void microsFromUsd() {
        QCOMPARE(PriceBook::microsFromUsd(0.1), qint64(100'000));
        QCOMPARE(PriceBook::microsFromUsd(0.125), qint64(125'000));
        QCOMPARE(PriceBook::microsFromUsd(18.75), qint64(18'750'000));
        QVERIFY(!PriceBook::microsFromUsd(-1));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Batchscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Batchscope"));
    TestPriceBook test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pricebook.moc"
