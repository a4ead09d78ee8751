#pragma once

#include "api/costreportjob.h"
#include "ledger/costtotals.h"
#include "reconcile/reconcilerow.h"

namespace bs {

// Compares the ledger's spend per day and model (the day_model_costs summaries) with Anthropic's
// cost report (grouped by description), a pure function.
//
// - Anthropic's side: token costs of service_tier "batch" summed per (day, model); web-search
//   costs (no model in the report) per day. Other tiers are not the ledger's business (the
//   organisation may use the API elsewhere) and are left out.
// - The ledger's side: cost_micros per (day, model) less its web searches at the price book's
//   fee (the ledger prices a search into the result's cost), and the searches per day.
// - Flagged: |difference| > 1 % of Anthropic's amount (any difference when Anthropic says 0),
//   and at least $0.001, so that the per-result rounding to micro-dollars never raises a flag;
//   or results the ledger could not price.
class Reconciler {
public:
    static ReconcileRows compare(const QList<DayModelCost>& ledger,
                                 const QList<CostReportLine>& report, Money webSearchFeeMicros,
                                 QDate from, QDate untilExclusive);
    static bool isFlagged(Money ledger, Money anthropic, qint64 unpriced);
    static constexpr Money kMinFlagMicros = 1000; // $0.001, a tenth of a cent
};

} // namespace bs
