#pragma once

#include "ledger/metricsqueries.h"

#include <QList>
#include <QString>

namespace bs {

// Processing time of ended batches (MetricsQueries::processingTimes) summed up per model and
// size band: count, P50 and P95 (nearest rank, as EtaEstimator: a figure that happened), and a
// histogram per model with fixed buckets in seconds. Pure: no ledger, no clock.
class ProcessingStats {
public:
    struct Group {
        QString model;    // "unknown" for batches without a draft (other tools' batches)
        QString sizeBand; // sizeBand(requests)
        qint64 count = 0;
        qint64 p50Seconds = 0;
        qint64 p95Seconds = 0;
        qint64 sumSeconds = 0;
    };
    struct Histogram {
        QString model;
        QList<qint64> cumulative; // per bucket of bucketBounds(): batches taking <= bound
        qint64 count = 0;
        qint64 sumSeconds = 0;
    };

    explicit ProcessingStats(const QList<MetricsQueries::ProcessingTime>& samples);

    // Sorted by model, then by band (smallest first).
    const QList<Group>& groups() const { return m_groups; }
    const QList<Histogram>& histograms() const { return m_histograms; }

    // "1-99", "100-999", "1000-9999", "10000-100000": a bounded label set.
    static QString sizeBand(qint64 requests);
    // Upper bounds (seconds) of the histogram's buckets, +Inf excluded: 1 min .. 24 h.
    static const QList<qint64>& bucketBounds();
    // Nearest-rank percentile of sorted values (empty: 0).
    static qint64 percentile(const QList<qint64>& sorted, int percent);

private:
    QList<Group> m_groups;
    QList<Histogram> m_histograms;
};

} // namespace bs
