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

// Threads that own Ledger connections and run jobs on them one after the other, in the order
// they were queued (qBittorrent's DBResumeDataStorage worker is the model): the GUI thread asks,
// never waits, and gets each answer back as a queued call on its own thread.
//
// Two lanes, each a thread with its own connection:
//  - Lane::Background (the default) takes writes and the bulk refreshes that follow ledger
//    changes (a reload of the batch table after an ingestion);
//  - Lane::Interactive takes the reads a user waits for (the first page of a batch's items,
//    its details). It never queues behind a bulk refresh: in WAL mode its connection reads the
//    last committed state while the other lane works. Read-only jobs only: a write there could
//    wait on the background lane's write lock, which is what the lane is for avoiding.
// Jobs run in order within a lane; across lanes there is no order.
//
//   worker.open(path);                                   // opened(ok, error) follows
//   worker.run<QList<BatchRecord>>(this,
//       [](Ledger& l) { return BatchStore(l).all(); },  // on the worker thread
//       [this](QList<BatchRecord> rows) { ... });        // on this object's thread, later
//
// A job sees only what it captured (copy values, never a widget or a model) and the worker's
// Ledger. Its answer is dropped when `context` is destroyed before it arrives. Jobs queued before
// open() answered run after the open (on the interactive lane: after the background lane has
// created and migrated the file, so that it never opens a file being migrated); when the ledger
// could not be opened, jobs are not run and their answer is a default-constructed value. The
// destructor lets the running job finish, drops the queued ones and joins the thread.
class LedgerWorker : public QObject {
    Q_OBJECT

public:
    enum class Lane { Background, Interactive };

    explicit LedgerWorker(QObject* parent = nullptr);
    ~LedgerWorker() override;

    // Opens (creating, migrating) the ledger file on the worker thread.
    void open(const QString& path);
    QString path() const { return m_path; }
    // Known once opened() was emitted.
    bool isOpen() const { return m_open; }
    QString openError() const { return m_openError; }

    template <typename R>
    void run(QObject* context, std::function<R(Ledger&)> job, std::function<void(R)> done,
             Lane lane = Lane::Background) {
        QPointer<QObject> guard(context);
        enqueue(lane, [this, guard, job = std::move(job),
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
        enqueue(Lane::Background, [job = std::move(job)](std::unique_ptr<Ledger>& ledger) {
            if (ledger)
                job(*ledger);
        });
    }

    // Jobs queued and not finished (for tests and benchmarks).
    int pendingJobs(Lane lane) const;
    int pendingJobs() const {
        return pendingJobs(Lane::Background) + pendingJobs(Lane::Interactive);
    }

Q_SIGNALS:
    void opened(bool ok, const QString& error);

private:
    // Runs on the worker thread with the worker's connection (null: not open).
    using Job = std::function<void(std::unique_ptr<Ledger>&)>;
    // One thread, its queue and (on the thread) its connection.
    struct Queue {
        enum class Gate { Open, WaitForPath, Ready, Failed };
        QThread* thread = nullptr;
        mutable std::mutex mutex;
        std::condition_variable wake;
        std::deque<Job> jobs;
        int running = 0;
        bool quit = false;
        // The interactive lane holds its jobs until the background lane has opened the file
        // (Ready: open `path` first; Failed: run them without a connection).
        Gate gate = Gate::Open;
        QString path;
    };
    Queue& queue(Lane lane) { return lane == Lane::Interactive ? m_interactive : m_background; }
    const Queue& queue(Lane lane) const {
        return lane == Lane::Interactive ? m_interactive : m_background;
    }
    void enqueue(Lane lane, Job job);
    // Lets the interactive lane go on, with `path` to open, or without a connection.
    void releaseInteractive(bool ok, const QString& path);
    // Runs `call` on this object's thread (queued).
    void deliver(std::function<void()> call);
    static void loop(Queue& queue);
    static void stop(Queue& queue);

    QString m_path;
    bool m_open = false;
    QString m_openError;

    Queue m_background;
    Queue m_interactive;
};

} // namespace bs
