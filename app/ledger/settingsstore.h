#pragma once

#include "cost/budget.h"
#include "ledger/budgetsetting.h"
#include "ledger/ledgerstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
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

    // Every change of a budget is logged (budget_changes, schema 9) in the same transaction:
    // when, who (`user`; empty: the OS user) and the budget before and after. Setting a budget
    // to what it already is logs nothing.
    bool setBudget(const BudgetSetting& budget, const QString& user = QString());
    bool removeBudget(const QString& name, const QString& user = QString());

    struct BudgetChange {
        qint64 id = 0;
        QDateTime at;
        QString user;
        QString name;
        QString oldValue; // JSON of the budget before ('' when it did not exist)
        QString newValue; // JSON of the budget after ('' when it was removed)
    };
    // The log, oldest first.
    QList<BudgetChange> budgetChanges();
    // {"name","kind","period","model","limit"} (compact JSON), as the log stores a budget.
    static QString budgetJson(const BudgetSetting& budget);
    std::optional<BudgetSetting> budget(const QString& name);
    QList<BudgetSetting> budgets();
    // The named budget with the cost spent in its current period over all models (today: UTC
    // date; null = now), as a USD budget. Empty when no such budget exists. The gate's figures
    // (every kind, per model, with what is in flight) are BudgetGate's.
    std::optional<Budget> budgetStatus(const QString& name, QDate today = {});

private:
    bool logBudgetChange(const QString& name, const QString& oldValue, const QString& newValue,
                         const QString& user);
};

} // namespace bs
