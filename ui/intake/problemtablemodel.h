#pragma once

#include "intake/jsonlinput.h"

#include <QAbstractTableModel>
#include <QList>

namespace bs::ui {

// The problems of a checked JSONL file, one row each: line, severity, field, what is wrong.
// Read-only; sorts by the raw line number through SortRole.
class ProblemTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Line, Severity, Field, Message, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit ProblemTableModel(QObject* parent = nullptr);

    void setProblems(const QList<bs::JsonlInput::Problem>& problems);
    const QList<bs::JsonlInput::Problem>& problems() const { return m_problems; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<bs::JsonlInput::Problem> m_problems;
};

} // namespace bs::ui
