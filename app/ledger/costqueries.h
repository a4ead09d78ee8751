#pragma once

#include "cost/money.h"
#include "ledger/budgetsetting.h"
#include "ledger/costtotals.h"
#include "ledger/ledgerstore.h"

#include <QDate>
#include <QList>

namespace bs {

// What was spent: sums over the results, all integers (micro-dollars, tokens). The one place
// for a new cost query. Read from the summaries (SummaryStore) where they hold the answer, else
// summed from the results. Errors: Ledger::lastError() (the figures are then empty / zero).
class CostQueries : public LedgerStore {
public:
    explicit CostQueries(Ledger& ledger)
        : LedgerStore(ledger) {}

    enum class Grouping { Model, Day, Batch };

    // Totals of the results from `since` (their spend day; null: all), of one batch or all.
    CostTotals total(QDate since = {}, const QString& batchId = QString());
    // Totals per model id, per day ("YYYY-MM-DD") or per batch id, ordered by that key.
    QList<CostGroup> groupedBy(Grouping grouping, QDate since = {});
    // One batch's totals per model id ('' for results without a model), ordered by model: read
    // from that batch's range of the results (for a details view, not a table of every batch).
    QList<CostGroup> byModelOfBatch(const QString& batchId);
    // Cost spent in a budget's current period (calendar month/day in UTC of `today`; null =
    // now).
    Money spentInPeriod(BudgetSetting::Period period, QDate today);
};

} // namespace bs
