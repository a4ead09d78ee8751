// ResultStore's reads of the result lines as received: each line is in a block of lines
// (result_blocks, ResultLineBlock), found from its results row (line_block, line_index).
#include "resultstore.h"

#include "ledger/paramscodec.h"
#include "ledger/resultlineblocks.h"

#include <QSqlQuery>

namespace bs {

namespace {
// Unpacked blocks kept by one ResultStore: a few MB at most (a block is ~256 KB unpacked).
constexpr int kCachedBlocks = 16;
} // namespace

const UnpackedLineBlock* ResultStore::unpackedBlock(qint64 id, const QString& batchId) {
    if (const auto it = m_blocks.constFind(id); it != m_blocks.cend())
        return &*it;
    QSqlQuery& q = prepared(QStringLiteral("SELECT codec, body FROM result_blocks WHERE id = ?"));
    q.bindValue(0, id);
    if (!run(q))
        return nullptr;
    QByteArray raw;
    if (q.next())
        raw = ParamsCodec::unpack(q.value(1).toByteArray(), q.value(0).toInt());
    q.finish();
    if (raw.isNull()) {
        fail(tr("Ledger %1: the stored result lines of batch %2 are damaged (block %3).")
                 .arg(path(), batchId)
                 .arg(id));
        return nullptr;
    }
    if (m_blocks.size() >= kCachedBlocks)
        m_blocks.clear();
    return &*m_blocks.insert(id, UnpackedLineBlock(std::move(raw)));
}

bool ResultStore::lineOf(const QString& batchId, const QString& customId,
                         std::optional<QByteArray>* line) {
    line->reset();
    if (!ensureThread("ResultStore::lineOf"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral("SELECT line_block, line_index FROM results WHERE "
                                           "batch_id = ? AND custom_id = ?"));
    q.bindValue(0, batchId);
    q.bindValue(1, customId);
    if (!run(q))
        return false;
    if (!q.next() || q.value(0).isNull()) {
        q.finish();
        return true;
    }
    const qint64 block = q.value(0).toLongLong();
    const int index = q.value(1).toInt();
    q.finish();
    const UnpackedLineBlock* unpacked = unpackedBlock(block, batchId);
    if (!unpacked)
        return false;
    const QByteArrayView bytes = unpacked->line(index);
    if (bytes.isNull()) {
        fail(tr("Ledger %1: the stored result line of %2 in batch %3 is damaged.")
                 .arg(path(), customId, batchId));
        return false;
    }
    *line = bytes.toByteArray();
    return true;
}

bool ResultStore::linesOf(const QString& batchId, const QString& afterCustomId,
                          const QString& lastCustomId, QHash<QString, QByteArray>* lines) {
    lines->clear();
    if (!ensureThread("ResultStore::linesOf"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT custom_id, line_block, line_index FROM results WHERE batch_id = ? AND "
        "custom_id > ? AND custom_id <= ? AND line_block IS NOT NULL"));
    q.bindValue(0, batchId);
    q.bindValue(1, afterCustomId.isNull() ? QString(QLatin1String("")) : afterCustomId);
    q.bindValue(2, lastCustomId);
    if (!run(q))
        return false;
    struct Where {
        QString customId;
        qint64 block;
        int index;
    };
    QList<Where> wanted;
    while (q.next())
        wanted.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toInt()});
    q.finish();
    for (const Where& w : std::as_const(wanted)) {
        const UnpackedLineBlock* unpacked = unpackedBlock(w.block, batchId);
        if (!unpacked)
            return false;
        const QByteArrayView bytes = unpacked->line(w.index);
        if (bytes.isNull()) {
            fail(tr("Ledger %1: the stored result line of %2 in batch %3 is damaged.")
                     .arg(path(), w.customId, batchId));
            return false;
        }
        lines->insert(w.customId, bytes.toByteArray());
    }
    return true;
}

} // namespace bs
