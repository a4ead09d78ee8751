#pragma once

#include "intake/batchsplitter.h"
#include "intake/jsonlinput.h"
#include "intake/jsonlscanner.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace bs::ui {

class ProblemTableModel;

// What the window does with a dropped or opened JSONL file today: reads it off the GUI thread,
// then lists every problem (line, field, what is wrong) and, for a valid file, how it will be
// split into batches, with the command that sends it. Non-modal: the window stays usable while
// a large file is read; closing the dialog abandons the result.
class FileCheckDialog : public QDialog {
    Q_OBJECT

public:
    // What one reading of the file found.
    struct Check {
        bool valid = false;
        qint64 requests = 0;
        qint64 problemCount = 0; // errors, warnings and notes
        qint64 errorCount = 0;
        QList<bs::JsonlInput::Problem> problems; // the first kMaxProblems of them
        QList<bs::BatchSplitter::Part> batches;  // the split plan (valid files only)
    };
    static constexpr int kMaxProblems = 1000;

    explicit FileCheckDialog(const QString& path, QWidget* parent = nullptr);
    ~FileCheckDialog() override;

    // Reads and checks the file (any thread).
    static Check checkFile(const QString& path);

    QString path() const { return m_path; }
    // True until checked() has been emitted (the result is in check()).
    bool isChecking() const { return m_checking; }
    const Check& check() const { return m_check; }
    ProblemTableModel* problemModel() const { return m_problems; }
    // The problems as "FILE:LINE:FIELD: message" lines (what Copy Report puts on the clipboard).
    QString reportText() const;

Q_SIGNALS:
    // The file has been read; check() holds what was found.
    void checked();

private:
    void showCheck();

    QString m_path;
    Check m_check;
    bool m_checking = true;
    QFutureWatcher<Check> m_watcher;
    QLabel* m_headline = nullptr;
    QLabel* m_plan = nullptr;
    QLabel* m_next = nullptr;
    QProgressBar* m_progress = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_copy = nullptr;
    ProblemTableModel* m_problems = nullptr;
};

} // namespace bs::ui
