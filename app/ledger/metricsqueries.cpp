#include "metricsqueries.h"

#include "ledger/ledgervalues.h"

namespace bs {

namespace {
QList<MetricsQueries::Count> collect(QSqlQuery& q) {
    QList<MetricsQueries::Count> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return list;
}
} // namespace

QList<MetricsQueries::Count> MetricsQueries::batchesByStatus() {
    if (!ensureThread("MetricsQueries::batchesByStatus"))
        return {};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT CASE WHEN gone_at IS NOT NULL THEN 'gone' ELSE processing_status END AS s, "
            "'', COUNT(*) FROM batches GROUP BY s ORDER BY s"))) {
        failQuery(q);
        return {};
    }
    return collect(q);
}

QList<MetricsQueries::Count> MetricsQueries::resultsByTypeAndError() {
    if (!ensureThread("MetricsQueries::resultsByTypeAndError"))
        return {};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT type, COALESCE(error_type, ''), COUNT(*) FROM results "
                               "GROUP BY 1, 2 ORDER BY 1, 2"))) {
        failQuery(q);
        return {};
    }
    return collect(q);
}

QList<MetricsQueries::ProcessingTime> MetricsQueries::processingTimes() {
    if (!ensureThread("MetricsQueries::processingTimes"))
        return {};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    // The model of a batch is its draft's (the reservation with the most requests): batches of
    // other tools have none.
    if (!q.exec(QStringLiteral(
            "SELECT b.created_at, b.ended_at, b.count_processing + b.count_succeeded + "
            "b.count_errored + b.count_canceled + b.count_expired, "
            "(SELECT r.model FROM draft_reservations r WHERE r.local_id = b.local_id "
            "ORDER BY r.requests DESC, r.model LIMIT 1) "
            "FROM batches b WHERE b.processing_status = 'ended' AND b.created_at IS NOT NULL "
            "AND b.ended_at IS NOT NULL AND b.cancel_initiated_at IS NULL"))) {
        failQuery(q);
        return {};
    }
    QList<ProcessingTime> list;
    while (q.next()) {
        const QDateTime created = ledgervalues::timeFrom(q.value(0));
        const QDateTime ended = ledgervalues::timeFrom(q.value(1));
        if (!created.isValid() || !ended.isValid() || ended < created)
            continue;
        list.append({q.value(3).toString(), q.value(2).toLongLong(), created.secsTo(ended)});
    }
    return list;
}

} // namespace bs
