#include "budgetsetting.h"

namespace bs {

QString BudgetSetting::periodName(Period period) {
    switch (period) {
    case Period::Total:
        return QStringLiteral("total");
    case Period::Month:
        return QStringLiteral("month");
    case Period::Day:
        return QStringLiteral("day");
    }
    return QStringLiteral("month");
}

BudgetSetting::Period BudgetSetting::periodFromName(const QString& name) {
    for (Period p : {Period::Total, Period::Month, Period::Day})
        if (periodName(p) == name)
            return p;
    return Period::Month;
}

QString BudgetSetting::kindName(Kind kind) {
    return kind == Kind::InputTokens ? QStringLiteral("input_tokens") : QStringLiteral("usd");
}

std::optional<BudgetSetting::Kind> BudgetSetting::kindFromName(const QString& name) {
    for (Kind k : {Kind::Usd, Kind::InputTokens})
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

} // namespace bs
