#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>

class QThread;

namespace bs {

// Copies a ledger's WAL back into the file on a thread (and connection) of its own, so that the
// connection writing results never waits for a checkpoint in its commits.
//
// The writing connection sets Ledger::setWalCommitHook() to call walGrew(); once the WAL holds
// `everyPages` pages more than the last checkpoint copied, this thread runs a PASSIVE checkpoint
// (Ledger::checkpoint), which neither blocks nor waits for the writer. SQLite starts the WAL
// over at the first write after a checkpoint copied all of it; until then it grows on disk.
//
// requestCheckpoint() asks for one more checkpoint of everything committed so far without
// waiting; the destructor lets a requested checkpoint finish, then stops the thread. Nothing
// here can lose data: what is not yet checkpointed is safe in the WAL and any later connection
// copies it.
class WalCheckpointer {
public:
    struct Stats {
        int checkpoints = 0; // checkpoints run
        int walPages = 0;    // the WAL's size at the last one
        int copiedPages = 0; // how much of it the last one had copied
        QString error;       // the last failure (the ingestion goes on without it)
    };

    WalCheckpointer(const QString& ledgerPath, int everyPages);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Starts the thread and opens its connection there; false with *error when it cannot.
    bool start(QString* error);
    // From the writer's commit hook (any thread): the WAL now holds walPages pages.
    void walGrew(int walPages);
    // One more checkpoint of everything committed so far, soon; does not wait.
    void requestCheckpoint();
    Stats stats() const;

private:
    void run();

    QString m_path;
    int m_every;
    QThread* m_thread = nullptr;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_opened = false;
    bool m_openDone = false;
    QString m_openError;
    bool m_pending = false;
    bool m_quit = false;
    int m_copied = 0; // WAL pages in the file after the last checkpoint
    Stats m_stats;
};

} // namespace bs
