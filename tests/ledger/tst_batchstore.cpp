#include "ledger/batchstore.h"
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

class TestBatchStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void batchesRoundTripAndChangeOnlyOnDifference() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QSignalSpy spy(&ledger, &Ledger::changed);
        MessageBatch b = makeBatch(QStringLiteral("msgbatch_a"), MessageBatch::Status::Ended, 5);
        b.cancelInitiatedAt = b.createdAt.addSecs(60);
        b.archivedAt = b.createdAt.addDays(29);
        b.requestCounts = {0, 2, 1, 1, 1};
        QVERIFY(BatchStore(ledger).upsert(b));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Ledger::Change>(), Ledger::Change::Batches);
        QCOMPARE(spy.at(0).at(1).toStringList(), QStringList{b.id});

        const auto rec = BatchStore(ledger).find(b.id);
        QVERIFY(rec.has_value());
        QCOMPARE(rec->batch, b);
        QVERIFY(!rec->discovered);

        QVERIFY(BatchStore(ledger).upsert(b)); // identical: no change signal
        QCOMPARE(spy.count(), 1);

        BatchLocal local;
        local.sourceFile = QStringLiteral("/data/in.jsonl");
        local.sourceSha256 = QStringLiteral("ab12");
        local.submittedBy = QStringLiteral("op");
        local.submittedAt = b.createdAt;
        local.retryOf = QStringLiteral("msgbatch_parent");
        local.workspace = QStringLiteral("wrkspc_1");
        local.profile = QStringLiteral("staging"); // schema 9; a row without one reads "default"
        QVERIFY(BatchStore(ledger).setLocal(b.id, local));
        b.requestCounts.errored = 0;
        b.requestCounts.succeeded = 3;
        QVERIFY(BatchStore(ledger).upsert(b)); // server fields change; local fields are kept
        const auto again = BatchStore(ledger).find(b.id);
        QCOMPARE(again->batch, b);
        QCOMPARE(again->local, local);
        QVERIFY(!BatchStore(ledger).find(QStringLiteral("msgbatch_none")).has_value());
    }

    void discoveredBatchesAreFlagged() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(BatchStore(ledger).upsertDiscovered({makeBatch(QStringLiteral("msgbatch_other"))}));
        QVERIFY(BatchStore(ledger).find(QStringLiteral("msgbatch_other"))->discovered);
        QVERIFY(DraftStore(ledger).requestsOfBatch(QStringLiteral("msgbatch_other"), {}).isEmpty());
        QVERIFY(ResultStore(ledger).missingCustomIds(QStringLiteral("msgbatch_other")).isEmpty());
    }

    void unendedBatchesUseTheIndex() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QList<MessageBatch> list;
        for (int i = 0; i < 3000; ++i) {
            const auto status = i % 3 == 0   ? MessageBatch::Status::InProgress
                                : i % 3 == 1 ? MessageBatch::Status::Canceling
                                             : MessageBatch::Status::Ended;
            MessageBatch b =
                makeBatch(QStringLiteral("msgbatch_%1").arg(i, 5, 10, QLatin1Char('0')), status);
            b.createdAt = b.createdAt.addSecs(i);
            list.append(b);
        }
        QVERIFY(BatchStore(ledger).upsert(list));
        QCOMPARE(BatchStore(ledger).unended().size(), 2000);
        QCOMPARE(BatchStore(ledger).byStatus(MessageBatch::Status::InProgress).size(), 1000);
        QCOMPARE(BatchStore(ledger).byStatus(MessageBatch::Status::Ended).size(), 1000);
        QCOMPARE(BatchStore(ledger).awaitingIngest().size(), 1000);
        QVERIFY(BatchStore(ledger).markResultsIngested(QStringLiteral("msgbatch_00002"), {}));
        QCOMPARE(BatchStore(ledger).awaitingIngest().size(), 999);
        RawDb raw(path);
        const QString plan =
            raw.scalar(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM batches WHERE "
                                      "processing_status <> 'ended' ORDER BY created_at"),
                       3)
                .toString();
        QVERIFY2(plan.contains(QStringLiteral("batches_unended")), qPrintable(plan));
    }

    // A gone batch leaves the sets that are polled or ingested; the mark is kept across a
    // reopen, and goes when the server shows the batch again.
    void goneBatchesAreNotPolled() {
        const QString path = freshPath();
        const MessageBatch running = makeBatch(QStringLiteral("msgbatch_run"));
        const MessageBatch ended =
            makeBatch(QStringLiteral("msgbatch_end"), MessageBatch::Status::Ended);
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
            BatchStore batches(ledger);
            QVERIFY(batches.upsert(QList<MessageBatch>{running, ended}));
            QCOMPARE(batches.unended().size(), 1);
            QCOMPARE(batches.awaitingIngest().size(), 1);
            QSignalSpy spy(&ledger, &Ledger::changed);
            QVERIFY(batches.markGone(running.id));
            QVERIFY(batches.markGone(ended.id));
            QCOMPARE(spy.size(), 2);
            QCOMPARE(spy.first().at(1).toStringList(), QStringList{running.id});
            QVERIFY(!batches.markGone(QStringLiteral("msgbatch_unknown")));
            QVERIFY(ledger.lastError().contains(QStringLiteral("msgbatch_unknown")));
        }
        Ledger ledger;
        QVERIFY(ledger.open(path));
        BatchStore batches(ledger);
        QVERIFY(batches.unended().isEmpty());
        QVERIFY(batches.awaitingIngest().isEmpty());
        QVERIFY(batches.find(running.id)->isGone());
        QCOMPARE(batches.all().size(), 2); // still shown
        // The server shows it again (same fields): no longer gone.
        QVERIFY(batches.upsert(running));
        QVERIFY(!batches.find(running.id)->isGone());
        QCOMPARE(batches.unended().size(), 1);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestBatchStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_batchstore.moc"
