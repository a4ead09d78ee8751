#include "cost/costcalculator.h"
#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledgertesthelpers.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using namespace bs::ledgertest;

class TestResultStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void resultsAreIdempotent() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString id = QStringLiteral("msgbatch_res");
        QVERIFY(BatchStore(ledger).upsert(makeBatch(id, MessageBatch::Status::Ended, 5000)));
        QList<ResultRow> rows;
        for (int i = 0; i < 5000; ++i) {
            ResultRow r = makeResult(id, QStringLiteral("c%1").arg(i),
                                     QStringLiteral("claude-haiku-5-5"), 1000 + i, 100 + i, 70 + i);
            r.usage.cacheCreationInputTokens = 10;
            r.usage.ephemeral5mInputTokens = 4;
            r.usage.ephemeral1hInputTokens = 6;
            r.usage.hasCacheCreationBreakdown = true;
            r.usage.cacheReadInputTokens = 3;
            r.usage.webSearchRequests = i % 2;
            r.usage.webFetchRequests = 1;
            r.usage.inferenceGeo = QStringLiteral("global");
            rows.append(r);
        }
        QSignalSpy spy(&ledger, &Ledger::changed);
        // A crash after the first 2,000 rows, then a full re-run, then another re-run.
        QCOMPARE(ResultStore(ledger).insert(rows.mid(0, 2000)), qint64(2000));
        QCOMPARE(ResultStore(ledger).insert(rows), qint64(3000));
        const CostTotals first = CostQueries(ledger).total();
        QCOMPARE(ResultStore(ledger).insert(rows), qint64(0));
        QCOMPARE(ResultStore(ledger).count(id), qint64(5000));
        QCOMPARE(CostQueries(ledger).total(), first);
        QCOMPARE(spy.count(), 2); // nothing new, nothing announced
        QCOMPARE(spy.at(0).at(0).value<Ledger::Change>(), Ledger::Change::Results);
        QCOMPARE(spy.at(0).at(1).toStringList(), QStringList{id});

        Money expected = 0;
        for (const ResultRow& r : rows)
            expected += r.costMicros;
        QCOMPARE(first.micros, expected);
        QCOMPARE(first.results, qint64(5000));
        QCOMPARE(first.succeeded, qint64(5000));
        QCOMPARE(first.webSearchRequests, qint64(2500));

        auto back = ResultStore(ledger).find(id, QStringLiteral("c42"));
        QVERIFY(back);
        ResultRow want = rows.at(42);
        want.day = QDate(2026, 11, 21); // the batch's ended_at day
        QCOMPARE(*back, want);
        QCOMPARE(ResultStore(ledger).ofBatch(id, 10, 5).size(), 5);
    }

    void crashMidIngestThenRecompute() {
        // Ingest with real costs, "crash" (drop the connection) after 3 of 5 chunks, resume
        // from the start: every result exactly once, total = an independent recomputation.
        const QString path = freshPath();
        const PriceBook book = PriceBook::builtIn();
        const QString id = QStringLiteral("msgbatch_fault");
        const QStringList models{QStringLiteral("claude-haiku-5-5"),
                                 QStringLiteral("claude-sonnet-5-5"),
                                 QStringLiteral("claude-opus-4-5"), QStringLiteral("claude-nova")};
        QList<ResultRow> rows;
        for (int i = 0; i < 10'000; ++i) {
            ResultRow r = makeResult(id, QStringLiteral("r%1").arg(i), models.at(i % 4),
                                     (i * 7919) % 150'000, (i * 31) % 4000, 0);
            r.usage.cacheReadInputTokens = i % 13 * 100;
            r.usage.inferenceGeo = i % 3 == 0 ? QStringLiteral("us") : QStringLiteral("global");
            r.setCost(CostCalculator::costOf(book, r.model, r.usage, QDate(2026, 11, 20)));
            rows.append(r);
        }
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
            QVERIFY(BatchStore(ledger).upsert(makeBatch(id, MessageBatch::Status::Ended, 10'000)));
            for (int chunk = 0; chunk < 3; ++chunk)
                QCOMPARE(ResultStore(ledger).insert(rows.mid(chunk * 2000, 2000)), qint64(2000));
        } // crash: connection gone
        Ledger ledger;
        QVERIFY(ledger.open(path));
        qint64 inserted = 0;
        for (int chunk = 0; chunk < 5; ++chunk)
            inserted += ResultStore(ledger).insert(rows.mid(chunk * 2000, 2000));
        QCOMPARE(inserted, qint64(4000));
        QCOMPARE(ResultStore(ledger).count(id), qint64(10'000));

        Money recomputed = 0;
        qint64 unpriced = 0;
        qint64 seen = 0;
        QVERIFY(ResultStore(ledger).forEach(id, [&](const ResultRow& r) {
            const CostResult c =
                CostCalculator::costOf(book, r.model, r.usage, QDate(2026, 11, 20));
            if (c.priced)
                recomputed += c.micros;
            else
                ++unpriced;
            ++seen;
            return true;
        }));
        QCOMPARE(seen, qint64(10'000));
        const CostTotals totals = CostQueries(ledger).total();
        QCOMPARE(totals.micros, recomputed);
        QCOMPARE(totals.unpriced, unpriced);
        QCOMPARE(unpriced, qint64(2500));
        QVERIFY(totals.micros > 0);
    }

    void resultsNeedTheirBatch() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QCOMPARE(ResultStore(ledger).insert({makeResult(QStringLiteral("msgbatch_ghost"),
                                                        QStringLiteral("x"), QString(), 1, 1, 1)}),
                 qint64(-1));
        QVERIFY(!ledger.lastError().isEmpty());
        QCOMPARE(ResultStore(ledger).count(), qint64(0)); // the transaction was rolled back
        QVERIFY(ledger.lastError().isEmpty());            // each call starts with a clean error
        // The same on a bulk-insert connection, which skips the per-row foreign-key lookup.
        QVERIFY(ledger.tuneForBulkInserts());
        QCOMPARE(ResultStore(ledger).insert({makeResult(QStringLiteral("msgbatch_ghost"),
                                                        QStringLiteral("y"), QString(), 1, 1, 1)}),
                 qint64(-1));
        QVERIFY(ledger.lastError().contains(QStringLiteral("msgbatch_ghost")));
        QCOMPARE(ResultStore(ledger).count(), qint64(0));
    }

    void erroredAndUnpricedRows() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString id = QStringLiteral("msgbatch_mix");
        QVERIFY(BatchStore(ledger).upsert(makeBatch(id, MessageBatch::Status::Ended, 4)));
        ResultRow errored;
        errored.batchId = id;
        errored.customId = QStringLiteral("e1");
        errored.type = QStringLiteral("errored");
        errored.errorType = QStringLiteral("overloaded_error");
        errored.errorMessage = QStringLiteral("Overloaded");
        errored.requestId = QStringLiteral("req_1");
        errored.costMicros = 0;
        ResultRow unpriced =
            makeResult(id, QStringLiteral("u1"), QStringLiteral("claude-nova-9"), 10, 10, 0);
        unpriced.priced = false;
        ResultRow ok =
            makeResult(id, QStringLiteral("s1"), QStringLiteral("claude-opus-5-5"), 10, 10, 123);
        QCOMPARE(ResultStore(ledger).insert({errored, unpriced, ok}), qint64(3));
        const CostTotals t = CostQueries(ledger).total();
        QCOMPARE(t.micros, Money(123));
        QCOMPARE(t.unpriced, qint64(1));
        QCOMPARE(t.errored, qint64(1));
        QCOMPARE(t.succeeded, qint64(2));
        const auto back = ResultStore(ledger).find(id, QStringLiteral("e1"));
        QCOMPARE(back->errorType, errored.errorType);
        QCOMPARE(back->errorMessage, errored.errorMessage);
        QCOMPARE(back->requestId, errored.requestId);
        QVERIFY(!ResultStore(ledger).find(id, QStringLiteral("u1"))->priced);

        QVERIFY(ResultStore(ledger).updateCost(id, QStringLiteral("u1"), 77, true));
        QCOMPARE(CostQueries(ledger).total().micros, Money(200));
        QCOMPARE(CostQueries(ledger).total().unpriced, qint64(0));
    }

    void missingCustomIds() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString localId = DraftStore(ledger).create({});
        QList<StoredRequest> reqs;
        for (const char* c : {"a", "b", "c", "d"})
            reqs.append({QLatin1String(c), QByteArrayLiteral("{}"), 1});
        QVERIFY(DraftStore(ledger).storeRequests(localId, reqs));
        const MessageBatch b =
            makeBatch(QStringLiteral("msgbatch_miss"), MessageBatch::Status::Ended, 4);
        QVERIFY(DraftStore(ledger).attach(localId, b));
        QCOMPARE(ResultStore(ledger).missingCustomIds(b.id),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                              QStringLiteral("d")}));
        QVERIFY(ResultStore(ledger).insert(
                    {makeResult(b.id, QStringLiteral("b"), QString(), 0, 0, 0),
                     makeResult(b.id, QStringLiteral("d"), QString(), 0, 0, 0)}) == 2);
        QCOMPARE(ResultStore(ledger).missingCustomIds(b.id),
                 (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    }

    // coverage() (one merge over the two custom_id indexes) gives the same answers as the
    // three separate queries: ids in byte order (upper case, digits, UTF-8), results that match
    // no request, a batch without stored requests, and an unknown batch.
    void resultCoverageMatchesTheQueries() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString localId = DraftStore(ledger).create({});
        const QStringList ids{QStringLiteral("a"),      QStringLiteral("a1"),
                              QStringLiteral("B"),      QStringLiteral("b"),
                              QStringLiteral("\u00e9"), QStringLiteral("10"),
                              QStringLiteral("9"),      QStringLiteral("z-last"),
                              QStringLiteral("aa"),     QStringLiteral("\u4e2d")};
        QList<StoredRequest> reqs;
        for (const QString& id : ids)
            reqs.append({id, QByteArrayLiteral("{}"), 1});
        QVERIFY(DraftStore(ledger).storeRequests(localId, reqs));
        const MessageBatch b =
            makeBatch(QStringLiteral("msgbatch_cov"), MessageBatch::Status::Ended, ids.size());
        QVERIFY(DraftStore(ledger).attach(localId, b));

        const auto check = [&](const QString& batchId, qint64 results, qint64 requests,
                               qint64 missing) {
            const std::optional<ResultCoverage> c = ResultStore(ledger).coverage(batchId);
            QVERIFY2(c, qPrintable(ledger.lastError()));
            QCOMPARE(c->results, results);
            QCOMPARE(c->requests, requests);
            QCOMPARE(c->missing, missing);
            QCOMPARE(c->results, ResultStore(ledger).count(batchId));
            QCOMPARE(c->requests, DraftStore(ledger).requestCount(batchId));
            QCOMPARE(c->missing, qint64(ResultStore(ledger).missingCustomIds(batchId).size()));
        };
        check(b.id, 0, 10, 10);
        // Every other id, plus two that match no request (before and after all the others).
        QList<ResultRow> rows;
        for (int i = 0; i < ids.size(); i += 2)
            rows.append(makeResult(b.id, ids.at(i), QString(), 1, 1, 1));
        rows.append(makeResult(b.id, QStringLiteral("0-stray"), QString(), 1, 1, 1));
        rows.append(makeResult(b.id, QStringLiteral("\uffee-stray"), QString(), 1, 1, 1));
        QCOMPARE(ResultStore(ledger).insert(rows), qint64(7));
        check(b.id, 7, 10, 5);
        rows.clear();
        for (int i = 1; i < ids.size(); i += 2)
            rows.append(makeResult(b.id, ids.at(i), QString(), 1, 1, 1));
        QCOMPARE(ResultStore(ledger).insert(rows), qint64(5));
        check(b.id, 12, 10, 0);

        // Created by another tool: results, no requests.
        const MessageBatch other =
            makeBatch(QStringLiteral("msgbatch_elsewhere"), MessageBatch::Status::Ended, 2);
        QVERIFY(BatchStore(ledger).upsertDiscovered({other}));
        QCOMPARE(ResultStore(ledger).insert(
                     {makeResult(other.id, QStringLiteral("x"), QString(), 1, 1, 1)}),
                 qint64(1));
        check(other.id, 1, 0, 0);
        check(QStringLiteral("msgbatch_unknown"), 0, 0, 0);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestResultStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_resultstore.moc"
