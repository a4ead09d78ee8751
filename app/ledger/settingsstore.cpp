#include "settingsstore.h"

#include "core/osuser.h"
#include "ledger/costqueries.h"
#include "ledger/ledgervalues.h"

#include <QJsonDocument>
#include <QJsonObject>

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

QString SettingsStore::budgetJson(const BudgetSetting& b) {
    const QJsonObject o{{QStringLiteral("name"), b.name},
                        {QStringLiteral("kind"), BudgetSetting::kindName(b.kind)},
                        {QStringLiteral("period"), BudgetSetting::periodName(b.period)},
                        {QStringLiteral("model"), b.model},
                        {QStringLiteral("limit"), b.limitMicros}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool SettingsStore::logBudgetChange(const QString& name, const QString& oldValue,
                                    const QString& newValue, const QString& user) {
    QSqlQuery& q = prepared(QStringLiteral("INSERT INTO budget_changes(at, user, name, "
                                           "old_value, new_value) VALUES(?, ?, ?, ?, ?)"));
    q.bindValue(0, nowText());
    q.bindValue(1, user.isEmpty() ? osUserName() : user);
    q.bindValue(2, name);
    // NOT NULL: '' stands for "no budget" (a null QString would bind as NULL).
    q.bindValue(3, oldValue.isNull() ? QStringLiteral("") : oldValue);
    q.bindValue(4, newValue.isNull() ? QStringLiteral("") : newValue);
    return run(q);
}

QList<SettingsStore::BudgetChange> SettingsStore::budgetChanges() {
    QList<BudgetChange> list;
    if (!ensureThread("SettingsStore::budgetChanges"))
        return list;
    QSqlQuery& q = prepared(QStringLiteral("SELECT id, at, user, name, old_value, new_value "
                                           "FROM budget_changes ORDER BY id"));
    if (!run(q))
        return list;
    while (q.next())
        list.append({q.value(0).toLongLong(), timeFrom(q.value(1)), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toString()});
    q.finish();
    return list;
}

bool SettingsStore::setBudget(const BudgetSetting& budget, const QString& user) {
    if (!ensureThread("SettingsStore::setBudget"))
        return false;
    if (budget.name.isEmpty() || budget.limitMicros < 0) {
        fail(tr("A budget needs a name and a limit of $0 or more."));
        return false;
    }
    if (!beginWrite())
        return false;
    const auto before = this->budget(budget.name);
    const QString oldValue = before ? budgetJson(*before) : QString();
    const QString newValue = budgetJson(budget);
    if (oldValue == newValue)
        return commit(); // nothing changes: nothing to log
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
    if (!run(q) || !logBudgetChange(budget.name, oldValue, newValue, user)) {
        rollback();
        return false;
    }
    notify(Change::Settings);
    return commit();
}

bool SettingsStore::removeBudget(const QString& name, const QString& user) {
    if (!ensureThread("SettingsStore::removeBudget"))
        return false;
    if (!beginWrite())
        return false;
    const auto before = budget(name);
    if (!before) {
        // Nothing to remove (or the read failed: its error stands).
        if (!lastError().isEmpty()) {
            rollback();
            return false;
        }
        return commit();
    }
    QSqlQuery& q = prepared(QStringLiteral("DELETE FROM budgets WHERE name = ?"));
    q.bindValue(0, name);
    if (!run(q) || !logBudgetChange(name, budgetJson(*before), QString(), user)) {
        rollback();
        return false;
    }
    notify(Change::Settings);
    return commit();
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
