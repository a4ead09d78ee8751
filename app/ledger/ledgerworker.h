#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include "ledger/ledger.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace bs {

// A thread that owns a Ledger connection and runs jobs on it one after the other, in the order
// they were queued (qBittorrent's DBResumeDataStorage worker is the model): the GUI thread asks,
// never waits, and gets each answer back as a queued call on its own thread.
//
//   worker.open(path);                                   // opened(ok, error) follows
//   worker.run<QList<BatchRecord>>(this,
//       [](Ledger& l) { return BatchStore(l).all(); },  // on the worker thread
//       [this](QList<BatchRecord> rows) { ... });        // on this object's thread, later
//
// A job sees only what it captured (copy values, never a widget or a model) and the worker's
// Ledger. Its answer is dropped when `context` is destroyed before it arrives. Jobs queued before
// open() answered run after the open; when the ledger could not be opened, jobs are not run and
// their answer is a default-constructed value. The destructor lets the running job finish, drops
// the queued ones and joins the thread.
class LedgerWorker : public QObject {
    Q_OBJECT

public:
    explicit LedgerWorker(QObject* parent = nullptr);
    ~LedgerWorker() override;

    // Opens (creating, migrating) the ledger file on the worker thread.
    void open(const QString& path);
    QString path() const { return m_path; }
    // Known once opened() was emitted.
    bool isOpen() const { return m_open; }
    QString openError() const { return m_openError; }

    template <typename R>
    void run(QObject* context, std::function<R(Ledger&)> job, std::function<void(R)> done) {
        QPointer<QObject> guard(context);
        enqueue([this, guard, job = std::move(job),
                 done = std::move(done)](std::unique_ptr<Ledger>& ledger) {
            R result = ledger ? job(*ledger) : R();
            deliver([guard, done, result = std::move(result)]() mutable {
                if (guard)
                    done(std::move(result));
            });
        });
    }
    // A job without an answer (a write whose change signal is answer enough).
    void post(std::function<void(Ledger&)> job) {
        enqueue([job = std::move(job)](std::unique_ptr<Ledger>& ledger) {
            if (ledger)
                job(*ledger);
        });
    }

    // Jobs queued and not finished (for tests and benchmarks).
    int pendingJobs() const;

Q_SIGNALS:
    void opened(bool ok, const QString& error);

private:
    // Runs on the worker thread with the worker's connection (null: not open).
    using Job = std::function<void(std::unique_ptr<Ledger>&)>;
    void enqueue(Job job);
    // Runs `call` on this object's thread (queued).
    void deliver(std::function<void()> call);
    void loop();

    QThread* m_thread = nullptr;
    QString m_path;
    bool m_open = false;
    QString m_openError;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    int m_running = 0;
    bool m_quit = false;
};

} // namespace bs
