#include "settingsstore.h"

#include "ledger/costqueries.h"
#include "ledger/ledgervalues.h"

namespace bs {

using namespace ledgervalues;

bool SettingsStore::setValue(const QString& key, const QString& value) {
    if (!ensureThread("SettingsStore::setValue"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO settings(key, value, updated_at) VALUES(?, ?, ?) ON CONFLICT(key) DO "
        "UPDATE SET value = excluded.value, updated_at = excluded.updated_at"));
    q.bindValue(0, key);
    q.bindValue(1, value);
    q.bindValue(2, nowText());
    if (!run(q))
        return false;
    notify(Change::Settings);
    return true;
}

QString SettingsStore::value(const QString& key, const QString& defaultValue) {
    if (!ensureThread("SettingsStore::value"))
        return defaultValue;
    QSqlQuery& q = prepared(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.bindValue(0, key);
    if (!run(q) || !q.next())
        return defaultValue;
    const QString v = q.value(0).toString();
    q.finish();
    return v;
}

bool SettingsStore::setBudget(const BudgetSetting& budget) {
    if (!ensureThread("SettingsStore::setBudget"))
        return false;
    if (budget.name.isEmpty() || budget.limitMicros < 0) {
        fail(tr("A budget needs a name and a limit of $0 or more."));
        return false;
    }
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO budgets(name, limit_micros, period, kind, model, updated_at) "
        "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
        "limit_micros = excluded.limit_micros, period = excluded.period, kind = excluded.kind, "
        "model = excluded.model, updated_at = excluded.updated_at"));
    q.bindValue(0, budget.name);
    q.bindValue(1, budget.limitMicros);
    q.bindValue(2, BudgetSetting::periodName(budget.period));
    q.bindValue(3, BudgetSetting::kindName(budget.kind));
    q.bindValue(4, budget.model.isNull() ? QStringLiteral("") : budget.model); // NOT NULL
    q.bindValue(5, nowText());
    if (!run(q))
        return false;
    notify(Change::Settings);
    return true;
}

bool SettingsStore::removeBudget(const QString& name) {
    if (!ensureThread("SettingsStore::removeBudget"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral("DELETE FROM budgets WHERE name = ?"));
    q.bindValue(0, name);
    if (!run(q))
        return false;
    notify(Change::Settings);
    return true;
}

std::optional<BudgetSetting> SettingsStore::budget(const QString& name) {
    const auto all = budgets();
    for (const BudgetSetting& b : all)
        if (b.name == name)
            return b;
    return std::nullopt;
}

QList<BudgetSetting> SettingsStore::budgets() {
    QList<BudgetSetting> list;
    if (!ensureThread("SettingsStore::budgets"))
        return list;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT name, limit_micros, period, kind, model FROM budgets "
                               "ORDER BY name"))) {
        failQuery(q);
        return list;
    }
    while (q.next()) {
        BudgetSetting b;
        b.name = q.value(0).toString();
        b.limitMicros = q.value(1).toLongLong();
        b.period = BudgetSetting::periodFromName(q.value(2).toString());
        b.kind =
            BudgetSetting::kindFromName(q.value(3).toString()).value_or(BudgetSetting::Kind::Usd);
        b.model = q.value(4).toString();
        list.append(b);
    }
    return list;
}

std::optional<Budget> SettingsStore::budgetStatus(const QString& name, QDate today) {
    const auto setting = budget(name);
    if (!setting)
        return std::nullopt;
    return Budget(setting->limitMicros,
                  CostQueries(ledger()).spentInPeriod(setting->period, today));
}

} // namespace bs
