#pragma once

#include "cost/money.h"

#include <QString>

namespace bs {

// A spending limit as stored in the ledger (SettingsStore). "No limit" is the absence of a
// budget.
struct BudgetSetting {
    enum class Period { Total, Month, Day };

    QString name;
    Money limitMicros = 0;
    Period period = Period::Month;

    static QString periodName(Period period);
    static Period periodFromName(const QString& name);
};

} // namespace bs
