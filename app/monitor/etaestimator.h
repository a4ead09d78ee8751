#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace bs {

// How long a batch in progress should take, from this ledger's history: the median and the
// 95th percentile of the processing time (created to ended) of ended batches of the same model
// with a similar number of requests (half to twice as many). The API's request_counts say
// nothing until a batch ends, so history is the only honest guide; without any, there is no
// estimate (never a made-up figure). Pure computation: the caller reads the samples.
class EtaEstimator {
public:
    struct Sample {
        QString model;
        qint64 requests = 0;
        qint64 seconds = 0; // processing time
    };
    struct Estimate {
        qint64 medianSeconds = 0;
        qint64 p95Seconds = 0;
        int samples = 0; // 0: no history, no estimate
        bool isValid() const { return samples > 0; }
    };

    void setHistory(const QList<Sample>& samples);
    // A batch of `model` with `requests` requests (empty model or no similar batch: invalid).
    Estimate estimate(const QString& model, qint64 requests) const;
    int historySize() const { return m_size; }

private:
    // Per model, sorted by requests.
    QHash<QString, QList<Sample>> m_byModel;
    int m_size = 0;
};

} // namespace bs
