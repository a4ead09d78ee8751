#include "draftstore.h"

#include "ledger/batchstore.h"
#include "ledger/ledgervalues.h"
#include "ledger/paramscodec.h"

#include <sqlite3.h>

#include <QUuid>

namespace bs {

using namespace ledgervalues;

namespace {
const QString kDraftColumns = QStringLiteral(
    "local_id, state, batch_id, source_file, source_sha256, submitted_by, retry_of, workspace, "
    "request_count, created_at, creating_at, note, profile");

DraftInfo draftFrom(const QSqlQuery& q) {
    DraftInfo d;
    d.localId = q.value(0).toString();
    d.state = DraftInfo::stateFromName(q.value(1).toString());
    d.batchId = q.value(2).toString();
    d.local.sourceFile = q.value(3).toString();
    d.local.sourceSha256 = q.value(4).toString();
    d.local.submittedBy = q.value(5).toString();
    d.local.retryOf = q.value(6).toString();
    d.local.workspace = q.value(7).toString();
    d.local.localId = d.localId;
    d.requestCount = q.value(8).toLongLong();
    d.createdAt = timeFrom(q.value(9));
    d.creatingAt = timeFrom(q.value(10));
    d.local.submittedAt = d.creatingAt;
    d.note = q.value(11).toString();
    d.local.profile = q.value(12).toString();
    return d;
}

// Params as stored (plain, qCompress'ed by older versions, zstd'ed: ParamsCodec); a null
// QByteArray when the stored bytes are damaged.
QByteArray unpackParams(const QVariant& blob, const QVariant& format) {
    return ParamsCodec::unpack(blob.toByteArray(), format.toInt());
}
} // namespace

QString DraftStore::create(const BatchLocal& local) {
    if (!ensureThread("DraftStore::create"))
        return {};
    const QString localId =
        QStringLiteral("local_") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO drafts(local_id, state, source_file, source_sha256, submitted_by, "
        "retry_of, workspace, created_at, profile) VALUES(?, 'stored', ?, ?, ?, ?, ?, ?, "
        "COALESCE(?, 'default'))"));
    q.bindValue(0, localId);
    q.bindValue(1, textValue(local.sourceFile));
    q.bindValue(2, textValue(local.sourceSha256));
    q.bindValue(3, textValue(local.submittedBy));
    q.bindValue(4, textValue(local.retryOf));
    q.bindValue(5, textValue(local.workspace));
    q.bindValue(6, nowText());
    q.bindValue(7, textValue(local.profile));
    if (!run(q))
        return {};
    notify(Change::Requests);
    return localId;
}

// The insert through the C API (blobs bound without a QVariant per column), the params zstd'ed
// through one reused context (ParamsCodec): storing a 256 MB file is mostly this loop.
bool DraftStore::insertRequests(const QString& localId, const QList<StoredRequest>& requests,
                                const QStringList& retryOf) {
    QList<PackedRequest> packed;
    packed.reserve(requests.size());
    for (const StoredRequest& r : requests)
        packed.append(ParamsCodec::pack(r));
    return insertPacked(localId, packed, retryOf);
}

bool DraftStore::insertPacked(const QString& localId, const QList<PackedRequest>& requests,
                              const QStringList& retryOf) {
    sqlite3* h = handle();
    const auto failRaw = [&] {
        fail(tr("Ledger %1: %2").arg(path(), QString::fromUtf8(sqlite3_errmsg(h))));
    };
    // The next seq once per call, not per row (the draft's rows are all written here).
    QSqlQuery& next =
        prepared(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM requests WHERE local_id = ?"));
    next.bindValue(0, localId);
    if (!run(next) || !next.next())
        return false;
    qint64 seq = next.value(0).toLongLong();
    next.finish();
    static const QByteArray sql = QByteArrayLiteral(
        "INSERT INTO requests(local_id, custom_id, seq, params, params_compressed, params_size, "
        "attempt, retry_of) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    sqlite3_stmt* st = preparedRaw("DraftStore::insertRequests", sql);
    if (!st)
        return false;
    const QByteArray local = localId.toUtf8();
    sqlite3_bind_text(st, 1, local.constData(), int(local.size()), SQLITE_STATIC);
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const PackedRequest& r = requests.at(i);
        const QByteArray& packed = r.data;
        const QByteArray customId = r.customId.toUtf8();
        const QByteArray retry = i < retryOf.size() ? retryOf.at(i).toUtf8() : QByteArray();
        sqlite3_bind_text(st, 2, customId.constData(), int(customId.size()), SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, ++seq);
        // A zero-length blob, not NULL, for empty params (the column is NOT NULL).
        sqlite3_bind_blob(st, 4, packed.isEmpty() ? "" : packed.constData(), int(packed.size()),
                          SQLITE_STATIC);
        sqlite3_bind_int(st, 5, r.format);
        sqlite3_bind_int64(st, 6, r.paramsSize);
        sqlite3_bind_int(st, 7, qMax(1, r.attempt));
        if (retry.isEmpty())
            sqlite3_bind_null(st, 8);
        else
            sqlite3_bind_text(st, 8, retry.constData(), int(retry.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            failRaw();
            sqlite3_clear_bindings(st);
            return false;
        }
    }
    sqlite3_clear_bindings(st); // the bound buffers go now
    // Rows are only ever added here: the count grows by what was added (no COUNT(*) over the
    // draft's rows per chunk, which grew with every chunk of a 100k-request draft).
    QSqlQuery& count = prepared(
        QStringLiteral("UPDATE drafts SET request_count = request_count + ? WHERE local_id = ?"));
    count.bindValue(0, qint64(requests.size()));
    count.bindValue(1, localId);
    return run(count);
}

bool DraftStore::storeRequests(const QString& localId, const QList<StoredRequest>& requests) {
    if (!ensureThread("DraftStore::storeRequests"))
        return false;
    QList<PackedRequest> packed;
    packed.reserve(requests.size());
    for (const StoredRequest& r : requests)
        packed.append(ParamsCodec::pack(r));
    return storePacked(localId, packed);
}

bool DraftStore::storePackedRequests(const QString& localId, const QList<PackedRequest>& requests) {
    if (!ensureThread("DraftStore::storePackedRequests"))
        return false;
    return storePacked(localId, requests);
}

bool DraftStore::storePacked(const QString& localId, const QList<PackedRequest>& requests) {
    const auto d = select(localId);
    if (!d) {
        fail(tr("No draft %1 in the ledger.").arg(localId));
        return false;
    }
    if (d->state != DraftInfo::State::Stored) {
        fail(tr("Draft %1 is already %2; requests can only be added before it is sent.")
                 .arg(localId, DraftInfo::stateName(d->state)));
        return false;
    }
    if (!beginWrite())
        return false;
    if (!insertPacked(localId, requests, {})) {
        rollback();
        return false;
    }
    notify(Change::Requests);
    return commit();
}

std::optional<DraftInfo> DraftStore::select(const QString& localId) {
    QSqlQuery& q = prepared(QStringLiteral("SELECT ") + kDraftColumns +
                            QStringLiteral(" FROM drafts WHERE local_id = ?"));
    q.bindValue(0, localId);
    if (!run(q) || !q.next())
        return std::nullopt;
    DraftInfo d = draftFrom(q);
    q.finish();
    return d;
}

std::optional<DraftInfo> DraftStore::find(const QString& localId) {
    if (!ensureThread("DraftStore::find"))
        return std::nullopt;
    return select(localId);
}

QList<DraftInfo> DraftStore::unattached() {
    QList<DraftInfo> list;
    if (!ensureThread("DraftStore::unattached"))
        return list;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT ") + kDraftColumns +
                QStringLiteral(" FROM drafts WHERE state IN ('stored', 'creating') "
                               "ORDER BY created_at"))) {
        failQuery(q);
        return list;
    }
    while (q.next())
        list.append(draftFrom(q));
    return list;
}

bool DraftStore::markCreating(const QString& localId) {
    if (!ensureThread("DraftStore::markCreating"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE drafts SET state = 'creating', creating_at = ? WHERE local_id = ? AND state IN "
        "('stored', 'creating')"));
    q.bindValue(0, nowText());
    q.bindValue(1, localId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() == 0) {
        fail(tr("Draft %1 is not waiting to be sent.").arg(localId));
        return false;
    }
    notify(Change::Requests);
    return true;
}

bool DraftStore::attach(const QString& localId, const MessageBatch& created) {
    if (!ensureThread("DraftStore::attach"))
        return false;
    const auto d = select(localId);
    if (!d) {
        fail(tr("No draft %1 in the ledger.").arg(localId));
        return false;
    }
    if (d->state == DraftInfo::State::Created && d->batchId == created.id)
        return BatchStore(ledger()).upsert(created); // already attached: just refresh
    if (d->state != DraftInfo::State::Stored && d->state != DraftInfo::State::Creating) {
        fail(tr("Draft %1 is %2 and cannot be linked to batch %3.")
                 .arg(localId, DraftInfo::stateName(d->state), created.id));
        return false;
    }
    if (!beginWrite())
        return false;
    bool ok = BatchStore(ledger()).upsertServerFields({created}, false, nullptr);
    if (ok) {
        QSqlQuery& q = prepared(QStringLiteral(
            "UPDATE batches SET source_file = ?, source_sha256 = ?, submitted_by = ?, "
            "submitted_at = ?, retry_of = ?, workspace = ?, local_id = ?, discovered = 0, "
            "profile = COALESCE(?, 'default') WHERE id = ?"));
        q.bindValue(0, textValue(d->local.sourceFile));
        q.bindValue(1, textValue(d->local.sourceSha256));
        q.bindValue(2, textValue(d->local.submittedBy));
        q.bindValue(3, timeValue(d->creatingAt.isValid() ? d->creatingAt
                                                         : QDateTime::currentDateTimeUtc()));
        q.bindValue(4, textValue(d->local.retryOf));
        q.bindValue(5, textValue(d->local.workspace));
        q.bindValue(6, localId);
        q.bindValue(7, textValue(d->local.profile));
        q.bindValue(8, created.id);
        ok = run(q);
    }
    if (ok) {
        QSqlQuery& q = prepared(
            QStringLiteral("UPDATE drafts SET state = 'created', batch_id = ? WHERE local_id = ?"));
        q.bindValue(0, created.id);
        q.bindValue(1, localId);
        ok = run(q);
    }
    qint64 resent = 0;
    if (ok) {
        QSqlQuery& q = prepared(QStringLiteral(
            "UPDATE retry_queue SET state = 'resent', resent_batch_id = ?, resent_at = ? "
            "WHERE draft_local_id = ? AND state = 'drafted'"));
        q.bindValue(0, created.id);
        q.bindValue(1, nowText());
        q.bindValue(2, localId);
        ok = run(q);
        resent = q.numRowsAffected();
    }
    if (!ok) {
        rollback();
        return false;
    }
    QStringList ids{created.id};
    if (!d->local.retryOf.isEmpty())
        ids.append(d->local.retryOf);
    notify(Change::Batches, ids);
    notify(Change::Requests, {created.id});
    if (resent > 0)
        notify(Change::RetryQueue, ids);
    return commit();
}

bool DraftStore::abandon(const QString& localId, const QString& note) {
    if (!ensureThread("DraftStore::abandon") || !beginWrite())
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE drafts SET state = 'abandoned', note = ? WHERE local_id = ? AND state IN "
        "('stored', 'creating')"));
    q.bindValue(0, textValue(note));
    q.bindValue(1, localId);
    if (!run(q)) {
        rollback();
        return false;
    }
    if (q.numRowsAffected() == 0) {
        fail(tr("Draft %1 is not waiting to be sent.").arg(localId));
        rollback();
        return false;
    }
    QSqlQuery& back =
        prepared(QStringLiteral("UPDATE retry_queue SET state = 'pending', draft_local_id = NULL "
                                "WHERE draft_local_id = ? AND state = 'drafted'"));
    back.bindValue(0, localId);
    if (!run(back)) {
        rollback();
        return false;
    }
    notify(Change::Requests);
    if (back.numRowsAffected() > 0)
        notify(Change::RetryQueue);
    return commit();
}

QString DraftStore::matchForBatch(const MessageBatch& batch, qint64 slackSeconds) {
    if (!ensureThread("DraftStore::matchForBatch") || !batch.createdAt.isValid())
        return {};
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT local_id FROM drafts WHERE state = 'creating' AND request_count = ? AND "
        "creating_at BETWEEN ? AND ?"));
    q.bindValue(0, batch.requestCounts.total());
    q.bindValue(1, timeValue(batch.createdAt.addSecs(-slackSeconds)));
    q.bindValue(2, timeValue(batch.createdAt.addSecs(slackSeconds)));
    if (!run(q))
        return {};
    QStringList found;
    while (q.next())
        found.append(q.value(0).toString());
    q.finish();
    return found.size() == 1 ? found.first() : QString();
}

bool DraftStore::forEachRequest(const QString& localId,
                                const std::function<bool(const StoredRequest&)>& callback) {
    if (!ensureThread("DraftStore::forEachRequest"))
        return false;
    return readRequests(localId, 0, -1, callback, nullptr);
}

bool DraftStore::forEachRequest(const QString& localId, qint64 afterSeq, int limit,
                                const std::function<bool(const StoredRequest&)>& callback,
                                qint64* lastSeq) {
    if (!ensureThread("DraftStore::forEachRequest"))
        return false;
    return readRequests(localId, afterSeq, limit, callback, lastSeq);
}

bool DraftStore::readRequests(const QString& localId, qint64 afterSeq, int limit,
                              const std::function<bool(const StoredRequest&)>& callback,
                              qint64* lastSeq) {
    // Through the C API: each row's params are decompressed straight from SQLite's buffer into
    // one reused QByteArray (no QVariant copy of the stored blob per row).
    sqlite3* h = handle();
    sqlite3_stmt* st = nullptr;
    static const char* sql = "SELECT custom_id, params, params_compressed, attempt, seq FROM "
                             "requests WHERE local_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3";
    if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) != SQLITE_OK) {
        fail(tr("Ledger %1: %2").arg(path(), QString::fromUtf8(sqlite3_errmsg(h))));
        sqlite3_finalize(st);
        return false;
    }
    const QByteArray local = localId.toUtf8();
    sqlite3_bind_text(st, 1, local.constData(), int(local.size()), SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, afterSeq);
    sqlite3_bind_int64(st, 3, limit); // negative: no limit
    StoredRequest r;
    bool ok = true;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r.customId = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                                       sqlite3_column_bytes(st, 0));
        const char* blob = static_cast<const char*>(sqlite3_column_blob(st, 1));
        const int size = sqlite3_column_bytes(st, 1);
        if (!ParamsCodec::unpackInto(blob ? blob : "", size, sqlite3_column_int(st, 2),
                                     &r.params)) {
            fail(tr("Ledger %1: the stored params of request %2 of draft %3 are damaged.")
                     .arg(path(), r.customId, localId));
            ok = false;
            break;
        }
        r.attempt = sqlite3_column_int(st, 3);
        if (lastSeq)
            *lastSeq = sqlite3_column_int64(st, 4);
        if (!callback(r))
            break;
    }
    if (ok && rc != SQLITE_ROW && rc != SQLITE_DONE) {
        fail(tr("Ledger %1: %2").arg(path(), QString::fromUtf8(sqlite3_errmsg(h))));
        ok = false;
    }
    sqlite3_finalize(st);
    return ok;
}

QHash<QString, StoredRequest> DraftStore::requestsOfBatch(const QString& batchId,
                                                          const QStringList& customIds) {
    QHash<QString, StoredRequest> map;
    if (!ensureThread("DraftStore::requestsOfBatch"))
        return map;
    const auto take = [&map](QSqlQuery& q) {
        while (q.next()) {
            StoredRequest r;
            r.customId = q.value(0).toString();
            r.params = unpackParams(q.value(1), q.value(2));
            r.attempt = q.value(3).toInt();
            if (!r.params.isNull()) // damaged stored bytes: treated as not stored
                map.insert(r.customId, r);
        }
        q.finish();
    };
    if (customIds.isEmpty()) {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "SELECT r.custom_id, r.params, r.params_compressed, r.attempt FROM requests r "
            "JOIN drafts d ON d.local_id = r.local_id WHERE d.batch_id = ? ORDER BY r.seq"));
        q.addBindValue(batchId);
        if (run(q))
            take(q);
        return map;
    }
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT r.custom_id, r.params, r.params_compressed, r.attempt FROM requests r "
        "JOIN drafts d ON d.local_id = r.local_id WHERE d.batch_id = ? AND r.custom_id = ?"));
    for (const QString& id : customIds) {
        q.bindValue(0, batchId);
        q.bindValue(1, id);
        if (!run(q))
            return map;
        take(q);
    }
    return map;
}

QSet<QString> DraftStore::usedCustomIds(const QSet<QString>& candidates) {
    QSet<QString> used;
    if (candidates.isEmpty() || !ensureThread("DraftStore::usedCustomIds"))
        return used;
    // No index leads by custom_id, so a lookup per id would scan the tables once per id:
    // stream each id of the ledger once instead and test it against the candidates.
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT custom_id FROM requests UNION SELECT custom_id FROM results"));
    if (!run(q))
        return used;
    while (q.next()) {
        const QString id = q.value(0).toString();
        if (candidates.contains(id))
            used.insert(id);
    }
    return used;
}

qint64 DraftStore::requestCount(const QString& batchId) {
    if (!ensureThread("DraftStore::requestCount"))
        return -1;
    QSqlQuery& q = prepared(
        QStringLiteral("SELECT COUNT(*) FROM requests r JOIN drafts d ON d.local_id = r.local_id "
                       "WHERE d.batch_id = ?"));
    q.bindValue(0, batchId);
    if (!run(q) || !q.next())
        return -1;
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

} // namespace bs
