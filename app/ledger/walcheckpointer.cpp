#include "walcheckpointer.h"

#include "ledger/ledger.h"

#include <QThread>

#include <memory>

namespace bs {

WalCheckpointer::WalCheckpointer(const QString& ledgerPath, int everyPages)
    : m_path(ledgerPath)
    , m_every(qMax(1, everyPages)) {}

WalCheckpointer::~WalCheckpointer() {
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_quit = true; // a requested checkpoint still runs first (run() looks at m_pending first)
    }
    m_wake.notify_all();
    m_thread->wait();
    delete m_thread;
}

bool WalCheckpointer::start(QString* error) {
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("ledger checkpoint"));
    m_thread->start();
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_openDone; });
    if (!m_opened && error)
        *error = m_openError;
    return m_opened;
}

void WalCheckpointer::walGrew(int walPages) {
    {
        std::lock_guard lock(m_mutex);
        if (walPages < m_copied)
            m_copied = 0; // the WAL started over
        if (m_pending || walPages - m_copied < m_every)
            return;
        m_pending = true;
    }
    m_wake.notify_all();
}

void WalCheckpointer::requestCheckpoint() {
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_all();
}

WalCheckpointer::Stats WalCheckpointer::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void WalCheckpointer::run() {
    QString error;
    std::unique_ptr<Ledger> ledger = Ledger::openForThisThread(m_path, &error);
    {
        std::lock_guard lock(m_mutex);
        m_opened = ledger != nullptr;
        m_openError = ledger ? QString() : error;
        m_openDone = true;
    }
    m_wake.notify_all();
    if (!ledger)
        return;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_pending || m_quit; });
        if (!m_pending)
            break; // quit with nothing requested
        m_pending = false;
        lock.unlock();
        int wal = 0;
        int copied = 0;
        const bool ok = ledger->checkpoint(&wal, &copied);
        lock.lock();
        ++m_stats.checkpoints;
        if (ok) {
            m_copied = copied;
            m_stats.walPages = wal;
            m_stats.copiedPages = copied;
        } else {
            m_stats.error = ledger->lastError();
        }
    }
    lock.unlock();
    ledger.reset(); // closed on its own thread
}

} // namespace bs
