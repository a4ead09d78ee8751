#include "resultstore.h"

#include "ledger/ledgervalues.h"
#include "ledger/paramscodec.h"
#include "ledger/summarystore.h"

#include <QHash>
#include <QSet>
#include <QStringEncoder>

#include <sqlite3.h>

#include <cstring>
#include <vector>

namespace bs {

using namespace ledgervalues;

namespace {
const QString kResultColumns = QStringLiteral(
    "batch_id, custom_id, type, message_id, model, stop_reason, input_tokens, output_tokens, "
    "cache_creation_input_tokens, cache_read_input_tokens, cache_creation_5m_tokens, "
    "cache_creation_1h_tokens, has_cache_breakdown, web_search_requests, web_fetch_requests, "
    "service_tier, inference_geo, error_type, error_message, request_id, cost_micros, priced, "
    "long_prompt_band, day");

ResultRow resultFrom(const QSqlQuery& q) {
    ResultRow r;
    r.batchId = q.value(0).toString();
    r.customId = q.value(1).toString();
    r.type = q.value(2).toString();
    r.messageId = q.value(3).toString();
    r.model = q.value(4).toString();
    r.stopReason = q.value(5).toString();
    r.usage.inputTokens = q.value(6).toLongLong();
    r.usage.outputTokens = q.value(7).toLongLong();
    r.usage.cacheCreationInputTokens = q.value(8).toLongLong();
    r.usage.cacheReadInputTokens = q.value(9).toLongLong();
    r.usage.ephemeral5mInputTokens = q.value(10).toLongLong();
    r.usage.ephemeral1hInputTokens = q.value(11).toLongLong();
    r.usage.hasCacheCreationBreakdown = q.value(12).toBool();
    r.usage.webSearchRequests = q.value(13).toLongLong();
    r.usage.webFetchRequests = q.value(14).toLongLong();
    r.usage.serviceTier = q.value(15).toString();
    r.usage.inferenceGeo = q.value(16).toString();
    r.errorType = q.value(17).toString();
    r.errorMessage = q.value(18).toString();
    r.requestId = q.value(19).toString();
    r.costMicros = q.value(20).toLongLong();
    r.priced = q.value(21).toBool();
    r.longPromptBand = q.value(22).toBool();
    r.day = QDate::fromString(q.value(23).toString(), Qt::ISODate);
    return r;
}
} // namespace

qint64 ResultStore::insert(const QList<ResultRow>& rows, const QList<ResultLineBlock>& blocks) {
    if (!ensureThread("ResultStore::insert"))
        return -1;
    if (rows.isEmpty())
        return 0;
    // Every row needs its batch. Checked once per batch id here rather than by the foreign key
    // on every row, so a bulk-insert connection can run without the per-row lookup
    // (tuneForBulkInserts) and still never store a result of an unknown batch.
    QSet<QString> checked;
    for (const ResultRow& r : rows) {
        if (checked.contains(r.batchId))
            continue;
        QSqlQuery& known = prepared(QStringLiteral("SELECT 1 FROM batches WHERE id = ?"));
        known.bindValue(0, r.batchId);
        if (!known.exec()) {
            failQuery(known);
            return -1;
        }
        const bool found = known.next();
        known.finish();
        if (!found) {
            fail(tr("Ledger %1: results of batch %2 cannot be stored: the batch is not in the "
                    "ledger.")
                     .arg(path(), r.batchId));
            return -1;
        }
        checked.insert(r.batchId);
    }
    return insertRows(rows, blocks);
}

std::optional<ResultRow> ResultStore::find(const QString& batchId, const QString& customId) {
    if (!ensureThread("ResultStore::find"))
        return std::nullopt;
    QSqlQuery& q = prepared(QStringLiteral("SELECT ") + kResultColumns +
                            QStringLiteral(" FROM results WHERE batch_id = ? AND custom_id = ?"));
    q.bindValue(0, batchId);
    q.bindValue(1, customId);
    if (!run(q) || !q.next())
        return std::nullopt;
    ResultRow r = resultFrom(q);
    q.finish();
    return r;
}

QList<ResultRow> ResultStore::ofBatch(const QString& batchId, qint64 offset, qint64 limit) {
    QList<ResultRow> list;
    if (!ensureThread("ResultStore::ofBatch"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kResultColumns +
              QStringLiteral(" FROM results WHERE batch_id = ? ORDER BY custom_id LIMIT ? "
                             "OFFSET ?"));
    q.addBindValue(batchId);
    q.addBindValue(limit < 0 ? qint64(-1) : limit);
    q.addBindValue(offset);
    if (!run(q))
        return list;
    while (q.next())
        list.append(resultFrom(q));
    return list;
}

QList<ResultRow> ResultStore::pageOf(const QString& batchId, const QString& afterCustomId,
                                     int limit, const QString& type, const QString& search) {
    return pageOf(batchId, afterCustomId, limit, type, search, QString(), QString());
}

QList<ResultRow> ResultStore::pageOf(const QString& batchId, const QString& afterCustomId,
                                     int limit, const QString& type, const QString& search,
                                     const QString& retryClass, const QString& messageText) {
    QList<ResultRow> list;
    if (!ensureThread("ResultStore::pageOf"))
        return list;
    QString sql = QStringLiteral("SELECT ") + kResultColumns +
                  QStringLiteral(" FROM results WHERE batch_id = ? AND custom_id > ?");
    QVariantList binds{batchId,
                       afterCustomId.isNull() ? QString(QLatin1String("")) : afterCustomId};
    if (!type.isEmpty()) {
        sql += QStringLiteral(" AND type = ?");
        binds << type;
    }
    if (!search.isEmpty()) {
        sql += QStringLiteral(" AND instr(lower(custom_id), lower(?)) > 0");
        binds << search;
    }
    if (!retryClass.isEmpty()) {
        // retry_queue's (batch_id, custom_id) key: one probe per row of the page's range.
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM retry_queue q WHERE q.batch_id = "
                              "results.batch_id AND q.custom_id = results.custom_id AND "
                              "q.class = ?)");
        binds << retryClass;
    }
    if (!messageText.isEmpty()) {
        sql += QStringLiteral(" AND instr(lower(COALESCE(error_message, '')), lower(?)) > 0");
        binds << messageText;
    }
    sql += QStringLiteral(" ORDER BY custom_id LIMIT ?");
    binds << qMax(0, limit);
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : std::as_const(binds))
        q.addBindValue(v);
    if (!run(q))
        return list;
    while (q.next())
        list.append(resultFrom(q));
    return list;
}

qint64 ResultStore::count(const QString& batchId) {
    if (!ensureThread("ResultStore::count"))
        return -1;
    QSqlQuery q(db());
    if (batchId.isEmpty()) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM results"));
    } else {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM results WHERE batch_id = ?"));
        q.addBindValue(batchId);
    }
    if (!run(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool ResultStore::forEach(const QString& batchId,
                          const std::function<bool(const ResultRow&)>& callback) {
    if (!ensureThread("ResultStore::forEach"))
        return false;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kResultColumns +
              QStringLiteral(" FROM results WHERE (? IS NULL OR batch_id = ?)"));
    q.addBindValue(textValue(batchId));
    q.addBindValue(textValue(batchId));
    if (!run(q))
        return false;
    while (q.next()) {
        if (!callback(resultFrom(q)))
            break;
    }
    return true;
}

bool ResultStore::updateCost(const QString& batchId, const QString& customId, Money micros,
                             bool priced) {
    if (!ensureThread("ResultStore::updateCost"))
        return false;
    // The summaries change with the row, in the same transaction: they never drift.
    if (!beginWrite())
        return false;
    QSqlQuery& old = prepared(QStringLiteral("SELECT cost_micros, priced, day, model FROM results "
                                             "WHERE batch_id = ? AND custom_id = ?"));
    old.bindValue(0, batchId);
    old.bindValue(1, customId);
    if (!run(old)) {
        rollback();
        return false;
    }
    if (!old.next()) { // no such row: nothing to change (as the UPDATE alone did)
        old.finish();
        return commit();
    }
    const Money oldMicros = old.value(0).toLongLong();
    const bool oldPriced = old.value(1).toBool();
    const QString day = old.value(2).toString();
    const QString model = old.value(3).toString();
    old.finish();
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE results SET cost_micros = ?, priced = ? WHERE batch_id = ? AND custom_id = ?"));
    q.bindValue(0, priced ? QVariant(micros) : QVariant());
    q.bindValue(1, priced ? 1 : 0);
    q.bindValue(2, batchId);
    q.bindValue(3, customId);
    if (!run(q)) {
        rollback();
        return false;
    }
    SummaryDelta delta;
    delta.addRepriced(batchId, day, model, oldMicros, oldPriced, micros, priced);
    if (!SummaryStore(ledger()).apply(delta)) {
        rollback();
        return false;
    }
    notify(Change::Results, {batchId});
    return commit();
}

// The insert through the C API: a null QString binds NULL, textValue()-like fields bind NULL
// when empty, and text is bound as UTF-8 without a QVariant per column; this is most of the
// ingestion's database time.
qint64 ResultStore::insertRows(const QList<ResultRow>& rows, const QList<ResultLineBlock>& blocks) {
    sqlite3* h = handle();
    const auto failRaw = [&] {
        fail(tr("Ledger %1: %2").arg(path(), QString::fromUtf8(sqlite3_errmsg(h))));
    };
    static const QByteArray sql =
        (QStringLiteral("INSERT INTO results(") + kResultColumns +
         QStringLiteral(", ingested_at, line_block, line_index) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
                        "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
                        "?22, ?23, COALESCE(?24, (SELECT substr(COALESCE(ended_at, created_at), "
                        "1, 10) FROM batches WHERE id = ?25), ?26), ?27, ?28, ?29) ON "
                        "CONFLICT(batch_id, "
                        "custom_id) DO NOTHING"))
            .toUtf8();
    sqlite3_stmt* st = preparedRaw("ResultStore::insert", sql);
    if (!st)
        return -1;
    // The blocks of lines as received, each inserted before the first row that points into it.
    // A row already present gets its line when it has none (ingesting a batch of an older
    // ledger again fills its lines in); a block no row ends up pointing into (every row of it
    // was there with its line: a re-run) is deleted before the commit.
    static const QByteArray blockSql =
        QByteArrayLiteral("INSERT INTO result_blocks(batch_id, count, codec, raw_size, body) "
                          "VALUES(?1, ?2, ?3, ?4, ?5)");
    sqlite3_stmt* blockSt = preparedRaw("ResultStore::insertBlock", blockSql);
    if (!blockSt)
        return -1;
    std::vector<qint64> blockIds(size_t(blocks.size()), 0);
    std::vector<qint64> blockRefs(size_t(blocks.size()), 0);
    if (!beginWrite())
        return -1;
    const QByteArray now = nowText().toUtf8();
    const QByteArray today = now.left(10);
    QString lastBatchId;
    QByteArray batchUtf8;
    QDate lastDay;
    QByteArray dayUtf8;
    // A row's text columns are encoded one after the other into one reused buffer, alive until
    // the row is stepped (SQLITE_STATIC): no allocation per column.
    QStringEncoder toUtf8(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    std::vector<char> texts;
    char* textEnd = nullptr;
    qint64 inserted = 0;
    QStringList batchIds;
    // The summaries of what this call inserts, written before the commit (SummaryStore).
    SummaryDelta delta;
    QByteArray deltaDayUtf8; // the day of the last row added to it, and as text
    QString deltaDay;
    // A row without a spend day gets its batch's (ended_at, else created_at; else today), as
    // the statement would: resolved here once per batch, so the summaries know it too.
    QHash<QString, QByteArray> batchDays;
    const auto batchDay = [&](const QString& batchId) -> QByteArray {
        const auto it = batchDays.constFind(batchId);
        if (it != batchDays.cend())
            return *it;
        QSqlQuery& q = prepared(QStringLiteral(
            "SELECT substr(COALESCE(ended_at, created_at), 1, 10) FROM batches WHERE id = ?"));
        q.bindValue(0, batchId);
        QByteArray day = today;
        if (q.exec() && q.next() && !q.value(0).isNull())
            day = q.value(0).toString().toUtf8();
        q.finish();
        batchDays.insert(batchId, day);
        return day;
    };
    const auto bindText = [&](int column, const QString& s, bool emptyIsNull) {
        if (s.isNull() || (emptyIsNull && s.isEmpty())) {
            sqlite3_bind_null(st, column);
            return;
        }
        char* begin = textEnd;
        textEnd = toUtf8.appendToBuffer(begin, s);
        sqlite3_bind_text(st, column, begin, int(textEnd - begin), SQLITE_STATIC);
    };
    const auto bindBytes = [&](int column, const QByteArray& b) {
        sqlite3_bind_text(st, column, b.constData(), int(b.size()), SQLITE_STATIC);
    };
    for (const ResultRow& r : rows) {
        if (r.batchId.isNull()) {
            sqlite3_bind_null(st, 1);
            sqlite3_bind_null(st, 25);
        } else {
            if (batchUtf8.isNull() || r.batchId != lastBatchId) {
                lastBatchId = r.batchId;
                batchUtf8 = r.batchId.toUtf8();
            }
            bindBytes(1, batchUtf8);
            bindBytes(25, batchUtf8);
        }
        const qsizetype chars = r.customId.size() + r.type.size() + r.messageId.size() +
                                r.model.size() + r.stopReason.size() + r.usage.serviceTier.size() +
                                r.usage.inferenceGeo.size() + r.errorType.size() +
                                r.errorMessage.size() + r.requestId.size();
        const size_t need = size_t(chars) * 3 + 16; // UTF-8 takes at most 3 bytes a UTF-16 unit
        if (texts.size() < need)
            texts.resize(need * 2);
        textEnd = texts.data();
        bindText(2, r.customId, false);
        bindText(3, r.type, false);
        bindText(4, r.messageId, true);
        bindText(5, r.model, true);
        bindText(6, r.stopReason, true);
        sqlite3_bind_int64(st, 7, r.usage.inputTokens);
        sqlite3_bind_int64(st, 8, r.usage.outputTokens);
        sqlite3_bind_int64(st, 9, r.usage.cacheCreationInputTokens);
        sqlite3_bind_int64(st, 10, r.usage.cacheReadInputTokens);
        sqlite3_bind_int64(st, 11, r.usage.ephemeral5mInputTokens);
        sqlite3_bind_int64(st, 12, r.usage.ephemeral1hInputTokens);
        sqlite3_bind_int(st, 13, r.usage.hasCacheCreationBreakdown ? 1 : 0);
        sqlite3_bind_int64(st, 14, r.usage.webSearchRequests);
        sqlite3_bind_int64(st, 15, r.usage.webFetchRequests);
        bindText(16, r.usage.serviceTier, true);
        bindText(17, r.usage.inferenceGeo, true);
        bindText(18, r.errorType, true);
        bindText(19, r.errorMessage, true);
        bindText(20, r.requestId, true);
        if (r.priced)
            sqlite3_bind_int64(st, 21, r.costMicros);
        else
            sqlite3_bind_null(st, 21);
        sqlite3_bind_int(st, 22, r.priced ? 1 : 0);
        sqlite3_bind_int(st, 23, r.longPromptBand ? 1 : 0);
        if (!r.day.isValid()) {
            dayUtf8 = r.batchId.isNull() ? today : batchDay(r.batchId);
            lastDay = QDate();
            bindBytes(24, dayUtf8);
        } else {
            if (dayUtf8.isNull() || r.day != lastDay) {
                lastDay = r.day;
                dayUtf8 = r.day.toString(Qt::ISODate).toUtf8();
            }
            bindBytes(24, dayUtf8);
        }
        bindBytes(26, today);
        bindBytes(27, now);
        const int block = r.batchId.isNull() ? -1 : r.lineBlock;
        if (block >= blocks.size()) {
            fail(tr("Ledger %1: result %2 points into a block of lines that was not handed over.")
                     .arg(path(), r.customId));
            sqlite3_clear_bindings(st);
            rollback();
            return -1;
        }
        if (block >= 0 && blockIds[size_t(block)] == 0) {
            const ResultLineBlock& b = blocks.at(block);
            sqlite3_bind_text(blockSt, 1, batchUtf8.constData(), int(batchUtf8.size()),
                              SQLITE_STATIC);
            sqlite3_bind_int(blockSt, 2, b.count);
            sqlite3_bind_int(blockSt, 3, b.codec);
            sqlite3_bind_int64(blockSt, 4, b.rawSize);
            sqlite3_bind_blob(blockSt, 5, b.body.constData(), int(b.body.size()), SQLITE_STATIC);
            const int blockRc = sqlite3_step(blockSt);
            if (blockRc != SQLITE_DONE)
                failRaw();
            sqlite3_reset(blockSt);
            sqlite3_clear_bindings(blockSt);
            if (blockRc != SQLITE_DONE) {
                sqlite3_clear_bindings(st);
                rollback();
                return -1;
            }
            blockIds[size_t(block)] = sqlite3_last_insert_rowid(h);
        }
        if (block >= 0) {
            sqlite3_bind_int64(st, 28, blockIds[size_t(block)]);
            sqlite3_bind_int(st, 29, r.lineIndex);
        } else {
            sqlite3_bind_null(st, 28);
            sqlite3_bind_null(st, 29);
        }
        const int rc = sqlite3_step(st);
        if (rc != SQLITE_DONE) {
            failRaw();
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            rollback();
            return -1;
        }
        const int n = sqlite3_changes(h);
        sqlite3_reset(st);
        if (block >= 0 && n > 0) {
            ++blockRefs[size_t(block)];
        } else if (block >= 0) {
            QSqlQuery& fill =
                prepared(QStringLiteral("UPDATE results SET line_block = ?, line_index = ? WHERE "
                                        "batch_id = ? AND custom_id = ? AND line_block IS NULL"));
            fill.bindValue(0, blockIds[size_t(block)]);
            fill.bindValue(1, r.lineIndex);
            fill.bindValue(2, r.batchId);
            fill.bindValue(3, r.customId);
            if (!fill.exec()) {
                failQuery(fill);
                sqlite3_clear_bindings(st);
                rollback();
                return -1;
            }
            blockRefs[size_t(block)] += fill.numRowsAffected();
            fill.finish();
        }
        inserted += n;
        if (n > 0) {
            if (deltaDayUtf8 != dayUtf8) {
                deltaDayUtf8 = dayUtf8;
                deltaDay = QString::fromUtf8(dayUtf8);
            }
            delta.addInserted(r, deltaDay);
        }
        if (n > 0 && (batchIds.isEmpty() || batchIds.last() != r.batchId) &&
            !batchIds.contains(r.batchId))
            batchIds.append(r.batchId);
    }
    sqlite3_clear_bindings(st); // the bound buffers go now
    for (size_t i = 0; i < blockIds.size(); ++i) {
        if (blockIds[i] == 0 || blockRefs[i] > 0)
            continue;
        QSqlQuery& drop = prepared(QStringLiteral("DELETE FROM result_blocks WHERE id = ?"));
        drop.bindValue(0, blockIds[i]);
        if (!drop.exec()) {
            failQuery(drop);
            rollback();
            return -1;
        }
        drop.finish();
    }
    if (!SummaryStore(ledger()).apply(delta)) {
        rollback();
        return -1;
    }
    if (inserted > 0)
        notify(Change::Results, batchIds);
    if (!commit())
        return -1;
    return inserted;
}

QStringList ResultStore::missingCustomIds(const QString& batchId) {
    QStringList ids;
    if (!ensureThread("ResultStore::missingCustomIds"))
        return ids;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    // The missing ones are found on the (local_id, custom_id) index alone; only they are then
    // read from the table (for their seq): the requests' rows, params included, are not read.
    q.prepare(QStringLiteral(
        "SELECT r.custom_id FROM requests r WHERE r.rowid IN (SELECT q.rowid FROM requests q "
        "JOIN drafts d ON d.local_id = q.local_id WHERE d.batch_id = ? AND NOT EXISTS (SELECT 1 "
        "FROM results x WHERE x.batch_id = d.batch_id AND x.custom_id = q.custom_id)) "
        "ORDER BY r.seq"));
    q.addBindValue(batchId);
    if (!run(q))
        return ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

std::optional<ResultCoverage> ResultStore::coverage(const QString& batchId) {
    if (!ensureThread("ResultStore::coverage"))
        return std::nullopt;
    sqlite3* h = handle();
    // Both statements walk an index in custom_id order (requests: UNIQUE (local_id, custom_id);
    // results: PRIMARY KEY (batch_id, custom_id)), so a merge of the two finds the requests
    // without a result in one pass, instead of one index lookup per request. Both run inside the
    // same read transaction (they are open together), so they see the same snapshot.
    const QByteArray id = batchId.toUtf8();
    struct Stmt {
        sqlite3_stmt* s = nullptr;
        ~Stmt() { sqlite3_finalize(s); }
    };
    Stmt requests;
    Stmt results;
    static const char kRequests[] =
        "SELECT q.custom_id FROM drafts d JOIN requests q ON q.local_id = d.local_id "
        "WHERE d.batch_id = ?1 ORDER BY q.custom_id";
    static const char kResults[] =
        "SELECT custom_id FROM results WHERE batch_id = ?1 ORDER BY custom_id";
    if (sqlite3_prepare_v2(h, kRequests, -1, &requests.s, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(h, kResults, -1, &results.s, nullptr) != SQLITE_OK) {
        fail(tr("Ledger %1: %2").arg(path(), QString::fromUtf8(sqlite3_errmsg(h))));
        return std::nullopt;
    }
    sqlite3_bind_text(requests.s, 1, id.constData(), int(id.size()), SQLITE_STATIC);
    sqlite3_bind_text(results.s, 1, id.constData(), int(id.size()), SQLITE_STATIC);
    bool failed = false;
    const auto step = [&](sqlite3_stmt* st) {
        const int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            failed = true;
        return rc == SQLITE_ROW;
    };
    // SQLite's BINARY collation: bytes first, then the shorter one first.
    const auto compare = [](sqlite3_stmt* a, sqlite3_stmt* b) {
        const auto* pa = sqlite3_column_blob(a, 0);
        const int na = sqlite3_column_bytes(a, 0);
        const auto* pb = sqlite3_column_blob(b, 0);
        const int nb = sqlite3_column_bytes(b, 0);
        const int c = (na && nb) ? std::memcmp(pa, pb, size_t(qMin(na, nb))) : 0;
        return c != 0 ? c : na - nb;
    };
    ResultCoverage c;
    bool haveRequest = step(requests.s);
    bool haveResult = step(results.s);
    while (haveRequest && !failed) {
        ++c.requests;
        while (haveResult && compare(results.s, requests.s) < 0) {
            ++c.results;
            haveResult = step(results.s);
        }
        if (haveResult && compare(results.s, requests.s) == 0) {
            ++c.results;
            haveResult = step(results.s);
        } else {
            ++c.missing;
        }
        haveRequest = step(requests.s);
    }
    while (haveResult && !failed) {
        ++c.results;
        haveResult = step(results.s);
    }
    if (failed) {
        fail(tr("Ledger %1: %2").arg(path(), QString::fromUtf8(sqlite3_errmsg(h))));
        return std::nullopt;
    }
    return c;
}

} // namespace bs
