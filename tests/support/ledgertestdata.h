#pragma once

// Small ledger fixtures shared by tests that link bs_core.
#include "api/messagebatch.h"
#include "ledger/resultrow.h"

#include <QDateTime>

namespace bs::test {

// An ended batch as the server would describe it, created 2026-11-20 10:00 UTC, ended an hour
// later; enough for the ledger to accept results of it.
inline MessageBatch endedTestBatch(const QString& id) {
    MessageBatch b;
    b.id = id;
    b.processingStatus = MessageBatch::Status::Ended;
    b.createdAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
    b.endedAt = b.createdAt.addSecs(3600);
    return b;
}

// `count` errored rows of about `padChars` bytes each (the error message pads them), custom ids
// "req-NNNNNN" from `first`: enough WAL pages to matter with few rows.
inline QList<ResultRow> paddedResultRows(const QString& batchId, int first, int count,
                                         int padChars = 4000) {
    QList<ResultRow> list;
    for (int i = first; i < first + count; ++i) {
        ResultRow r;
        r.batchId = batchId;
        r.customId = QStringLiteral("req-%1").arg(i, 6, 10, QLatin1Char('0'));
        r.type = QStringLiteral("errored");
        r.errorType = QStringLiteral("api_error");
        r.errorMessage = QString(padChars, QLatin1Char('x'));
        list.append(r);
    }
    return list;
}

} // namespace bs::test
