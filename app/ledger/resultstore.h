#pragma once

#include "cost/money.h"
#include "ledger/ledgerstore.h"
#include "ledger/resultlineblocks.h"
#include "ledger/resultrow.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace bs {

// The results of batches: one row per (batch id, custom_id) with its usage and cost, and how
// they cover the requests a batch was created with. Errors: Ledger::lastError().
class ResultStore : public LedgerStore {
    Q_DECLARE_TR_FUNCTIONS(bs::ResultStore)

public:
    explicit ResultStore(Ledger& ledger)
        : LedgerStore(ledger) {}

    // Inserts in one transaction with one reused prepared statement; (batch_id, custom_id)
    // already present is left as it is (ON CONFLICT DO NOTHING), so ingesting twice or
    // resuming after a crash gives the identical ledger. Returns rows newly inserted, or -1.
    // The batch row must exist (BatchStore::upsert first). Pass chunks of a few thousand rows.
    // `blocks`: the lines as received that the rows point into (ResultRow::lineBlock), written
    // in the same transaction; a row already present without a line gets its line.
    qint64 insert(const QList<ResultRow>& rows,
                  const QList<ResultLineBlock>& blocks = QList<ResultLineBlock>());

    std::optional<ResultRow> find(const QString& batchId, const QString& customId);
    // A page of one batch's results in custom_id order (limit -1: to the end).
    QList<ResultRow> ofBatch(const QString& batchId, qint64 offset = 0, qint64 limit = -1);
    // A page of one batch's results in custom_id order after `afterCustomId` (empty: from the
    // start), of one result type (empty: all) and whose custom_id contains `search` (empty: any):
    // read from the (batch_id, custom_id) index, so a page costs the same wherever it starts.
    QList<ResultRow> pageOf(const QString& batchId, const QString& afterCustomId, int limit,
                            const QString& type = QString(), const QString& search = QString());
    // pageOf() with two more filters for the console's items view: the retry class the item was
    // queued with (retryClassName(), e.g. "transient"; empty: any) and a text in its error
    // message (empty: any).
    QList<ResultRow> pageOf(const QString& batchId, const QString& afterCustomId, int limit,
                            const QString& type, const QString& search, const QString& retryClass,
                            const QString& messageText);
    // Rows of one batch, or of all when batchId is empty; -1 on error.
    qint64 count(const QString& batchId = QString());
    // Streams result rows (of one batch, or all when batchId is empty) without loading them
    // all, e.g. for an independent recomputation of the costs. Return false to stop.
    bool forEach(const QString& batchId, const std::function<bool(const ResultRow&)>& callback);
    // Re-prices a succeeded row whose model was unpriced with a newer price book's answer.
    bool updateCost(const QString& batchId, const QString& customId, Money micros, bool priced);

    // The result line as received (without its '\n'), unpacked from its block, into *line;
    // nullopt when none is stored (results ingested before ledger version 8, rows inserted
    // without a line). False on error (a damaged block included).
    bool lineOf(const QString& batchId, const QString& customId, std::optional<QByteArray>* line);
    // The stored lines of one batch whose custom_id is after `afterCustomId` (empty: from the
    // start) and at most `lastCustomId`: a page of pageOf(), one range read of the results' key,
    // each block unpacked once. A row without a stored line has no entry. False on error (a
    // damaged block included).
    bool linesOf(const QString& batchId, const QString& afterCustomId, const QString& lastCustomId,
                 QHash<QString, QByteArray>* lines);

    // Custom ids the batch was created with that have no result row, in submission order.
    QStringList missingCustomIds(const QString& batchId);
    // The counts of count(), DraftStore::requestCount() and missingCustomIds() together, from
    // one ordered pass over the two custom_id indexes (an ingestion ends with it). Empty on
    // error.
    std::optional<ResultCoverage> coverage(const QString& batchId);

private:
    qint64 insertRows(const QList<ResultRow>& rows, const QList<ResultLineBlock>& blocks);
    // A block of lines unpacked (ResultLineBlock), from a small cache of the last ones read:
    // a page of lines in custom_id order mostly comes from the same few blocks. Null (and the
    // error set) when it cannot be read or is damaged.
    const UnpackedLineBlock* unpackedBlock(qint64 id, const QString& batchId);

    QHash<qint64, UnpackedLineBlock> m_blocks;
};

} // namespace bs
