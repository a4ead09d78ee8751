#pragma once

#include "cost/budget.h"
#include "ledger/ledgernotifier.h"
#include "ledger/ledgerrecords.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QSqlQuery;
class QThread;

struct sqlite3;
struct sqlite3_stmt;

namespace bs {

// The single source of truth: one SQLite file (WAL) holding batches, write-ahead requests,
// results with usage and cost, the retry queue, the alert log and data settings (budgets).
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
// Money is integer micro-dollars and tokens int64 throughout; nothing is floating point.
// On any failure a method returns false / an empty value (or -1) and lastError() says why;
// each call clears the previous error.
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
    // Never deletes or rewrites data it does not understand: a newer or corrupt file is left
    // untouched and refused with a message saying what to do.
    bool open(const QString& path = defaultPath());
    void close();
    bool isOpen() const;
    OpenStatus openStatus() const { return m_openStatus; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    int schemaVersion() const; // of the open file
    QThread* ownerThread() const { return m_thread; }

    // A second connection for a worker: call on the worker thread, use there, destroy there.
    static std::unique_ptr<Ledger> openForThisThread(const QString& path, QString* error);

    // ---- batches -------------------------------------------------------------------------
    // Inserts or updates the server fields of batches (local fields are kept). One
    // transaction; emits Batches only with the ids whose row actually changed.
    bool upsertBatches(const QList<MessageBatch>& batches);
    bool upsertBatch(const MessageBatch& batch) { return upsertBatches({batch}); }
    // For the list endpoint's pages: a batch not in the ledger yet is inserted flagged
    // `discovered` (created by another tool: tracked, without params); an existing row only gets
    // its server fields updated (an own batch stays not-discovered). For a newly discovered
    // batch, matchDraftForBatch() tells whether it is in fact ours from before a crash; if so,
    // attachBatch() links it (and clears the flag).
    bool upsertDiscoveredBatches(const QList<MessageBatch>& batches);
    bool setBatchLocal(const QString& batchId, const BatchLocal& local);
    bool markResultsIngested(const QString& batchId, const QDateTime& when);
    std::optional<BatchRecord> batch(const QString& batchId);
    // Batches with processing_status != ended (uses a partial index: cheap for 1,000s).
    QList<BatchRecord> unendedBatches();
    QList<BatchRecord> batchesByStatus(MessageBatch::Status status);
    // Ended batches whose results are not ingested yet (and not archived).
    QList<BatchRecord> batchesAwaitingIngest();
    QList<BatchRecord> allBatches(); // newest first
    // Lineage: batches created to retry items of `batchId` (retry_of = batchId), oldest first.
    QList<BatchRecord> retriesOf(const QString& batchId);

    // ---- write-ahead requests ------------------------------------------------------------
    // 1) createDraft  2) storeRequests (any number of chunks)  3) markDraftCreating right
    // before the HTTP create  4) attachBatch with the server's answer (or abandonDraft).
    QString createDraft(const BatchLocal& local); // returns the new local id, empty on error
    bool storeRequests(const QString& localId, const QList<StoredRequest>& requests);
    bool markDraftCreating(const QString& localId);
    // Links the draft to the created batch: batch row with the draft's local fields, draft
    // state created, retry items drafted into it become resent.
    bool attachBatch(const QString& localId, const MessageBatch& created);
    bool abandonDraft(const QString& localId, const QString& note);
    std::optional<DraftInfo> draft(const QString& localId);
    QList<DraftInfo> unattachedDrafts(); // stored or creating
    // Reconciliation after a crash: the one draft in state "creating" whose request count
    // equals the batch's total and whose creatingAt lies within [created_at - slack,
    // created_at + slack]; empty when none or ambiguous.
    QString matchDraftForBatch(const MessageBatch& batch, qint64 slackSeconds = 600);
    // Streams the requests of a draft in submission order (for building the create body
    // without loading everything). The callback returns false to stop.
    bool forEachRequest(const QString& localId,
                        const std::function<bool(const StoredRequest&)>& callback);
    // Stored params (decompressed JSON bytes) of the given custom_ids of a batch (via its
    // draft). Ids without stored params are absent from the map.
    QHash<QString, StoredRequest> requestsOfBatch(const QString& batchId,
                                                  const QStringList& customIds);
    qint64 requestCount(const QString& batchId);
    // Custom ids the batch was created with that have no result row, in submission order.
    QStringList missingCustomIds(const QString& batchId);
    // The counts of resultCount(), requestCount() and missingCustomIds() together, from one
    // ordered pass over the two custom_id indexes (an ingestion ends with it). Empty on error.
    std::optional<ResultCoverage> resultCoverage(const QString& batchId);
    // Params above this size are stored qCompress'ed.
    static constexpr qsizetype kCompressThreshold = 4096;

    // ---- results -------------------------------------------------------------------------
    // Inserts in one transaction with one reused prepared statement; (batch_id, custom_id)
    // already present is left as it is (ON CONFLICT DO NOTHING), so ingesting twice or
    // resuming after a crash gives the identical ledger. Returns rows newly inserted, or -1.
    // The batch row must exist (upsertBatch first). Pass chunks of a few thousand rows.
    qint64 insertResults(const QList<ResultRow>& rows);
    // For a connection that mostly inserts results in large transactions (the ingestion's
    // writer): a bigger page cache (cacheKiB) and WAL checkpoints every walCheckpointPages pages
    // instead of 1000, so that the same index pages are not copied back to the file and synced
    // after every transaction, and no per-row foreign-key lookup (insertResults checks each
    // batch id once per call instead). Affects this connection only; the data is the same.
    bool tuneForBulkInserts(int cacheKiB = 8192, int walCheckpointPages = 4096);

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
    std::optional<ResultRow> result(const QString& batchId, const QString& customId);
    QList<ResultRow> results(const QString& batchId, qint64 offset = 0, qint64 limit = -1);
    qint64 resultCount(const QString& batchId = QString());
    // Streams result rows (of one batch, or all when batchId is empty) without loading them
    // all, e.g. for an independent recomputation of the costs. Return false to stop.
    bool forEachResult(const QString& batchId,
                       const std::function<bool(const ResultRow&)>& callback);
    // Re-prices succeeded rows whose model was unpriced with a newer price book's answer.
    bool updateResultCost(const QString& batchId, const QString& customId, Money micros,
                          bool priced);

    // ---- costs (SQL, integers) -----------------------------------------------------------
    enum class Grouping { Model, Day, Batch };
    CostTotals costTotal(QDate since = {}, const QString& batchId = QString());
    QList<CostGroup> costBy(Grouping grouping, QDate since = {});

    // ---- retry queue ---------------------------------------------------------------------
    // Idempotent per (batch_id, custom_id). Returns items newly enqueued, or -1.
    qint64 enqueueRetries(const QList<RetryItem>& items);
    QList<RetryItem> retryItems(std::optional<RetryClass> retryClass = std::nullopt,
                                RetryItem::State state = RetryItem::State::Pending);
    // New draft (retry_of = the items' batch when they share one) holding the stored params of
    // the given pending items, same custom_id, attempt + 1; items become drafted. Items without
    // stored params are skipped and listed in *skipped. Returns the local id, empty on error.
    QString createRetryDraft(const QList<qint64>& itemIds, const BatchLocal& local,
                             QStringList* skipped = nullptr);
    bool dismissRetries(const QList<qint64>& itemIds);

    // ---- alerts --------------------------------------------------------------------------
    qint64 logAlert(const AlertRecord& alert); // id, or -1
    QList<AlertRecord> alerts(const QDateTime& since = {}, int limit = 1000);

    // ---- data settings -------------------------------------------------------------------
    bool setSetting(const QString& key, const QString& value);
    QString setting(const QString& key, const QString& defaultValue = QString());
    bool setBudget(const BudgetSetting& budget);
    bool removeBudget(const QString& name);
    std::optional<BudgetSetting> budget(const QString& name);
    QList<BudgetSetting> budgets();
    // Cost spent in the budget's current period (calendar month/day in UTC of `today`).
    Money spentInPeriod(BudgetSetting::Period period, QDate today);
    // The named budget with what has been spent in its current period (today: UTC date; null =
    // now). Empty when no such budget exists.
    std::optional<Budget> budgetStatus(const QString& name, QDate today = {});

Q_SIGNALS:
    void changed(bs::LedgerNotifier::Change what, const QStringList& batchIds);

private:
    QSqlDatabase db() const;
    bool ensureThread(const char* where);
    bool exec(const QString& sql);
    bool run(QSqlQuery& q);
    bool beginWrite();
    bool commit();
    void rollback();
    void fail(const QString& message);
    void failQuery(const QSqlQuery& q);
    void notify(Change what, const QStringList& batchIds = {});
    bool openFile(const QString& path);
    bool migrate();
    QSqlQuery& prepared(const QString& sql);
    bool upsertServerFields(const QList<MessageBatch>& batches, bool discovered,
                            QStringList* changedIds);
    QList<BatchRecord> selectBatches(const QString& where, const QVariantList& binds);
    std::optional<DraftInfo> selectDraft(const QString& localId);
    bool insertRequests(const QString& localId, const QList<StoredRequest>& requests,
                        const QStringList& retryOf);
    QList<RetryItem> selectRetryItems(const QString& where, const QVariantList& binds);
    qint64 insertResultsRaw(const QList<ResultRow>& rows);
    sqlite3* walHandle(const char* where); // this thread's handle, or null with the error set
    void finalizeRaw();

    QString m_connection;
    QString m_path;
    QString m_lastError;
    OpenStatus m_openStatus = OpenStatus::CannotOpen;
    QThread* m_thread = nullptr;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements; // prepared once, reused
    // insertResults through the SQLite C API (UTF-8 binds, no QVariant): prepared once.
    sqlite3_stmt* m_insertResult = nullptr;
    std::function<void(int)> m_walHook;
    int m_txDepth = 0;
    bool m_txFailed = false;
    QList<std::pair<Change, QStringList>> m_pendingNotifications;
};

} // namespace bs
