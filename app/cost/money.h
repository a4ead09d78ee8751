#pragma once

#include <QString>
#include <QtGlobal>

namespace bs {

// Money is an integer number of micro-dollars (1 USD = 1,000,000). Never a floating point value.
using Money = qint64;

inline constexpr Money kMicrosPerDollar = 1'000'000;

// "$12.345678" (six decimals, exact) or "-$0.000001"; with digits < 6 the value is rounded half
// up (away from zero) for display only, e.g. formatMoney(1'234'567, 2) == "$1.23".
QString formatMoney(Money micros, int digits = 6);

// Parses a non-negative US dollar amount exactly: "12", "12.5", "$0.000001", "1,000.25" (at
// most six decimals; no sign, no exponent). False when it is not such an amount or too large.
bool parseMoney(const QString& text, Money* micros);

} // namespace bs
