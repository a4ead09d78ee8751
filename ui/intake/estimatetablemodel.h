#pragma once

#include "intake/jsonlscanner.h"

#include <QAbstractTableModel>
#include <QList>

namespace bs::ui {

// What a checked file will cost, one row per model: requests, estimated input tokens, the
// worst-case output (the sum of max_tokens), the expected cost (at the output/max_tokens ratio
// this ledger has seen for the model) and the worst-case cost, at batch prices. An unpriced
// model says so in red instead of costing $0. Read-only; SortRole gives raw numbers.
class EstimateTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Model, Requests, InputTokens, MaxOutputTokens, Expected, WorstCase, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit EstimateTableModel(QObject* parent = nullptr);
    void setEstimates(const QList<bs::JsonlScanner::ModelEstimate>& estimates);
    const QList<bs::JsonlScanner::ModelEstimate>& estimates() const { return m_rows; }
    // The worst case of every priced model; unpricedModels() counts the others.
    qint64 totalWorstCaseMicros() const;
    int unpricedModels() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<bs::JsonlScanner::ModelEstimate> m_rows;
};

} // namespace bs::ui
