#pragma once

#include "alerts/alertconfig.h"
#include "alerts/alertsnapshot.h"
#include "ledger/alertstate.h"

#include <QCoreApplication>
#include <QStringList>

namespace bs {

// The alert rules: a pure function from a snapshot and the thresholds to the conditions that
// hold now. No clock, no ledger: AlertEngine reads the snapshot and AlertState decides, in one
// transaction, which of these fire (edge-triggered). Each condition's message says what
// happened, how much, which batch and what to do.
class AlertRules {
    Q_DECLARE_TR_FUNCTIONS(bs::AlertRules)

public:
    // Rule names (AlertKey::rule, the alert log's kind).
    static QString budgetRule() { return QStringLiteral("budget"); }
    static QString erroredShareRule() { return QStringLiteral("errored_share"); }
    static QString expiryNearRule() { return QStringLiteral("expiry_near"); }
    static QString overdueRule() { return QStringLiteral("processing_overdue"); }
    static QString archiveNearRule() { return QStringLiteral("archive_near"); }
    static QString unpricedModelRule() { return QStringLiteral("unpriced_model"); }
    static QString apiDownRule() { return QStringLiteral("api_down"); }

    struct Evaluation {
        QList<AlertCondition> holding;
        QStringList evaluatedRules; // rules whose absence from `holding` means "cleared"
    };
    static Evaluation evaluate(const AlertSnapshot& snapshot, const AlertConfig& config);

    // The period key a budget counts in at `now`: "2026-11" (month), "2026-11-29" (day),
    // "total".
    static QString budgetPeriodKey(BudgetSetting::Period period, const QDateTime& now);
    // Results of a batch are archived 29 days after its creation (reference §5).
    static constexpr int kArchiveDays = 29;
};

} // namespace bs
