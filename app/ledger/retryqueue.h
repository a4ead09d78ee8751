#pragma once

#include "ledger/batchrecord.h"
#include "ledger/ledgerstore.h"
#include "ledger/retryitem.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace bs {

// Failed items waiting to be re-sent: pending -> drafted (into a retry draft) -> resent (the
// draft's batch was created), or dismissed. Errors: Ledger::lastError().
class RetryQueue : public LedgerStore {
    Q_DECLARE_TR_FUNCTIONS(bs::RetryQueue)

public:
    explicit RetryQueue(Ledger& ledger)
        : LedgerStore(ledger) {}

    // Idempotent per (batch_id, custom_id). Returns items newly enqueued, or -1.
    qint64 enqueue(const QList<RetryItem>& items);
    QList<RetryItem> items(std::optional<RetryClass> retryClass = std::nullopt,
                           RetryItem::State state = RetryItem::State::Pending);
    // New draft (retry_of = the items' batch when they share one) holding the stored params of
    // the given pending items, same custom_id, attempt + 1; items become drafted. Items without
    // stored params are skipped and listed in *skipped. Returns the local id, empty on error.
    QString createDraft(const QList<qint64>& itemIds, const BatchLocal& local,
                        QStringList* skipped = nullptr);
    bool dismiss(const QList<qint64>& itemIds);
    // How many items of one batch are pending, per class (classes without items are absent), for
    // the console's retry confirmation. Empty on error too (Ledger::lastError()).
    QMap<RetryClass, qint64> pendingCounts(const QString& batchId);

private:
    QList<RetryItem> select(const QString& where, const QVariantList& binds);
};

} // namespace bs
