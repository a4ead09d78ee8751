#pragma once

// The list prices of reference/pricing.md §1 (and its "Historical" paragraph), typed in by
// hand as text, so the tests check resources/pricing.json against an independent copy.

#include <QString>
#include <QtGlobal>

namespace bs::test {

struct ListPrice {
    const char* id;
    const char* input;
    const char* write5m;
    const char* write1h;
    const char* read;
    const char* output;
    bool geoEligible; // Claude 4.6 and later
};

inline constexpr ListPrice kListPrices[] = {
    {"claude-fable-5-2", "8", "10", "16", "0.20", "40", true},
    {"claude-mythos-5-2", "8", "10", "16", "0.20", "40", true},
    {"claude-fable-5-1", "10", "12.50", "20", "0.25", "50", true},
    {"claude-mythos-5-1", "10", "12.50", "20", "0.25", "50", true},
    {"claude-fable-5", "10", "12.50", "20", "1", "50", true},
    {"claude-mythos-5", "10", "12.50", "20", "1", "50", true},
    {"claude-opus-5-5", "4", "5", "8", "0.20", "20", true},
    {"claude-opus-5", "5", "6.25", "10", "0.50", "25", true},
    {"claude-opus-4-8", "5", "6.25", "10", "0.50", "25", true},
    {"claude-opus-4-7", "5", "6.25", "10", "0.50", "25", true},
    {"claude-opus-4-6", "5", "6.25", "10", "0.50", "25", true},
    {"claude-opus-4-5-20251101", "5", "6.25", "10", "0.50", "25", false},
    {"claude-opus-4-1-20250805", "15", "18.75", "30", "1.50", "75", false},
    {"claude-opus-4-20250514", "15", "18.75", "30", "1.50", "75", false},
    {"claude-sonnet-5-5", "2", "2.50", "4", "0.10", "10", true}, // current (from 2026-10-07)
    {"claude-sonnet-5", "2", "2.50", "4", "0.20", "10", true},
    {"claude-sonnet-4-6", "3", "3.75", "6", "0.30", "15", true},
    {"claude-sonnet-4-5-20250929", "3", "3.75", "6", "0.30", "15", false},
    {"claude-sonnet-4-20250514", "3", "3.75", "6", "0.30", "15", false},
    {"claude-haiku-5-5", "0.10", "0.125", "0.20", "0.01", "0.50", true}, // prompt <= 100K
    {"claude-haiku-4-5-20251001", "1", "1.25", "2", "0.10", "5", false},
    {"claude-3-5-haiku-20241022", "0.80", "1", "1.60", "0.08", "4", false},
    // Historical
    {"claude-3-haiku-20240307", "0.25", "0.30", "0.50", "0.03", "1.25", false},
    {"claude-3-7-sonnet-20250219", "3", "3.75", "6", "0.30", "15", false},
    {"claude-3-opus-20240229", "15", "18.75", "30", "1.50", "75", false},
};

// "12.5" -> 12'500'000 micro-dollars, by decimal text (no floating point).
inline qint64 microsOf(const char* usd) {
    const QString text = QLatin1String(usd);
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? text : text.left(dot);
    QString frac = dot < 0 ? QString() : text.mid(dot + 1);
    while (frac.size() < 6)
        frac += QLatin1Char('0');
    return whole.toLongLong() * 1'000'000 + frac.left(6).toLongLong();
}

} // namespace bs::test
