#include "resultwriter.h"

#include <QLoggingCategory>

#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/retryqueue.h"
#include "ledger/walcheckpointer.h"

#include <QThread>

#include <chrono>

namespace bs {

namespace {
Q_LOGGING_CATEGORY(lcWriter, "bs.ingest.writer", QtInfoMsg)

constexpr auto kPoll =
    std::chrono::milliseconds(20); // how often a blocked producer looks at cancel
// WAL growth (pages) that starts a checkpoint on the checkpoint thread.
constexpr int kCheckpointEveryPages = 1024;
// The most result rows one group commit holds.
constexpr qint64 kMaxRowsPerCommit = 20000;
} // namespace

ResultWriter::ResultWriter(const QString& ledgerPath, qint64 stopAfterCommittedRows,
                           std::shared_ptr<std::atomic_bool> canceled, int maxQueued)
    : m_path(ledgerPath)
    , m_stopAfter(stopAfterCommittedRows)
    , m_canceled(std::move(canceled))
    , m_maxQueued(qMax(1, maxQueued)) {}

ResultWriter::~ResultWriter() {
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    m_thread->wait();
    delete m_thread;
    m_checkpointer.reset(); // after the writer: a requested checkpoint finishes first
}

bool ResultWriter::start(QString* error) {
    // WAL checkpoints on a thread of their own; without it (it could not open the file) the
    // writer's connection checkpoints in its commits as every connection does.
    m_checkpointer = std::make_unique<WalCheckpointer>(m_path, kCheckpointEveryPages);
    if (!m_checkpointer->start(nullptr))
        m_checkpointer.reset();
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("ingest writer"));
    m_thread->start();
    std::unique_lock lock(m_mutex);
    m_room.wait(lock, [this] { return m_opened || !m_openError.isEmpty(); });
    if (!m_opened && error)
        *error = m_openError;
    return m_opened;
}

void ResultWriter::run() {
    QString error;
    std::unique_ptr<Ledger> ledger = Ledger::openForThisThread(m_path, &error);
    {
        std::lock_guard lock(m_mutex);
        m_opened = ledger != nullptr;
        m_openError = ledger ? QString() : (error.isEmpty() ? QStringLiteral("?") : error);
    }
    m_room.notify_all();
    if (!ledger)
        return;
    // Speed settings (the ingestion works the same without them): a larger page cache, and no
    // checkpoint in this connection's commits when the checkpoint thread runs them (otherwise
    // one every 16 MiB of WAL instead of every 4 MiB).
    ledger->tuneForBulkInserts(8192, 4096);
    if (m_checkpointer) {
        WalCheckpointer* checkpointer = m_checkpointer.get();
        ledger->setWalCommitHook([checkpointer](int pages) { checkpointer->walGrew(pages); });
    }
    // Group commit: batches that arrive while one is being written join one transaction, up to
    // kMaxRowsPerCommit rows; it commits as soon as nothing is waiting. A writer that keeps up
    // commits every batch; one that falls behind writes each index page once per group instead
    // of once per batch (results arrive in no order, so every batch touches most of the
    // (batch_id, custom_id) index).
    qint64 groupRows = 0;
    qint64 groupInserted = 0;
    qint64 groupEnqueued = 0;
    Batch last; // pass and lineMark of the group's last batch
    bool open = false;
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
            if (m_quit)
                break;
            batch = std::move(m_queue.front());
            m_queue.pop_front();
            if (m_stats.failed || m_stats.stopped) {
                m_room.notify_all();
                continue;
            }
            m_busy = true;
        }
        m_room.notify_all();
        bool ok = open || ledger->beginTransaction();
        open = ok;
        const qint64 inserted =
            !ok ? -1
                : (batch.rows.isEmpty()
                       ? 0
                       : ResultStore(*ledger).insert(batch.rows, batch.lineBlocks));
        qint64 enqueued = 0;
        if (inserted >= 0 && !batch.retryItems.isEmpty())
            enqueued = RetryQueue(*ledger).enqueue(batch.retryItems);
        ok = inserted >= 0 && enqueued >= 0;
        bool failedOnRetries = inserted >= 0;
        if (ok) {
            groupRows += batch.rows.size();
            groupInserted += inserted;
            groupEnqueued += enqueued;
            last.pass = batch.pass;
            last.lineMark = batch.lineMark;
        }
        bool holdEnded = false; // the test hook's hold ended without the writer being destroyed
        bool holdTimedOut = false;
        if (ok && m_holdAfter > 0) {
            std::unique_lock lock(m_mutex);
            if (m_stats.rowsCommitted >= m_holdAfter) {
                // Test hook (tests/README.md, "Test hooks"): hold this transaction open,
                // uncommitted, until the writer is destroyed (the process is meant to be killed
                // here). A cancel, or m_holdTimeout without either, ends the hold: the held rows
                // are rolled back and nothing more is written, so no test can hang on it.
                // Said once, so that a test can wait for the hold instead of sleeping.
                qCInfo(lcWriter).noquote()
                    << QStringLiteral("test hook: holding an uncommitted transaction after %1 "
                                      "committed rows")
                           .arg(m_stats.rowsCommitted);
                const auto deadline = std::chrono::steady_clock::now() + m_holdTimeout;
                while (!m_quit && !m_canceled->load() &&
                       std::chrono::steady_clock::now() < deadline)
                    m_wake.wait_for(lock, kPoll);
                if (m_quit)
                    break;
                holdEnded = true;
                holdTimedOut = !m_canceled->load();
                ok = false;
                failedOnRetries = false;
            }
        }
        // The rows go now, not after the commit; their list's storage is kept for reuse.
        batch.rows.clear();
        batch.lineBlocks.clear();
        {
            std::lock_guard lock(m_mutex);
            if (m_spareRows.empty())
                m_spareRows.push_back(std::move(batch.rows));
        }
        batch = Batch();
        bool commitNow = !ok || groupRows >= kMaxRowsPerCommit;
        {
            std::lock_guard lock(m_mutex);
            // The test hooks count committed rows: a group stops growing where they begin.
            commitNow = commitNow || m_queue.empty() || m_quit ||
                        (m_stopAfter > 0 && m_stats.rowsCommitted + groupRows >= m_stopAfter) ||
                        (m_holdAfter > 0 && m_stats.rowsCommitted + groupRows >= m_holdAfter);
        }
        QString error;
        if (commitNow && open) {
            if (ok) {
                ok = ledger->commitTransaction();
                failedOnRetries = false;
            } else {
                error = holdEnded ? QStringLiteral("the test hook held a transaction open for "
                                                   "%1 ms and nobody ended the process; rolled "
                                                   "back")
                                        .arg(qint64(m_holdTimeout.count()))
                                  : ledger->lastError();
                ledger->rollbackTransaction(); // the failed write already rolled its own back
            }
            open = false;
        }
        {
            std::lock_guard lock(m_mutex);
            if (holdEnded && !holdTimedOut) {
                m_stats.stopped = true; // canceled while held: stop, as a cancel does
            } else if (!ok) {
                m_stats.failed = true;
                m_stats.failedOnRetries = failedOnRetries;
                m_stats.error = error.isEmpty() ? ledger->lastError() : error;
            } else if (commitNow) {
                m_stats.rowsInserted += groupInserted;
                m_stats.retriesEnqueued += groupEnqueued;
                m_stats.rowsCommitted += groupRows;
                m_stats.pass = last.pass;
                m_stats.lineMark = last.lineMark;
                if (m_stopAfter > 0 && m_stats.rowsCommitted >= m_stopAfter) {
                    m_stats.stopped = true;
                    m_canceled->store(true);
                }
            }
            if (commitNow || !ok) {
                groupRows = groupInserted = groupEnqueued = 0;
                m_busy = false;
            }
        }
        m_room.notify_all();
    }
    if (open)
        ledger->rollbackTransaction(); // quit with a group open: nothing of it is kept
    ledger.reset();                    // closed on its own thread
}

bool ResultWriter::submit(Batch&& batch) {
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_stats.failed || m_stats.stopped || m_quit)
            return false;
        if (int(m_queue.size()) < m_maxQueued)
            break;
        if (m_canceled->load(std::memory_order_relaxed))
            break; // queue it anyway: what was parsed before a cancel is committed
        m_room.wait_for(lock, kPoll);
    }
    m_queue.push_back(std::move(batch));
    lock.unlock();
    m_wake.notify_one();
    return true;
}

QList<ResultRow> ResultWriter::spareRows() {
    std::lock_guard lock(m_mutex);
    if (m_spareRows.empty())
        return {};
    QList<ResultRow> rows = std::move(m_spareRows.back());
    m_spareRows.pop_back();
    return rows;
}

void ResultWriter::requestCheckpoint() {
    if (m_checkpointer)
        m_checkpointer->requestCheckpoint();
}

bool ResultWriter::isIdle() const {
    std::lock_guard lock(m_mutex);
    return m_queue.empty() && !m_busy;
}

void ResultWriter::drain() {
    std::unique_lock lock(m_mutex);
    m_room.wait(lock, [this] { return m_quit || (m_queue.empty() && !m_busy); });
}

ResultWriter::Stats ResultWriter::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace bs
