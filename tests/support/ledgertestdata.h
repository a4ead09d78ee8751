#pragma once

// Small ledger fixtures shared by tests that link bs_core.
#include "api/messagebatch.h"

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

} // namespace bs::test
