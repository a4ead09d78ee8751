#pragma once

#include "metrics/metricfamily.h"

#include <QByteArray>
#include <QList>

namespace bs {

// The two wire formats of the same figures.
class MetricsFormat {
public:
    // Prometheus text exposition format 0.0.4: # HELP, # TYPE, then one line per sample, label
    // values escaped (backslash, double quote, newline).
    static QByteArray prometheus(const QList<MetricFamily>& families);
    // DogStatsD datagrams, one metric per line: "batchscope.spend_usd_total:1.5|g|#model:x".
    // Every figure goes as a gauge of its current value: the ledger's totals are cumulative, and
    // a "|c" increment would double-count them on each push. Lines are grouped into datagrams of
    // at most maxBytes (a UDP packet that is not fragmented).
    static QList<QByteArray> dogStatsd(const QList<MetricFamily>& families, int maxBytes = 1400);
    // Prometheus name -> DogStatsD name: "batchscope_x_total" -> "batchscope.x_total".
    static QByteArray statsdName(const QString& name);
};

} // namespace bs
