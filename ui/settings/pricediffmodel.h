#pragma once

#include "cost/pricediff.h"

#include <QAbstractTableModel>
#include <QList>

namespace bs::ui {

// The differences between the price table in use and a candidate file (PriceDiff::compare), one
// row per model added, removed or changed: the base prices of the five token classes before and
// after, in USD per million tokens. Read-only; RawRole gives micro-dollars per MTok (the model's
// id on the Model column).
class PriceDiffModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Model,
        Change,
        Input,
        CacheWrite5m,
        CacheWrite1h,
        CacheRead,
        Output,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit PriceDiffModel(QObject* parent = nullptr);
    void setDiffs(const QList<bs::PriceDiff>& diffs);
    const QList<bs::PriceDiff>& diffs() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "$3 → $2.50" (or "$3" when unchanged, "— → $1" when added), USD per MTok.
    static QString pricePair(qint64 before, qint64 after, bs::PriceDiff::Change change);

private:
    QList<bs::PriceDiff> m_rows;
};

} // namespace bs::ui
