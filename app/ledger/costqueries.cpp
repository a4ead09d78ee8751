#include "costqueries.h"

#include "ledger/ledgervalues.h"
#include "ledger/summarystore.h"

namespace bs {

using namespace ledgervalues;

namespace {
const QString kTotalsColumns = QStringLiteral(
    "COALESCE(SUM(cost_micros), 0), COUNT(*), "
    "COALESCE(SUM(type = 'succeeded'), 0), COALESCE(SUM(type = 'errored'), 0), "
    "COALESCE(SUM(type = 'canceled'), 0), COALESCE(SUM(type = 'expired'), 0), "
    "COALESCE(SUM(priced = 0), 0), COALESCE(SUM(input_tokens), 0), "
    "COALESCE(SUM(output_tokens), 0), COALESCE(SUM(cache_creation_input_tokens), 0), "
    "COALESCE(SUM(cache_read_input_tokens), 0), COALESCE(SUM(web_search_requests), 0), "
    "COALESCE(SUM(cache_creation_5m_tokens), 0), COALESCE(SUM(cache_creation_1h_tokens), 0), "
    "COALESCE(SUM(web_fetch_requests), 0)");

CostTotals totalsFrom(const QSqlQuery& q, int first) {
    CostTotals t;
    t.micros = q.value(first + 0).toLongLong();
    t.results = q.value(first + 1).toLongLong();
    t.succeeded = q.value(first + 2).toLongLong();
    t.errored = q.value(first + 3).toLongLong();
    t.canceled = q.value(first + 4).toLongLong();
    t.expired = q.value(first + 5).toLongLong();
    t.unpriced = q.value(first + 6).toLongLong();
    t.inputTokens = q.value(first + 7).toLongLong();
    t.outputTokens = q.value(first + 8).toLongLong();
    t.cacheCreationInputTokens = q.value(first + 9).toLongLong();
    t.cacheReadInputTokens = q.value(first + 10).toLongLong();
    t.webSearchRequests = q.value(first + 11).toLongLong();
    t.cacheCreation5mTokens = q.value(first + 12).toLongLong();
    t.cacheCreation1hTokens = q.value(first + 13).toLongLong();
    t.webFetchRequests = q.value(first + 14).toLongLong();
    return t;
}
} // namespace

CostTotals CostQueries::total(QDate since, const QString& batchId) {
    if (!ensureThread("CostQueries::total"))
        return {};
    // From the summaries (a few rows) where they answer the question: everything from a day,
    // or one batch's whole totals. One batch from a day on is summed from its results.
    if (batchId.isEmpty())
        return SummaryStore(ledger()).total(since);
    if (!since.isValid())
        return SummaryStore(ledger()).ofBatch(batchId);
    // Only the conditions that apply, so that one batch's totals are read from its range of the
    // (batch_id, custom_id) index instead of a scan of every result ("? IS NULL OR ..." would
    // keep SQLite from using the index).
    QStringList where;
    QVariantList binds;
    if (since.isValid()) {
        where << QStringLiteral("day >= ?");
        binds << dayValue(since);
    }
    if (!batchId.isEmpty()) {
        where << QStringLiteral("batch_id = ?");
        binds << batchId;
    }
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT ") + kTotalsColumns + QStringLiteral(" FROM results") +
              (where.isEmpty() ? QString()
                               : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))));
    for (const QVariant& v : std::as_const(binds))
        q.addBindValue(v);
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
    QString key;
    switch (grouping) {
    case Grouping::Model:
        key = QStringLiteral("COALESCE(model, '')");
        break;
    case Grouping::Day:
        key = QStringLiteral("day");
        break;
    case Grouping::Batch:
        key = QStringLiteral("batch_id");
        break;
    }
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + key + QStringLiteral(" AS k, ") + kTotalsColumns +
              QStringLiteral(" FROM results WHERE (? IS NULL OR day >= ?) GROUP BY k "
                             "ORDER BY k"));
    q.addBindValue(dayValue(since));
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
    q.prepare(QStringLiteral("SELECT COALESCE(model, '') AS k, ") + kTotalsColumns +
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
