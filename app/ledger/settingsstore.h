#pragma once

#include "cost/budget.h"
#include "ledger/budgetsetting.h"
#include "ledger/ledgerstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <optional>

namespace bs {

// Data settings kept in the ledger (beside the file they describe) and budgets.
// Errors: Ledger::lastError().
class SettingsStore : public LedgerStore {
    Q_DECLARE_TR_FUNCTIONS(bs::SettingsStore)

public:
    explicit SettingsStore(Ledger& ledger)
        : LedgerStore(ledger) {}

    bool setValue(const QString& key, const QString& value);
    QString value(const QString& key, const QString& defaultValue = QString());

    bool setBudget(const BudgetSetting& budget);
    bool removeBudget(const QString& name);
    std::optional<BudgetSetting> budget(const QString& name);
    QList<BudgetSetting> budgets();
    // The named budget with the cost spent in its current period over all models (today: UTC
    // date; null = now), as a USD budget. Empty when no such budget exists. The gate's figures
    // (every kind, per model, with what is in flight) are BudgetGate's.
    std::optional<Budget> budgetStatus(const QString& name, QDate today = {});
};

} // namespace bs
