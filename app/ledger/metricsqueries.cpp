#include "metricsqueries.h"

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

} // namespace bs
