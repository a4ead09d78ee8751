#pragma once

#include "money.h"
#include "pricebook.h"
#include "usage.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace bs {

// Which rate row a result was priced with.
enum class PriceBand {
    Standard,   // the model's listed rates
    LongPrompt, // Haiku 5.5: prompt > threshold, the whole request at the long-prompt rates
};

struct CostResult {
    Money micros = 0;    // the cost, rounded once (see CostCalculator); 0 when !priced
    bool priced = false; // false: model unknown to the price book -> "unpriced", NOT $0
    bool billed = false; // false: errored/canceled/expired results are free (micros == 0)
    QString model;       // canonical model id (empty when unpriced)
    PriceBand band = PriceBand::Standard;
    bool batchDiscount = false;           // the batch multiplier was applied
    bool geoMultiplier = false;           // inference_geo "us" multiplier was applied
    bool assumedFiveMinuteWrites = false; // cache_creation breakdown missing: all at the 5m rate

    friend bool operator==(const CostResult&, const CostResult&) = default;
};

// The cost rules of reference/pricing.md §8, as pure functions of (price book, model, usage, day).
//
//   exact = batch * geo * ( input*p.input + w5*p.cacheWrite5m + w1*p.cacheWrite1h
//                          + cacheRead*p.cacheRead + output*p.output )
//         + webSearchRequests * fee/1000                 (fee: not discounted, no geo multiplier)
//
// - p: the model's prices on `day` (effective-dated price history; null day = current prices),
//   Haiku 5.5's long-prompt rates when input + cache writes + cache reads > threshold (per
//   request; exactly the threshold is still the standard band).
// - batch: the book's batch multiplier (0.5) when usage.service_tier is "batch" or absent
//   (every result we ingest comes from a batch); an explicit "standard"/"priority" pays list.
// - geo: the book's inference_geo "us" multiplier (1.1) only on models whose
//   geo_multiplier_eligible is true; any other geo value or model: 1.
// - w5/w1: the cache_creation breakdown; without one, all cache_creation_input_tokens at 5m.
//
// Rounding: prices are integers in micro-dollars per MTok (= pico-dollars per token) and the
// multipliers integers in parts per million, so `exact` is computed without any loss as an
// integer number of 10^-24 dollars (128-bit). It is rounded ONCE, half up, to micro-dollars.
// The same usage therefore always gives the same cost, on every machine.
//
// `day` selects effective-dated prices: pass pricingDay() of the result's batch -- the UTC date
// the batch ended (ended_at), else the day it was created (created_at) -- the same for every
// result of a batch. It is also the day the ledger counts the spend on. So a batch created on
// 2026-10-06 that ends on 2026-10-07 pays Sonnet 5.5's cache reads at the price that took effect
// on 2026-10-07 ($0.10/MTok), one that ended on 2026-10-06 the earlier $0.20.
class CostCalculator {
public:
    // The day a batch's results are priced on (and counted on): ended_at, else created_at, UTC.
    static QDate pricingDay(const QDateTime& createdAt, const QDateTime& endedAt) {
        return (endedAt.isValid() ? endedAt : createdAt).toUTC().date();
    }

    // Cost of one `succeeded` result.
    static CostResult costOf(const PriceBook& book, const QString& model, const Usage& usage,
                             QDate day);
    // Cost of one result of any type: "succeeded" is priced as above; "errored", "canceled"
    // and "expired" are free (priced, not billed, 0); an unknown type is treated as succeeded.
    static CostResult costOfResult(const PriceBook& book, const QString& resultType,
                                   const QString& model, const Usage& usage, QDate day);
};

// Free-function spelling of CostCalculator::costOf.
inline CostResult costOf(const PriceBook& book, const QString& model, const Usage& usage,
                         QDate day) {
    return CostCalculator::costOf(book, model, usage, day);
}

} // namespace bs
