#include "retryqueue.h"

#include "ledger/draftstore.h"
#include "ledger/ledgervalues.h"

#include <algorithm>

namespace bs {

using namespace ledgervalues;

namespace {
const QString kRetryColumns = QStringLiteral(
    "id, batch_id, custom_id, class, error_type, error_message, attempt, state, draft_local_id, "
    "resent_batch_id, enqueued_at, resent_at");

RetryItem retryFrom(const QSqlQuery& q) {
    RetryItem r;
    r.id = q.value(0).toLongLong();
    r.batchId = q.value(1).toString();
    r.customId = q.value(2).toString();
    r.retryClass = retryClassFromName(q.value(3).toString()).value_or(RetryClass::FixRequired);
    r.errorType = q.value(4).toString();
    r.errorMessage = q.value(5).toString();
    r.attempt = q.value(6).toInt();
    r.state = RetryItem::stateFromName(q.value(7).toString());
    r.draftLocalId = q.value(8).toString();
    r.resentBatchId = q.value(9).toString();
    r.enqueuedAt = timeFrom(q.value(10));
    r.resentAt = timeFrom(q.value(11));
    return r;
}
} // namespace

qint64 RetryQueue::enqueue(const QList<RetryItem>& items) {
    if (!ensureThread("RetryQueue::enqueue"))
        return -1;
    if (items.isEmpty())
        return 0;
    if (!beginWrite())
        return -1;
    // attempt: the stored request's attempt when the batch was ours, else the item's.
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO retry_queue(batch_id, custom_id, class, error_type, error_message, attempt, "
        "enqueued_at) VALUES(?, ?, ?, ?, ?, COALESCE((SELECT r.attempt FROM requests r JOIN "
        "drafts d ON d.local_id = r.local_id WHERE d.batch_id = ? AND r.custom_id = ?), ?), ?) "
        "ON CONFLICT(batch_id, custom_id) DO NOTHING"));
    const QString now = nowText();
    qint64 inserted = 0;
    QStringList batchIds;
    for (const RetryItem& item : items) {
        q.bindValue(0, item.batchId);
        q.bindValue(1, item.customId);
        q.bindValue(2, retryClassName(item.retryClass));
        q.bindValue(3, textValue(item.errorType));
        q.bindValue(4, textValue(item.errorMessage));
        q.bindValue(5, item.batchId);
        q.bindValue(6, item.customId);
        q.bindValue(7, qMax(1, item.attempt));
        q.bindValue(8, now);
        if (!run(q)) {
            rollback();
            return -1;
        }
        if (q.numRowsAffected() > 0) {
            ++inserted;
            if (!batchIds.contains(item.batchId))
                batchIds.append(item.batchId);
        }
    }
    if (inserted > 0)
        notify(Change::RetryQueue, batchIds);
    if (!commit())
        return -1;
    return inserted;
}

QList<RetryItem> RetryQueue::select(const QString& where, const QVariantList& binds) {
    QList<RetryItem> list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kRetryColumns + QStringLiteral(" FROM retry_queue ") +
              where);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!run(q))
        return list;
    while (q.next())
        list.append(retryFrom(q));
    return list;
}

QList<RetryItem> RetryQueue::items(std::optional<RetryClass> retryClass, RetryItem::State state) {
    if (!ensureThread("RetryQueue::items"))
        return {};
    if (retryClass)
        return select(QStringLiteral("WHERE state = ? AND class = ? ORDER BY id"),
                      {RetryItem::stateName(state), retryClassName(*retryClass)});
    return select(QStringLiteral("WHERE state = ? ORDER BY id"), {RetryItem::stateName(state)});
}

QString RetryQueue::createDraft(const QList<qint64>& itemIds, const BatchLocal& local,
                                QStringList* skipped) {
    if (!ensureThread("RetryQueue::createDraft"))
        return {};
    QList<RetryItem> items;
    for (qint64 id : itemIds) {
        const auto found = select(QStringLiteral("WHERE id = ?"), {id});
        if (found.isEmpty() || found.first().state != RetryItem::State::Pending) {
            fail(tr("Retry item %1 is not pending.").arg(id));
            return {};
        }
        items.append(found.first());
    }
    if (items.isEmpty()) {
        fail(tr("No items chosen to retry."));
        return {};
    }
    BatchLocal draftLocal = local;
    if (draftLocal.retryOf.isEmpty()) {
        const QString first = items.first().batchId;
        const bool same = std::all_of(items.cbegin(), items.cend(),
                                      [&first](const RetryItem& i) { return i.batchId == first; });
        if (same)
            draftLocal.retryOf = first;
    }
    if (!beginWrite())
        return {};
    DraftStore drafts(ledger());
    const QString localId = drafts.create(draftLocal);
    if (localId.isEmpty()) {
        rollback();
        return {};
    }
    QList<StoredRequest> requests;
    QStringList lineage;
    QList<qint64> drafted;
    for (const RetryItem& item : items) {
        const auto stored = drafts.requestsOfBatch(item.batchId, {item.customId});
        if (!stored.contains(item.customId)) {
            if (skipped)
                skipped->append(item.batchId + QLatin1Char('/') + item.customId);
            continue;
        }
        StoredRequest r = stored.value(item.customId);
        r.attempt = qMax(r.attempt, item.attempt) + 1;
        requests.append(r);
        lineage.append(item.batchId);
        drafted.append(item.id);
    }
    if (requests.isEmpty()) {
        rollback();
        fail(tr("None of the chosen items has stored params (their batches were not created "
                "by Batchscope); nothing to retry."));
        return {};
    }
    bool ok = drafts.insertRequests(localId, requests, lineage);
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE retry_queue SET state = 'drafted', draft_local_id = ? WHERE id = ?"));
    for (qsizetype i = 0; ok && i < drafted.size(); ++i) {
        q.bindValue(0, localId);
        q.bindValue(1, drafted.at(i));
        ok = run(q);
    }
    if (!ok) {
        rollback();
        return {};
    }
    notify(Change::RetryQueue);
    if (!commit())
        return {};
    return localId;
}

bool RetryQueue::dismiss(const QList<qint64>& itemIds) {
    if (!ensureThread("RetryQueue::dismiss") || !beginWrite())
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE retry_queue SET state = 'dismissed' WHERE id = ? AND state = 'pending'"));
    for (qint64 id : itemIds) {
        q.bindValue(0, id);
        if (!run(q)) {
            rollback();
            return false;
        }
    }
    notify(Change::RetryQueue);
    return commit();
}

QMap<RetryClass, qint64> RetryQueue::pendingCounts(const QString& batchId) {
    QMap<RetryClass, qint64> counts;
    if (!ensureThread("RetryQueue::pendingCounts"))
        return counts;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT class, COUNT(*) FROM retry_queue WHERE batch_id = ? AND "
                             "state = 'pending' GROUP BY class"));
    q.addBindValue(batchId);
    if (!run(q))
        return counts;
    while (q.next()) {
        if (const auto c = retryClassFromName(q.value(0).toString()))
            counts[*c] += q.value(1).toLongLong();
    }
    return counts;
}

} // namespace bs
