#pragma once

#include "alerts/alertconfig.h"
#include "ledger/alertstate.h"
#include "ledger/batchrecord.h"
#include "ledger/costtotals.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace bs {

// The alert rules only a console has (it tells the operator at the desk, not the team): a batch
// ended (its counts and cost), and errored or expired items appeared in it. Pure, like
// AlertRules; claimed through AlertState like them, so each fires once per batch whichever
// console (or restart of it) sees it first. They are never "cleared": a batch ends once.
class ConsoleRules {
    Q_DECLARE_TR_FUNCTIONS(bs::ConsoleRules)

public:
    static QString batchEndedRule() { return QStringLiteral("batch_ended"); }
    static QString erroredItemsRule() { return QStringLiteral("errored_items"); }

    // Conditions for the ended batches whose results are in the ledger and that ended after
    // now - config.erroredLookbackDays (an old ledger opened for the first time does not flood).
    // costByBatch: the ingested totals per batch id. Batches whose results came in before
    // `since` (when this ledger's consoles began to notify) are held quietly: claimed without a
    // notification, so the first console on a long-used ledger does not announce its past.
    static QList<AlertCondition> evaluate(const QList<BatchRecord>& ended,
                                          const QHash<QString, CostTotals>& costByBatch,
                                          const QDateTime& now, const QDateTime& since,
                                          const AlertConfig& config);
    // The data setting (SettingsStore) that keeps `since` for a ledger.
    static QString sinceKey() { return QStringLiteral("alerts/console_since"); }
};

} // namespace bs
