#include "pricediff.h"

namespace bs {

namespace {

bool sameHistory(const ModelPricing& a, const ModelPricing& b) {
    if (a.longPromptTier.has_value() != b.longPromptTier.has_value())
        return false;
    if (a.longPromptTier &&
        (a.longPromptTier->thresholdPromptTokens != b.longPromptTier->thresholdPromptTokens ||
         a.longPromptTier->prices != b.longPromptTier->prices))
        return false;
    if (a.priceHistory.size() != b.priceHistory.size())
        return false;
    for (qsizetype i = 0; i < a.priceHistory.size(); ++i) {
        const PriceChange& x = a.priceHistory[i];
        const PriceChange& y = b.priceHistory[i];
        if (x.from != y.from || x.until != y.until || x.input != y.input ||
            x.cacheWrite5m != y.cacheWrite5m || x.cacheWrite1h != y.cacheWrite1h ||
            x.cacheRead != y.cacheRead || x.output != y.output)
            return false;
    }
    return true;
}

} // namespace

QList<PriceDiff> PriceDiff::compare(const PriceBook& current, const PriceBook& candidate) {
    QList<PriceDiff> list;
    for (const QString& id : candidate.modelIds()) {
        const ModelPricing* after = candidate.find(id);
        const ModelPricing* before = current.find(id);
        if (!before) {
            list.append({id, Change::Added, {}, after->base, false});
            continue;
        }
        const bool history = !sameHistory(*before, *after);
        if (before->base != after->base || history)
            list.append({id, Change::Changed, before->base, after->base, history});
    }
    for (const QString& id : current.modelIds())
        if (!candidate.find(id))
            list.append({id, Change::Removed, current.find(id)->base, {}, false});
    return list;
}

} // namespace bs
