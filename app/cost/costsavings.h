#pragma once

#include "money.h"
#include "pricebook.h"

#include <QDate>
#include <QString>

namespace bs {

// Token counts of the five classes, summed over results of one model and spend day.
struct TokenClasses {
    qint64 input = 0;
    qint64 output = 0;
    qint64 cacheWrite5m = 0; // with the writes reported without a breakdown (priced at 5m)
    qint64 cacheWrite1h = 0;
    qint64 cacheRead = 0;

    friend bool operator==(const TokenClasses&, const TokenClasses&) = default;
};

// What the batch discount and the cache reads saved, exactly: sums of 10^-24 dollars (the unit
// CostCalculator computes in) that are rounded to micro-dollars once, by micros().
//
//  - batch discount: the tokens at list price minus the same tokens at batch price;
//  - cache reads:    the cache-read tokens as if they had been plain input, minus what they
//                    cost as cache reads, both at batch price.
// Prices: the model's prices on the spend day (price history applied), the standard band and no
// inference_geo multiplier (the summaries these sums come from do not keep per-request bands or
// geos: a Haiku 5.5 prompt above 100K tokens or a "us" request counts at the standard rates).
class CostSavings {
public:
    // Adds one model's token classes of one spend day. False (nothing added) when the model is
    // unknown to the price book: its savings are not a figure.
    bool add(const PriceBook& book, const QString& model, const TokenClasses& tokens, QDate day);
    void add(const CostSavings& other);

    Money batchDiscountMicros() const; // rounded half up, once
    Money cacheReadMicros() const;

private:
    // 10^-24 $, exact.
    __extension__ __int128 m_batch = 0;
    __extension__ __int128 m_cache = 0;
};

} // namespace bs
