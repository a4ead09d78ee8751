#include "alertlogfilter.h"

#include "alertlogmodel.h"

namespace bs::ui {

AlertLogFilter::AlertLogFilter(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(AlertLogModel::SortRole);
    setDynamicSortFilter(true);
}

void AlertLogFilter::setMinimumSeverity(int rank) {
    if (rank == m_minimum)
        return;
    m_minimum = rank;
    invalidateFilter();
}

void AlertLogFilter::setText(const QString& text) {
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool AlertLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QAbstractItemModel* m = sourceModel();
    if (!m)
        return false;
    const int rank = m->index(sourceRow, AlertLogModel::Severity, sourceParent)
                         .data(AlertLogModel::SortRole)
                         .toInt();
    if (rank < m_minimum)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int c = 0; c < AlertLogModel::ColumnCount; ++c)
        if (m->index(sourceRow, c, sourceParent)
                .data(Qt::DisplayRole)
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    return m->index(sourceRow, 0, sourceParent)
        .data(AlertLogModel::BatchIdRole)
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

} // namespace bs::ui
