#pragma once

#include <QList>
#include <QString>
#include <QWidget>

namespace bs::ui {

// The budgets a submission is checked against, one bar each: what is already committed (spent
// plus the worst case of batches in flight) and, in a second segment, what this file adds, out of
// the limit. A bar the file would take past its limit is red and says so.
class BudgetBar : public QWidget {
    Q_OBJECT

public:
    struct Line {
        QString label;        // "Daily USD, all models", "Monthly USD, claude-sonnet-4-5", ...
        qint64 committed = 0; // spent + in flight
        qint64 adds = 0;      // this file's worst case
        qint64 limit = 0;
        bool money = true; // micro-dollars; else tokens
        bool blocked = false;
    };

    explicit BudgetBar(QWidget* parent = nullptr);
    void setLines(const QList<Line>& lines);
    const QList<Line>& lines() const { return m_lines; }
    // "$1.20 committed + $0.40 this file of $2.00" (what a line says beside its bar).
    static QString lineText(const Line& line);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int rowHeight() const;
    QList<Line> m_lines;
};

} // namespace bs::ui
