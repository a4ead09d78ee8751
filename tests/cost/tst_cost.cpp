#include "cost/budget.h"
#include "cost/costcalculator.h"
#include "cost/money.h"
#include "ledger/ledger.h"
#include "pricetable.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::kListPrices;
using bs::test::microsOf;

namespace {

const PriceBook& book() {
    static const PriceBook b = PriceBook::builtIn();
    return b;
}

Usage batchUsage() {
    Usage u;
    u.serviceTier = QStringLiteral("batch");
    return u;
}

enum class TokenClass { Input, Write5m, Write1h, Read, Output };

} // namespace

class TestCost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!book().isEmpty()); }

    // Every model x every token class, 100,000 tokens of that class alone, at the batch 50 %.
    // Expected: list price (typed in from pricing.md) * 100,000 / 1,000,000 / 2.
    void everyModelEveryClass_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("tokenClass");
        QTest::addColumn<qint64>("expected");
        const char* names[] = {"input", "5m", "1h", "read", "output"};
        for (const auto& row : kListPrices) {
            const char* prices[] = {row.input, row.write5m, row.write1h, row.read, row.output};
            for (int c = 0; c < 5; ++c) {
                const qint64 expected = microsOf(prices[c]) / 20;
                QTest::addRow("%s/%s", row.id, names[c])
                    << QString::fromLatin1(row.id) << c << expected;
            }
        }
    }

    void everyModelEveryClass() {
        QFETCH(QString, model);
        QFETCH(int, tokenClass);
        QFETCH(qint64, expected);
        Usage u = batchUsage();
        u.hasCacheCreationBreakdown = true;
        switch (TokenClass(tokenClass)) {
        case TokenClass::Input:
            u.inputTokens = 100'000;
            break;
        case TokenClass::Write5m:
            u.cacheCreationInputTokens = u.ephemeral5mInputTokens = 100'000;
            break;
        case TokenClass::Write1h:
            u.cacheCreationInputTokens = u.ephemeral1hInputTokens = 100'000;
            break;
        case TokenClass::Read:
            u.cacheReadInputTokens = 100'000;
            break;
        case TokenClass::Output:
            u.outputTokens = 100'000;
            break;
        }
        const CostResult r = costOf(book(), model, u, QDate(2026, 11, 28));
        QVERIFY(r.priced);
        QVERIFY(r.billed);
        QVERIFY(r.batchDiscount);
        QCOMPARE(r.band, PriceBand::Standard);
        QCOMPARE(r.model, model);
        QCOMPARE(r.micros, expected);
        // Without the batch tier the list price applies: exactly twice as much.
        u.serviceTier = QStringLiteral("standard");
        QCOMPARE(costOf(book(), model, u, QDate(2026, 11, 28)).micros, expected * 2);
    }

    // Hand-computed cases. micro-dollars = tokens * USD-per-MTok (before multipliers).
    void handComputed_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QByteArray>("usage");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<int>("band"); // 0 standard, 1 long prompt
        const QDate today(2026, 11, 28);

        // Haiku 5.5 at exactly 100,000 prompt tokens: low band, output too.
        // (100000*0.10 + 1000*0.50) * 0.5 = (10000 + 500) / 2 = 5250
        QTest::newRow("haiku55 prompt 100000 low band")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":100000,"output_tokens":1000,"service_tier":"batch"})")
            << today << qint64(5250) << 0;
        // 100,001: every class at the high band. (100001*0.5 + 1000*2.5)/2 = 52500.5/2
        // = 26250.25 -> 26250
        QTest::newRow("haiku55 prompt 100001 high band")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":100001,"output_tokens":1000,"service_tier":"batch"})")
            << today << qint64(26250) << 1;
        // The prompt counts cache writes and reads: 50000 + 20000 + 30000 = 100000 -> low.
        // (50000*0.10 + 20000*0.125 + 30000*0.01) / 2 = (5000 + 2500 + 300) / 2 = 3900
        QTest::newRow("haiku55 cached prompt 100000 low")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":50000,"cache_creation_input_tokens":20000,
                 "cache_creation":{"ephemeral_5m_input_tokens":20000,"ephemeral_1h_input_tokens":0},
                 "cache_read_input_tokens":30000,"output_tokens":0,"service_tier":"batch"})")
            << today << qint64(3900) << 0;
        // One more write token: (50000*0.5 + 20001*0.625 + 30000*0.05) / 2
        // = (25000 + 12500.625 + 1500) / 2 = 19500.3125 -> 19500
        QTest::newRow("haiku55 cached prompt 100001 high")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":50000,"cache_creation_input_tokens":20001,
                 "cache_creation":{"ephemeral_5m_input_tokens":20001,"ephemeral_1h_input_tokens":0},
                 "cache_read_input_tokens":30000,"output_tokens":0,"service_tier":"batch"})")
            << today << qint64(19500) << 1;
        // High band with 1h writes and output: (60000*0.5 + 50000*1.0 + 2000*2.5)/2
        // = (30000 + 50000 + 5000)/2 = 42500
        QTest::newRow("haiku55 high band 1h + output")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":60000,"cache_creation_input_tokens":50000,
                 "cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":50000},
                 "output_tokens":2000,"service_tier":"batch"})")
            << today << qint64(42500) << 1;
        // Other models have no band: Haiku 4.5 at 150,000 input = 150000*1/2 = 75000.
        QTest::newRow("haiku45 no band")
            << QStringLiteral("claude-haiku-4-5-20251001")
            << QByteArray(R"({"input_tokens":150000,"output_tokens":0,"service_tier":"batch"})")
            << today << qint64(75000) << 0;

        // Missing cache_creation breakdown: all writes at the 5m rate. 10000*5/2 = 25000
        QTest::newRow("no breakdown -> 5m")
            << QStringLiteral("claude-opus-5-5")
            << QByteArray(R"({"input_tokens":0,"cache_creation_input_tokens":10000,
                 "output_tokens":0,"service_tier":"batch"})")
            << today << qint64(25000) << 0;
        // With a breakdown saying 1h: 10000*8/2 = 40000
        QTest::newRow("breakdown 1h")
            << QStringLiteral("claude-opus-5-5")
            << QByteArray(R"({"input_tokens":0,"cache_creation_input_tokens":10000,
                 "cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":10000},
                 "output_tokens":0,"service_tier":"batch"})")
            << today << qint64(40000) << 0;
        // Mixed: (4000*5 + 6000*8)/2 = (20000 + 48000)/2 = 34000
        QTest::newRow("breakdown mixed") << QStringLiteral("claude-opus-5-5")
                                         << QByteArray(R"({"cache_creation_input_tokens":10000,
                 "cache_creation":{"ephemeral_5m_input_tokens":4000,"ephemeral_1h_input_tokens":6000},
                 "service_tier":"batch"})")
                                         << today << qint64(34000) << 0;

        // inference_geo us: 1.1x on eligible (4.6+) models only.
        // Opus 5.5: 1e6 * 4 / 2 * 1.1 = 2,200,000
        QTest::newRow("geo us opus55")
            << QStringLiteral("claude-opus-5-5")
            << QByteArray(R"({"input_tokens":1000000,"service_tier":"batch","inference_geo":"us"})")
            << today << qint64(2'200'000) << 0;
        // Sonnet 4.6 (eligible): 1e6 * 3 / 2 * 1.1 = 1,650,000
        QTest::newRow("geo us sonnet46")
            << QStringLiteral("claude-sonnet-4-6")
            << QByteArray(R"({"input_tokens":1000000,"service_tier":"batch","inference_geo":"us"})")
            << today << qint64(1'650'000) << 0;
        // Opus 4.5 (not eligible): 1e6 * 5 / 2 = 2,500,000
        QTest::newRow("geo us opus45 not eligible")
            << QStringLiteral("claude-opus-4-5")
            << QByteArray(R"({"input_tokens":1000000,"service_tier":"batch","inference_geo":"us"})")
            << today << qint64(2'500'000) << 0;
        QTest::newRow("geo us haiku45 not eligible")
            << QStringLiteral("claude-haiku-4-5")
            << QByteArray(
                   R"({"output_tokens":1000000,"service_tier":"batch","inference_geo":"us"})")
            << today << qint64(2'500'000) << 0;
        QTest::newRow("geo global")
            << QStringLiteral("claude-opus-5-5")
            << QByteArray(
                   R"({"input_tokens":1000000,"service_tier":"batch","inference_geo":"global"})")
            << today << qint64(2'000'000) << 0;
        // Geo applies to every class incl. the Haiku 5.5 high band: (200000*0.5)/2*1.1 = 55000
        QTest::newRow("geo us haiku55 high band")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":200000,"service_tier":"batch","inference_geo":"us"})")
            << today << qint64(55000) << 1;

        // Web search: $10/1000 = 10000 micro-dollars each, no batch discount, no geo.
        QTest::newRow("web search only")
            << QStringLiteral("claude-opus-5-5")
            << QByteArray(R"({"server_tool_use":{"web_search_requests":3,"web_fetch_requests":5},
                 "service_tier":"batch","inference_geo":"us"})")
            << today << qint64(30000) << 0;
        // 1 search + 10 Haiku 5.5 input tokens: 10000 + 10*0.10/2 = 10000.5 -> 10001 (half up)
        QTest::newRow("web search + tokens half up")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":10,"server_tool_use":{"web_search_requests":1},
                 "service_tier":"batch"})")
            << today << qint64(10001) << 0;

        // Everything at once on Opus 5.5 with geo us and 2 searches:
        // 1234*4 + 2000*5 + 3000*8 + 45678*0.20 + 9876*20 = 4936 + 10000 + 24000 + 9135.6
        // + 197520 = 245591.6; * 0.5 * 1.1 = 135075.38; + 20000 = 155075.38 -> 155075
        QTest::newRow("all classes opus55")
            << QStringLiteral("claude-opus-5-5")
            << QByteArray(R"({"input_tokens":1234,"cache_creation_input_tokens":5000,
                 "cache_creation":{"ephemeral_5m_input_tokens":2000,"ephemeral_1h_input_tokens":3000},
                 "cache_read_input_tokens":45678,"output_tokens":9876,
                 "server_tool_use":{"web_search_requests":2},
                 "service_tier":"batch","inference_geo":"us"})")
            << today << qint64(155075) << 0;

        // Sonnet 5.5 cache reads: $0.20 before 2026-10-07, $0.10 from it. 1e6 reads / 2.
        QTest::newRow("sonnet55 read 2026-10-06")
            << QStringLiteral("claude-sonnet-5-5")
            << QByteArray(R"({"cache_read_input_tokens":1000000,"service_tier":"batch"})")
            << QDate(2026, 10, 6) << qint64(100'000) << 0;
        QTest::newRow("sonnet55 read 2026-10-07")
            << QStringLiteral("claude-sonnet-5-5")
            << QByteArray(R"({"cache_read_input_tokens":1000000,"service_tier":"batch"})")
            << QDate(2026, 10, 7) << qint64(50'000) << 0;

        // Rounding, once, half up: Haiku 5.5 input 0.05 micro-dollars a token in batch.
        QTest::newRow("round 9 tokens = 0.45 -> 0")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":9,"service_tier":"batch"})") << today << qint64(0)
            << 0;
        QTest::newRow("round 10 tokens = 0.5 -> 1")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":10,"service_tier":"batch"})") << today << qint64(1)
            << 0;
        QTest::newRow("round 29 tokens = 1.45 -> 1")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":29,"service_tier":"batch"})") << today << qint64(1)
            << 0;
        // Rounded once, not per class: 9 input (0.45) + 9 read (0.045) + 1 output (0.25)
        // = 0.745 -> 1 (per-class rounding would give 0 + 0 + 0 = 0)
        QTest::newRow("round once")
            << QStringLiteral("claude-haiku-5-5")
            << QByteArray(R"({"input_tokens":9,"cache_read_input_tokens":9,"output_tokens":1,
                 "service_tier":"batch"})")
            << today << qint64(1) << 0;

        // service_tier null (absent) is a batch result too; "priority" is not discounted.
        QTest::newRow("tier absent = batch")
            << QStringLiteral("claude-opus-5-5") << QByteArray(R"({"input_tokens":1000000})")
            << today << qint64(2'000'000) << 0;
        QTest::newRow("tier priority")
            << QStringLiteral("claude-opus-5-5")
            << QByteArray(R"({"input_tokens":1000000,"service_tier":"priority"})") << today
            << qint64(4'000'000) << 0;

        // Aliases and dated ids price as their model.
        QTest::newRow("alias opus-4-5")
            << QStringLiteral("claude-opus-4-5")
            << QByteArray(R"({"output_tokens":1000000,"service_tier":"batch"})") << today
            << qint64(12'500'000) << 0;
        QTest::newRow("dated opus-4-8")
            << QStringLiteral("claude-opus-4-8-20260528")
            << QByteArray(R"({"output_tokens":1000000,"service_tier":"batch"})") << today
            << qint64(12'500'000) << 0;

        // No overflow: 2e9 output tokens of Opus 4.1 = 2e9 * 75 / 2 = 75,000,000,000
        QTest::newRow("huge") << QStringLiteral("claude-opus-4-1")
                              << QByteArray(
                                     R"({"output_tokens":2000000000,"service_tier":"batch"})")
                              << today << qint64(75'000'000'000) << 0;
        QTest::newRow("zero usage")
            << QStringLiteral("claude-opus-5-5") << QByteArray(R"({"service_tier":"batch"})")
            << today << qint64(0) << 0;
    }

    void handComputed() {
        QFETCH(QString, model);
        QFETCH(QByteArray, usage);
        QFETCH(QDate, day);
        QFETCH(qint64, expected);
        QFETCH(int, band);
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(usage, &e);
        QVERIFY2(e.error == QJsonParseError::NoError, qPrintable(e.errorString()));
        const Usage u = Usage::fromJson(doc.object());
        const CostResult r = costOf(book(), model, u, day);
        QVERIFY(r.priced);
        QCOMPARE(r.micros, expected);
        QCOMPARE(int(r.band), band);
        // Pure: the same input always gives the same answer.
        QCOMPARE(costOf(book(), model, u, day), r);
    }

    // Results are priced on their batch's END day (ended_at, else created_at, UTC), the day the
    // ledger counts the spend on. Sonnet 5.5 cache reads: $0.20/MTok before 2026-10-07, $0.10
    // from it (reference/pricing.md §1, §9.1); 1e6 reads at the batch half price.
    void pricedOnTheEndDay_data() {
        QTest::addColumn<QDateTime>("created");
        QTest::addColumn<QDateTime>("ended");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<qint64>("expected");
        const auto utc = [](int d, int h, int m) {
            return QDateTime(QDate(2026, 10, d), QTime(h, m), Qt::UTC);
        };
        QTest::newRow("created 10-06, ended 10-07: new price")
            << utc(6, 22, 0) << utc(7, 0, 5) << QDate(2026, 10, 7) << qint64(50'000);
        QTest::newRow("created 10-06, ended 10-06 23:59: old price")
            << utc(6, 1, 0) << utc(6, 23, 59) << QDate(2026, 10, 6) << qint64(100'000);
        QTest::newRow("not ended, created 10-06: creation day")
            << utc(6, 23, 0) << QDateTime() << QDate(2026, 10, 6) << qint64(100'000);
        // The end day in UTC, whatever the zone the timestamp was read in.
        QTest::newRow("ended 10-07 01:00 +02:00 = 10-06 UTC: old price")
            << utc(6, 12, 0) << QDateTime(QDate(2026, 10, 7), QTime(1, 0), Qt::OffsetFromUTC, 7200)
            << QDate(2026, 10, 6) << qint64(100'000);
    }

    void pricedOnTheEndDay() {
        QFETCH(QDateTime, created);
        QFETCH(QDateTime, ended);
        QFETCH(QDate, day);
        QFETCH(qint64, expected);
        QCOMPARE(CostCalculator::pricingDay(created, ended), day);
        Usage u;
        u.cacheReadInputTokens = 1'000'000;
        u.serviceTier = QStringLiteral("batch");
        const CostResult r = costOf(book(), QStringLiteral("claude-sonnet-5-5"), u,
                                    CostCalculator::pricingDay(created, ended));
        QVERIFY(r.priced);
        QCOMPARE(r.micros, Money(expected));
    }

    void flags() {
        Usage u = batchUsage();
        u.cacheCreationInputTokens = 100;
        CostResult r = costOf(book(), QStringLiteral("claude-opus-5-5"), u, {});
        QVERIFY(r.assumedFiveMinuteWrites);
        QVERIFY(!r.geoMultiplier);
        u.inferenceGeo = QStringLiteral("us");
        QVERIFY(costOf(book(), QStringLiteral("claude-opus-5-5"), u, {}).geoMultiplier);
        QVERIFY(!costOf(book(), QStringLiteral("claude-opus-4-5"), u, {}).geoMultiplier);
        u.hasCacheCreationBreakdown = true;
        u.ephemeral5mInputTokens = 100;
        QVERIFY(!costOf(book(), QStringLiteral("claude-opus-5-5"), u, {}).assumedFiveMinuteWrites);
    }

    void unknownModelIsUnpriced() {
        Usage u = batchUsage();
        u.inputTokens = 1000;
        u.outputTokens = 1000;
        const CostResult r = costOf(book(), QStringLiteral("claude-nova-9"), u, {});
        QVERIFY(!r.priced); // flagged: the caller shows "unpriced", never "$0"
        QVERIFY(r.billed);
        QVERIFY(r.model.isEmpty());
        QCOMPARE(r.micros, Money(0));
        const CostResult viaResult = CostCalculator::costOfResult(
            book(), QStringLiteral("succeeded"), QStringLiteral("claude-nova-9"), u, {});
        QCOMPARE(viaResult, r);
        QVERIFY(!costOf(book(), QString(), u, {}).priced);
    }

    void notBilledResultsAreFree_data() {
        QTest::addColumn<QString>("type");
        QTest::newRow("errored") << QStringLiteral("errored");
        QTest::newRow("canceled") << QStringLiteral("canceled");
        QTest::newRow("expired") << QStringLiteral("expired");
    }

    void notBilledResultsAreFree() {
        QFETCH(QString, type);
        Usage u = batchUsage();
        u.inputTokens = 5000; // even if some usage were reported
        u.webSearchRequests = 2;
        const CostResult r =
            CostCalculator::costOfResult(book(), type, QStringLiteral("claude-opus-5-5"), u, {});
        QCOMPARE(r.micros, Money(0));
        QVERIFY(r.priced);
        QVERIFY(!r.billed);
        // Unknown model on an errored line: still free, nothing to flag.
        const CostResult unknown =
            CostCalculator::costOfResult(book(), type, QStringLiteral("claude-nova"), u, {});
        QCOMPARE(unknown.micros, Money(0));
        QVERIFY(unknown.priced);
        const CostResult succeeded = CostCalculator::costOfResult(
            book(), QStringLiteral("succeeded"), QStringLiteral("claude-opus-5-5"), u, {});
        QCOMPARE(succeeded.micros, Money(5000 * 4 / 2 + 20000));
    }

    void usageJson() {
        const QByteArray json = R"({"input_tokens":12,"output_tokens":34,
            "cache_creation_input_tokens":null,"cache_read_input_tokens":null,
            "service_tier":"batch","inference_geo":null})";
        const Usage u = Usage::fromJson(QJsonDocument::fromJson(json).object());
        QCOMPARE(u.inputTokens, qint64(12));
        QCOMPARE(u.outputTokens, qint64(34));
        QCOMPARE(u.cacheCreationInputTokens, qint64(0));
        QVERIFY(!u.hasCacheCreationBreakdown);
        QVERIFY(u.inferenceGeo.isEmpty());
        QCOMPARE(Usage::fromJson(u.toJson()), u);
        Usage full = u;
        full.hasCacheCreationBreakdown = true;
        full.ephemeral1hInputTokens = 7;
        full.cacheCreationInputTokens = 7;
        full.webSearchRequests = 1;
        full.webFetchRequests = 2;
        full.inferenceGeo = QStringLiteral("us");
        QCOMPARE(Usage::fromJson(full.toJson()), full);
        QCOMPARE(full.promptTokens(), qint64(12 + 7));
    }

    void budget() {
        Budget b(10'000'000, 4'000'000);
        QVERIFY(b.isLimited());
        QCOMPARE(b.remaining(), Money(6'000'000));
        QVERIFY(!b.wouldExceed(6'000'000)); // reaching the limit exactly is allowed
        QVERIFY(b.wouldExceed(6'000'001));
        QCOMPARE(b.usedPermille(), qint64(400));
        b.addSpent(7'000'000);
        QVERIFY(b.isExceeded());
        QCOMPARE(b.remaining(), Money(-1'000'000));
        QVERIFY(b.wouldExceed(1));
        QVERIFY(!b.wouldExceed(0));
        Budget none;
        QVERIFY(!none.isLimited());
        QVERIFY(!none.wouldExceed(1'000'000'000'000));
        QCOMPARE(none.usedPermille(), qint64(0));
    }

    // $0 is a real limit, not "no limit": nothing that costs anything fits, any spend is over.
    // "No limit" is the absence of a budget (a default Budget); a negative limit is invalid.
    void zeroBudgetIsALimit() {
        Budget zero(0, 0);
        QVERIFY(zero.isLimited());
        QCOMPARE(zero.limit(), Money(0));
        QCOMPARE(zero.remaining(), Money(0));
        QVERIFY(zero.wouldExceed(1));
        QVERIFY(!zero.wouldExceed(0));
        QVERIFY(!zero.isExceeded());
        QCOMPARE(zero.usedPermille(), qint64(0));
        zero.addSpent(1);
        QVERIFY(zero.isExceeded());
        QCOMPARE(zero.remaining(), Money(-1));
        QVERIFY(zero.usedPermille() > 1000);
        QVERIFY(zero != Budget());

        QVERIFY(Budget::isValidLimit(0));
        QVERIFY(!Budget::isValidLimit(-1));
        const Budget negative(-5, 0); // refused where set; here never "unlimited"
        QVERIFY(negative.isLimited());
        QVERIFY(negative.wouldExceed(1));
    }

    void formatMoney() {
        QCOMPARE(bs::formatMoney(0), QStringLiteral("$0.000000"));
        QCOMPARE(bs::formatMoney(1), QStringLiteral("$0.000001"));
        QCOMPARE(bs::formatMoney(12'345'678), QStringLiteral("$12.345678"));
        QCOMPARE(bs::formatMoney(-5), QStringLiteral("-$0.000005"));
        QCOMPARE(bs::formatMoney(1'234'567, 2), QStringLiteral("$1.23"));
        QCOMPARE(bs::formatMoney(1'235'000, 2), QStringLiteral("$1.24"));
        QCOMPARE(bs::formatMoney(999'999, 0), QStringLiteral("$1"));
        QCOMPARE(bs::formatMoney(std::numeric_limits<qint64>::min(), 6),
                 QStringLiteral("-$9223372036854.775808"));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestCost test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cost.moc"
