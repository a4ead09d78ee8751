#include "metricscollector.h"

#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/metricsqueries.h"
#include "ledger/settingsstore.h"

namespace bs {

__extension__ typedef __int128 Wide; // exact intermediate, no -Wpedantic noise

void ProcessCounters::addApiError(const QString& kind) {
    for (auto& p : apiErrorsByKind) {
        if (p.first == kind) {
            ++p.second;
            return;
        }
    }
    apiErrorsByKind.append({kind, 1});
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

bool MetricsCollector::collect(Ledger& ledger, const ProcessCounters& counters, QDate today,
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

    SettingsStore settings(ledger);
    const auto budgets = settings.budgets();
    if (!ledger.lastError().isEmpty())
        return false;
    MetricFamily used{QStringLiteral("batchscope_budget_used_ratio"),
                      QStringLiteral("Spend in the budget's current period over its limit "
                                     "(1 = used up)."),
                      T::Gauge,
                      {}};
    MetricFamily limit{QStringLiteral("batchscope_budget_limit_usd"),
                       QStringLiteral("The budget's limit per period, in US dollars."),
                       T::Gauge,
                       {}};
    for (const BudgetSetting& b : budgets) {
        // USD over all models: the gate (BudgetGate) checks the other kinds at submission.
        if (b.kind != BudgetSetting::Kind::Usd || !b.model.isEmpty())
            continue;
        const Money spent = cost.spentInPeriod(b.period, today);
        if (!ledger.lastError().isEmpty())
            return false;
        const QList<QPair<QString, QString>> labels{
            {QStringLiteral("budget"), b.name},
            {QStringLiteral("period"), BudgetSetting::periodName(b.period)}};
        used.samples.append({labels, ratio(spent, b.limitMicros)});
        limit.samples.append({labels, usd(b.limitMicros)});
    }
    out->append(used);
    out->append(limit);

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
    return true;
}

} // namespace bs
