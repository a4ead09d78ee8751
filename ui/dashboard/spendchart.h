#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QAbstractSeries;

namespace bs::ui {

class SpendChartModel;

// The one class that knows the chart module (Qt Charts): draws a SpendChartModel -- a row per
// day, a column per series, each column's SpendChartModel::Style in its header -- on a time axis,
// in the colours of the widget's palette (light or dark), and shows the model's exact figures
// of the day under the pointer. Moving to another chart module (or a QPainter plot) replaces
// this class only.
class SpendChart : public QWidget {
    Q_OBJECT

public:
    explicit SpendChart(QWidget* parent = nullptr);
    ~SpendChart() override;

    void setModel(SpendChartModel* model);
    SpendChartModel* model() const { return m_model; }
    void setTitle(const QString& title);

    // The text shown for the day under the pointer (the last hover; for tests).
    QString lastToolTip() const { return m_lastToolTip; }
    // Shows the hover text of this row, as a hover at that day does.
    void hoverRow(int row);
    // Drawn series (for tests): how many, and the chart (colours, axes).
    int seriesCount() const;
    QChart* chart() const;

Q_SIGNALS:
    void rebuilt();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyPalette();
    void styleAxes();
    void hoverAt(qreal x);
    QColor colorFor(int index) const;

    SpendChartModel* m_model = nullptr;
    QChartView* m_view = nullptr;
    QString m_title;
    QString m_lastToolTip;
    QString m_paletteKey; // the palette and font the chart was last styled with
};

} // namespace bs::ui
