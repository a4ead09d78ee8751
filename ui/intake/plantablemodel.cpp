#include "plantablemodel.h"

#include <QLocale>

namespace bs::ui {

PlanTableModel::PlanTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void PlanTableModel::setParts(const QList<BatchSplitter::Part>& parts) {
    // A new file replaces the whole plan: a reset is the change that happened.
    beginResetModel();
    m_parts = parts;
    endResetModel();
}

int PlanTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_parts.size());
}

int PlanTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BatchSplitter::Part& p = m_parts.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Part:
            return tr("%1 of %2").arg(index.row() + 1).arg(m_parts.size());
        case Requests:
            return locale.toString(qint64(p.requests));
        case Size:
            return locale.formattedDataSize(p.bodyBytes, 1, QLocale::DataSizeSIFormat);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Part:
            return index.row();
        case Requests:
            return qint64(p.requests);
        case Size:
            return p.bodyBytes;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Part)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant PlanTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Part:
        return tr("Batch");
    case Requests:
        return tr("Requests");
    case Size:
        return tr("Size");
    }
    return {};
}

} // namespace bs::ui
