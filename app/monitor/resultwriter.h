#pragma once

#include "ledger/resultrow.h"
#include "ledger/retryitem.h"

#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace bs {

class WalCheckpointer;

// The database half of an ingestion, on a thread of its own with its own Ledger connection:
// IngestWorker (download + parse + price) hands it one chunk of rows at a time through a
// bounded queue, so that parsing the next chunk and inserting the last one run at the same
// time. submit() blocks while the queue is full: the worker then stops reading the network
// reply, whose bounded read buffer makes the server wait (back-pressure end to end).
//
// The writer's commits never wait for a WAL checkpoint: a WalCheckpointer copies the WAL back
// into the file on a third thread while the next rows are inserted.
//
// Each submitted batch is written with ResultStore::insert then RetryQueue::enqueue, in
// submission order, inside one transaction: a batch of its own when nothing else is queued, or
// (group commit) together with the batches that queued up meanwhile, up to 20,000 rows. After
// a failure nothing more is written: what was committed stays, the failed group is rolled back.
// With stopAfterCommittedRows > 0 (a test hook), the writer sets `canceled` and writes nothing more
// once that many rows are committed.
class ResultWriter {
public:
    struct Batch {
        int pass = 0;        // the download these rows come from
        qint64 lineMark = 0; // lines of that download read up to the end of these rows
        QList<ResultRow> rows;
        QList<RetryItem> retryItems;
        QList<ResultLineBlock> lineBlocks; // the lines as received the rows point into
    };
    struct Stats {
        qint64 rowsInserted = 0;    // newly inserted rows (ResultStore::insert's answers)
        qint64 retriesEnqueued = 0; // newly enqueued retry items
        qint64 rowsCommitted = 0;   // rows handed to the ledger and committed
        int pass = 0;               // the download of the last committed batch
        qint64 lineMark = 0;        // its lineMark
        bool failed = false;
        bool failedOnRetries =
            false;            // the failure was in RetryQueue::enqueue (else ResultStore::insert)
        QString error;        // the ledger's message
        bool stopped = false; // stopAfterCommittedRows was reached
    };

    ResultWriter(const QString& ledgerPath, qint64 stopAfterCommittedRows,
                 std::shared_ptr<std::atomic_bool> canceled, int maxQueued = 1);
    // Writes nothing more that is still queued, then waits for the thread.
    ~ResultWriter();
    ResultWriter(const ResultWriter&) = delete;
    ResultWriter& operator=(const ResultWriter&) = delete;

    // Test hook (tests/README.md, "Test hooks"), before start(): once this many rows are
    // committed, the next batch is written into a transaction that is never committed, and the
    // writer waits there until destroyed (a process to be killed mid-transaction). 0 = never.
    // The hold ends early on a cancel (the held rows are rolled back, the writer stops) or after
    // timeoutMs (rolled back, the writer fails with a message saying so): never forever.
    void setHoldAfterCommittedRows(qint64 rows, int timeoutMs = 60000) {
        m_holdAfter = rows;
        m_holdTimeout = std::chrono::milliseconds(qMax(0, timeoutMs));
    }
    // Starts the thread and opens the connection there; false with *error when it cannot.
    bool start(QString* error);
    // Queues a batch; blocks while the queue is full (until there is room, the writer failed or
    // stopped, or `canceled` is set without anything being written). False when the batch was
    // not queued (failure, stop, cancel).
    bool submit(Batch&& batch);
    // Nothing queued and nothing being written.
    bool isIdle() const;
    // Waits until every queued batch is written (or dropped after a failure or stop).
    void drain();
    // An empty row list with room for a batch, when a written batch left one (else an empty
    // list): the next batch's rows reuse its storage instead of allocating (and faulting in)
    // megabytes per batch.
    QList<ResultRow> spareRows();
    // Asks the checkpoint thread to copy everything committed so far into the ledger file, and
    // returns without waiting; the destructor lets it finish.
    void requestCheckpoint();
    Stats stats() const;

private:
    void run();

    QString m_path;
    qint64 m_stopAfter;
    qint64 m_holdAfter = 0;
    std::chrono::milliseconds m_holdTimeout{60000};
    std::shared_ptr<std::atomic_bool> m_canceled;
    int m_maxQueued;
    QThread* m_thread = nullptr;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // null: this connection checkpoints itself

    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // to the writer: work or quit
    std::condition_variable m_room; // to the producer: room in the queue, or idle
    std::deque<Batch> m_queue;
    std::vector<QList<ResultRow>> m_spareRows; // emptied lists of written batches
    bool m_busy = false;
    bool m_quit = false;
    bool m_opened = false;
    QString m_openError;
    Stats m_stats;
};

} // namespace bs
