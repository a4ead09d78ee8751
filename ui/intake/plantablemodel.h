#pragma once

#include "intake/batchsplitter.h"

#include <QAbstractTableModel>
#include <QList>

namespace bs::ui {

// The split plan of a checked file: one row per batch it will be sent as (requests, size of its
// create body). Read-only; SortRole gives raw numbers.
class PlanTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Part, Requests, Size, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit PlanTableModel(QObject* parent = nullptr);
    void setParts(const QList<bs::BatchSplitter::Part>& parts);
    const QList<bs::BatchSplitter::Part>& parts() const { return m_parts; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<bs::BatchSplitter::Part> m_parts;
};

} // namespace bs::ui
