#include "summarystore.h"

#include "ledger/costcolumns.h"
#include "ledger/ledgervalues.h"
#include "ledger/resultrow.h"

namespace bs {

using namespace costcolumns;
using namespace ledgervalues;

namespace {

QString upsertSql(const QString& table, const QStringList& keys) {
    const QStringList columns = keys + kFigureColumns;
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QStringList sets;
    for (const QString& c : kFigureColumns)
        sets << QStringLiteral("%1 = %1 + excluded.%1").arg(c);
    return QStringLiteral("INSERT INTO %1(%2) VALUES(%3) ON CONFLICT(%4) DO UPDATE SET %5")
        .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
             keys.join(QStringLiteral(", ")), sets.join(QStringLiteral(", ")));
}

void addRow(CostTotals& t, const ResultRow& r) {
    ++t.results;
    if (r.type == QLatin1String("succeeded"))
        ++t.succeeded;
    else if (r.type == QLatin1String("errored"))
        ++t.errored;
    else if (r.type == QLatin1String("canceled"))
        ++t.canceled;
    else if (r.type == QLatin1String("expired"))
        ++t.expired;
    // As stored: cost_micros is NULL (not counted) when the row is unpriced.
    if (r.priced)
        t.micros += r.costMicros;
    else
        ++t.unpriced;
    t.inputTokens += r.usage.inputTokens;
    t.outputTokens += r.usage.outputTokens;
    t.cacheCreationInputTokens += r.usage.cacheCreationInputTokens;
    t.cacheCreation5mTokens += r.usage.ephemeral5mInputTokens;
    t.cacheCreation1hTokens += r.usage.ephemeral1hInputTokens;
    t.cacheReadInputTokens += r.usage.cacheReadInputTokens;
    t.webSearchRequests += r.usage.webSearchRequests;
    t.webFetchRequests += r.usage.webFetchRequests;
}

} // namespace

CostTotals& SummaryDelta::batch(const QString& batchId) {
    if (m_lastBatch < m_batches.size() && m_batches[m_lastBatch].batchId == batchId)
        return m_batches[m_lastBatch].totals;
    for (size_t i = 0; i < m_batches.size(); ++i) {
        if (m_batches[i].batchId == batchId) {
            m_lastBatch = i;
            return m_batches[i].totals;
        }
    }
    m_batches.push_back({batchId, {}});
    m_lastBatch = m_batches.size() - 1;
    return m_batches.back().totals;
}

CostTotals& SummaryDelta::dayModel(const QString& day, const QString& model) {
    const auto is = [&](const DayEntry& e) { return e.model == model && e.day == day; };
    if (m_lastDay < m_days.size() && is(m_days[m_lastDay]))
        return m_days[m_lastDay].totals;
    for (size_t i = 0; i < m_days.size(); ++i) {
        if (is(m_days[i])) {
            m_lastDay = i;
            return m_days[i].totals;
        }
    }
    m_days.push_back({day, model, {}});
    m_lastDay = m_days.size() - 1;
    return m_days.back().totals;
}

void SummaryDelta::addInserted(const ResultRow& row, const QString& day) {
    addRow(batch(row.batchId), row);
    // The model as stored: an empty one is NULL in results, '' here.
    addRow(dayModel(day, row.model.isNull() ? QString(QLatin1String("")) : row.model), row);
    if (row.model.isEmpty())
        return;
    const auto is = [&](const ModelEntry& e) {
        return e.model == row.model && e.batchId == row.batchId;
    };
    if (m_lastModel < m_models.size() && is(m_models[m_lastModel])) {
        ++m_models[m_lastModel].results;
        return;
    }
    for (size_t i = 0; i < m_models.size(); ++i) {
        if (is(m_models[i])) {
            m_lastModel = i;
            ++m_models[i].results;
            return;
        }
    }
    m_models.push_back({row.batchId, row.model, 1});
    m_lastModel = m_models.size() - 1;
}

void SummaryDelta::addRepriced(const QString& batchId, const QString& day, const QString& model,
                               Money oldMicros, bool oldPriced, Money newMicros, bool newPriced) {
    for (CostTotals* t :
         {&batch(batchId), &dayModel(day, model.isNull() ? QString(QLatin1String("")) : model)}) {
        t->micros += (newPriced ? newMicros : 0) - (oldPriced ? oldMicros : 0);
        t->unpriced += (newPriced ? 0 : 1) - (oldPriced ? 0 : 1);
    }
}

bool SummaryStore::apply(const SummaryDelta& delta) {
    if (delta.isEmpty())
        return true;
    const auto bindFigures = [](QSqlQuery& q, int first, CostTotals t) {
        int i = first;
        for (qint64* f : figures(t))
            q.bindValue(i++, *f);
    };
    for (const SummaryDelta::BatchEntry& e : delta.m_batches) {
        QSqlQuery& q =
            prepared(upsertSql(QStringLiteral("batch_costs"), {QStringLiteral("batch_id")}));
        q.bindValue(0, e.batchId);
        bindFigures(q, 1, e.totals);
        if (!run(q))
            return false;
    }
    for (const SummaryDelta::DayEntry& e : delta.m_days) {
        QSqlQuery& q = prepared(upsertSql(QStringLiteral("day_model_costs"),
                                          {QStringLiteral("day"), QStringLiteral("model")}));
        q.bindValue(0, e.day);
        q.bindValue(1, e.model.isNull() ? QString(QLatin1String("")) : e.model);
        bindFigures(q, 2, e.totals);
        if (!run(q))
            return false;
    }
    for (const SummaryDelta::ModelEntry& e : delta.m_models) {
        QSqlQuery& q = prepared(QStringLiteral(
            "INSERT INTO batch_models(batch_id, model, results) VALUES(?, ?, ?) "
            "ON CONFLICT(batch_id, model) DO UPDATE SET results = results + excluded.results"));
        q.bindValue(0, e.batchId);
        q.bindValue(1, e.model);
        q.bindValue(2, e.results);
        if (!run(q))
            return false;
    }
    return true;
}

QHash<QString, QStringList> SummaryStore::modelsOfBatches(const QStringList& batchIds) {
    QHash<QString, QStringList> out;
    if (!ensureThread("SummaryStore::modelsOfBatches"))
        return out;
    const auto read = [&](QSqlQuery& q) {
        if (!run(q))
            return false;
        while (q.next())
            out[q.value(0).toString()].append(q.value(1).toString());
        q.finish();
        return true;
    };
    if (batchIds.isEmpty()) {
        QSqlQuery& q = prepared(QStringLiteral("SELECT batch_id, model FROM batch_models "
                                               "ORDER BY batch_id, results DESC, model"));
        read(q);
        return out;
    }
    QSqlQuery& q = prepared(QStringLiteral("SELECT batch_id, model FROM batch_models WHERE "
                                           "batch_id = ? ORDER BY results DESC, model"));
    for (const QString& id : batchIds) {
        q.bindValue(0, id);
        if (!read(q))
            break;
    }
    return out;
}

CostTotals SummaryStore::ofBatch(const QString& batchId) {
    if (!ensureThread("SummaryStore::ofBatch"))
        return {};
    QSqlQuery& q = prepared(QStringLiteral("SELECT ") + kFigureColumns.join(QStringLiteral(", ")) +
                            QStringLiteral(" FROM batch_costs WHERE batch_id = ?"));
    q.bindValue(0, batchId);
    if (!run(q) || !q.next())
        return {};
    const CostTotals t = totalsFrom(q, 0);
    q.finish();
    return t;
}

QHash<QString, CostTotals> SummaryStore::ofBatches(const QStringList& batchIds) {
    QHash<QString, CostTotals> out;
    if (!ensureThread("SummaryStore::ofBatches"))
        return out;
    if (!batchIds.isEmpty()) {
        for (const QString& id : batchIds) {
            const CostTotals t = ofBatch(id);
            if (!lastError().isEmpty())
                return {};
            if (t.results > 0 || t.micros != 0)
                out.insert(id, t);
        }
        return out;
    }
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT batch_id, ") + kFigureColumns.join(QStringLiteral(", ")) +
                QStringLiteral(" FROM batch_costs"))) {
        failQuery(q);
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString(), totalsFrom(q, 1));
    return out;
}

CostTotals SummaryStore::total(QDate since) {
    if (!ensureThread("SummaryStore::total"))
        return {};
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT ") + sums() + QStringLiteral(" FROM day_model_costs") +
              (since.isValid() ? QStringLiteral(" WHERE day >= ?") : QString()));
    if (since.isValid())
        q.addBindValue(dayValue(since));
    if (!run(q) || !q.next())
        return {};
    return totalsFrom(q, 0);
}

QList<DayModelCost> SummaryStore::byDayAndModel(QDate since) {
    QList<DayModelCost> list;
    if (!ensureThread("SummaryStore::byDayAndModel"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT day, model, ") + kFigureColumns.join(QStringLiteral(", ")) +
              QStringLiteral(" FROM day_model_costs WHERE (? IS NULL OR day >= ?) "
                             "ORDER BY day, model"));
    q.addBindValue(dayValue(since));
    q.addBindValue(dayValue(since));
    if (!run(q))
        return list;
    while (q.next())
        list.append({QDate::fromString(q.value(0).toString(), Qt::ISODate), q.value(1).toString(),
                     totalsFrom(q, 2)});
    return list;
}

QList<CostGroup> SummaryStore::grouped(const QString& key, const QString& table, QDate since) {
    QList<CostGroup> list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 AS k, ").arg(key) + sums() +
              QStringLiteral(" FROM %1").arg(table) +
              (since.isValid() ? QStringLiteral(" WHERE day >= ?") : QString()) +
              QStringLiteral(" GROUP BY k ORDER BY k"));
    if (since.isValid())
        q.addBindValue(dayValue(since));
    if (!run(q))
        return list;
    while (q.next())
        list.append({q.value(0).toString(), totalsFrom(q, 1)});
    return list;
}

QList<CostGroup> SummaryStore::byModel(QDate since) {
    if (!ensureThread("SummaryStore::byModel"))
        return {};
    return grouped(QStringLiteral("model"), QStringLiteral("day_model_costs"), since);
}

QList<CostGroup> SummaryStore::byDay(QDate since) {
    if (!ensureThread("SummaryStore::byDay"))
        return {};
    return grouped(QStringLiteral("day"), QStringLiteral("day_model_costs"), since);
}

QList<CostGroup> SummaryStore::byBatch() {
    if (!ensureThread("SummaryStore::byBatch"))
        return {};
    return grouped(QStringLiteral("batch_id"), QStringLiteral("batch_costs"), {});
}

LedgerOverview SummaryStore::overview(QDate today) {
    LedgerOverview o;
    if (!ensureThread("SummaryStore::overview"))
        return o;
    if (!today.isValid())
        today = QDateTime::currentDateTimeUtc().date();
    QSqlQuery q(db());
    // A gone batch (the server no longer knows it) is neither running nor waiting.
    if (!q.exec(QStringLiteral(
            "SELECT COUNT(*), "
            "COALESCE(SUM(gone_at IS NULL AND processing_status IN ('in_progress', 'canceling')), "
            "0), COALESCE(SUM(gone_at IS NULL AND processing_status = 'ended' AND "
            "results_ingested_at IS NULL), 0), COALESCE(SUM(count_errored + count_expired), 0) "
            "FROM batches")) ||
        !q.next()) {
        failQuery(q);
        return {};
    }
    o.batches = q.value(0).toInt();
    o.unfinished = q.value(1).toInt();
    o.awaitingIngest = q.value(2).toInt();
    o.errored = q.value(3).toLongLong();
    const CostTotals all = total();
    const CostTotals day = total(today);
    o.spent = all.micros;
    o.unpriced = all.unpriced;
    o.spentToday = day.micros;
    return o;
}

} // namespace bs
