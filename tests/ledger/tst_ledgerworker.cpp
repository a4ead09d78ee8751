// LedgerWorker's two lanes over a real ledger file: a read the user waits for never queues behind
// background work, the interactive lane opens only a file the background lane has migrated, and
// a failed open answers default values on both lanes.

#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerschema.h"
#include "ledger/ledgerworker.h"
#include "ledgertesthelpers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <mutex>

using namespace bs;

namespace {

// A gate a background job waits at until the test opens it (or a minute passes, so that a broken
// worker fails the test instead of hanging it).
struct Latch {
    std::mutex mutex;
    std::condition_variable cv;
    bool open = false;
    bool entered = false;
    void wait() {
        std::unique_lock lock(mutex);
        entered = true;
        cv.notify_all();
        cv.wait_for(lock, std::chrono::minutes(1), [this] { return open; });
    }
    void release() {
        {
            std::lock_guard lock(mutex);
            open = true;
        }
        cv.notify_all();
    }
    bool hasEntered() {
        std::lock_guard lock(mutex);
        return entered;
    }
};

} // namespace

class TestLedgerWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void interactiveReadDoesNotWaitForBackgroundWork();
    void interactiveJobsQueuedBeforeOpenSeeTheMigratedFile();
    void jobsRunInOrderWithinALane();
    void failedOpenAnswersDefaultsOnBothLanes();

private:
    QTemporaryDir m_dir;
};

void TestLedgerWorker::interactiveReadDoesNotWaitForBackgroundWork() {
    const QString path = m_dir.filePath(QStringLiteral("busy.sqlite"));
    LedgerWorker worker;
    QSignalSpy opened(&worker, &LedgerWorker::opened);
    worker.open(path);
    worker.post([](Ledger& l) {
        BatchStore(l).upsert(ledgertest::makeBatch(QStringLiteral("msgbatch_lane_1")));
    });
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(opened.first().at(0).toBool());

    // The background lane is busy (a bulk reload that takes long) ...
    Latch latch;
    worker.post([&latch](Ledger&) { latch.wait(); });
    QTRY_VERIFY(latch.hasEntered());
    bool backgroundAnswered = false;
    worker.run<int>(
        this, [](Ledger& l) { return int(BatchStore(l).all().size()); },
        [&](int) { backgroundAnswered = true; });

    // ... and the user's read still answers, from the committed state.
    int seen = -1;
    worker.run<int>(
        this, [](Ledger& l) { return int(BatchStore(l).all().size()); }, [&](int n) { seen = n; },
        LedgerWorker::Lane::Interactive);
    QTRY_COMPARE_WITH_TIMEOUT(seen, 1, 10000);
    QVERIFY(!backgroundAnswered);
    QCOMPARE(worker.pendingJobs(LedgerWorker::Lane::Background), 2);

    latch.release();
    QTRY_VERIFY(backgroundAnswered);
    QTRY_COMPARE(worker.pendingJobs(), 0);
}

void TestLedgerWorker::interactiveJobsQueuedBeforeOpenSeeTheMigratedFile() {
    const QString path = m_dir.filePath(QStringLiteral("fresh.sqlite"));
    QVERIFY(!QFile::exists(path));
    LedgerWorker worker;
    // Queued before open(): it must wait for the background lane to create and migrate the file,
    // then read it through a connection of its own.
    int schema = -1;
    bool hadLedger = false;
    worker.run<int>(
        this,
        [&hadLedger](Ledger& l) {
            hadLedger = true;
            return l.schemaVersion();
        },
        [&](int v) { schema = v; }, LedgerWorker::Lane::Interactive);
    worker.open(path);
    QTRY_VERIFY(schema != -1);
    QVERIFY(hadLedger);
    QCOMPARE(schema, LedgerSchema::latestVersion());
}

void TestLedgerWorker::jobsRunInOrderWithinALane() {
    const QString path = m_dir.filePath(QStringLiteral("order.sqlite"));
    LedgerWorker worker;
    worker.open(path);
    QList<int> order;
    for (int i = 0; i < 50; ++i) {
        const auto lane = i % 2 ? LedgerWorker::Lane::Interactive : LedgerWorker::Lane::Background;
        worker.run<int>(
            this, [i](Ledger&) { return i; }, [&](int v) { order.append(v); }, lane);
    }
    QTRY_COMPARE(order.size(), 50);
    int lastEven = -1, lastOdd = -1;
    for (int v : std::as_const(order)) {
        int& last = v % 2 ? lastOdd : lastEven;
        QVERIFY2(v > last, "jobs of one lane answered out of order");
        last = v;
    }
}

void TestLedgerWorker::failedOpenAnswersDefaultsOnBothLanes() {
    // A folder is not a ledger file.
    const QString path = m_dir.filePath(QStringLiteral("a-folder"));
    QVERIFY(QDir().mkpath(path));
    LedgerWorker worker;
    QSignalSpy opened(&worker, &LedgerWorker::opened);
    worker.open(path);
    int background = -1, interactive = -1;
    worker.run<int>(
        this, [](Ledger&) { return 7; }, [&](int v) { background = v; });
    worker.run<int>(
        this, [](Ledger&) { return 7; }, [&](int v) { interactive = v; },
        LedgerWorker::Lane::Interactive);
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(!opened.first().at(0).toBool());
    QTRY_COMPARE(background, 0);
    QTRY_COMPARE(interactive, 0);
}

QTEST_GUILESS_MAIN(TestLedgerWorker)
#include "tst_ledgerworker.moc"
