#include "ledgerworker.h"

#include "ledger/ledger.h"

#include <QThread>

namespace bs {

LedgerWorker::LedgerWorker(QObject* parent)
    : QObject(parent) {
    m_thread = QThread::create([this] { loop(); });
    m_thread->setObjectName(QStringLiteral("ledger worker"));
    m_thread->start();
}

LedgerWorker::~LedgerWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    m_thread->wait();
    delete m_thread;
}

void LedgerWorker::open(const QString& path) {
    m_path = path;
    enqueue([this, path](std::unique_ptr<Ledger>& ledger) {
        ledger.reset();
        QString error;
        ledger = Ledger::openForThisThread(path, &error);
        const bool ok = ledger != nullptr;
        deliver([this, ok, error] {
            m_open = ok;
            m_openError = error;
            Q_EMIT opened(ok, error);
        });
    });
}

int LedgerWorker::pendingJobs() const {
    std::lock_guard lock(m_mutex);
    return int(m_queue.size()) + m_running;
}

void LedgerWorker::enqueue(Job job) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void LedgerWorker::deliver(std::function<void()> call) {
    // `this` lives on the asking thread until the thread is joined: a queued call to it is safe,
    // and it checks the requester there.
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

void LedgerWorker::loop() {
    std::unique_ptr<Ledger> ledger; // made, used and closed on this thread only
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
            if (m_quit)
                break;
            job = std::move(m_queue.front());
            m_queue.pop_front();
            ++m_running;
        }
        job(ledger);
        job = nullptr; // what it captured goes on this thread, before it counts as done
        std::lock_guard lock(m_mutex);
        --m_running;
    }
    ledger.reset();
}

} // namespace bs
