#pragma once

#include "ledger/batchrecord.h"
#include "ledger/costtotals.h"
#include "ledger/draftinfo.h"
#include "ledger/ledgernotifier.h"
#include "monitor/etaestimator.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

// Every batch in the ledger with its request counts and what its ingested results cost (from the
// per-batch summary, SummaryStore), newest first at the first load. The model runs no SQL: it asks
// a LedgerWorker (its own thread and connection) and applies the answers when they arrive. The
// first answer inserts every row (beginInsertRows); afterwards, when a change to batches or
// results of that ledger file is announced (LedgerNotifier, whichever thread wrote it), only the
// batches named are read again (coalesced while a read is in flight) and applied as row-level
// changes: dataChanged on the rows whose values changed, beginInsertRows for new batches (at the
// top). A change that names no batch reads every row again and applies the difference the same
// way. Never a reset per change. Write-ahead drafts not created yet (a submission under way, or
// one whose create may have reached the server) are rows too, read again when the drafts change;
// a created batch takes over its draft's row.
//
// summary() (the status bar's totals) comes with each answer, from the same worker.
// SortRole gives the raw value of a cell (numbers, dates, micro-dollars) for a
// QSortFilterProxyModel.
class BatchTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Id,
        Source,
        Status,
        Processing,
        Succeeded,
        Errored,
        Canceled,
        Expired,
        Cost,
        Created,
        Ended,
        // Added after the first release: appended, so remembered header layouts stay valid.
        Requests, // all request counts together
        Age,      // since created
        Lineage,  // the batch this one retries items of
        Progress, // ProgressDelegate: elapsed against the 24 h expiry, or the outcome once ended
        Models,   // the models its draft reserved for, most requests first (submitted here),
                  // else those its results used, most results first (batch_models)
        Eta,      // while in progress: EtaEstimator over this ledger's ended batches
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int BatchIdRole = Qt::UserRole + 1;
    // Progress column: a ProgressInfo (QVariant) for ProgressDelegate.
    static constexpr int ProgressRole = Qt::UserRole + 2;

    struct ProgressInfo {
        bool ended = false;
        qint64 elapsedSeconds = 0; // since created (to ended_at once ended)
        qint64 expirySeconds = 24 * 3600;
        qint64 succeeded = 0;
        qint64 errored = 0;
        qint64 canceled = 0;
        qint64 expired = 0;
        qint64 total() const { return succeeded + errored + canceled + expired; }
    };
    static ProgressInfo progressOf(const BatchRecord& record);

    using Summary = LedgerOverview;

    // A batch, or a write-ahead draft not created yet (draft: true; its requests are stored, the
    // create is not sent or not answered; record.batch.id is empty and record.local.localId
    // names it). When its batch is created, the same row becomes the batch's row.
    struct Row {
        BatchRecord record;
        CostTotals cost;
        // While in flight (no results yet): the worst case its write-ahead draft reserved at the
        // budget gate (BudgetStore::ofDraft); 0 when none was reserved (older or foreign batches).
        Money estimateMicros = 0;
        bool estimateUnpriced = false; // a model of the draft has no price
        bool draft = false;
        DraftInfo::State draftState = DraftInfo::State::Stored;
        QStringList models; // its draft's reservations, else its results' models (made elsewhere)
        EtaEstimator::Estimate eta; // while in progress, from history (invalid: none)
    };

    explicit BatchTableModel(QObject* parent = nullptr);

    // Reads through this worker (not owned; null: empty) now and after each change of its file.
    void setWorker(LedgerWorker* worker);
    Summary summary() const { return m_summary; }
    // The row's record and cost (for a filter proxy); null when out of range.
    const Row* rowAt(int row) const {
        return row >= 0 && row < int(m_rows.size()) ? &m_rows.at(row) : nullptr;
    }
    // At least one answer of the worker has been applied.
    bool isLoaded() const { return m_loaded; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString statusText(const BatchRecord& record);
    // "45 s", "12 min", "3 h 05 min", "2 d 4 h".
    static QString durationText(qint64 seconds);
    // The ETA column: time left at the median (and at the 95th percentile), "any time now"
    // between the two, "overdue" past the 95th; "—" without history; empty once ended.
    static QString etaText(const Row& row);

public Q_SLOTS:
    // Reads every row again (applied as row-level changes).
    void refresh();

Q_SIGNALS:
    // After each answer is applied (the summary may have changed).
    void refreshed();

private:
    struct Answer {
        QList<Row> rows;
        Summary summary;
        bool complete = false;   // every batch of the ledger (absent ones were removed)
        bool draftsRead = false; // rows holds every unattached draft (absent ones were removed)
    };
    static QString keyOf(const Row& row);
    void onLedgerChanged(bs::LedgerNotifier::Change what, const QStringList& batchIds,
                         const QString& path);
    void fetch();
    void apply(const Answer& answer);
    void reindex();
    QVariant display(const Row& row, int column) const;
    QVariant sortValue(const Row& row, int column) const;

    QPointer<LedgerWorker> m_worker;
    QList<Row> m_rows;
    QHash<QString, int> m_index; // batch id -> row
    QSet<QString> m_dirty;       // batches to read again
    bool m_needAll = false;      // read every row again
    bool m_needDrafts = false;   // read the unattached drafts again
    bool m_inFlight = false;     // a read is queued on the worker
    bool m_loaded = false;
    int m_generation = 0; // answers of a previous worker are dropped
    // The history behind the ETA column: set by complete reads, used by partial ones. Only the
    // worker's jobs touch it (one after the other, on its background lane).
    std::shared_ptr<EtaEstimator> m_eta = std::make_shared<EtaEstimator>();
    Summary m_summary;
    QTimer m_coalesce; // many commits during an ingestion: one read per interval
};

} // namespace bs::ui

Q_DECLARE_METATYPE(bs::ui::BatchTableModel::ProgressInfo)
