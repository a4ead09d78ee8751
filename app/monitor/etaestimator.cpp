#include "etaestimator.h"

#include <algorithm>

namespace bs {

void EtaEstimator::setHistory(const QList<Sample>& samples) {
    m_byModel.clear();
    m_size = 0;
    for (const Sample& s : samples) {
        if (s.model.isEmpty() || s.requests <= 0 || s.seconds < 0)
            continue;
        m_byModel[s.model].append(s);
        ++m_size;
    }
    for (QList<Sample>& list : m_byModel)
        std::sort(list.begin(), list.end(),
                  [](const Sample& a, const Sample& b) { return a.requests < b.requests; });
}

EtaEstimator::Estimate EtaEstimator::estimate(const QString& model, qint64 requests) const {
    Estimate e;
    const auto it = m_byModel.constFind(model);
    if (it == m_byModel.cend() || requests <= 0)
        return e;
    // Similar: from half to twice the requests (a batch's time grows with its size, slowly).
    const qint64 low = (requests + 1) / 2;
    const qint64 high = requests * 2;
    const auto first = std::lower_bound(it->cbegin(), it->cend(), low,
                                        [](const Sample& s, qint64 n) { return s.requests < n; });
    const auto last = std::upper_bound(first, it->cend(), high,
                                       [](qint64 n, const Sample& s) { return n < s.requests; });
    QList<qint64> seconds;
    for (auto s = first; s != last; ++s)
        seconds.append(s->seconds);
    if (seconds.isEmpty())
        return e;
    std::sort(seconds.begin(), seconds.end());
    const qsizetype n = seconds.size();
    // Nearest-rank percentiles: the median of an even count is the lower middle (a figure that
    // happened, not an average of two).
    e.medianSeconds = seconds.at((n - 1) / 2);
    e.p95Seconds = seconds.at(qMin<qsizetype>(n - 1, (95 * n + 99) / 100 - 1));
    e.samples = int(n);
    return e;
}

} // namespace bs
