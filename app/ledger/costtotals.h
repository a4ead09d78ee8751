#pragma once

#include "cost/money.h"

#include <QDate>
#include <QString>

namespace bs {

// Sums over results, all integers (CostQueries).
struct CostTotals {
    Money micros = 0;   // priced, billed cost
    qint64 results = 0; // result rows
    qint64 succeeded = 0;
    qint64 errored = 0;
    qint64 canceled = 0;
    qint64 expired = 0;
    qint64 unpriced = 0; // succeeded rows whose model had no price: their cost is unknown
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cacheCreationInputTokens = 0; // cache writes of any duration
    qint64 cacheCreation5mTokens = 0;    // of those, reported as 5-minute writes
    qint64 cacheCreation1hTokens = 0;    // of those, reported as 1-hour writes
    qint64 cacheReadInputTokens = 0;
    qint64 webSearchRequests = 0;
    qint64 webFetchRequests = 0;

    friend bool operator==(const CostTotals&, const CostTotals&) = default;
};

struct CostGroup {
    QString key; // model id, "YYYY-MM-DD", or batch id
    CostTotals totals;
};

// The totals of one spend day and one model (SummaryStore::byDayAndModel).
struct DayModelCost {
    QDate day;
    QString model; // empty: results without a model (errored, canceled, expired)
    CostTotals totals;
};

// The whole ledger at a glance, for a status bar (SummaryStore::overview).
struct LedgerOverview {
    int batches = 0;
    int unfinished = 0;     // in progress or canceling (not gone)
    int awaitingIngest = 0; // ended, results not ingested yet (not gone)
    qint64 errored = 0;     // errored + expired requests over all batches (request_counts)
    Money spent = 0;        // priced cost of the ingested results
    qint64 unpriced = 0;    // results whose model has no price
    Money spentToday = 0;   // of `spent`, on today's spend day (UTC)

    friend bool operator==(const LedgerOverview&, const LedgerOverview&) = default;
};

} // namespace bs
