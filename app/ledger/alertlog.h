#pragma once

#include "ledger/alertrecord.h"
#include "ledger/ledgerstore.h"

#include <QDateTime>
#include <QList>

namespace bs {

// The alert log: what the alert rules raised, newest first. Errors: Ledger::lastError().
class AlertLog : public LedgerStore {
public:
    explicit AlertLog(Ledger& ledger)
        : LedgerStore(ledger) {}

    qint64 append(const AlertRecord& alert); // id, or -1
    QList<AlertRecord> recent(const QDateTime& since = {}, int limit = 1000);
};

} // namespace bs
