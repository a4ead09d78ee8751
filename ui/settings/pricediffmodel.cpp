#include "pricediffmodel.h"

#include "cost/money.h"

namespace bs::ui {

namespace {

// USD per MTok without trailing zeros: 2'500'000 -> "$2.5", 100'000 -> "$0.1".
QString usd(qint64 microsPerMTok) {
    QString text = formatMoney(microsPerMTok);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

qint64 classPrice(const TokenPrices& p, int column) {
    switch (column) {
    case PriceDiffModel::Input:
        return p.input;
    case PriceDiffModel::CacheWrite5m:
        return p.cacheWrite5m;
    case PriceDiffModel::CacheWrite1h:
        return p.cacheWrite1h;
    case PriceDiffModel::CacheRead:
        return p.cacheRead;
    case PriceDiffModel::Output:
        return p.output;
    default:
        return 0;
    }
}

} // namespace

PriceDiffModel::PriceDiffModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void PriceDiffModel::setDiffs(const QList<PriceDiff>& diffs) {
    beginResetModel();
    m_rows = diffs;
    endResetModel();
}

int PriceDiffModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PriceDiffModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString PriceDiffModel::pricePair(qint64 before, qint64 after, PriceDiff::Change change) {
    switch (change) {
    case PriceDiff::Change::Added:
        return QStringLiteral("— → ") + usd(after);
    case PriceDiff::Change::Removed:
        return usd(before) + QStringLiteral(" → —");
    case PriceDiff::Change::Changed:
        break;
    }
    return before == after ? usd(after) : usd(before) + QStringLiteral(" → ") + usd(after);
}

QVariant PriceDiffModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PriceDiff& d = m_rows.at(index.row());
    const int column = index.column();
    if (role == RawRole) {
        if (column == Model)
            return d.model;
        if (column == Change)
            return int(d.change);
        return d.change == PriceDiff::Change::Removed ? classPrice(d.before, column)
                                                      : classPrice(d.after, column);
    }
    if (role == Qt::TextAlignmentRole && column >= Input)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    if (column == Model)
        return d.model;
    if (column == Change) {
        switch (d.change) {
        case PriceDiff::Change::Added:
            return tr("Added");
        case PriceDiff::Change::Removed:
            return tr("Removed");
        case PriceDiff::Change::Changed:
            return d.before == d.after ? tr("Dated prices changed") : tr("Changed");
        }
        return {};
    }
    return pricePair(classPrice(d.before, column), classPrice(d.after, column), d.change);
}

QVariant PriceDiffModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Model:
        return tr("Model");
    case Change:
        return tr("Change");
    case Input:
        return tr("Input");
    case CacheWrite5m:
        return tr("Cache write 5m");
    case CacheWrite1h:
        return tr("Cache write 1h");
    case CacheRead:
        return tr("Cache read");
    case Output:
        return tr("Output");
    default:
        return {};
    }
}

} // namespace bs::ui
