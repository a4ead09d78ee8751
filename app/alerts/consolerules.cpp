#include "consolerules.h"

#include "cost/money.h"

namespace bs {

QList<AlertCondition> ConsoleRules::evaluate(const QList<BatchRecord>& ended,
                                             const QHash<QString, CostTotals>& costByBatch,
                                             const QDateTime& now, const QDateTime& since,
                                             const AlertConfig& config) {
    QList<AlertCondition> out;
    const QDateTime lookback = now.toUTC().addDays(-config.erroredLookbackDays);
    for (const BatchRecord& r : ended) {
        // The cost is known once the results are in: the notification waits for them.
        if (r.isGone() || !r.resultsIngestedAt.isValid() || !r.batch.endedAt.isValid() ||
            r.batch.endedAt < lookback)
            continue;
        const bool quiet = since.isValid() && r.resultsIngestedAt < since;
        const RequestCounts& n = r.batch.requestCounts;
        const CostTotals cost = costByBatch.value(r.batch.id);
        AlertCondition ended;
        ended.key = {batchEndedRule(), r.batch.id, QString()};
        ended.alert.kind = batchEndedRule();
        ended.alert.severity = QStringLiteral("info");
        ended.alert.batchId = r.batch.id;
        ended.alert.message =
            tr("Batch %1 ended: %2 succeeded, %3 errored, %4 canceled, %5 expired; cost %6.")
                .arg(r.batch.id)
                .arg(n.succeeded)
                .arg(n.errored)
                .arg(n.canceled)
                .arg(n.expired)
                .arg(formatMoney(cost.micros, 2));
        if (cost.unpriced > 0)
            ended.alert.message +=
                QLatin1Char(' ') + tr("%n result(s) have no price.", nullptr, int(cost.unpriced));
        ended.quiet = quiet;
        out.append(ended);

        const qint64 failed = n.errored + n.expired;
        if (failed <= 0)
            continue;
        AlertCondition errored;
        errored.key = {erroredItemsRule(), r.batch.id, QString()};
        errored.alert.kind = erroredItemsRule();
        errored.alert.severity = QStringLiteral("warning");
        errored.alert.batchId = r.batch.id;
        errored.alert.message = tr("Batch %1 has %2 failed item(s) (%3 errored, %4 expired). They "
                                   "are in the retry queue: Batch → Retry Errored… re-sends them.")
                                    .arg(r.batch.id)
                                    .arg(failed)
                                    .arg(n.errored)
                                    .arg(n.expired);
        errored.quiet = quiet;
        out.append(errored);
    }
    return out;
}

} // namespace bs
