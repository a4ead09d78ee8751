#pragma once

#include "ledger/ledgernotifier.h"

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

class QSqlQuery;
class QThread;

struct sqlite3;
struct sqlite3_stmt;

namespace bs {

// The single source of truth: one SQLite file (WAL) holding batches, write-ahead requests,
// results with usage and cost, the retry queue, the alert log and data settings (budgets).
//
// Ledger is the connection: open, migrate, transactions, change notification and WAL
// housekeeping. What is read and written goes through one small store per concern, each
// constructed over an open Ledger and used on its thread (cheap to make, holds no state):
//   BatchStore    batches, their local fields, lineage, discovered and gone batches
//   DraftStore    write-ahead drafts and their requests
//   ResultStore   results (ingestion inserts), reads, coverage
//   CostQueries   cost totals and groupings, spend in a budget period
//   RetryQueue    failed items to re-send
//   AlertLog      the alert log
//   SettingsStore data settings and budgets
// All SQL lives in app/ledger, behind these classes.
//
// Threads: a Ledger object owns one QSqlDatabase connection that belongs to the thread which
// called open() (the connection name carries the thread id). Use it on that thread only; a
// worker thread opens its own Ledger (openForThisThread()) on the same file. WAL lets readers
// run beside the one writer; write transactions are BEGIN IMMEDIATE with a 5 s busy timeout.
//
// Changes: every successful write emits changed(what, batchIds) on this object (from the
// owning thread) and the same signal on LedgerNotifier::instance() (with the file path).
// The GUI listens on the notifier, so a worker's writes reach it as a queued signal.
//
// Errors: on any failure a method (of the Ledger or of a store over it) returns false / an
// empty value (or -1) and the Ledger's lastError() says why; each top-level call clears the
// previous error. Stores keep no error of their own.
//
// Money is integer micro-dollars and tokens int64 throughout; nothing is floating point.
class Ledger : public QObject {
    Q_OBJECT

public:
    using Change = LedgerNotifier::Change;

    enum class OpenStatus {
        Ok,
        CannotCreate, // folder or file could not be created / permissions not settable
        CannotOpen,   // SQLite refused the file (I/O, locked beyond the timeout)
        NotALedger,   // the file is corrupt, not SQLite, or a foreign SQLite database
        TooNew,       // written by a newer Batchscope (schema version above latestSchemaVersion)
        MigrationFailed,
    };

    explicit Ledger(QObject* parent = nullptr);
    ~Ledger() override;

    // <AppDataLocation>/ledger.sqlite
    static QString defaultPath();
    static int latestSchemaVersion();

    // Opens (creating if needed, mode 0600) and migrates the file for the calling thread.
    // Never deletes or rewrites data it does not understand: a newer, corrupt or foreign file
    // is left untouched (bytes and mode) and refused with a message saying what to do.
    bool open(const QString& path = defaultPath());
    void close();
    bool isOpen() const;
    OpenStatus openStatus() const { return m_openStatus; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    int schemaVersion() const; // of the open file
    QThread* ownerThread() const { return m_thread; }

    // Debug guard (the console sets it; tests of the console turn it on): while on, opening or
    // using any Ledger on the application's main (GUI) thread fails that call with a message,
    // logs a critical message and counts a violation. Off by default (the CLI runs its SQL on
    // its main thread).
    static void setMainThreadGuard(bool on);
    static bool mainThreadGuard();
    static int mainThreadViolations();

    // A second connection for a worker: call on the worker thread, use there, destroy there.
    static std::unique_ptr<Ledger> openForThisThread(const QString& path, QString* error);

    // ---- transactions --------------------------------------------------------------------
    // Groups writes into one transaction: the writes in between join it (each still checks its
    // own input), and nothing of them is visible to others or on disk until commitTransaction().
    // After a failed write commitTransaction() rolls everything back and returns false. Change
    // signals are emitted on commit only.
    bool beginTransaction() { return ensureThread("beginTransaction") && beginWrite(); }
    bool commitTransaction() { return ensureThread("commitTransaction") && commit(); }
    void rollbackTransaction() {
        if (ensureThread("rollbackTransaction"))
            rollback();
    }

    // For a connection that mostly inserts results in large transactions (the ingestion's
    // writer): a bigger page cache (cacheKiB) and WAL checkpoints every walCheckpointPages pages
    // instead of 1000, so that the same index pages are not copied back to the file and synced
    // after every transaction, and no per-row foreign-key lookup (ResultStore::insert checks
    // each batch id once per call instead). Affects this connection only; the data is the same.
    bool tuneForBulkInserts(int cacheKiB = 8192, int walCheckpointPages = 4096);

    // ---- WAL housekeeping ----------------------------------------------------------------
    // By default a connection copies the WAL back into the file (a checkpoint) inside the
    // commit that takes the WAL past 1000 pages, so that commit waits for it. With a hook set,
    // this connection runs no checkpoint of its own: after each of its commits `grew` is called
    // (on this thread, inside the commit: keep it short) with the WAL's size in pages, and
    // another connection checkpoints (WalCheckpointer). An empty function restores the default.
    bool setWalCommitHook(std::function<void(int walPages)> grew);
    // One PASSIVE checkpoint: copies what it can without waiting for, or blocking, the writer
    // and the readers. *walPages: the WAL's size; *copiedPages: how much of it is in the file.
    // A checkpoint already running on another connection is not an error (copiedPages = 0).
    bool checkpoint(int* walPages = nullptr, int* copiedPages = nullptr);

Q_SIGNALS:
    void changed(bs::LedgerNotifier::Change what, const QStringList& batchIds);

private:
    // The stores reach the connection through LedgerStore (ledgerstore.h) only.
    friend class LedgerStore;

    QSqlDatabase db() const;
    sqlite3* handle() const; // the connection's sqlite3 handle (QSQLITE is required)
    bool ensureThread(const char* where);
    bool guardMainThread(const char* where);
    bool exec(const QString& sql);
    bool run(QSqlQuery& q);
    bool beginWrite();
    bool commit();
    void rollback();
    void fail(const QString& message);
    void failQuery(const QSqlQuery& q);
    void notify(Change what, const QStringList& batchIds = {});
    bool openFile(const QString& path, bool* created);
    bool migrate();
    QSqlQuery& prepared(const QString& sql);
    sqlite3_stmt* preparedRaw(const char* key, const QByteArray& sql);
    void finalizeRaw();

    QString m_connection;
    QString m_path;
    QString m_lastError;
    OpenStatus m_openStatus = OpenStatus::CannotOpen;
    QThread* m_thread = nullptr;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements; // prepared once, reused
    // Statements prepared through the SQLite C API (ResultStore's insert): prepared once.
    std::map<std::string, sqlite3_stmt*> m_rawStatements;
    std::function<void(int)> m_walHook;
    int m_txDepth = 0;
    bool m_txFailed = false;
    QList<std::pair<Change, QStringList>> m_pendingNotifications;
};

} // namespace bs
