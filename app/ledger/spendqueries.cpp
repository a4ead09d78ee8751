#include "spendqueries.h"

#include "ledger/costcolumns.h"
#include "ledger/ledgervalues.h"

namespace bs {

using namespace costcolumns;
using namespace ledgervalues;

namespace {

QList<DayModelCost> readDayModel(QSqlQuery& q) {
    QList<DayModelCost> list;
    while (q.next())
        list.append({QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toString(),
                     totalsFrom(q, 2)});
    return list;
}

} // namespace

QList<DayModelCost> SpendQueries::byDayAndModel(QDate from, QDate to) {
    if (!ensureThread("SpendQueries::byDayAndModel"))
        return {};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    // The primary key (day, model) answers the range.
    q.prepare(QStringLiteral("SELECT day, model, ") + kFigureColumns.join(QStringLiteral(", ")) +
              QStringLiteral(" FROM day_model_costs WHERE day >= ? AND day <= ? "
                             "ORDER BY day, model"));
    q.addBindValue(dayValue(from));
    q.addBindValue(dayValue(to));
    if (!run(q))
        return {};
    return readDayModel(q);
}

QList<DayModelCost> SpendQueries::byDayAndModelFromResults(QDate from, QDate to) {
    if (!ensureThread("SpendQueries::byDayAndModelFromResults"))
        return {};
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT day, COALESCE(model, '') AS m, ") + resultSums() +
              QStringLiteral(" FROM results WHERE day >= ? AND day <= ? GROUP BY day, m "
                             "ORDER BY day, m"));
    q.addBindValue(dayValue(from));
    q.addBindValue(dayValue(to));
    if (!run(q))
        return {};
    return readDayModel(q);
}

QList<SpendQueries::Processing> SpendQueries::processingTimes(QDate from, QDate to,
                                                              const QString& profile) {
    QList<Processing> list;
    if (!ensureThread("SpendQueries::processingTimes"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    // Times are ISO text ("...Z"): the day is its first ten characters, the duration SQLite's
    // own date arithmetic (no QDateTime per row).
    q.prepare(QStringLiteral(
        "SELECT substr(ended_at, 1, 10) AS d, "
        "CAST(round((julianday(ended_at) - julianday(created_at)) * 86400.0) AS INTEGER) "
        "FROM batches WHERE ended_at IS NOT NULL AND created_at IS NOT NULL AND gone_at IS NULL "
        "AND ended_at >= ? AND ended_at < ? AND (? = '' OR profile = ?) ORDER BY d"));
    q.addBindValue(dayValue(from));
    q.addBindValue(dayValue(to.addDays(1)));
    q.addBindValue(profile.isNull() ? QString(QLatin1String("")) : profile);
    q.addBindValue(profile.isNull() ? QString(QLatin1String("")) : profile);
    if (!run(q))
        return list;
    while (q.next())
        list.append({QDate::fromString(q.value(0).toString(), Qt::ISODate),
                     qMax<qint64>(0, q.value(1).toLongLong())});
    return list;
}

} // namespace bs
