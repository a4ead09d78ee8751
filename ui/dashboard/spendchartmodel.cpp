#include "dashboard/spendchartmodel.h"

#include <QDateTime>
#include <QLocale>

namespace bs::ui {

SpendChartModel::SpendChartModel(Kind kind, QObject* parent)
    : QAbstractTableModel(parent)
    , m_kind(kind) {}

QString SpendChartModel::money(Money micros) {
    // Cents, rounded half up (away from zero), with the locale's grouping.
    const Money cents = (micros >= 0 ? micros + 5000 : micros - 5000) / 10000;
    const QLocale locale;
    const QString whole = locale.toString(qAbs(cents) / 100);
    return QStringLiteral("%1$%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString(), whole)
        .arg(qAbs(cents) % 100, 2, 10, QLatin1Char('0'));
}

QString SpendChartModel::tokens(qint64 count) {
    return QLocale().toString(count);
}

void SpendChartModel::setSeries(const SpendSeries& series) {
    const bool sameShape = series.days.size() == m_series.days.size() &&
                           series.models == m_series.models && series.from == m_series.from;
    const QDate today = QDateTime::currentDateTimeUtc().date();
    if (sameShape) {
        m_series = series;
        m_shadeLastDay = m_series.to >= today;
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_series = series;
    m_shadeLastDay = m_series.to >= today;
    endResetModel();
}

int SpendChartModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_series.days.size());
}

int SpendChartModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(headers().size());
}

QStringList SpendChartModel::headers() const {
    switch (m_kind) {
    case Kind::Cumulative:
        return {tr("Day"), tr("Spent"), tr("Budget"), tr("Worst case in flight")};
    case Kind::DailyByModel: {
        QStringList names{tr("Day")};
        // A profile's batches of several models (ProfileSpend::severalModels()).
        for (const QString& m : m_series.models)
            names << (m == QLatin1String("*") ? tr("Several models") : m);
        return names;
    }
    case Kind::Tokens:
        return {
            tr("Day"),       tr("Input"), tr("Output"), tr("Cache write 5m"), tr("Cache write 1h"),
            tr("Cache read")};
    case Kind::Processing:
        return {tr("Day"), tr("P50"), tr("P95"), tr("24 h limit")};
    }
    return {};
}

QVariant SpendChartModel::raw(int row, int column) const {
    const SpendDay& d = m_series.days.at(row);
    if (column == 0)
        return d.day;
    switch (m_kind) {
    case Kind::Cumulative:
        if (column == 1)
            return d.cumulativeMicros;
        if (column == 2)
            return d.budgetMicros >= 0 ? QVariant(d.budgetMicros) : QVariant();
        return d.cumulativeMicros +
               (m_shadeLastDay && row == rowCount() - 1 ? m_series.inFlightMicros : 0);
    case Kind::DailyByModel:
        return d.byModel.value(column - 1);
    case Kind::Tokens: {
        const qint64 v[] = {d.tokens.input, d.tokens.output, d.tokens.cacheWrite5m,
                            d.tokens.cacheWrite1h, d.tokens.cacheRead};
        return v[column - 1];
    }
    case Kind::Processing:
        if (column == 3)
            return SpendSeries::kBatchLimitSeconds;
        if (d.batchesEnded == 0)
            return QVariant();
        return column == 1 ? d.p50Seconds : d.p95Seconds;
    }
    return {};
}

QString SpendChartModel::display(int column, const QVariant& value) const {
    if (column == 0)
        return QLocale().toString(value.toDate(), QLocale::ShortFormat);
    if (!value.isValid())
        return tr("none");
    switch (m_kind) {
    case Kind::Cumulative:
    case Kind::DailyByModel:
        return money(value.toLongLong());
    case Kind::Tokens:
        return tokens(value.toLongLong());
    case Kind::Processing:
        return tr("%1 h").arg(QLocale().toString(double(value.toLongLong()) / 3600.0, 'f', 1));
    }
    return {};
}

QString SpendChartModel::toolTip(int row) const {
    const SpendDay& d = m_series.days.at(row);
    QStringList lines{QLocale().toString(d.day, QLocale::LongFormat)};
    const QStringList names = headers();
    for (int c = 1; c < names.size(); ++c) {
        if (m_kind == Kind::Cumulative && c == 3) {
            if (m_shadeLastDay && row == rowCount() - 1 && m_series.inFlightRequests > 0)
                lines << tr("In flight (worst case): %1").arg(money(m_series.inFlightMicros));
            continue;
        }
        if (m_kind == Kind::Cumulative && c == 2 && d.budgetMicros < 0)
            continue;
        lines << tr("%1: %2").arg(names.at(c), display(c, raw(row, c)));
    }
    switch (m_kind) {
    case Kind::Cumulative:
        lines << tr("Spent this day: %1").arg(money(d.micros));
        break;
    case Kind::DailyByModel:
        lines << tr("Total: %1").arg(money(d.micros));
        break;
    case Kind::Tokens:
        lines << tr("Saved by the batch discount: %1").arg(money(d.batchSavedMicros))
              << tr("Saved by cache reads: %1").arg(money(d.cacheSavedMicros));
        break;
    case Kind::Processing:
        lines << tr("%n batch(es) ended", nullptr, d.batchesEnded);
        break;
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant SpendChartModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case RawRole:
        return raw(index.row(), index.column());
    case Qt::DisplayRole:
        return display(index.column(), raw(index.row(), index.column()));
    case Qt::ToolTipRole:
        return toolTip(index.row());
    case Qt::TextAlignmentRole:
        return index.column() == 0 ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant SpendChartModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return headers().at(section);
    if (role == StyleRole && section > 0) {
        switch (m_kind) {
        case Kind::Cumulative:
            return QVariant::fromValue(section == 1   ? Style::Line
                                       : section == 2 ? Style::Limit
                                                      : Style::Shade);
        case Kind::DailyByModel:
        case Kind::Tokens:
            return QVariant::fromValue(Style::Stacked);
        case Kind::Processing:
            return QVariant::fromValue(section == 3 ? Style::Limit : Style::Points);
        }
    }
    return {};
}

} // namespace bs::ui
