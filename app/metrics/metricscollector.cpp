#include "metricscollector.h"

#include "intake/budgetgate.h"
#include "ledger/budgetstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/metricsqueries.h"
#include "metrics/processingstats.h"

namespace bs {

__extension__ typedef __int128 Wide; // exact intermediate, no -Wpedantic noise

namespace {
void bump(QList<QPair<QString, qint64>>* list, const QString& key) {
    for (auto& p : *list) {
        if (p.first == key) {
            ++p.second;
            return;
        }
    }
    list->append({key, 1});
}

using Labels = QList<QPair<QString, QString>>;
} // namespace

void ProcessCounters::addApiError(const QString& kind) {
    bump(&apiErrorsByKind, kind);
}

void ProcessCounters::addIngestion(const QString& outcome) {
    bump(&ingestionsByOutcome, outcome);
}

QString MetricsCollector::usd(qint64 micros) {
    const bool negative = micros < 0;
    const quint64 m = negative ? quint64(0) - quint64(micros) : quint64(micros);
    return QStringLiteral("%1%2.%3")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(m / 1'000'000)
        .arg(m % 1'000'000, 6, 10, QLatin1Char('0'));
}

QString MetricsCollector::ratio(qint64 a, qint64 b) {
    if (b <= 0)
        return a <= 0 ? QStringLiteral("0") : QStringLiteral("+Inf");
    // a / b in millionths, truncated: exact integer arithmetic (128-bit against overflow).
    const Wide scaled = static_cast<Wide>(a) * 1'000'000 / b;
    return usd(static_cast<qint64>(scaled));
}

bool MetricsCollector::collect(Ledger& ledger, const ProcessCounters& counters,
                               const QDateTime& now, const PriceBook& prices,
                               QList<MetricFamily>* out) {
    out->clear();
    using T = MetricFamily::Type;
    CostQueries cost(ledger);
    const auto byModel = cost.groupedBy(CostQueries::Grouping::Model);
    if (!ledger.lastError().isEmpty())
        return false;

    MetricFamily spend{QStringLiteral("batchscope_spend_usd_total"),
                       QStringLiteral("Billed cost of ingested batch results, in US dollars."),
                       T::Counter,
                       {}};
    MetricFamily tokens{QStringLiteral("batchscope_tokens_total"),
                        QStringLiteral("Tokens of ingested batch results, by model and class."),
                        T::Counter,
                        {}};
    MetricFamily unpriced{
        QStringLiteral("batchscope_unpriced_results"),
        QStringLiteral("Succeeded results whose model has no price (their cost is unknown)."),
        T::Gauge,
        {}};
    for (const CostGroup& g : byModel) {
        const QString model = g.key.isEmpty() ? QStringLiteral("unknown") : g.key;
        const QPair<QString, QString> m{QStringLiteral("model"), model};
        spend.samples.append({{m}, usd(g.totals.micros)});
        const QList<QPair<QString, qint64>> classes{
            {QStringLiteral("input"), g.totals.inputTokens},
            {QStringLiteral("output"), g.totals.outputTokens},
            {QStringLiteral("cache_creation"), g.totals.cacheCreationInputTokens},
            {QStringLiteral("cache_read"), g.totals.cacheReadInputTokens}};
        for (const auto& [cls, n] : classes)
            tokens.samples.append({{m, {QStringLiteral("class"), cls}}, QString::number(n)});
        if (g.totals.unpriced > 0)
            unpriced.samples.append({{m}, QString::number(g.totals.unpriced)});
    }
    out->append(spend);
    out->append(tokens);
    out->append(unpriced);

    MetricsQueries mq(ledger);
    const auto batches = mq.batchesByStatus();
    if (!ledger.lastError().isEmpty())
        return false;
    MetricFamily batchFamily{QStringLiteral("batchscope_batches"),
                             QStringLiteral("Batches in the ledger by processing status."),
                             T::Gauge,
                             {}};
    for (const auto& c : batches)
        batchFamily.samples.append({{{QStringLiteral("status"), c.key}}, QString::number(c.count)});
    out->append(batchFamily);

    const auto results = mq.resultsByTypeAndError();
    if (!ledger.lastError().isEmpty())
        return false;
    MetricFamily resultFamily{
        QStringLiteral("batchscope_results_total"),
        QStringLiteral("Ingested batch results by type and error class (errored results)."),
        T::Counter,
        {}};
    for (const auto& c : results)
        resultFamily.samples.append({{{QStringLiteral("type"), c.key},
                                      {QStringLiteral("error_class"),
                                       c.subKey.isEmpty() ? QStringLiteral("none") : c.subKey}},
                                     QString::number(c.count)});
    out->append(resultFamily);

    // Every budget, as the budget gate counts it: USD or input tokens, one model or all.
    const BudgetGate::Verdict verdict = BudgetGate(ledger, prices).evaluate({}, now);
    if (!ledger.lastError().isEmpty())
        return false;
    MetricFamily used{QStringLiteral("batchscope_budget_used_ratio"),
                      QStringLiteral("Spend (USD or input tokens) of ingested results in the "
                                     "budget's current period over its limit (1 = used up)."),
                      T::Gauge,
                      {}};
    MetricFamily committed{
        QStringLiteral("batchscope_budget_inflight_ratio"),
        QStringLiteral("Worst case reserved by batches in flight over the budget's limit."),
        T::Gauge,
        {}};
    MetricFamily limitUsd{QStringLiteral("batchscope_budget_limit_usd"),
                          QStringLiteral("A USD budget's limit per period, in US dollars."),
                          T::Gauge,
                          {}};
    MetricFamily limitTokens{QStringLiteral("batchscope_budget_limit_tokens"),
                             QStringLiteral("An input-token budget's limit per period."),
                             T::Gauge,
                             {}};
    for (const BudgetGate::Line& l : verdict.lines) {
        const bool usdKind = l.kind == BudgetSetting::Kind::Usd;
        const Labels labels{
            {QStringLiteral("budget"), l.budget},
            {QStringLiteral("period"), BudgetSetting::periodName(l.period)},
            {QStringLiteral("kind"), BudgetSetting::kindName(l.kind)},
            {QStringLiteral("model"), l.model.isEmpty() ? QStringLiteral("all") : l.model}};
        used.samples.append({labels, ratio(l.spent, l.limit)});
        committed.samples.append({labels, ratio(l.inFlight, l.limit)});
        if (usdKind)
            limitUsd.samples.append({labels, usd(l.limit)});
        else
            limitTokens.samples.append({labels, QString::number(l.limit)});
    }
    out->append(used);
    out->append(committed);
    out->append(limitUsd);
    out->append(limitTokens);

    // In flight: what the write-ahead drafts of batches not yet ingested reserved (worst case).
    const QList<BudgetStore::Reservation> inFlight = BudgetStore(ledger).inFlight();
    if (!ledger.lastError().isEmpty())
        return false;
    MetricFamily exposure{
        QStringLiteral("batchscope_inflight_worst_case_usd"),
        QStringLiteral("Worst-case cost (input estimate and max_tokens at batch prices) of the "
                       "requests of batches in flight, in US dollars; unpriced models are left "
                       "out (see batchscope_inflight_requests)."),
        T::Gauge,
        {}};
    MetricFamily inflightRequests{QStringLiteral("batchscope_inflight_requests"),
                                  QStringLiteral("Requests of batches in flight."),
                                  T::Gauge,
                                  {}};
    for (const BudgetStore::Reservation& r : inFlight) {
        const Labels m{
            {QStringLiteral("model"), r.model.isEmpty() ? QStringLiteral("unknown") : r.model}};
        inflightRequests.samples.append({m, QString::number(r.requests)});
        if (!r.unpriced)
            exposure.samples.append({m, usd(r.worstCaseMicros)});
    }
    out->append(exposure);
    out->append(inflightRequests);

    // Processing time of ended batches: a histogram per model, P50 / P95 per model and size.
    const ProcessingStats stats(mq.processingTimes());
    if (!ledger.lastError().isEmpty())
        return false;
    MetricFamily hist{QStringLiteral("batchscope_batch_processing_seconds"),
                      QStringLiteral("Processing time of ended batches (created to ended; "
                                     "canceled batches left out), in seconds."),
                      T::Histogram,
                      {}};
    const QList<qint64>& bounds = ProcessingStats::bucketBounds();
    for (const ProcessingStats::Histogram& h : stats.histograms()) {
        const QPair<QString, QString> m{QStringLiteral("model"), h.model};
        for (qsizetype i = 0; i < bounds.size(); ++i)
            hist.samples.append({{m, {QStringLiteral("le"), QString::number(bounds.at(i))}},
                                 QString::number(h.cumulative.at(i)),
                                 QStringLiteral("_bucket")});
        hist.samples.append({{m, {QStringLiteral("le"), QStringLiteral("+Inf")}},
                             QString::number(h.count),
                             QStringLiteral("_bucket")});
        hist.samples.append({{m}, QString::number(h.sumSeconds), QStringLiteral("_sum")});
        hist.samples.append({{m}, QString::number(h.count), QStringLiteral("_count")});
    }
    out->append(hist);
    // Two gauges, not a "quantile" label: that label belongs to summaries (promtool).
    MetricFamily p50{QStringLiteral("batchscope_batch_processing_p50_seconds"),
                     QStringLiteral("Median (nearest rank) of the processing time of ended "
                                    "batches, by model and size band (requests), in seconds."),
                     T::Gauge,
                     {}};
    MetricFamily p95{QStringLiteral("batchscope_batch_processing_p95_seconds"),
                     QStringLiteral("95th percentile (nearest rank) of the processing time of "
                                    "ended batches, by model and size band, in seconds."),
                     T::Gauge,
                     {}};
    MetricFamily bandCount{QStringLiteral("batchscope_batch_processing_samples"),
                           QStringLiteral("Ended batches behind the percentiles, by model and "
                                          "size band."),
                           T::Gauge,
                           {}};
    for (const ProcessingStats::Group& g : stats.groups()) {
        const Labels labels{{QStringLiteral("model"), g.model},
                            {QStringLiteral("size_band"), g.sizeBand}};
        p50.samples.append({labels, QString::number(g.p50Seconds)});
        p95.samples.append({labels, QString::number(g.p95Seconds)});
        bandCount.samples.append({labels, QString::number(g.count)});
    }
    out->append(p50);
    out->append(p95);
    out->append(bandCount);

    out->append({QStringLiteral("batchscope_polls_total"),
                 QStringLiteral("Polling cycles run by this process."),
                 T::Counter,
                 {{{}, QString::number(counters.polls)}}});
    out->append({QStringLiteral("batchscope_poll_errors_total"),
                 QStringLiteral("Polling cycles of this process that ended in an error."),
                 T::Counter,
                 {{{}, QString::number(counters.pollErrors)}}});
    MetricFamily api{QStringLiteral("batchscope_api_errors_total"),
                     QStringLiteral("API errors seen by this process, by kind."),
                     T::Counter,
                     {}};
    for (const auto& [kind, n] : counters.apiErrorsByKind)
        api.samples.append({{{QStringLiteral("kind"), kind}}, QString::number(n)});
    out->append(api);
    MetricFamily ingestions{QStringLiteral("batchscope_ingestions_total"),
                            QStringLiteral("Result ingestions run by this process, by outcome."),
                            T::Counter,
                            {}};
    for (const auto& [outcome, n] : counters.ingestionsByOutcome)
        ingestions.samples.append({{{QStringLiteral("outcome"), outcome}}, QString::number(n)});
    out->append(ingestions);
    return true;
}

} // namespace bs
