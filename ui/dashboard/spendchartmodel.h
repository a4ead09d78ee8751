#pragma once

#include "dashboard/spendseries.h"

#include <QAbstractTableModel>

namespace bs::ui {

// One chart of the spend dashboard as a table: a row per day (column 0: the day), a column per
// plotted series. SpendChart draws it; nothing here knows a chart module.
//   Cumulative:   spent (cumulative), budget allowance, worst case with what is in flight
//   DailyByModel: one column per model (spend of the day)
//   Tokens:       input, output, cache write 5m, cache write 1h, cache read
//   Processing:   P50, P95 (seconds) of the batches that ended that day, the 24 h limit
// RawRole: the exact integer (micro-dollars, tokens, seconds; the QDate in column 0; an invalid
// QVariant where a series has no value that day). DisplayRole: that value formatted (USD to the
// cent, tokens with thousands separators). ToolTipRole (any column): the whole day, exact.
class SpendChartModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Kind { Cumulative, DailyByModel, Tokens, Processing };
    Q_ENUM(Kind)
    enum Role { RawRole = Qt::UserRole + 1 };
    // How SpendChart draws a column (header data, Qt::UserRole).
    enum class Style { Line, Stacked, Limit, Shade, Points };
    Q_ENUM(Style)
    static constexpr int StyleRole = Qt::UserRole + 2;

    explicit SpendChartModel(Kind kind, QObject* parent = nullptr);

    Kind kind() const { return m_kind; }
    void setSeries(const bs::SpendSeries& series);
    const bs::SpendSeries& series() const { return m_series; }
    // Money as the dashboard shows it: "$1,234.57".
    static QString money(Money micros);
    static QString tokens(qint64 count);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant raw(int row, int column) const;
    QString display(int column, const QVariant& raw) const;
    QString toolTip(int row) const;
    QStringList headers() const;

    Kind m_kind;
    bs::SpendSeries m_series;
    bool m_shadeLastDay = false; // the range reaches today: what is in flight lands there
};

} // namespace bs::ui
