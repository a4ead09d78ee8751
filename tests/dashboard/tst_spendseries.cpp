// SpendSeriesBuilder against the ledger's own queries on a generated ledger: per day, per model
// and per token class, days with no spend, a price-history boundary (Sonnet 5.5's cache reads,
// $0.20 -> $0.10 per MTok on 2026-10-07), processing percentiles, budgets and what is in flight.
#include "cost/costcalculator.h"
#include "cost/pricebook.h"
#include "dashboard/spendseriesbuilder.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/costqueries.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/settingsstore.h"
#include "ledger/spendqueries.h"

#include <QTemporaryDir>
#include <QTest>

using namespace bs;

namespace {

const QString kSonnet55 = QStringLiteral("claude-sonnet-5-5");
const QString kHaiku45 = QStringLiteral("claude-haiku-4-5");
const QString kUnknown = QStringLiteral("claude-not-in-the-book");

struct Gen {
    QString batch;
    QDate day;
    qint64 processingSecs;
};

} // namespace

class TstSpendSeries : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
    PriceBook m_book = PriceBook::builtIn();
    const QDate m_from{2026, 10, 3};
    const QDate m_to{2026, 10, 10};

    // A batch that ended on `day` after `secs`, with `rows` results from `make`.
    void addBatch(const QString& id, QDate day, qint64 secs, const QList<ResultRow>& rows) {
        MessageBatch b;
        b.id = id;
        b.processingStatus = MessageBatch::Status::Ended;
        b.endedAt = QDateTime(day, QTime(12, 0), Qt::UTC);
        b.createdAt = b.endedAt.addSecs(-secs);
        b.requestCounts.succeeded = rows.size();
        QVERIFY(BatchStore(*m_ledger).upsert({b}));
        QList<ResultRow> priced;
        for (ResultRow r : rows) {
            r.batchId = id;
            r.day = day;
            if (r.type == QLatin1String("succeeded"))
                r.setCost(CostCalculator::costOfResult(m_book, r.type, r.model, r.usage, day));
            priced.append(r);
        }
        QCOMPARE(ResultStore(*m_ledger).insert(priced), priced.size());
    }

    static ResultRow result(const QString& id, const QString& model, qint64 input, qint64 output,
                            qint64 cacheRead, qint64 write5m = 0, qint64 write1h = 0) {
        ResultRow r;
        r.customId = id;
        r.type = QStringLiteral("succeeded");
        r.model = model;
        r.usage.inputTokens = input;
        r.usage.outputTokens = output;
        r.usage.cacheReadInputTokens = cacheRead;
        r.usage.ephemeral5mInputTokens = write5m;
        r.usage.ephemeral1hInputTokens = write1h;
        r.usage.cacheCreationInputTokens = write5m + write1h;
        r.usage.hasCacheCreationBreakdown = true;
        r.usage.serviceTier = QStringLiteral("batch");
        return r;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_ledger = std::make_unique<Ledger>();
        QVERIFY(m_ledger->open(m_dir.filePath(QStringLiteral("ledger.sqlite"))));
        // 10-03: Haiku only. 10-04: nothing (a zero day). 10-05 and 10-06: Sonnet 5.5 before the
        // price change, 10-07 and 10-08 after it (one million cache reads on 10-06 and 10-07).
        // 10-09: nothing. 10-10: an unpriced model, errored rows, a write without breakdown.
        addBatch(QStringLiteral("b1"), {2026, 10, 3}, 3600,
                 {result(QStringLiteral("a1"), kHaiku45, 1200, 300, 0, 2000),
                  result(QStringLiteral("a2"), kHaiku45, 800, 150, 500, 0, 4000)});
        addBatch(QStringLiteral("b2"), {2026, 10, 5}, 7200,
                 {result(QStringLiteral("a1"), kSonnet55, 5000, 1000, 20000)});
        addBatch(QStringLiteral("b3"), {2026, 10, 5}, 3 * 3600,
                 {result(QStringLiteral("a1"), kHaiku45, 100, 100, 0)});
        addBatch(QStringLiteral("b4"), {2026, 10, 6}, 20 * 3600,
                 {result(QStringLiteral("a1"), kSonnet55, 0, 0, 1'000'000)});
        addBatch(QStringLiteral("b5"), {2026, 10, 7}, 26 * 3600,
                 {result(QStringLiteral("a1"), kSonnet55, 0, 0, 1'000'000)});
        addBatch(QStringLiteral("b6"), {2026, 10, 8}, 600,
                 {result(QStringLiteral("a1"), kSonnet55, 7000, 2000, 3000, 100, 100)});
        ResultRow errored;
        errored.customId = QStringLiteral("e1");
        errored.type = QStringLiteral("errored");
        errored.errorType = QStringLiteral("overloaded_error");
        ResultRow noBreakdown = result(QStringLiteral("a3"), kHaiku45, 10, 10, 0);
        noBreakdown.usage.hasCacheCreationBreakdown = false;
        noBreakdown.usage.cacheCreationInputTokens = 900;
        addBatch(QStringLiteral("b7"), {2026, 10, 10}, 1800,
                 {result(QStringLiteral("a1"), kUnknown, 100, 100, 0), errored, noBreakdown});
        // Outside the range on both sides: not counted.
        addBatch(QStringLiteral("b0"), {2026, 10, 1}, 100,
                 {result(QStringLiteral("a1"), kHaiku45, 999, 999, 0)});
        addBatch(QStringLiteral("b9"), {2026, 10, 12}, 100,
                 {result(QStringLiteral("a1"), kHaiku45, 777, 777, 0)});
    }

    void everyDayOfTheRange() {
        const SpendSeries s = SpendSeriesBuilder::build(*m_ledger, m_book, m_from, m_to);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.days.size(), m_from.daysTo(m_to) + 1);
        for (qsizetype i = 0; i < s.days.size(); ++i)
            QCOMPARE(s.days.at(i).day, m_from.addDays(i));
        for (const QDate zero : {QDate(2026, 10, 4), QDate(2026, 10, 9)}) {
            const SpendDay& d = s.days.at(m_from.daysTo(zero));
            QCOMPARE(d.micros, 0);
            QCOMPARE(d.results, 0);
            QCOMPARE(d.tokens, TokenClasses{});
            QCOMPARE(d.byModel, QList<Money>(s.models.size(), 0));
            QCOMPARE(d.batchesEnded, 0);
        }
        QVERIFY(!s.ledgerEmpty);
    }

    void perDayEqualsTheLedger() {
        const SpendSeries s = SpendSeriesBuilder::build(*m_ledger, m_book, m_from, m_to);
        // The ledger's own per-day query (CostQueries over the summaries) and a scan of results.
        QHash<QString, CostTotals> byDay;
        for (const CostGroup& g : CostQueries(*m_ledger).groupedBy(CostQueries::Grouping::Day))
            byDay.insert(g.key, g.totals);
        QHash<QDate, CostTotals> scanned;
        for (const DayModelCost& r : SpendQueries(*m_ledger).byDayAndModelFromResults(m_from, m_to))
            scanned[r.day].micros += r.totals.micros;
        Money running = 0;
        int spendDays = 0;
        for (const SpendDay& d : s.days) {
            const CostTotals want = byDay.value(d.day.toString(Qt::ISODate));
            QCOMPARE(d.micros, want.micros);
            QCOMPARE(d.micros, scanned.value(d.day).micros);
            QCOMPARE(d.results, want.results);
            QCOMPARE(d.unpriced, want.unpriced);
            QCOMPARE(d.tokens.input, want.inputTokens);
            QCOMPARE(d.tokens.output, want.outputTokens);
            QCOMPARE(d.tokens.cacheRead, want.cacheReadInputTokens);
            QCOMPARE(d.tokens.cacheWrite1h, want.cacheCreation1hTokens);
            QCOMPARE(d.tokens.cacheWrite5m + d.tokens.cacheWrite1h, want.cacheCreationInputTokens);
            Money models = 0;
            for (Money m : d.byModel)
                models += m;
            QCOMPARE(models, d.micros);
            running += d.micros;
            QCOMPARE(d.cumulativeMicros, running);
            spendDays += d.micros > 0 ? 1 : 0;
        }
        QCOMPARE(spendDays, 6); // 10-03, 10-05 to 10-08, 10-10
        QCOMPARE(s.totalMicros, CostQueries(*m_ledger).total(m_from).micros -
                                    CostQueries(*m_ledger).total(m_to.addDays(1)).micros);
    }

    void perModelEqualsTheLedger() {
        // The range to the last day with results: CostQueries' "from a day on" covers it.
        const QDate to(2026, 10, 12);
        const SpendSeries s = SpendSeriesBuilder::build(*m_ledger, m_book, m_from, to);
        QHash<QString, Money> want;
        for (const CostGroup& g :
             CostQueries(*m_ledger).groupedBy(CostQueries::Grouping::Model, m_from)) {
            if (!g.key.isEmpty())
                want.insert(g.key, g.totals.micros);
        }
        QCOMPARE(s.models.size(), want.size());
        for (int m = 0; m < s.models.size(); ++m) {
            Money sum = 0;
            for (const SpendDay& d : s.days)
                sum += d.byModel.at(m);
            QCOMPARE(sum, want.value(s.models.at(m)));
            if (m > 0) // by spend, largest first
                QVERIFY(want.value(s.models.at(m - 1)) >= want.value(s.models.at(m)));
        }
        QVERIFY(s.models.contains(kUnknown)); // an unpriced model is a model, at $0 priced spend
    }

    void perClassEqualsTheLedger() {
        const SpendSeries s = SpendSeriesBuilder::build(*m_ledger, m_book, m_from, m_to);
        const CostTotals all = CostQueries(*m_ledger).total(m_from);
        const CostTotals after = CostQueries(*m_ledger).total(m_to.addDays(1));
        QCOMPARE(s.tokens.input, all.inputTokens - after.inputTokens);
        QCOMPARE(s.tokens.output, all.outputTokens - after.outputTokens);
        QCOMPARE(s.tokens.cacheRead, all.cacheReadInputTokens - after.cacheReadInputTokens);
        QCOMPARE(s.tokens.cacheWrite1h, all.cacheCreation1hTokens - after.cacheCreation1hTokens);
        QCOMPARE(s.tokens.cacheWrite5m,
                 (all.cacheCreationInputTokens - after.cacheCreationInputTokens) -
                     (all.cacheCreation1hTokens - after.cacheCreation1hTokens));
        // The write without a breakdown counts as 5-minute writes (as it was priced).
        QCOMPARE(s.days.last().tokens.cacheWrite5m, 900);
        QCOMPARE(s.unpriced, 1);
    }

    void savingsAcrossThePriceChange() {
        const SpendSeries s = SpendSeriesBuilder::build(*m_ledger, m_book, m_from, m_to);
        const SpendDay& before = s.days.at(m_from.daysTo(QDate(2026, 10, 6)));
        const SpendDay& after = s.days.at(m_from.daysTo(QDate(2026, 10, 7)));
        // 1M cache reads of Sonnet 5.5 ($2 input): at batch prices, (2.00 - 0.20) / 2 before the
        // change, (2.00 - 0.10) / 2 after it; the batch discount is half the list price of them.
        QCOMPARE(before.cacheSavedMicros, 900'000);
        QCOMPARE(after.cacheSavedMicros, 950'000);
        QCOMPARE(before.batchSavedMicros, 100'000);
        QCOMPARE(after.batchSavedMicros, 50'000);
        QCOMPARE(before.micros, 100'000); // what the ledger charged for them
        QCOMPARE(after.micros, 50'000);

        // Every day: the batch discount equals list minus batch price of the same usage, priced
        // by CostCalculator on that day (whole usage of a day and model: one rounding each).
        for (const SpendDay& d : s.days) {
            Money want = 0;
            for (const DayModelCost& r :
                 SpendQueries(*m_ledger).byDayAndModelFromResults(d.day, d.day)) {
                if (r.model.isEmpty() || !m_book.find(r.model))
                    continue;
                Usage u;
                u.inputTokens = r.totals.inputTokens;
                u.outputTokens = r.totals.outputTokens;
                u.cacheReadInputTokens = r.totals.cacheReadInputTokens;
                u.cacheCreationInputTokens = r.totals.cacheCreationInputTokens;
                u.ephemeral1hInputTokens = r.totals.cacheCreation1hTokens;
                u.ephemeral5mInputTokens =
                    r.totals.cacheCreationInputTokens - r.totals.cacheCreation1hTokens;
                u.hasCacheCreationBreakdown = true;
                u.serviceTier = QStringLiteral("standard");
                const Money list = CostCalculator::costOf(m_book, r.model, u, d.day).micros;
                u.serviceTier = QStringLiteral("batch");
                const Money batch = CostCalculator::costOf(m_book, r.model, u, d.day).micros;
                want += list - batch;
            }
            QVERIFY2(qAbs(d.batchSavedMicros - want) <= 1,
                     qPrintable(QStringLiteral("%1: %2 vs %3")
                                    .arg(d.day.toString(Qt::ISODate))
                                    .arg(d.batchSavedMicros)
                                    .arg(want)));
        }
    }

    void processingPercentiles() {
        const SpendSeries s = SpendSeriesBuilder::build(*m_ledger, m_book, m_from, m_to);
        const SpendDay& d5 = s.days.at(m_from.daysTo(QDate(2026, 10, 5)));
        QCOMPARE(d5.batchesEnded, 2);
        QCOMPARE(d5.p50Seconds, 7200);
        QCOMPARE(d5.p95Seconds, 3 * 3600);
        QCOMPARE(s.days.at(m_from.daysTo(QDate(2026, 10, 7))).p95Seconds, 26 * 3600);
        QCOMPARE(s.days.at(m_from.daysTo(QDate(2026, 10, 4))).batchesEnded, 0);
        QCOMPARE(SpendSeriesBuilder::percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 50), 5);
        QCOMPARE(SpendSeriesBuilder::percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 95), 10);
        QCOMPARE(SpendSeriesBuilder::percentile({}, 95), 0);
    }

    void budgetsAndInFlight() {
        QVERIFY(SettingsStore(*m_ledger).setBudget(
            BudgetSetting(QStringLiteral("daily"), 2'000'000, BudgetSetting::Period::Day)));
        QVERIFY(SettingsStore(*m_ledger).setBudget(
            BudgetSetting(QStringLiteral("monthly"), 50'000'000, BudgetSetting::Period::Month)));
        QVERIFY(SettingsStore(*m_ledger).setBudget(BudgetSetting(
            QStringLiteral("haiku"), 1, BudgetSetting::Period::Day, BudgetSetting::Kind::Usd,
            kHaiku45))); // one model's budget: not the line
        BatchLocal local;
        local.sourceFile = QStringLiteral("/tmp/x.jsonl");
        const QString draft = DraftStore(*m_ledger).create(local);
        QVERIFY(!draft.isEmpty());
        QVERIFY(BudgetStore(*m_ledger).addReservations(
            draft, {{kSonnet55, 10, 1000, 5000, 123'456, false}}));

        // Within one month: the monthly budget, flat.
        SpendSeries s = SpendSeriesBuilder::build(*m_ledger, m_book, m_from, m_to);
        QCOMPARE(s.dailyBudgetMicros, 2'000'000);
        QCOMPARE(s.monthlyBudgetMicros, 50'000'000);
        for (const SpendDay& d : s.days)
            QCOMPARE(d.budgetMicros, 50'000'000);
        QCOMPARE(s.inFlightMicros, 123'456);
        QCOMPARE(s.inFlightRequests, 10);
        // Across months: the daily allowance, growing each day.
        s = SpendSeriesBuilder::build(*m_ledger, m_book, QDate(2026, 9, 29), m_to);
        for (qsizetype i = 0; i < s.days.size(); ++i)
            QCOMPARE(s.days.at(i).budgetMicros, 2'000'000 * (i + 1));
    }

    void emptyLedger() {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.filePath(QStringLiteral("empty.sqlite"))));
        const SpendSeries s = SpendSeriesBuilder::build(ledger, m_book, m_from, m_to);
        QVERIFY(s.ledgerEmpty);
        QCOMPARE(s.days.size(), m_from.daysTo(m_to) + 1);
        QVERIFY(s.models.isEmpty());
        QCOMPARE(s.days.first().budgetMicros, -1);
    }
};

QTEST_GUILESS_MAIN(TstSpendSeries)
#include "tst_spendseries.moc"
