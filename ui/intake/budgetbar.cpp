#include "budgetbar.h"

#include "cost/money.h"

#include <QLocale>
#include <QPainter>
#include <QPen>
#include <QStyle>
#include <QStyleOption>

namespace bs::ui {

namespace {
const QColor kCommitted(0x5b, 0x7d, 0xb1);
const QColor kAdds(0x4c, 0xa8, 0x6a);
const QColor kOver(0xc0, 0x2b, 0x2b);
} // namespace

BudgetBar::BudgetBar(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("budgetBar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void BudgetBar::setLines(const QList<Line>& lines) {
    m_lines = lines;
    QStringList tips;
    for (const Line& l : lines)
        tips << l.label + QStringLiteral(": ") + lineText(l);
    setToolTip(tips.join(QLatin1Char('\n')));
    updateGeometry();
    update();
}

QString BudgetBar::lineText(const Line& line) {
    const QLocale locale;
    const auto amount = [&](qint64 v) {
        return line.money ? formatMoney(v, 2) : tr("%1 tokens").arg(locale.toString(v));
    };
    QString text = tr("%1 committed + %2 this file of %3")
                       .arg(amount(line.committed), amount(line.adds), amount(line.limit));
    if (line.blocked)
        text += QStringLiteral(" · ") +
                tr("over by %1").arg(amount(line.committed + line.adds - line.limit));
    return text;
}

int BudgetBar::rowHeight() const {
    return fontMetrics().height() * 2 + 6;
}

QSize BudgetBar::sizeHint() const {
    return {400, qMax(1, int(m_lines.size())) * rowHeight()};
}

QSize BudgetBar::minimumSizeHint() const {
    return {200, qMax(1, int(m_lines.size())) * rowHeight()};
}

void BudgetBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const int h = rowHeight();
    const int textH = fontMetrics().height();
    if (m_lines.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, tr("No budget is set."));
        return;
    }
    for (int i = 0; i < m_lines.size(); ++i) {
        const Line& l = m_lines.at(i);
        const QRect row(0, i * h, width(), h);
        const QRect label(row.left(), row.top(), row.width(), textH);
        p.setPen(l.blocked ? kOver : palette().color(QPalette::WindowText));
        p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(l.label + QStringLiteral(": ") + lineText(l),
                                            Qt::ElideRight, label.width()));
        const QRect bar(row.left(), row.top() + textH + 2, row.width() - 1, h - textH - 6);
        p.setPen(palette().color(QPalette::Mid));
        p.setBrush(palette().color(QPalette::Base));
        p.drawRect(bar);
        // The scale holds the limit and what the file would reach, whichever is more: a file
        // that passes the limit shows by how much, beyond the limit's mark.
        const qint64 reach = l.committed + l.adds;
        const qint64 scale = qMax(l.limit, reach);
        if (scale <= 0)
            continue;
        const QRect inner = bar.adjusted(1, 1, 0, 0);
        const auto x = [&](qint64 v) {
            return int(qBound<qint64>(0, v * inner.width() / scale, qint64(inner.width())));
        };
        const int committed = x(l.committed);
        const int total = x(reach);
        p.setPen(Qt::NoPen);
        p.setBrush(kCommitted);
        p.drawRect(QRect(inner.left(), inner.top(), committed, inner.height()));
        p.setBrush(l.blocked ? kOver : kAdds);
        p.drawRect(QRect(inner.left() + committed, inner.top(), qMax(total - committed, 1),
                         inner.height()));
        if (reach > l.limit) {
            // The limit: a dark mark across the bar.
            const int at = inner.left() + x(l.limit);
            p.setPen(QPen(palette().color(QPalette::WindowText), 2));
            p.drawLine(at, bar.top() - 2, at, bar.bottom() + 2);
        }
    }
}

} // namespace bs::ui
