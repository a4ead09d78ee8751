// SummaryStore: the per-batch and per-day/model summaries equal a recomputation from the results
// (tests/support/summarycheck.h, plain SQL of its own) after inserts, a re-insert of the same rows
// (idempotent), a reprice, a failed write, and the back-fill of migration 5; and CostQueries
// reads the same answers from them.
#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/summarystore.h"
#include "ledgerdowngrade.h"
#include "ledgertesthelpers.h"
#include "summarycheck.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::ledgertest;

namespace {

// Rows of every kind: three models (one unknown: unpriced), errored / canceled / expired ones
// without a model, cache writes with and without the 5m/1h breakdown, web search and fetch, rows
// with a spend day and rows left to take their batch's day.
QList<ResultRow> mixedRows(const QString& batchId, int n, int offset = 0) {
    QList<ResultRow> rows;
    const QStringList models{QStringLiteral("claude-opus-5-5"), QStringLiteral("claude-haiku-5-5"),
                             QStringLiteral("claude-unknown")};
    for (int i = offset; i < offset + n; ++i) {
        const QString id = QStringLiteral("c-%1").arg(i, 5, 10, QLatin1Char('0'));
        ResultRow r = makeResult(batchId, id, models.at(i % 3), 100 + i, 10 + i, 1000 + i);
        switch (i % 7) {
        case 4:
            r.type = QStringLiteral("errored");
            r.model.clear();
            r.costMicros = 0;
            r.errorType = QStringLiteral("overloaded_error");
            break;
        case 5:
            r.type = QStringLiteral("canceled");
            r.model = QString();
            r.costMicros = 0;
            break;
        case 6:
            r.type = QStringLiteral("expired");
            r.model = QString();
            r.costMicros = 0;
            break;
        default:
            break;
        }
        if (r.model == QLatin1String("claude-unknown")) {
            r.priced = false;
            r.costMicros = 0;
        }
        r.usage.cacheCreationInputTokens = i % 4 == 0 ? 40 : 0;
        r.usage.hasCacheCreationBreakdown = i % 8 == 0;
        r.usage.ephemeral5mInputTokens = i % 8 == 0 ? 30 : 0;
        r.usage.ephemeral1hInputTokens = i % 8 == 0 ? 10 : 0;
        r.usage.cacheReadInputTokens = i % 3 == 1 ? 500 : 0;
        r.usage.webSearchRequests = i % 5 == 0 ? 2 : 0;
        r.usage.webFetchRequests = i % 6 == 0 ? 1 : 0;
        if (i % 2 == 0)
            r.day = QDate(2026, 11, 18 + i % 3);
        rows.append(r);
    }
    return rows;
}

} // namespace

class TestSummaryStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("summary-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void insertReinsertRepriceKeepThemEqual() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const MessageBatch a = makeBatch(QStringLiteral("msgbatch_a"), MessageBatch::Status::Ended);
        const MessageBatch b = makeBatch(QStringLiteral("msgbatch_b"), MessageBatch::Status::Ended);
        QVERIFY(BatchStore(ledger).upsert({a, b}));

        QCOMPARE(ResultStore(ledger).insert(mixedRows(a.id, 300)), qint64(300));
        QCOMPARE(ResultStore(ledger).insert(mixedRows(b.id, 100)), qint64(100));
        qint64 rows = 0;
        QString diff = bs::test::summaryMismatches(path, &rows);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(rows > 10); // two batches, several days and models

        // The same rows again, and an overlapping chunk: nothing is counted twice.
        QCOMPARE(ResultStore(ledger).insert(mixedRows(a.id, 300)), qint64(0));
        QCOMPARE(ResultStore(ledger).insert(mixedRows(a.id, 100, 250)), qint64(50));
        diff = bs::test::summaryMismatches(path);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // Reprice the unknown model's rows (as batchscope-cli reprice does, in one transaction),
        // and one priced row to unpriced and back.
        QVERIFY(ledger.beginTransaction());
        int repriced = 0;
        QVERIFY(ResultStore(ledger).forEach(a.id, [&](const ResultRow& r) {
            if (r.priced)
                return true;
            ++repriced;
            return ResultStore(ledger).updateCost(r.batchId, r.customId, 7'000 + repriced, true);
        }));
        QVERIFY(ledger.commitTransaction());
        QVERIFY(repriced > 0);
        QVERIFY(ResultStore(ledger).updateCost(b.id, QStringLiteral("c-00000"), 0, false));
        QVERIFY(ResultStore(ledger).updateCost(b.id, QStringLiteral("c-00001"), 123'456, true));
        QVERIFY(ResultStore(ledger).updateCost(b.id, QStringLiteral("no-such-row"), 5, true));
        diff = bs::test::summaryMismatches(path);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(SummaryStore(ledger).ofBatch(a.id).unpriced, qint64(0));
        QCOMPARE(SummaryStore(ledger).ofBatch(b.id).results, qint64(100));
    }

    // A write that fails part-way leaves neither rows nor summaries.
    void failedInsertChangesNothing() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const MessageBatch a = makeBatch(QStringLiteral("msgbatch_f"), MessageBatch::Status::Ended);
        QVERIFY(BatchStore(ledger).upsert(a));
        QCOMPARE(ResultStore(ledger).insert(mixedRows(a.id, 20)), qint64(20));
        const CostTotals before = SummaryStore(ledger).ofBatch(a.id);
        QList<ResultRow> rows = mixedRows(a.id, 20, 20);
        rows[10].type = QString(); // NOT NULL: the insert fails on this row
        QCOMPARE(ResultStore(ledger).insert(rows), qint64(-1));
        QCOMPARE(SummaryStore(ledger).ofBatch(a.id), before);
        const QString diff = bs::test::summaryMismatches(path);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // Migration 5 fills the summaries from the results already there.
    void migrationBackfills() {
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
            const MessageBatch a =
                makeBatch(QStringLiteral("msgbatch_m"), MessageBatch::Status::Ended);
            QVERIFY(BatchStore(ledger).upsert(a));
            QCOMPARE(ResultStore(ledger).insert(mixedRows(a.id, 200)), qint64(200));
        }
        // Back to a version 4 file: no summaries.
        const QString downgraded = bs::test::downgradeLedger(path, 4);
        QVERIFY2(downgraded.isEmpty(), qPrintable(downgraded));
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
        qint64 rows = 0;
        const QString diff = bs::test::summaryMismatches(path, &rows);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(rows > 3);
        QCOMPARE(SummaryStore(ledger).ofBatch(QStringLiteral("msgbatch_m")).results, qint64(200));
    }

    // CostQueries answers from the summaries what it answered from the results.
    void costQueriesAgreeWithTheResults() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const MessageBatch a = makeBatch(QStringLiteral("msgbatch_q"), MessageBatch::Status::Ended);
        QVERIFY(BatchStore(ledger).upsert(a));
        QCOMPARE(ResultStore(ledger).insert(mixedRows(a.id, 210)), qint64(210));
        const CostTotals all = CostQueries(ledger).total();
        // Both paths: the one-batch-from-a-day query still sums the results.
        QCOMPARE(CostQueries(ledger).total(QDate(2000, 1, 1), a.id), all);
        QCOMPARE(CostQueries(ledger).total({}, a.id), all);
        QCOMPARE(all.results, qint64(210));
        QVERIFY(all.cacheCreation5mTokens > 0 && all.webFetchRequests > 0 && all.unpriced > 0);
        const auto byBatchSince =
            CostQueries(ledger).groupedBy(CostQueries::Grouping::Batch, QDate(2000, 1, 1));
        const auto byBatch = CostQueries(ledger).groupedBy(CostQueries::Grouping::Batch);
        QCOMPARE(byBatch.size(), 1);
        QCOMPARE(byBatch.first().totals, byBatchSince.first().totals);
        CostTotals sum;
        for (const CostGroup& g : CostQueries(ledger).groupedBy(CostQueries::Grouping::Model)) {
            sum.micros += g.totals.micros;
            sum.results += g.totals.results;
        }
        QCOMPARE(sum.micros, all.micros);
        QCOMPARE(sum.results, all.results);
        const QList<DayModelCost> cells = SummaryStore(ledger).byDayAndModel(QDate(2026, 11, 19));
        QVERIFY(!cells.isEmpty());
        for (const DayModelCost& c : cells)
            QVERIFY(c.day >= QDate(2026, 11, 19));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestSummaryStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_summarystore.moc"
