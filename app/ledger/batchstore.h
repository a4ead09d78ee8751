#pragma once

#include "api/messagebatch.h"
#include "ledger/batchrecord.h"
#include "ledger/ledgerstore.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class QSqlQuery;

namespace bs {

// The batches of the ledger: server fields as last seen, local fields (source file, operator,
// lineage), the discovered / ingested / gone marks. Errors: Ledger::lastError().
class BatchStore : public LedgerStore {
    Q_DECLARE_TR_FUNCTIONS(bs::BatchStore)

public:
    explicit BatchStore(Ledger& ledger)
        : LedgerStore(ledger) {}

    // Inserts or updates the server fields of batches (local fields are kept). One
    // transaction; emits Batches only with the ids whose row actually changed. A batch marked
    // gone that the server shows again is no longer gone.
    bool upsert(const QList<MessageBatch>& batches);
    bool upsert(const MessageBatch& batch) { return upsert(QList<MessageBatch>{batch}); }
    // For the list endpoint's pages: a batch not in the ledger yet is inserted flagged
    // `discovered` (created by another tool: tracked, without params); an existing row only gets
    // its server fields updated (an own batch stays not-discovered). For a newly discovered
    // batch, DraftStore::matchForBatch() tells whether it is in fact ours from before a crash;
    // if so, DraftStore::attach() links it (and clears the flag).
    bool upsertDiscovered(const QList<MessageBatch>& batches);
    bool setLocal(const QString& batchId, const BatchLocal& local);
    bool markResultsIngested(const QString& batchId, const QDateTime& when);
    // The server no longer knows the batch (404 confirmed): it leaves unended() and
    // awaitingIngest(), so nothing polls or ingests it. False if there is no such batch.
    bool markGone(const QString& batchId, const QDateTime& when = {});
    // Deleted on the server by us (an ended batch): it leaves awaitingIngest(); the first time
    // is kept. False if there is no such batch.
    bool markDeleted(const QString& batchId, const QDateTime& when = {});

    std::optional<BatchRecord> find(const QString& batchId);
    // Batches with processing_status != ended that are not gone (a partial index: cheap for
    // 1,000s).
    QList<BatchRecord> unended();
    QList<BatchRecord> byStatus(MessageBatch::Status status);
    // Ended batches whose results are not ingested yet (and not archived, not gone).
    QList<BatchRecord> awaitingIngest();
    QList<BatchRecord> all(); // newest first
    // Profiles (schema 9): the batches submitted under one named profile, newest first, and
    // the profile names the ledger's batches carry, sorted ("default" for rows older than
    // profiles). The batch table, the budgets and the spend dashboard filter with these.
    QList<BatchRecord> byProfile(const QString& profile);
    QStringList profiles();
    // Lineage: batches created to retry items of `batchId` (retry_of = batchId), oldest first.
    QList<BatchRecord> retriesOf(const QString& batchId);

private:
    friend class DraftStore; // attach() writes the batch row in its own transaction

    bool upsertServerFields(const QList<MessageBatch>& batches, bool discovered,
                            QStringList* changedIds);
    QList<BatchRecord> select(const QString& where, const QVariantList& binds);
    bool updateOne(QSqlQuery& q, const QString& batchId);
};

} // namespace bs
