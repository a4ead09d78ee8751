// EtaEstimator: the median and nearest-rank 95th percentile of similar ended batches (same model,
// half to twice the requests); nothing without history.
#include "monitor/etaestimator.h"

#include <QTest>

using bs::EtaEstimator;

class TestEtaEstimator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noHistoryNoEstimate() {
        EtaEstimator eta;
        QVERIFY(!eta.estimate(QStringLiteral("claude-haiku-4-5"), 100).isValid());
        eta.setHistory({{QStringLiteral("claude-haiku-4-5"), 100, 600}});
        QVERIFY(!eta.estimate(QStringLiteral("claude-sonnet-4-5"), 100).isValid());
        QVERIFY(!eta.estimate(QString(), 100).isValid());
        QVERIFY(!eta.estimate(QStringLiteral("claude-haiku-4-5"), 0).isValid());
    }

    void medianAndP95OfSimilarBatches() {
        const QString m = QStringLiteral("claude-haiku-4-5");
        QList<EtaEstimator::Sample> history;
        // 20 similar batches (50..200 requests around 100): 60 s .. 1200 s.
        for (int i = 1; i <= 20; ++i)
            history.append({m, 50 + 7 * i, 60 * i});
        // Too small and too large to be similar to 100: never counted.
        history.append({m, 49, 999'999});
        history.append({m, 201, 999'999});
        // Another model.
        history.append({QStringLiteral("claude-opus-4-1"), 100, 1});
        EtaEstimator eta;
        eta.setHistory(history);
        QCOMPARE(eta.historySize(), 23);
        const EtaEstimator::Estimate e = eta.estimate(m, 100);
        QCOMPARE(e.samples, 20);
        QCOMPARE(e.medianSeconds, qint64(600)); // the lower middle of 20: the 10th
        QCOMPARE(e.p95Seconds, qint64(1140));   // nearest rank ceil(0.95 * 20) = 19th
    }

    void similarMeansHalfToTwice() {
        const QString m = QStringLiteral("claude-haiku-4-5");
        EtaEstimator eta;
        eta.setHistory({{m, 50, 10}, {m, 200, 20}, {m, 201, 30}, {m, 49, 40}});
        const EtaEstimator::Estimate e = eta.estimate(m, 100);
        QCOMPARE(e.samples, 2);
        QCOMPARE(e.medianSeconds, qint64(10));
        QCOMPARE(e.p95Seconds, qint64(20));
        // An odd request count: half of 101 rounds up to 51 (50 is out), twice is 202 (201 is in).
        const EtaEstimator::Estimate odd = eta.estimate(m, 101);
        QCOMPARE(odd.samples, 2);
        QCOMPARE(odd.medianSeconds, qint64(20));
    }
};

QTEST_GUILESS_MAIN(TestEtaEstimator)
#include "tst_etaestimator.moc"
