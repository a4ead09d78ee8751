#pragma once

#include <QStyledItemDelegate>

namespace bs::ui {

// Paints BatchTableModel's Progress column (its ProgressRole), as qBittorrent's
// progressbarpainter does, through the widget's QStyle:
//  - while the batch runs, a progress bar of the time elapsed against the 24 h expiry (the API
//    says nothing about progress until the end), with the elapsed time as its text;
//  - once it has ended, one stacked bar of succeeded / errored / canceled / expired (the cell's
//    tooltip gives the counts).
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The colours of the stacked bar, in its order (for tests and a legend).
    static QColor succeededColor() { return QColor(0x3c, 0x9a, 0x4a); }
    static QColor erroredColor() { return QColor(0xc0, 0x2b, 0x2b); }
    static QColor canceledColor() { return QColor(0x8a, 0x8a, 0x8a); }
    static QColor expiredColor() { return QColor(0xd9, 0x8c, 0x1f); }
};

} // namespace bs::ui
