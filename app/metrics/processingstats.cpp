#include "processingstats.h"

#include <QMap>

#include <algorithm>

namespace bs {

namespace {
int bandRank(qint64 requests) {
    if (requests < 100)
        return 0;
    if (requests < 1000)
        return 1;
    if (requests < 10000)
        return 2;
    return 3;
}

QString bandName(int rank) {
    static const char* const names[] = {"1-99", "100-999", "1000-9999", "10000-100000"};
    return QLatin1String(names[qBound(0, rank, 3)]);
}
} // namespace

QString ProcessingStats::sizeBand(qint64 requests) {
    return bandName(bandRank(requests));
}

const QList<qint64>& ProcessingStats::bucketBounds() {
    // Batches take minutes to 24 hours: 1, 5, 15, 30 min, 1, 2, 4, 8, 12, 24 h.
    static const QList<qint64> bounds{60, 300, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400};
    return bounds;
}

qint64 ProcessingStats::percentile(const QList<qint64>& sorted, int percent) {
    const qsizetype n = sorted.size();
    if (n == 0)
        return 0;
    // Nearest rank: the smallest value with at least percent % of the values at or below it.
    const qsizetype rank = (qsizetype(percent) * n + 99) / 100;
    return sorted.at(qBound<qsizetype>(0, rank - 1, n - 1));
}

ProcessingStats::ProcessingStats(const QList<MetricsQueries::ProcessingTime>& samples) {
    QMap<QString, QMap<int, QList<qint64>>> byGroup; // model -> band rank -> seconds
    for (const MetricsQueries::ProcessingTime& s : samples) {
        if (s.seconds < 0)
            continue;
        const QString model = s.model.isEmpty() ? QStringLiteral("unknown") : s.model;
        byGroup[model][bandRank(s.requests)].append(s.seconds);
    }
    const QList<qint64>& bounds = bucketBounds();
    for (auto m = byGroup.begin(); m != byGroup.end(); ++m) {
        Histogram h;
        h.model = m.key();
        h.cumulative = QList<qint64>(bounds.size(), 0);
        for (auto b = m.value().begin(); b != m.value().end(); ++b) {
            QList<qint64>& secs = b.value();
            std::sort(secs.begin(), secs.end());
            Group g;
            g.model = m.key();
            g.sizeBand = bandName(b.key());
            g.count = secs.size();
            g.p50Seconds = percentile(secs, 50);
            g.p95Seconds = percentile(secs, 95);
            for (qint64 v : std::as_const(secs)) {
                g.sumSeconds += v;
                for (qsizetype i = 0; i < bounds.size(); ++i)
                    if (v <= bounds.at(i))
                        ++h.cumulative[i];
            }
            h.count += g.count;
            h.sumSeconds += g.sumSeconds;
            m_groups.append(g);
        }
        m_histograms.append(h);
    }
}

} // namespace bs
