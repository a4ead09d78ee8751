#pragma once

#include "ledger/alertrecord.h"
#include "ledger/ledgerstore.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace bs {

// The alert log: what the alert rules raised and how each delivery went, newest first.
// Errors: Ledger::lastError().
class AlertLog : public LedgerStore {
public:
    explicit AlertLog(Ledger& ledger)
        : LedgerStore(ledger) {}

    qint64 append(const AlertRecord& alert); // id, or -1
    // The outcome of delivering alert `id` to its sink (message redacted before it is stored).
    bool setDelivery(qint64 id, AlertRecord::Delivery delivery, int attempts,
                     const QString& note = QString());
    QList<AlertRecord> recent(const QDateTime& since = {}, int limit = 1000);
    std::optional<AlertRecord> find(qint64 id);

private:
    QList<AlertRecord> select(const QString& where, const QVariantList& binds);
};

} // namespace bs
