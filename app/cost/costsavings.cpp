#include "costsavings.h"

namespace bs {

namespace {
__extension__ typedef __int128 Wide;
constexpr Wide kPpm = 1'000'000;
// 10^-24 $ per micro-dollar (pico-dollars times one ppm factor here, see CostCalculator).
constexpr Wide kUnitsPerMicro = Wide(1'000'000) * kPpm * kPpm;

Money rounded(Wide units) {
    return static_cast<Money>((units + kUnitsPerMicro / 2) / kUnitsPerMicro);
}
} // namespace

bool CostSavings::add(const PriceBook& book, const QString& model, const TokenClasses& t,
                      QDate day) {
    const ModelPricing* m = book.find(model);
    if (!m)
        return false;
    const TokenPrices p = m->pricesOn(day);
    const Wide batch = book.batchMultiplierPpm();
    // Pico-dollars at list price, exact.
    const Wide list = Wide(t.input) * p.input + Wide(t.cacheWrite5m) * p.cacheWrite5m +
                      Wide(t.cacheWrite1h) * p.cacheWrite1h + Wide(t.cacheRead) * p.cacheRead +
                      Wide(t.output) * p.output;
    // Units of 10^-24 $: pico * ppm (batch) * ppm (the geo factor CostCalculator carries, 1 here).
    m_batch += list * (kPpm - batch) * kPpm;
    m_cache += Wide(t.cacheRead) * (p.input - p.cacheRead) * batch * kPpm;
    return true;
}

void CostSavings::add(const CostSavings& other) {
    m_batch += other.m_batch;
    m_cache += other.m_cache;
}

Money CostSavings::batchDiscountMicros() const {
    return rounded(m_batch);
}

Money CostSavings::cacheReadMicros() const {
    return rounded(m_cache);
}

} // namespace bs
