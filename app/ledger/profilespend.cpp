#include "profilespend.h"

#include "ledger/costcolumns.h"
#include "ledger/ledgervalues.h"

namespace bs {

using namespace costcolumns;
using namespace ledgervalues;

namespace {

// A batch's day and model, over batch_costs c joined with batches b.
QString dayAndModel() {
    return QStringLiteral(
        "substr(COALESCE(b.ended_at, b.created_at), 1, 10) AS d, "
        "COALESCE((SELECT CASE WHEN COUNT(DISTINCT r.model) = 1 THEN MIN(r.model) END "
        "FROM drafts dr JOIN draft_reservations r ON r.local_id = dr.local_id "
        "WHERE dr.batch_id = b.id), '*') AS m");
}

QString prefixed(const QString& sums) {
    // sums() names bare columns: read them from batch_costs.
    QString out = sums;
    for (const QString& c : kFigureColumns)
        out.replace(QStringLiteral("SUM(%1)").arg(c), QStringLiteral("SUM(c.%1)").arg(c));
    return out;
}

} // namespace

QList<DayModelCost> ProfileSpend::byDayAndModel(const QString& profile, QDate from, QDate to) {
    QList<DayModelCost> list;
    if (!ensureThread("ProfileSpend::byDayAndModel"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + dayAndModel() + QStringLiteral(", ") + prefixed(sums()) +
              QStringLiteral(" FROM batch_costs c JOIN batches b ON b.id = c.batch_id "
                             "WHERE b.profile = ? AND d >= ? AND d <= ? "
                             "GROUP BY d, m ORDER BY d, m"));
    q.addBindValue(profile);
    q.addBindValue(dayValue(from));
    q.addBindValue(dayValue(to));
    if (!run(q))
        return list;
    while (q.next())
        list.append({QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toString(),
                     totalsFrom(q, 2)});
    return list;
}

QList<BudgetStore::Actual> ProfileSpend::actualSince(const QString& profile, QDate since) {
    QList<BudgetStore::Actual> list;
    if (!ensureThread("ProfileSpend::actualSince"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + dayAndModel() +
              QStringLiteral(", COALESCE(SUM(c.cost_micros), 0), COALESCE(SUM(c.input_tokens + "
                             "c.cache_creation_input_tokens + c.cache_read_input_tokens), 0) "
                             "FROM batch_costs c JOIN batches b ON b.id = c.batch_id "
                             "WHERE b.profile = ? AND d >= ? GROUP BY m ORDER BY m"));
    q.addBindValue(profile);
    q.addBindValue(since.isValid() ? since.toString(Qt::ISODate) : QStringLiteral("0000-00-00"));
    if (!run(q))
        return list;
    while (q.next())
        list.append({q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return list;
}

QList<BudgetStore::Reservation> ProfileSpend::inFlight(const QString& profile) {
    QList<BudgetStore::Reservation> list;
    if (!ensureThread("ProfileSpend::inFlight"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    // BudgetStore::inFlight's rule, for the drafts of one profile.
    q.prepare(QStringLiteral(
        "SELECT r.model, SUM(r.requests), SUM(r.input_tokens), SUM(r.max_output_tokens), "
        "SUM(r.worst_case_micros), MAX(r.unpriced) FROM draft_reservations r "
        "JOIN drafts d ON d.local_id = r.local_id "
        "LEFT JOIN batches b ON b.id = d.batch_id "
        "WHERE d.profile = ? AND (d.state IN ('stored', 'creating') OR (d.state = 'created' AND "
        "(b.id IS NULL OR (b.results_ingested_at IS NULL AND b.gone_at IS NULL AND "
        "b.archived_at IS NULL)))) "
        "GROUP BY r.model ORDER BY r.model"));
    q.addBindValue(profile);
    if (!run(q))
        return list;
    while (q.next()) {
        BudgetStore::Reservation r;
        r.model = q.value(0).toString();
        r.requests = q.value(1).toLongLong();
        r.inputTokens = q.value(2).toLongLong();
        r.maxOutputTokens = q.value(3).toLongLong();
        r.worstCaseMicros = q.value(4).toLongLong();
        r.unpriced = q.value(5).toLongLong() != 0;
        list.append(r);
    }
    return list;
}

} // namespace bs
