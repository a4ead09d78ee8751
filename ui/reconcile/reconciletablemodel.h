#pragma once

#include "reconcile/reconcilerow.h"

#include <QAbstractTableModel>

namespace bs::ui {

// The rows of a reconciliation (day, model, ledger, Anthropic, difference, status) for a table
// view. Flagged rows say so in their status column and are painted in a warning colour. Sorting
// uses RawRole (dates, integers micro-dollars), never the formatted text.
class ReconcileTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Day, Model, Ledger, Anthropic, Difference, Status, ColumnCount };
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit ReconcileTableModel(QObject* parent = nullptr);

    void setRows(const ReconcileRows& rows);
    const ReconcileRows& rows() const { return m_rows; }
    int flaggedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ReconcileRows m_rows;
};

} // namespace bs::ui
