#pragma once

#include "ledger/costtotals.h"
#include "ledger/ledgerstore.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QStringList>

#include <vector>

namespace bs {

struct ResultRow;

// What the results add up to, changed by a write of results: per batch, and per spend day and
// model. Filled by ResultStore while it inserts or re-prices rows, then written by
// SummaryStore::apply() in the same transaction (internal to app/ledger).
class SummaryDelta {
public:
    // A row newly inserted; `day` is the spend day it was stored with ("YYYY-MM-DD").
    void addInserted(const ResultRow& row, const QString& day);
    // A row whose cost changed (re-priced): old and new cost and priced flag.
    void addRepriced(const QString& batchId, const QString& day, const QString& model,
                     Money oldMicros, bool oldPriced, Money newMicros, bool newPriced);
    bool isEmpty() const { return m_batches.empty() && m_days.empty() && m_models.empty(); }

private:
    friend class SummaryStore;
    struct BatchEntry {
        QString batchId;
        CostTotals totals;
    };
    struct DayEntry {
        QString day;
        QString model;
        CostTotals totals;
    };
    CostTotals& batch(const QString& batchId);
    CostTotals& dayModel(const QString& day, const QString& model);

    // Few distinct keys per write (one batch, a handful of models and days): a short list and
    // the last hit are faster than a hash.
    struct ModelEntry {
        QString batchId;
        QString model;
        qint64 results = 0;
    };
    std::vector<BatchEntry> m_batches;
    std::vector<DayEntry> m_days;
    std::vector<ModelEntry> m_models; // batch_models: results with a model, per batch and model
    size_t m_lastModel = 0;
    size_t m_lastBatch = 0;
    size_t m_lastDay = 0;
};

// The summaries of the results (ledger schema version 5): batch_costs, one row per batch with
// results, and day_model_costs, one row per spend day and model. They hold the same figures as a
// sum over the results they cover (CostTotals) and are kept in the same transaction as the rows
// by ResultStore::insert / updateCost, so a view reads a few rows instead of scanning every
// result. Errors: Ledger::lastError() (the figures are then empty / zero).
class SummaryStore : public LedgerStore {
public:
    explicit SummaryStore(Ledger& ledger)
        : LedgerStore(ledger) {}

    // One batch's totals (zero when it has no results).
    CostTotals ofBatch(const QString& batchId);
    // The totals of these batches (all batches with results when `batchIds` is empty), by id.
    // Batches without results are absent.
    QHash<QString, CostTotals> ofBatches(const QStringList& batchIds = {});
    // Every result from `since` (a spend day; null: all).
    CostTotals total(QDate since = {});
    // Per spend day and model, ordered by day then model, from `since`.
    QList<DayModelCost> byDayAndModel(QDate since = {});
    // Grouped by model id ('' for results without a model) or by day ("YYYY-MM-DD"), from
    // `since`; and by batch id (all days). Ordered by that key.
    QList<CostGroup> byModel(QDate since = {});
    QList<CostGroup> byDay(QDate since = {});
    QList<CostGroup> byBatch();
    // The models the results of these batches used (all batches when empty), most results
    // first, by batch id (schema 8: batch_models). Batches without a model are absent.
    QHash<QString, QStringList> modelsOfBatches(const QStringList& batchIds = {});
    // Counts over the batches and spend from the summaries (today: null = now, UTC).
    LedgerOverview overview(QDate today = {});

private:
    friend class ResultStore;
    // Adds the delta to both tables; call inside the write transaction of the rows.
    bool apply(const SummaryDelta& delta);
    QList<CostGroup> grouped(const QString& key, const QString& table, QDate since);
};

} // namespace bs
