#pragma once

#include "api/messagebatch.h"
#include "ledger/draftinfo.h"
#include "ledger/ledgerstore.h"
#include "ledger/packedrequest.h"
#include "ledger/storedrequest.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

namespace bs {

// The write-ahead requests: every request is stored in a draft before the batch is created, so
// that errored items can be re-sent with their original params and a crash between "sent" and
// "answered" can be reconciled. Errors: Ledger::lastError().
//
// 1) create  2) storeRequests (any number of chunks)  3) markCreating right before the HTTP
// create  4) attach with the server's answer (or abandon).
class DraftStore : public LedgerStore {
    Q_DECLARE_TR_FUNCTIONS(bs::DraftStore)

public:
    explicit DraftStore(Ledger& ledger)
        : LedgerStore(ledger) {}

    QString create(const BatchLocal& local); // returns the new local id, empty on error
    bool storeRequests(const QString& localId, const QList<StoredRequest>& requests);
    // The same with the params packed already (ParamsCodec::pack, e.g. on a worker thread).
    bool storePackedRequests(const QString& localId, const QList<PackedRequest>& requests);
    bool markCreating(const QString& localId);
    // Links the draft to the created batch: batch row with the draft's local fields, draft
    // state created, retry items drafted into it become resent.
    bool attach(const QString& localId, const MessageBatch& created);
    bool abandon(const QString& localId, const QString& note);
    std::optional<DraftInfo> find(const QString& localId);
    QList<DraftInfo> unattached(); // stored or creating
    // Reconciliation after a crash: the one draft in state "creating" whose request count
    // equals the batch's total and whose creatingAt lies within [created_at - slack,
    // created_at + slack]; empty when none or ambiguous.
    QString matchForBatch(const MessageBatch& batch, qint64 slackSeconds = 600);

    // Streams the requests of a draft in submission order (for building the create body
    // without loading everything). The callback returns false to stop. The StoredRequest passed
    // is reused from row to row (copy what you keep). False on a database error or damaged
    // stored params (Ledger::lastError()).
    bool forEachRequest(const QString& localId,
                        const std::function<bool(const StoredRequest&)>& callback);
    // One slice of the same: at most `limit` requests after position afterSeq (0: from the
    // first); *lastSeq is set to the position of the last one passed (left as is when none), to
    // continue from. Lets a caller read a large draft a slice per event-loop turn.
    bool forEachRequest(const QString& localId, qint64 afterSeq, int limit,
                        const std::function<bool(const StoredRequest&)>& callback, qint64* lastSeq);
    // Stored params (decompressed JSON bytes) of the given custom_ids of a batch (via its
    // draft); all of them when customIds is empty. Ids without stored params are absent.
    QHash<QString, StoredRequest> requestsOfBatch(const QString& batchId,
                                                  const QStringList& customIds);
    // Those of `candidates` that this ledger has seen as custom_ids before (in a stored request
    // or a result), for intake's "already used" warning. One pass over the ids; empty on error.
    QSet<QString> usedCustomIds(const QSet<QString>& candidates);
    // The requests the batch was created with (0 for a batch of another tool), -1 on error.
    qint64 requestCount(const QString& batchId);

private:
    friend class RetryQueue; // a retry draft is made in the queue's own transaction

    bool insertRequests(const QString& localId, const QList<StoredRequest>& requests,
                        const QStringList& retryOf);
    bool insertPacked(const QString& localId, const QList<PackedRequest>& requests,
                      const QStringList& retryOf);
    bool storePacked(const QString& localId, const QList<PackedRequest>& requests);
    std::optional<DraftInfo> select(const QString& localId);
    bool readRequests(const QString& localId, qint64 afterSeq, int limit,
                      const std::function<bool(const StoredRequest&)>& callback, qint64* lastSeq);
};

} // namespace bs
