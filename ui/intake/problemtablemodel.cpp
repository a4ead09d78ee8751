#include "problemtablemodel.h"

#include <QColor>

namespace bs::ui {

ProblemTableModel::ProblemTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ProblemTableModel::setProblems(const QList<JsonlInput::Problem>& problems) {
    // A new file replaces the whole list: a reset is the change that happened.
    beginResetModel();
    m_problems = problems;
    endResetModel();
}

int ProblemTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JsonlInput::Problem& p = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Line:
            return p.line > 0 ? QVariant(p.line) : QVariant(tr("file"));
        case Severity:
            return JsonlScanner::severityText(p.severity);
        case Field:
            return p.field;
        case Message:
            return p.message;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Line:
            return p.line;
        case Severity: // errors first when sorted ascending
            return int(p.severity);
        case Field:
            return p.field;
        case Message:
            return p.message;
        }
        break;
    case Qt::ToolTipRole:
        // Long messages are elided in the table: the whole sentence on hover.
        return p.message;
    case Qt::ForegroundRole:
        if (index.column() == Severity && p.severity == JsonlScanner::Severity::Error)
            return QColor(Qt::red).darker(120);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Line)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ProblemTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Line");
    case Severity:
        return tr("Severity");
    case Field:
        return tr("Field");
    case Message:
        return tr("Problem");
    }
    return {};
}

} // namespace bs::ui
