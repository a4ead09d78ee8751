#pragma once

#include "cost/money.h"

#include <QString>

#include <optional>

namespace bs {

// A limit as stored in the ledger (SettingsStore). "No limit" is the absence of a budget.
//
// kind says what is limited: spend in USD (limitMicros in micro-dollars) or input tokens
// (limitMicros then holds tokens; the column kept its first name). model: one model's requests
// only (its canonical id when the price book knows it), empty for all models. period: the UTC
// day or the UTC month; "total" (all time) is still read from older ledgers.
struct BudgetSetting {
    enum class Period { Total, Month, Day };
    enum class Kind { Usd, InputTokens };

    BudgetSetting() = default;
    // {name, limit, period} (a USD budget over all models), or with a kind and a model.
    BudgetSetting(const QString& name, qint64 limit, Period period, Kind kind = Kind::Usd,
                  const QString& model = QString())
        : name(name)
        , limitMicros(limit)
        , period(period)
        , kind(kind)
        , model(model) {}

    QString name;
    qint64 limitMicros = 0; // micro-dollars, or tokens for Kind::InputTokens
    Period period = Period::Month;
    Kind kind = Kind::Usd;
    QString model; // empty: all models

    qint64 limit() const { return limitMicros; }

    static QString periodName(Period period);
    static Period periodFromName(const QString& name);
    static QString kindName(Kind kind); // "usd", "input_tokens" (ledger and --json names)
    static std::optional<Kind> kindFromName(const QString& name);
};

} // namespace bs
