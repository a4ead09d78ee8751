#include "costqueries.h"

#include "ledger/costcolumns.h"
#include "ledger/ledgervalues.h"
#include "ledger/summarystore.h"

namespace bs {

using namespace costcolumns;
using namespace ledgervalues;

CostTotals CostQueries::total(QDate since, const QString& batchId) {
    if (!ensureThread("CostQueries::total"))
        return {};
    // From the summaries (a few rows) where they answer the question: everything from a day,
    // or one batch's whole totals. One batch from a day on is summed from its results.
    if (batchId.isEmpty())
        return SummaryStore(ledger()).total(since);
    if (!since.isValid())
        return SummaryStore(ledger()).ofBatch(batchId);
    // One batch from a day on: read from its range of the (batch_id, custom_id) index, not a
    // scan of every result.
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT ") + resultSums() +
              QStringLiteral(" FROM results WHERE batch_id = ? AND day >= ?"));
    q.addBindValue(batchId);
    q.addBindValue(dayValue(since));
    if (!run(q) || !q.next())
        return {};
    return totalsFrom(q, 0);
}

QList<CostGroup> CostQueries::groupedBy(Grouping grouping, QDate since) {
    QList<CostGroup> list;
    if (!ensureThread("CostQueries::groupedBy"))
        return list;
    switch (grouping) {
    case Grouping::Model:
        return SummaryStore(ledger()).byModel(since);
    case Grouping::Day:
        return SummaryStore(ledger()).byDay(since);
    case Grouping::Batch:
        if (!since.isValid())
            return SummaryStore(ledger()).byBatch();
        break; // batches from a day on: from the results
    }
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT batch_id AS k, ") + resultSums() +
              QStringLiteral(" FROM results WHERE day >= ? GROUP BY k ORDER BY k"));
    q.addBindValue(dayValue(since));
    if (!run(q))
        return list;
    while (q.next())
        list.append({q.value(0).toString(), totalsFrom(q, 1)});
    return list;
}

QList<CostGroup> CostQueries::byModelOfBatch(const QString& batchId) {
    QList<CostGroup> list;
    if (!ensureThread("CostQueries::byModelOfBatch"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT COALESCE(model, '') AS k, ") + resultSums() +
              QStringLiteral(" FROM results WHERE batch_id = ? GROUP BY k ORDER BY k"));
    q.addBindValue(batchId);
    if (!run(q))
        return list;
    while (q.next())
        list.append({q.value(0).toString(), totalsFrom(q, 1)});
    return list;
}

Money CostQueries::spentInPeriod(BudgetSetting::Period period, QDate today) {
    if (!today.isValid())
        today = QDateTime::currentDateTimeUtc().date();
    QDate since;
    switch (period) {
    case BudgetSetting::Period::Total:
        break;
    case BudgetSetting::Period::Month:
        since = QDate(today.year(), today.month(), 1);
        break;
    case BudgetSetting::Period::Day:
        since = today;
        break;
    }
    return total(since).micros;
}

} // namespace bs
