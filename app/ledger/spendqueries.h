#pragma once

#include "ledger/costtotals.h"
#include "ledger/ledgerstore.h"

#include <QDate>
#include <QList>

namespace bs {

// The reads behind the spend dashboard (app/dashboard/SpendSeriesBuilder): per spend day and
// model over a range of days, and how long the batches that ended in that range took.
// Errors: Ledger::lastError() (the lists are then empty).
class SpendQueries : public LedgerStore {
public:
    explicit SpendQueries(Ledger& ledger)
        : LedgerStore(ledger) {}

    // One batch that ended: its UTC end day and its processing time (created -> ended).
    struct Processing {
        QDate day;
        qint64 seconds = 0;
    };

    // Per spend day and model for the days from `from` to `to` (inclusive), ordered by day then
    // model: from the summaries (day_model_costs), a few rows a day.
    QList<DayModelCost> byDayAndModel(QDate from, QDate to);
    // The same figures summed from the result rows (a scan of `results`): the baseline of
    // bench_dashboard, and a cross-check for tests. Not for the console.
    QList<DayModelCost> byDayAndModelFromResults(QDate from, QDate to);
    // Every batch that ended on a UTC day from `from` to `to`, ordered by that day (not gone);
    // with a profile, only that profile's batches.
    QList<Processing> processingTimes(QDate from, QDate to, const QString& profile = {});
};

} // namespace bs
