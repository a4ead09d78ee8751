#include "estimatetablemodel.h"

#include "cost/money.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace bs::ui {

EstimateTableModel::EstimateTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void EstimateTableModel::setEstimates(const QList<JsonlScanner::ModelEstimate>& estimates) {
    beginResetModel();
    m_rows = estimates;
    endResetModel();
}

qint64 EstimateTableModel::totalWorstCaseMicros() const {
    qint64 total = 0;
    for (const JsonlScanner::ModelEstimate& e : m_rows)
        total += e.priced ? e.worstCaseMicros : 0;
    return total;
}

int EstimateTableModel::unpricedModels() const {
    int n = 0;
    for (const JsonlScanner::ModelEstimate& e : m_rows)
        n += e.priced ? 0 : 1;
    return n;
}

int EstimateTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EstimateTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EstimateTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JsonlScanner::ModelEstimate& e = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Model:
            return e.model;
        case Requests:
            return locale.toString(e.requests);
        case InputTokens:
            return locale.toString(e.inputTokens);
        case MaxOutputTokens:
            return locale.toString(e.maxOutputTokens);
        case Expected:
            return e.priced ? formatMoney(e.expectedMicros, 2) : tr("unpriced");
        case WorstCase:
            return e.priced ? formatMoney(e.worstCaseMicros, 2) : tr("unpriced");
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Model:
            return e.model;
        case Requests:
            return e.requests;
        case InputTokens:
            return e.inputTokens;
        case MaxOutputTokens:
            return e.maxOutputTokens;
        case Expected:
            return e.priced ? e.expectedMicros : qint64(-1);
        case WorstCase:
            return e.priced ? e.worstCaseMicros : qint64(-1);
        }
        break;
    case Qt::ForegroundRole:
        if ((index.column() == WorstCase || index.column() == Expected) && !e.priced)
            return QBrush(QColor(0xc0, 0x2b, 0x2b));
        break;
    case Qt::ToolTipRole:
        if (index.column() == Expected && e.priced)
            return tr("Input, plus output at the share of max_tokens that %1 has used in this "
                      "ledger's results so far (all of it when there is no history yet).")
                .arg(e.model);
        if (index.column() == WorstCase || index.column() == Expected)
            return e.priced ? tr("Every request's input, plus max_tokens of output, at the batch "
                                 "price of %1: the most this file can cost.")
                                  .arg(e.model)
                            : tr("%1 is not in the price table: its cost cannot be estimated or "
                                 "held against a budget. Add its price to your price file, or use "
                                 "a priced model.")
                                  .arg(e.model);
        if (index.column() == InputTokens)
            return tr("A local estimate: about one token per four characters of params.");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Model)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant EstimateTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Model:
        return tr("Model");
    case Requests:
        return tr("Requests");
    case InputTokens:
        return tr("Input tokens");
    case MaxOutputTokens:
        return tr("Output at most");
    case Expected:
        return tr("Expected");
    case WorstCase:
        return tr("Worst case");
    }
    return {};
}

} // namespace bs::ui
