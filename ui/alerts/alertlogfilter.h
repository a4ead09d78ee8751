#pragma once

#include <QSortFilterProxyModel>

namespace bs::ui {

// The alert log as the operator filters it: a lowest severity (info shows all, warning hides
// info, critical shows critical only) and a text found in any column (case-insensitive). Sorts
// by AlertLogModel::SortRole.
class AlertLogFilter : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit AlertLogFilter(QObject* parent = nullptr);

    // 0: all, 1: warnings and critical, 2: critical only.
    void setMinimumSeverity(int rank);
    int minimumSeverity() const { return m_minimum; }
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    int m_minimum = 0;
    QString m_text;
};

} // namespace bs::ui
