#pragma once

#include "linereader.h"

#include "intake/jsonlscanner.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace bs::ui {

class ProblemTableModel;

// The Submit dialog's problems: a sortable table (ProblemTableModel) beside the line of the
// selected problem, read off the GUI thread (LineReader), long lines cut to a window around the
// column, the column marked when the scanner knew it.
class ProblemPanel : public QWidget {
    Q_OBJECT

public:
    explicit ProblemPanel(const QString& path, QWidget* parent = nullptr);
    ~ProblemPanel() override;

    ProblemTableModel* model() const { return m_problems; }
    void setProblems(const QList<bs::JsonlScanner::Problem>& problems);
    // Selects the first row (its line shows at once: the first thing to read).
    void selectFirst();

public Q_SLOTS:
    // Shows the line of the problem at this row of the model.
    void showLine(int problemRow);

Q_SIGNALS:
    // The line of a problem is shown (or why it cannot be).
    void lineShown();

private:
    void onLineRead();

    QString m_path;
    ProblemTableModel* m_problems = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_note = nullptr;
    QPlainTextEdit* m_line = nullptr;
    QFutureWatcher<LineReader::Excerpt> m_reading;
    QString m_heading; // "Line N, column C:" of the line being read
    qint64 m_column = 0;
};

} // namespace bs::ui
