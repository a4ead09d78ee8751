#include "ledgerworker.h"

#include "ledger/ledger.h"

#include <QThread>

namespace bs {

LedgerWorker::LedgerWorker(QObject* parent)
    : QObject(parent) {
    m_interactive.gate = Queue::Gate::WaitForPath;
    m_background.thread = QThread::create([this] { loop(m_background); });
    m_background.thread->setObjectName(QStringLiteral("ledger worker"));
    m_background.thread->start();
    m_interactive.thread = QThread::create([this] { loop(m_interactive); });
    m_interactive.thread->setObjectName(QStringLiteral("ledger reader"));
    m_interactive.thread->start();
}

LedgerWorker::~LedgerWorker() {
    stop(m_interactive);
    stop(m_background);
}

void LedgerWorker::stop(Queue& queue) {
    {
        std::lock_guard lock(queue.mutex);
        queue.quit = true;
        queue.jobs.clear();
    }
    queue.wake.notify_all();
    queue.thread->wait();
    delete queue.thread;
    queue.thread = nullptr;
}

void LedgerWorker::open(const QString& path) {
    m_path = path;
    {
        // A second open(): the interactive lane waits again for the file it is to read.
        std::lock_guard lock(m_interactive.mutex);
        m_interactive.gate = Queue::Gate::WaitForPath;
    }
    enqueue(Lane::Background, [this, path](std::unique_ptr<Ledger>& ledger) {
        ledger.reset();
        QString error;
        ledger = Ledger::openForThisThread(path, &error);
        const bool ok = ledger != nullptr;
        releaseInteractive(ok, path);
        deliver([this, ok, error] {
            m_open = ok;
            m_openError = error;
            Q_EMIT opened(ok, error);
        });
    });
}

void LedgerWorker::releaseInteractive(bool ok, const QString& path) {
    {
        std::lock_guard lock(m_interactive.mutex);
        m_interactive.gate = ok ? Queue::Gate::Ready : Queue::Gate::Failed;
        m_interactive.path = path;
    }
    m_interactive.wake.notify_all();
}

int LedgerWorker::pendingJobs(Lane lane) const {
    const Queue& q = queue(lane);
    std::lock_guard lock(q.mutex);
    return int(q.jobs.size()) + q.running;
}

void LedgerWorker::enqueue(Lane lane, Job job) {
    Queue& q = queue(lane);
    {
        std::lock_guard lock(q.mutex);
        q.jobs.push_back(std::move(job));
    }
    q.wake.notify_one();
}

void LedgerWorker::deliver(std::function<void()> call) {
    // `this` lives on the asking thread until the threads are joined: a queued call to it is
    // safe, and it checks the requester there.
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

void LedgerWorker::loop(Queue& q) {
    std::unique_ptr<Ledger> ledger; // made, used and closed on this thread only
    for (;;) {
        Job job;
        QString openPath;
        bool drop = false;
        {
            std::unique_lock lock(q.mutex);
            q.wake.wait(lock, [&q] {
                return q.quit || (!q.jobs.empty() && q.gate != Queue::Gate::WaitForPath);
            });
            if (q.quit)
                break;
            if (q.gate == Queue::Gate::Ready) {
                // The file exists and is migrated: this lane opens its own connection to it.
                openPath = q.path;
                q.gate = Queue::Gate::Open;
            } else if (q.gate == Queue::Gate::Failed) {
                drop = true; // the jobs run without a connection: they answer default values
                q.gate = Queue::Gate::Open;
            }
            job = std::move(q.jobs.front());
            q.jobs.pop_front();
            ++q.running;
        }
        if (drop)
            ledger.reset();
        if (!openPath.isEmpty()) {
            QString error;
            ledger = Ledger::openForThisThread(openPath, &error);
        }
        job(ledger);
        job = nullptr; // what it captured goes on this thread, before it counts as done
        std::lock_guard lock(q.mutex);
        --q.running;
    }
    ledger.reset();
}

} // namespace bs
