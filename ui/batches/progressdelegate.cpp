#include "batches/progressdelegate.h"

#include "batches/batchtablemodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

#include <algorithm>

namespace bs::ui {

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    const QVariant value = index.data(BatchTableModel::ProgressRole);
    if (!value.canConvert<BatchTableModel::ProgressInfo>()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const auto p = value.value<BatchTableModel::ProgressInfo>();
    // The cell's background (selection, alternate rows) first, without its text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, option.widget);

    const QRect bar = option.rect.adjusted(2, 2, -2, -2);
    painter->save();
    if (!p.ended) {
        QStyleOptionProgressBar o;
        o.initFrom(option.widget);
        o.rect = bar;
        o.state = option.state | QStyle::State_Horizontal;
        o.minimum = 0;
        o.maximum = 1000;
        o.progress = int(std::clamp<qint64>(
            p.elapsedSeconds * 1000 / qMax<qint64>(1, p.expirySeconds), 0, 1000));
        o.text = index.data(Qt::DisplayRole).toString();
        o.textVisible = true;
        o.textAlignment = Qt::AlignCenter;
        style->drawControl(QStyle::CE_ProgressBar, &o, painter, option.widget);
    } else {
        // A frame drawn by the style, the four outcomes stacked inside it.
        QStyleOptionFrame frame;
        frame.initFrom(option.widget);
        frame.rect = bar;
        frame.state = option.state;
        style->drawPrimitive(QStyle::PE_Frame, &frame, painter, option.widget);
        const QRect inner = bar.adjusted(1, 1, -1, -1);
        const qint64 total = p.total();
        if (total > 0 && inner.width() > 0) {
            const std::pair<qint64, QColor> parts[] = {{p.succeeded, succeededColor()},
                                                       {p.errored, erroredColor()},
                                                       {p.canceled, canceledColor()},
                                                       {p.expired, expiredColor()}};
            qint64 before = 0;
            for (const auto& [count, color] : parts) {
                if (count <= 0)
                    continue;
                const int x0 = inner.left() + int(before * inner.width() / total);
                before += count;
                const int x1 = inner.left() + int(before * inner.width() / total);
                painter->fillRect(QRect(x0, inner.top(), qMax(1, x1 - x0), inner.height()), color);
            }
        }
        painter->setPen(total > 0 ? QColor(Qt::white) : option.palette.color(QPalette::Text));
        painter->drawText(inner, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
    }
    painter->restore();
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), option.fontMetrics.averageCharWidth() * 18));
    return size;
}

} // namespace bs::ui
