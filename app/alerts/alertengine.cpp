#include "alertengine.h"

#include "alerts/alertrules.h"
#include "intake/budgetgate.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/metricsqueries.h"
#include "ledger/settingsstore.h"
#include "monitor/etaestimator.h"

namespace bs {

bool AlertEngine::readSnapshot(const QDateTime& now, AlertSnapshot* s) {
    s->now = now.toUTC();
    CostQueries cost(m_ledger);
    if (!m_prices)
        m_prices = PriceBook::load();
    // Every budget (USD or input tokens, all models or one), counted as the gate counts it.
    s->budgets.clear();
    const BudgetGate::Verdict verdict = BudgetGate(m_ledger, *m_prices).evaluate({}, s->now);
    if (!m_ledger.lastError().isEmpty())
        return false;
    for (const BudgetGate::Line& l : verdict.lines) {
        AlertSnapshot::BudgetUse use;
        use.setting = BudgetSetting(l.budget, l.limit, l.period, l.kind, l.model);
        use.spent = l.spent;
        use.inFlight = l.inFlight;
        s->budgets.append(use);
    }
    BatchStore batches(m_ledger);
    s->ended = batches.byStatus(MessageBatch::Status::Ended);
    if (!m_ledger.lastError().isEmpty())
        return false;
    s->unended = batches.unended();
    if (!m_ledger.lastError().isEmpty())
        return false;
    s->awaitingIngest = batches.awaitingIngest();
    if (!m_ledger.lastError().isEmpty())
        return false;
    // What the history expects of each batch in progress (the draft's main model).
    s->expectations.clear();
    bool anyRunning = false;
    for (const BatchRecord& r : std::as_const(s->unended))
        anyRunning = anyRunning || r.batch.processingStatus == MessageBatch::Status::InProgress;
    if (anyRunning) {
        QList<EtaEstimator::Sample> history;
        const auto times = MetricsQueries(m_ledger).processingTimes();
        if (!m_ledger.lastError().isEmpty())
            return false;
        for (const MetricsQueries::ProcessingTime& t : times)
            history.append({t.model, t.requests, t.seconds});
        EtaEstimator eta;
        eta.setHistory(history);
        const auto reserved = BudgetStore(m_ledger).ofDrafts();
        if (!m_ledger.lastError().isEmpty())
            return false;
        for (const BatchRecord& r : std::as_const(s->unended)) {
            if (r.batch.processingStatus != MessageBatch::Status::InProgress)
                continue;
            const auto models = reserved.value(r.local.localId);
            if (models.isEmpty())
                continue;
            const qint64 requests = r.batch.requestCounts.total();
            const EtaEstimator::Estimate est = eta.estimate(models.first().model, requests);
            if (!est.isValid())
                continue;
            s->expectations.append({r.batch.id, models.first().model, requests, r.batch.createdAt,
                                    est.medianSeconds, est.p95Seconds, est.samples});
        }
    }
    s->unpricedModels.clear();
    const auto byModel = cost.groupedBy(CostQueries::Grouping::Model);
    if (!m_ledger.lastError().isEmpty())
        return false;
    for (const CostGroup& g : byModel)
        if (g.totals.unpriced > 0)
            s->unpricedModels.append({g.key, g.totals.unpriced});
    return true;
}

bool AlertEngine::run(const QDateTime& now, const AlertSnapshot& api, bool withDelivery,
                      QList<AlertState::Fired>* fired) {
    AlertSnapshot s = api;
    if (!readSnapshot(now, &s))
        return false;
    SettingsStore settings(m_ledger);
    const AlertConfig config = AlertConfig::fromSettings(settings);
    return apply(s, config, withDelivery, fired);
}

bool AlertEngine::apply(const AlertSnapshot& snapshot, const AlertConfig& config, bool withDelivery,
                        QList<AlertState::Fired>* fired) {
    const AlertRules::Evaluation e = AlertRules::evaluate(snapshot, config);
    return AlertState(m_ledger).apply(e.holding, e.evaluatedRules, snapshot.now, withDelivery,
                                      fired);
}

} // namespace bs
