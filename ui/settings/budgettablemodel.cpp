#include "budgettablemodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace bs::ui {

BudgetTableModel::BudgetTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void BudgetTableModel::setLines(const QList<BudgetGate::Line>& lines,
                                const QList<BudgetGate::Line>& profileLines,
                                const QString& profile) {
    // A handful of rows, read again after each change: one reset is the simple, exact answer.
    beginResetModel();
    m_lines = lines;
    m_profileLines = profileLines.size() == lines.size() ? profileLines : lines;
    m_profile = profile;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, ProfileSpent, ProfileInFlight);
}

int BudgetTableModel::rowOf(const QString& budget) const {
    for (int i = 0; i < m_lines.size(); ++i)
        if (m_lines[i].budget == budget)
            return i;
    return -1;
}

int BudgetTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_lines.size());
}

int BudgetTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BudgetTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BudgetGate::Line& l = m_lines.at(index.row());
    const BudgetGate::Line& p = m_profileLines.at(index.row());
    const bool usd = l.kind == BudgetSetting::Kind::Usd;
    if (role == RawRole) {
        switch (index.column()) {
        case Name:
            return l.budget;
        case Limit:
            return l.limit;
        case Spent:
            return l.spent;
        case InFlight:
            return l.inFlight;
        case Remaining:
            return l.remaining();
        case ProfileSpent:
            return p.spent;
        case ProfileInFlight:
            return p.inFlight;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Limit)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Remaining && l.remaining() < 0)
        return QBrush(Qt::red);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return l.budget;
    case Kind:
        return usd ? tr("USD") : tr("Input tokens");
    case Period:
        return l.period == BudgetSetting::Period::Day     ? tr("Daily (UTC)")
               : l.period == BudgetSetting::Period::Month ? tr("Monthly (UTC)")
                                                          : tr("All time");
    case Model:
        return l.model.isEmpty() ? tr("All models") : l.model;
    case Limit:
        return l.amount(l.limit);
    case Spent:
        return l.amount(l.spent);
    case InFlight:
        return l.amount(l.inFlight);
    case Remaining:
        return l.amount(l.remaining());
    case ProfileSpent:
        return p.amount(p.spent);
    case ProfileInFlight:
        return p.amount(p.inFlight);
    default:
        return {};
    }
}

QVariant BudgetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Budget");
    case Kind:
        return tr("Limits");
    case Period:
        return tr("Period");
    case Model:
        return tr("Model");
    case Limit:
        return tr("Limit");
    case Spent:
        return tr("Spent");
    case InFlight:
        return tr("In flight (worst case)");
    case Remaining:
        return tr("Remaining");
    case ProfileSpent:
        return m_profile.isEmpty() ? tr("Spent (all profiles)") : tr("Spent (%1)").arg(m_profile);
    case ProfileInFlight:
        return m_profile.isEmpty() ? tr("In flight (all profiles)")
                                   : tr("In flight (%1)").arg(m_profile);
    default:
        return {};
    }
}

} // namespace bs::ui
