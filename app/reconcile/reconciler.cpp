#include "reconciler.h"

#include <QMap>

#include <algorithm>
#include <cstdlib>

namespace bs {

bool Reconciler::isFlagged(Money ledger, Money anthropic, qint64 unpriced) {
    if (unpriced > 0)
        return true;
    const Money diff = std::llabs(ledger - anthropic);
    if (diff < kMinFlagMicros)
        return false;
    // diff > 1 % of Anthropic's amount, in integers: 100 * diff > |anthropic|.
    return 100 * diff > std::llabs(anthropic);
}

ReconcileRows Reconciler::compare(const QList<DayModelCost>& ledger,
                                  const QList<CostReportLine>& report, Money webSearchFeeMicros,
                                  QDate from, QDate untilExclusive) {
    struct Sums {
        Money ledger = 0;
        qint64 anthropicPico = 0;
        qint64 unpriced = 0;
        bool seen = false;
    };
    // (day, kind, model) -> sums; QMap keeps rows ordered by day, then models, then searches.
    using Key = std::tuple<QDate, int, QString>;
    QMap<Key, Sums> rows;
    const auto inRange = [&](QDate d) { return d >= from && d < untilExclusive; };
    for (const DayModelCost& c : ledger) {
        if (!inRange(c.day) || c.model.isEmpty())
            continue; // '' holds results without a model: errored, canceled, expired (free)
        const Money searches = c.totals.webSearchRequests * webSearchFeeMicros;
        Sums& s = rows[{c.day, int(ReconcileRow::Kind::Model), c.model}];
        s.ledger += c.totals.micros - (c.totals.unpriced > 0 ? 0 : searches);
        s.unpriced += c.totals.unpriced;
        s.seen = true;
        if (c.totals.webSearchRequests > 0) {
            Sums& w = rows[{c.day, int(ReconcileRow::Kind::WebSearch), QString()}];
            w.ledger += searches;
            w.seen = true;
        }
    }
    for (const CostReportLine& l : report) {
        if (!inRange(l.day))
            continue;
        if (l.costType == QLatin1String("web_search")) {
            Sums& w = rows[{l.day, int(ReconcileRow::Kind::WebSearch), QString()}];
            w.anthropicPico += l.amountPicoUsd;
            w.seen = true;
        } else if (l.costType == QLatin1String("tokens") && !l.model.isEmpty() &&
                   l.serviceTier == QLatin1String("batch")) {
            Sums& s = rows[{l.day, int(ReconcileRow::Kind::Model), l.model}];
            s.anthropicPico += l.amountPicoUsd;
            s.seen = true;
        }
    }
    ReconcileRows out;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const auto& [day, kind, model] = it.key();
        ReconcileRow r;
        r.day = day;
        r.kind = ReconcileRow::Kind(kind);
        r.model = model;
        r.ledger = it->ledger;
        // 10^-12 $ -> 10^-6 $, half up (amounts are never negative in practice).
        r.anthropic = (it->anthropicPico + 500000) / 1000000;
        r.unpriced = it->unpriced;
        r.flagged = isFlagged(r.ledger, r.anthropic, r.unpriced);
        out.append(r);
    }
    return out;
}

} // namespace bs
