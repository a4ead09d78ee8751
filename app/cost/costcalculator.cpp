#include "costcalculator.h"

namespace bs {

namespace {
__extension__ typedef __int128 Wide; // exact intermediate, no -Wpedantic noise
constexpr Wide kPpm = 1'000'000;
// 10^-24 $ per micro-dollar: pico (10^-12 -> 10^-6: 10^6) times two ppm factors (10^12).
constexpr Wide kUnitsPerMicro = Wide(1'000'000) * kPpm * kPpm;
} // namespace

CostResult CostCalculator::costOf(const PriceBook& book, const QString& model, const Usage& usage,
                                  QDate day) {
    CostResult r;
    r.billed = true;
    const ModelPricing* m = book.find(model);
    if (!m)
        return r; // unpriced: micros 0, priced false; callers must show it as "unpriced"
    r.priced = true;
    r.model = m->modelId;

    TokenPrices p = m->pricesOn(day);
    if (m->longPromptTier && usage.promptTokens() > m->longPromptTier->thresholdPromptTokens) {
        p = m->longPromptTier->prices;
        r.band = PriceBand::LongPrompt;
    }

    qint64 w5 = usage.ephemeral5mInputTokens;
    qint64 w1 = usage.ephemeral1hInputTokens;
    if (!usage.hasCacheCreationBreakdown) {
        w5 = usage.cacheCreationInputTokens;
        w1 = 0;
        r.assumedFiveMinuteWrites = usage.cacheCreationInputTokens > 0;
    }

    // Pico-dollars, exact.
    const Wide pico = Wide(usage.inputTokens) * p.input + Wide(w5) * p.cacheWrite5m +
                      Wide(w1) * p.cacheWrite1h + Wide(usage.cacheReadInputTokens) * p.cacheRead +
                      Wide(usage.outputTokens) * p.output;

    Wide batch = kPpm;
    const QString& tier = usage.serviceTier;
    if (tier.isEmpty() || tier == QLatin1String("batch")) {
        batch = book.batchMultiplierPpm();
        r.batchDiscount = true;
    }
    Wide geo = kPpm;
    if (m->geoMultiplierEligible && usage.inferenceGeo == QLatin1String("us")) {
        geo = book.geoUsMultiplierPpm();
        r.geoMultiplier = true;
    }

    Wide units = pico * batch * geo; // 10^-24 $
    // Web search: micro-dollars per 1000 searches -> 10^-24 $ per search = * 10^18 / 1000.
    units +=
        Wide(usage.webSearchRequests) * book.webSearchMicrosPer1000() * (kUnitsPerMicro / 1000);

    const Wide micros = (units + kUnitsPerMicro / 2) / kUnitsPerMicro; // half up, once
    r.micros = static_cast<Money>(micros);
    return r;
}

CostResult CostCalculator::costOfResult(const PriceBook& book, const QString& resultType,
                                        const QString& model, const Usage& usage, QDate day) {
    if (resultType == QLatin1String("errored") || resultType == QLatin1String("canceled") ||
        resultType == QLatin1String("expired")) {
        CostResult r;
        r.priced = true;
        r.billed = false;
        r.model = book.resolve(model);
        return r;
    }
    return costOf(book, model, usage, day);
}

} // namespace bs
