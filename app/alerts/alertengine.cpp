#include "alertengine.h"

#include "alerts/alertrules.h"
#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"

namespace bs {

bool AlertEngine::readSnapshot(const QDateTime& now, AlertSnapshot* s) {
    s->now = now.toUTC();
    SettingsStore settings(m_ledger);
    CostQueries cost(m_ledger);
    s->budgets.clear();
    const auto budgets = settings.budgets();
    if (!m_ledger.lastError().isEmpty())
        return false;
    for (const BudgetSetting& b : budgets) {
        // USD over all models: the gate (BudgetGate) checks the other kinds at submission.
        if (b.kind != BudgetSetting::Kind::Usd || !b.model.isEmpty())
            continue;
        const Money spent = cost.spentInPeriod(b.period, s->now.date());
        if (!m_ledger.lastError().isEmpty())
            return false;
        s->budgets.append({b, spent});
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
