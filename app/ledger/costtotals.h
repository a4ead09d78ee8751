#pragma once

#include "cost/money.h"

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
    qint64 cacheCreationInputTokens = 0;
    qint64 cacheReadInputTokens = 0;
    qint64 webSearchRequests = 0;

    friend bool operator==(const CostTotals&, const CostTotals&) = default;
};

struct CostGroup {
    QString key; // model id, "YYYY-MM-DD", or batch id
    CostTotals totals;
};

} // namespace bs
