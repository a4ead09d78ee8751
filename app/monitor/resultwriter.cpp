#include "resultwriter.h"

#include "ledger/ledger.h"

#include <QThread>

#include <chrono>

namespace bs {

namespace {
constexpr auto kPoll =
    std::chrono::milliseconds(20); // how often a blocked producer looks at cancel
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
}

bool ResultWriter::start(QString* error) {
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
    // Speed settings (the ingestion works the same without them): a larger page cache, and WAL
    // checkpoints every 16 MiB of WAL instead of every 4 MiB (each one copies the WAL back to
    // the file and syncs both: at 1000 pages it was the largest part of the insert time; 4096
    // and 16384 measured the same, and 4096 leaves less WAL for the next connection to copy).
    ledger->tuneForBulkInserts(8192, 4096);
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
        const qint64 inserted = batch.rows.isEmpty() ? 0 : ledger->insertResults(batch.rows);
        qint64 enqueued = 0;
        if (inserted >= 0 && !batch.retryItems.isEmpty())
            enqueued = ledger->enqueueRetries(batch.retryItems);
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
            if (inserted < 0 || enqueued < 0) {
                m_stats.failed = true;
                m_stats.failedOnRetries = inserted >= 0;
                m_stats.error = ledger->lastError();
                if (inserted >= 0)
                    m_stats.rowsCommitted += batch.rows.size(); // the rows themselves are in
            } else {
                m_stats.rowsInserted += inserted;
                m_stats.retriesEnqueued += enqueued;
                m_stats.rowsCommitted += batch.rows.size();
                m_stats.pass = batch.pass;
                m_stats.lineMark = batch.lineMark;
                if (m_stopAfter > 0 && m_stats.rowsCommitted >= m_stopAfter) {
                    m_stats.stopped = true;
                    m_canceled->store(true);
                }
            }
        }
        m_room.notify_all();
    }
    ledger.reset(); // closed on its own thread
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

void ResultWriter::drain() {
    std::unique_lock lock(m_mutex);
    m_room.wait(lock, [this] { return m_quit || (m_queue.empty() && !m_busy); });
}

ResultWriter::Stats ResultWriter::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace bs
