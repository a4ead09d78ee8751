#pragma once

#include "intake/budgetgate.h"

#include <QAbstractTableModel>
#include <QList>

namespace bs::ui {

// The budgets the gate enforces, one row each, with the gate's own figures
// (BudgetGate::evaluate on the ledger worker): the limit, what was spent in the current period,
// what is in flight (the worst case of batches not yet ingested) and what remains. Read-only;
// RawRole gives the raw number (micro-dollars or tokens) of a figure column, the budget's name
// on the Name column. ProfileSpent and ProfileInFlight: the same figures for the batches and
// drafts of the profile chosen in the editor (BudgetGate::evaluate with a profile; all
// profiles: the gate's own figures). The budgets stay global: the gate counts every profile.
class BudgetTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Name,
        Kind,
        Period,
        Model,
        Limit,
        Spent,
        InFlight,
        Remaining,
        ProfileSpent,
        ProfileInFlight,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit BudgetTableModel(QObject* parent = nullptr);

    // The lines of a fresh evaluation (BudgetGate::Verdict::lines), in the gate's order.
    // profileLines: the same budgets' lines for `profile` ("" for all profiles), same order.
    void setLines(const QList<bs::BudgetGate::Line>& lines,
                  const QList<bs::BudgetGate::Line>& profileLines = {},
                  const QString& profile = {});
    const QString& profile() const { return m_profile; }
    const QList<bs::BudgetGate::Line>& lines() const { return m_lines; }
    int rowOf(const QString& budget) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<bs::BudgetGate::Line> m_lines;
    QList<bs::BudgetGate::Line> m_profileLines;
    QString m_profile;
};

} // namespace bs::ui
