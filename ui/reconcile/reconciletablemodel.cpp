#include "reconciletablemodel.h"

#include "cost/money.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace bs::ui {

ReconcileTableModel::ReconcileTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ReconcileTableModel::setRows(const ReconcileRows& rows) {
    beginResetModel(); // a new reconciliation replaces the whole table (one reset per run)
    m_rows = rows;
    endResetModel();
}

int ReconcileTableModel::flaggedCount() const {
    int n = 0;
    for (const ReconcileRow& r : m_rows)
        n += r.flagged ? 1 : 0;
    return n;
}

int ReconcileTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReconcileTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReconcileTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const ReconcileRow& r = m_rows.at(index.row());
    const bool web = r.kind == ReconcileRow::Kind::WebSearch;
    if (role == RawRole) {
        switch (index.column()) {
        case Day:
            return r.day;
        case Model:
            return web ? QString() : r.model;
        case Ledger:
            return r.ledger;
        case Anthropic:
            return r.anthropic;
        case Difference:
            return r.difference();
        case Status:
            return r.flagged;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Day:
            return r.day.toString(Qt::ISODate);
        case Model:
            return web ? tr("Web search") : r.model;
        case Ledger:
            return r.unpriced > 0
                       ? tr("%1 (%n unpriced)", nullptr, int(r.unpriced)).arg(formatMoney(r.ledger))
                       : formatMoney(r.ledger);
        case Anthropic:
            return formatMoney(r.anthropic);
        case Difference:
            return formatMoney(r.difference());
        case Status:
            return r.flagged ? tr("Flagged") : tr("Agrees");
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Ledger && index.column() <= Difference)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && r.flagged)
        return tr("The ledger and Anthropic differ by more than 1 % (and at least $0.001), or "
                  "the ledger holds results it could not price. Check the price table.");
    if (role == Qt::BackgroundRole && r.flagged)
        return QBrush(QColor(255, 221, 214));
    if (role == Qt::ForegroundRole && r.flagged)
        return QBrush(QColor(140, 20, 0));
    if (role == Qt::FontRole && r.flagged && index.column() == Status) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant ReconcileTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Day:
        return tr("Day (UTC)");
    case Model:
        return tr("Model");
    case Ledger:
        return tr("Ledger");
    case Anthropic:
        return tr("Anthropic");
    case Difference:
        return tr("Difference");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace bs::ui
