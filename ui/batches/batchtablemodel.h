#pragma once

#include "ledger/batchrecord.h"
#include "ledger/costtotals.h"
#include "ledger/ledgernotifier.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace bs {
class Ledger;
}

namespace bs::ui {

// Every batch in the ledger, newest first, with its request counts and what its ingested results
// cost. Reads the ledger (BatchStore::all; costs by batch once, then only the batches whose
// results changed, each from its own index range) and reads it again, coalesced, whenever a
// change to batches or results of that ledger file is announced (LedgerNotifier), whichever
// thread wrote it. Rows keep their place when only their values changed (one dataChanged for
// the table); a new or removed batch resets the model.
//
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
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int BatchIdRole = Qt::UserRole + 1;

    struct Summary {
        int batches = 0;
        int unfinished = 0;     // in progress or canceling (not gone)
        int awaitingIngest = 0; // ended, results not ingested yet (not gone)
        qint64 errored = 0;     // errored + expired requests over all batches
        Money spent = 0;        // priced cost of the ingested results
        qint64 unpriced = 0;    // results whose model has no price
    };

    explicit BatchTableModel(QObject* parent = nullptr);

    // Reads this ledger (used on the calling thread) now and after each change of its file.
    void setLedger(Ledger* ledger);
    Summary summary() const { return m_summary; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString statusText(const BatchRecord& record);

public Q_SLOTS:
    // Reads the ledger again now.
    void refresh();

Q_SIGNALS:
    // After each refresh (the summary may have changed).
    void refreshed();

private:
    struct Row {
        BatchRecord record;
        CostTotals cost;
    };
    void onLedgerChanged(bs::LedgerNotifier::Change what, const QStringList& batchIds,
                         const QString& path);
    QVariant display(const Row& row, int column) const;
    QVariant sortValue(const Row& row, int column) const;

    QPointer<Ledger> m_ledger;
    QList<Row> m_rows;
    QHash<QString, CostTotals> m_costs; // by batch id
    QSet<QString> m_staleCosts;         // batches whose results changed since they were read
    bool m_allCostsStale = true;
    Summary m_summary;
    QTimer m_coalesce; // many commits during an ingestion: one read per interval
};

} // namespace bs::ui
