#include "batchstore.h"

#include "ledger/ledgervalues.h"

namespace bs {

using namespace ledgervalues;

namespace {
QString statusName(MessageBatch::Status s) {
    return MessageBatch::statusToString(s);
}
} // namespace

namespace {
const QString kBatchColumns = QStringLiteral(
    "id, processing_status, count_processing, count_succeeded, count_errored, count_canceled, "
    "count_expired, created_at, expires_at, ended_at, cancel_initiated_at, archived_at, "
    "results_url, source_file, source_sha256, submitted_by, submitted_at, retry_of, workspace, "
    "local_id, discovered, results_ingested_at, updated_at, gone_at, profile, deleted_at");

BatchRecord batchFrom(const QSqlQuery& q) {
    BatchRecord r;
    MessageBatch& b = r.batch;
    b.id = q.value(0).toString();
    b.processingStatus = MessageBatch::statusFromString(q.value(1).toString());
    b.requestCounts.processing = q.value(2).toLongLong();
    b.requestCounts.succeeded = q.value(3).toLongLong();
    b.requestCounts.errored = q.value(4).toLongLong();
    b.requestCounts.canceled = q.value(5).toLongLong();
    b.requestCounts.expired = q.value(6).toLongLong();
    b.createdAt = timeFrom(q.value(7));
    b.expiresAt = timeFrom(q.value(8));
    b.endedAt = timeFrom(q.value(9));
    b.cancelInitiatedAt = timeFrom(q.value(10));
    b.archivedAt = timeFrom(q.value(11));
    b.resultsUrl = q.value(12).toString();
    r.local.sourceFile = q.value(13).toString();
    r.local.sourceSha256 = q.value(14).toString();
    r.local.submittedBy = q.value(15).toString();
    r.local.submittedAt = timeFrom(q.value(16));
    r.local.retryOf = q.value(17).toString();
    r.local.workspace = q.value(18).toString();
    r.local.localId = q.value(19).toString();
    r.discovered = q.value(20).toBool();
    r.resultsIngestedAt = timeFrom(q.value(21));
    r.updatedAt = timeFrom(q.value(22));
    r.goneAt = timeFrom(q.value(23));
    r.local.profile = q.value(24).toString();
    r.deletedAt = timeFrom(q.value(25));
    return r;
}
} // namespace

bool BatchStore::upsertServerFields(const QList<MessageBatch>& batches, bool discovered,
                                    QStringList* changedIds) {
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO batches(id, processing_status, count_processing, count_succeeded, "
        "count_errored, count_canceled, count_expired, created_at, expires_at, ended_at, "
        "cancel_initiated_at, archived_at, results_url, discovered, updated_at) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET processing_status = excluded.processing_status, "
        "count_processing = excluded.count_processing, "
        "count_succeeded = excluded.count_succeeded, count_errored = excluded.count_errored, "
        "count_canceled = excluded.count_canceled, count_expired = excluded.count_expired, "
        "created_at = excluded.created_at, expires_at = excluded.expires_at, "
        "ended_at = excluded.ended_at, cancel_initiated_at = excluded.cancel_initiated_at, "
        "archived_at = excluded.archived_at, results_url = excluded.results_url, "
        "updated_at = excluded.updated_at, gone_at = NULL "
        "WHERE (processing_status, count_processing, count_succeeded, count_errored, "
        "count_canceled, count_expired, created_at, expires_at, ended_at, cancel_initiated_at, "
        "archived_at, results_url) IS NOT (excluded.processing_status, "
        "excluded.count_processing, excluded.count_succeeded, excluded.count_errored, "
        "excluded.count_canceled, excluded.count_expired, excluded.created_at, "
        "excluded.expires_at, excluded.ended_at, excluded.cancel_initiated_at, "
        "excluded.archived_at, excluded.results_url) OR gone_at IS NOT NULL"));
    const QString now = nowText();
    for (const MessageBatch& b : batches) {
        if (b.id.isEmpty()) {
            fail(tr("A batch without an id cannot be stored."));
            return false;
        }
        q.bindValue(0, b.id);
        q.bindValue(1, statusName(b.processingStatus));
        q.bindValue(2, b.requestCounts.processing);
        q.bindValue(3, b.requestCounts.succeeded);
        q.bindValue(4, b.requestCounts.errored);
        q.bindValue(5, b.requestCounts.canceled);
        q.bindValue(6, b.requestCounts.expired);
        q.bindValue(7, timeValue(b.createdAt));
        q.bindValue(8, timeValue(b.expiresAt));
        q.bindValue(9, timeValue(b.endedAt));
        q.bindValue(10, timeValue(b.cancelInitiatedAt));
        q.bindValue(11, timeValue(b.archivedAt));
        q.bindValue(12, textValue(b.resultsUrl));
        q.bindValue(13, discovered ? 1 : 0);
        q.bindValue(14, now);
        if (!run(q))
            return false;
        if (q.numRowsAffected() > 0 && changedIds)
            changedIds->append(b.id);
    }
    return true;
}

bool BatchStore::upsert(const QList<MessageBatch>& batches) {
    if (!ensureThread("BatchStore::upsert") || !beginWrite())
        return false;
    QStringList changedIds;
    if (!upsertServerFields(batches, false, &changedIds)) {
        rollback();
        return false;
    }
    if (!changedIds.isEmpty())
        notify(Change::Batches, changedIds);
    return commit();
}

bool BatchStore::upsertDiscovered(const QList<MessageBatch>& batches) {
    if (!ensureThread("BatchStore::upsertDiscovered") || !beginWrite())
        return false;
    QStringList changedIds;
    if (!upsertServerFields(batches, true, &changedIds)) {
        rollback();
        return false;
    }
    if (!changedIds.isEmpty())
        notify(Change::Batches, changedIds);
    return commit();
}

// Runs an UPDATE of one batch row: a batch the ledger does not hold is an error, a changed
// row is announced.
bool BatchStore::updateOne(QSqlQuery& q, const QString& batchId) {
    if (!run(q))
        return false;
    if (q.numRowsAffected() == 0) {
        fail(tr("No batch %1 in the ledger.").arg(batchId));
        return false;
    }
    notify(Change::Batches, {batchId});
    return true;
}

bool BatchStore::setLocal(const QString& batchId, const BatchLocal& local) {
    if (!ensureThread("BatchStore::setLocal"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE batches SET source_file = ?, source_sha256 = ?, submitted_by = ?, "
        "submitted_at = ?, retry_of = ?, workspace = ?, local_id = COALESCE(?, local_id), "
        "profile = COALESCE(?, profile) WHERE id = ?"));
    q.bindValue(0, textValue(local.sourceFile));
    q.bindValue(1, textValue(local.sourceSha256));
    q.bindValue(2, textValue(local.submittedBy));
    q.bindValue(3, timeValue(local.submittedAt));
    q.bindValue(4, textValue(local.retryOf));
    q.bindValue(5, textValue(local.workspace));
    q.bindValue(6, textValue(local.localId));
    q.bindValue(7, textValue(local.profile));
    q.bindValue(8, batchId);
    return updateOne(q, batchId);
}

bool BatchStore::markResultsIngested(const QString& batchId, const QDateTime& when) {
    if (!ensureThread("BatchStore::markResultsIngested"))
        return false;
    QSqlQuery& q =
        prepared(QStringLiteral("UPDATE batches SET results_ingested_at = ? WHERE id = ?"));
    q.bindValue(0, timeValue(when.isValid() ? when : QDateTime::currentDateTimeUtc()));
    q.bindValue(1, batchId);
    if (!run(q))
        return false;
    notify(Change::Batches, {batchId});
    return true;
}

QList<BatchRecord> BatchStore::select(const QString& where, const QVariantList& binds) {
    QList<BatchRecord> list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kBatchColumns + QStringLiteral(" FROM batches ") + where);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!run(q))
        return list;
    while (q.next())
        list.append(batchFrom(q));
    return list;
}

bool BatchStore::markGone(const QString& batchId, const QDateTime& when) {
    if (!ensureThread("BatchStore::markGone"))
        return false;
    QSqlQuery& q =
        prepared(QStringLiteral("UPDATE batches SET gone_at = COALESCE(gone_at, ?) WHERE id = ?"));
    q.bindValue(0, timeValue(when.isValid() ? when : QDateTime::currentDateTimeUtc()));
    q.bindValue(1, batchId);
    return updateOne(q, batchId);
}

bool BatchStore::markDeleted(const QString& batchId, const QDateTime& when) {
    if (!ensureThread("BatchStore::markDeleted"))
        return false;
    QSqlQuery& q = prepared(
        QStringLiteral("UPDATE batches SET deleted_at = COALESCE(deleted_at, ?) WHERE id = ?"));
    q.bindValue(0, timeValue(when.isValid() ? when : QDateTime::currentDateTimeUtc()));
    q.bindValue(1, batchId);
    return updateOne(q, batchId);
}

std::optional<BatchRecord> BatchStore::find(const QString& batchId) {
    if (!ensureThread("BatchStore::find"))
        return std::nullopt;
    const auto list = select(QStringLiteral("WHERE id = ?"), {batchId});
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<BatchRecord> BatchStore::unended() {
    if (!ensureThread("BatchStore::unended"))
        return {};
    return select(QStringLiteral("WHERE processing_status <> 'ended' AND gone_at IS NULL "
                                 "ORDER BY created_at"),
                  {});
}

QList<BatchRecord> BatchStore::byStatus(MessageBatch::Status status) {
    if (!ensureThread("BatchStore::byStatus"))
        return {};
    return select(QStringLiteral("WHERE processing_status = ? ORDER BY created_at DESC"),
                  {statusName(status)});
}

QList<BatchRecord> BatchStore::awaitingIngest() {
    if (!ensureThread("BatchStore::awaitingIngest"))
        return {};
    return select(QStringLiteral("WHERE processing_status = 'ended' AND "
                                 "results_ingested_at IS NULL AND archived_at IS NULL AND "
                                 "gone_at IS NULL AND deleted_at IS NULL "
                                 "ORDER BY ended_at"),
                  {});
}

QList<BatchRecord> BatchStore::all() {
    if (!ensureThread("BatchStore::all"))
        return {};
    return select(QStringLiteral("ORDER BY created_at DESC"), {});
}

QList<BatchRecord> BatchStore::byProfile(const QString& profile) {
    if (!ensureThread("BatchStore::byProfile"))
        return {};
    return select(QStringLiteral("WHERE profile = ? ORDER BY created_at DESC"), {profile});
}

QStringList BatchStore::profiles() {
    QStringList names;
    if (!ensureThread("BatchStore::profiles"))
        return names;
    QSqlQuery& q = prepared(QStringLiteral("SELECT DISTINCT profile FROM batches ORDER BY 1"));
    if (!run(q))
        return names;
    while (q.next())
        names.append(q.value(0).toString());
    q.finish();
    return names;
}

QList<BatchRecord> BatchStore::retriesOf(const QString& batchId) {
    if (!ensureThread("BatchStore::retriesOf"))
        return {};
    return select(QStringLiteral("WHERE retry_of = ? ORDER BY created_at"), {batchId});
}

} // namespace bs
