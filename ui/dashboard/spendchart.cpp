#include "dashboard/spendchart.h"

#include "dashboard/spendchartmodel.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace bs::ui {

namespace {

qreal xOf(QDate day) {
    return qreal(QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
}

// Values as drawn: dollars for money, hours for processing times, tokens as they are.
qreal scaled(SpendChartModel::Kind kind, qint64 v) {
    switch (kind) {
    case SpendChartModel::Kind::Cumulative:
    case SpendChartModel::Kind::DailyByModel:
        return qreal(v) / 1e6;
    case SpendChartModel::Kind::Processing:
        return qreal(v) / 3600.0;
    case SpendChartModel::Kind::Tokens:
        return qreal(v) / 1000.0; // thousands: "80k" reads better than "8e+04"
    }
    return qreal(v);
}

} // namespace

SpendChart::SpendChart(QWidget* parent)
    : QWidget(parent) {
    m_view = new QChartView(new QChart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(280, 200);
    m_view->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_view->chart()->setMargins(QMargins(4, 4, 4, 4));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyPalette();
}

SpendChart::~SpendChart() = default;

QChart* SpendChart::chart() const {
    return m_view->chart();
}

int SpendChart::seriesCount() const {
    return int(m_view->chart()->series().size());
}

void SpendChart::setModel(SpendChartModel* model) {
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &SpendChart::rebuild);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &SpendChart::rebuild);
    }
    rebuild();
}

void SpendChart::setTitle(const QString& title) {
    m_title = title;
    m_view->chart()->setTitle(title);
}

QColor SpendChart::colorFor(int index) const {
    // Distinct hues readable on light and dark backgrounds; lighter on a dark base.
    static const QColor kColors[] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
        QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
        QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22)};
    const QColor c = kColors[index % int(std::size(kColors))];
    return palette().color(QPalette::Base).lightness() < 128 ? c.lighter(135) : c;
}

void SpendChart::rebuild() {
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    applyPalette(); // the theme first: it resets the colours of what is added before it
    // A year of days: antialiasing costs more than it shows at one day per pixel or two.
    m_view->setRenderHint(QPainter::Antialiasing, m_model && m_model->rowCount() <= 92);
    if (!m_model || m_model->rowCount() == 0) {
        Q_EMIT rebuilt();
        return;
    }
    const SpendChartModel::Kind kind = m_model->kind();
    const int rows = m_model->rowCount();
    auto* xAxis = new QDateTimeAxis;
    xAxis->setFormat(rows > 62 ? QStringLiteral("MMM yyyy") : QStringLiteral("MMM d"));
    xAxis->setTickCount(qBound(2, rows, 7));
    qreal x0 = xOf(m_model->index(0, 0).data(SpendChartModel::RawRole).toDate());
    qreal x1 = xOf(m_model->index(rows - 1, 0).data(SpendChartModel::RawRole).toDate());
    if (x1 <= x0) { // one day: half a day either side
        x0 -= 12 * 3600 * 1000.0;
        x1 += 12 * 3600 * 1000.0;
    }
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(x0), Qt::UTC),
                    QDateTime::fromMSecsSinceEpoch(qint64(x1), Qt::UTC));
    auto* yAxis = new QValueAxis;
    yAxis->setLabelFormat(kind == SpendChartModel::Kind::Processing ? QStringLiteral("%.0f h")
                                                                    : QStringLiteral("$%.2f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    qreal yMax = 0;
    QList<qreal> stackBase(rows, 0.0);
    QLineSeries* spentLine = nullptr;
    int colour = 0;
    const auto attach = [&](QAbstractSeries* s) {
        chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    };
    for (int c = 1; c < m_model->columnCount(); ++c) {
        const auto style = m_model->headerData(c, Qt::Horizontal, SpendChartModel::StyleRole)
                               .value<SpendChartModel::Style>();
        const QString name = m_model->headerData(c, Qt::Horizontal).toString();
        QList<QPointF> points;
        bool any = false;
        for (int r = 0; r < rows; ++r) {
            const QVariant v = m_model->index(r, c).data(SpendChartModel::RawRole);
            const QDate day = m_model->index(r, 0).data(SpendChartModel::RawRole).toDate();
            if (!v.isValid())
                continue;
            any = true;
            points.append({xOf(day), scaled(kind, v.toLongLong())});
        }
        if (!any)
            continue;
        const QColor color = colorFor(colour++);
        switch (style) {
        case SpendChartModel::Style::Line: {
            auto* s = new QLineSeries;
            s->setName(name);
            s->append(points);
            s->setPen(QPen(color, 2.5));
            s->setPointsVisible(rows == 1);
            attach(s);
            spentLine = s;
            break;
        }
        case SpendChartModel::Style::Limit: {
            auto* s = new QLineSeries;
            s->setName(name);
            s->append(points);
            s->setPen(QPen(QColor(0xd6, 0x27, 0x28), 1.5, Qt::DashLine));
            attach(s);
            break;
        }
        case SpendChartModel::Style::Shade: {
            // Between the actual line and the worst case above it.
            auto* upper = new QLineSeries;
            upper->append(points);
            auto* lower = new QLineSeries;
            if (spentLine)
                lower->append(spentLine->points());
            auto* area = new QAreaSeries(upper, lower);
            area->setName(name);
            QColor fill = color;
            fill.setAlpha(90);
            area->setBrush(fill);
            area->setPen(QPen(color, 1, Qt::DotLine));
            attach(area);
            break;
        }
        case SpendChartModel::Style::Stacked: {
            auto* upper = new QLineSeries;
            auto* lower = new QLineSeries;
            QList<QPointF> low, high;
            low.reserve(points.size());
            high.reserve(points.size());
            for (int i = 0; i < points.size(); ++i) {
                low.append({points.at(i).x(), stackBase.at(i)});
                stackBase[i] += points.at(i).y();
                high.append({points.at(i).x(), stackBase.at(i)});
            }
            lower->append(low); // one call per series: one change signal, not one per point
            upper->append(high);
            auto* area = new QAreaSeries(upper, lower);
            area->setName(name);
            QColor fill = color;
            fill.setAlpha(200);
            area->setBrush(fill);
            area->setPen(QPen(color.darker(115), 1));
            attach(area);
            break;
        }
        case SpendChartModel::Style::Points: {
            if (rows > 92) {
                // A marker is a graphics item each: over months, the days' values as a line.
                auto* s = new QLineSeries;
                s->setName(name);
                s->append(points);
                s->setPen(QPen(color, c == 1 ? 1.5 : 2));
                attach(s);
                break;
            }
            auto* s = new QScatterSeries;
            s->setName(name);
            s->append(points);
            s->setMarkerSize(c == 1 ? 7 : 9);
            s->setColor(color);
            s->setBorderColor(color);
            attach(s);
            break;
        }
        }
        for (const QPointF& p : points)
            yMax = qMax(yMax, p.y());
        for (const qreal base : stackBase)
            yMax = qMax(yMax, base);
    }
    yAxis->setRange(0, yMax > 0 ? yMax * 1.08 : 1.0);
    yAxis->applyNiceNumbers();
    if (kind == SpendChartModel::Kind::Tokens) // thousands of tokens
        yAxis->setLabelFormat(yAxis->max() >= 10 ? QStringLiteral("%.0fk")
                                                 : QStringLiteral("%.1fk"));
    for (QAbstractSeries* s : chart->series()) {
        if (auto* xy = qobject_cast<QXYSeries*>(s))
            connect(xy, &QXYSeries::hovered, this, [this](const QPointF& p, bool on) {
                if (on)
                    hoverAt(p.x());
            });
        else if (auto* area = qobject_cast<QAreaSeries*>(s))
            connect(area, &QAreaSeries::hovered, this, [this](const QPointF& p, bool on) {
                if (on)
                    hoverAt(p.x());
            });
    }
    styleAxes();
    Q_EMIT rebuilt();
}

void SpendChart::hoverAt(qreal x) {
    if (!m_model || m_model->rowCount() == 0)
        return;
    // The day nearest the pointer.
    const QDate first = m_model->index(0, 0).data(SpendChartModel::RawRole).toDate();
    const qint64 offset = qRound64((x - xOf(first)) / (24 * 3600 * 1000.0));
    hoverRow(int(qBound<qint64>(0, offset, qint64(m_model->rowCount()) - 1)));
}

void SpendChart::hoverRow(int row) {
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    m_lastToolTip = m_model->index(row, 0).data(Qt::ToolTipRole).toString();
    QToolTip::showText(QCursor::pos(), m_lastToolTip, this);
}

void SpendChart::applyPalette() {
    const QPalette pal = palette();
    QChart* chart = m_view->chart();
    // setTheme restyles everything: only when the palette changed.
    const QString key =
        pal.color(QPalette::Base).name() + pal.color(QPalette::Text).name() + font().toString();
    if (key == m_paletteKey)
        return;
    m_paletteKey = key;
    chart->setTheme(pal.color(QPalette::Base).lightness() < 128 ? QChart::ChartThemeDark
                                                                : QChart::ChartThemeLight);
    chart->setBackgroundBrush(pal.brush(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(pal.brush(QPalette::Text));
    chart->setTitle(m_title);
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    chart->legend()->setFont(font());
    m_view->setBackgroundBrush(pal.brush(QPalette::Base));
}

void SpendChart::styleAxes() {
    const QPalette pal = palette();
    for (QAbstractAxis* axis : m_view->chart()->axes()) {
        axis->setLabelsBrush(pal.brush(QPalette::Text));
        axis->setLabelsFont(font());
        QColor grid = pal.color(QPalette::Text);
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
}

void SpendChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        // setTheme resets series colours: draw again in the new palette.
        if (m_model)
            rebuild();
        else
            applyPalette();
    }
}

} // namespace bs::ui
