#pragma once

#include "dashboard/spendseries.h"

#include <QDate>

namespace bs {

class Ledger;
class PriceBook;

// Computes a SpendSeries from the ledger, on the Ledger's thread (a LedgerWorker job on the
// interactive lane in the console): the spend per day and model and the token classes from the
// summaries (day_model_costs), savings with CostSavings at each day's prices, the processing
// time of the batches that ended per day (batches), the all-model USD budgets and what is in
// flight (BudgetStore). With a profile: the figures of that profile's batches only
// (ProfileSpend: per batch totals from batch_costs, dated by the batch's end day, a batch of
// several models under ProfileSpend::severalModels()), its processing times and its drafts in
// flight; the budgets stay the global ones.
class SpendSeriesBuilder {
public:
    enum class Source {
        Summaries, // day_model_costs: the console
        Results,   // a scan of every result of the range: bench_dashboard's baseline
    };

    static SpendSeries build(Ledger& ledger, const PriceBook& book, QDate from, QDate to,
                             Source source = Source::Summaries, const QString& profile = {});
    // P50 and P95 (nearest rank) of these durations; 0 for an empty list.
    static qint64 percentile(const QList<qint64>& sortedSeconds, int percent);
};

} // namespace bs
