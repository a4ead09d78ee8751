#pragma once

#include "cost/costsavings.h"
#include "cost/money.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace bs {

// One day of the spend dashboard. Days with no results are present, with zeros.
struct SpendDay {
    QDate day;
    Money micros = 0;           // priced spend of the day (every model)
    Money cumulativeMicros = 0; // from the first day of the range, this day included
    QList<Money> byModel;       // per SpendSeries::models, same order
    TokenClasses tokens;
    qint64 results = 0;
    qint64 unpriced = 0;
    Money batchSavedMicros = 0; // CostSavings of the day, rounded once for the day
    Money cacheSavedMicros = 0;
    // The cumulative budget allowance at the end of this day; -1 when no budget applies.
    Money budgetMicros = -1;
    // Batches that ended on this day and their processing time (nearest rank); 0 without any.
    int batchesEnded = 0;
    qint64 p50Seconds = 0;
    qint64 p95Seconds = 0;
};

// What the spend dashboard draws, computed off the GUI thread (SpendSeriesBuilder) and handed to
// the widgets as a value: no widget, no SQL here. Money in micro-dollars, tokens as integers.
struct SpendSeries {
    QDate from;
    QDate to;
    QStringList models; // models with results in the range, by spend (largest first)
    QList<SpendDay> days;
    Money totalMicros = 0;
    qint64 results = 0;
    qint64 unpriced = 0;
    TokenClasses tokens;
    Money batchSavedMicros = 0; // over the range, rounded once
    Money cacheSavedMicros = 0;
    // The all-model USD budgets (-1: none) and the budget line's rule (see SpendDay).
    Money dailyBudgetMicros = -1;
    Money monthlyBudgetMicros = -1;
    // What the drafts and batches in flight may still cost, at worst (BudgetStore::inFlight).
    Money inFlightMicros = 0;
    qint64 inFlightRequests = 0;
    bool inFlightUnpriced = false;
    // The ledger holds no result and nothing is in flight: the dashboard's empty state.
    bool ledgerEmpty = true;
    QString error; // the ledger's error, when the read failed

    static constexpr qint64 kBatchLimitSeconds = 24 * 3600;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::SpendSeries)
