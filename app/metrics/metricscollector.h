#pragma once

#include "metrics/metricfamily.h"

#include <QDateTime>

namespace bs {

class Ledger;
class PriceBook;

// The figures batchscope exports, read from the ledger (through its stores) plus a watcher's
// own counters. Names follow Prometheus' rules: base units (USD, tokens), "_total" on
// counters, the model a label, never a batch id (no label explosion).
class MetricsCollector {
public:
    // False: a ledger read failed (Ledger::lastError()). `now` picks the budgets' periods;
    // `prices` tells which model a per-model budget covers (as the budget gate does).
    static bool collect(Ledger& ledger, const ProcessCounters& counters, const QDateTime& now,
                        const PriceBook& prices, QList<MetricFamily>* out);

    // Micro-dollars as exact decimal dollars: 1234567 -> "1.234567", -5 -> "-0.000005".
    static QString usd(qint64 micros);
    // a / b as a decimal with 6 places, exact (integer arithmetic); b <= 0 -> "0" (a == 0) or
    // "+Inf".
    static QString ratio(qint64 a, qint64 b);
};

} // namespace bs
