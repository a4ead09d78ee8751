#pragma once

#include "filescan.h"

#include "monitor/filesubmitter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace bs {
class ConsoleSession;
}

namespace bs::ui {

class BudgetBar;
class CalibrationBar;
class EstimateTableModel;
class PlanTableModel;
class ProblemPanel;
class ProblemTableModel;

// What the window does with a dropped or opened JSONL file: reads it off the GUI thread (progress
// bar, Stop), then shows every problem (sortable; selecting one shows its line, read off the GUI
// thread, with the column marked), the split plan, the estimate per model and the budgets, and
// sends it through the console's session: Submit (disabled while errors exist; warnings need the
// "Send despite N warnings" box), Override… (only when a budget blocks; asks for a reason) and
// Cancel. While sending it shows the upload and can still cancel until the create is answered;
// at the end it says which batches were created, or what went wrong and what to do.
// Non-modal: the window stays usable; closing the dialog abandons a scan (a submission that has
// begun goes on in the session, and its batches appear in the table).
class SubmitDialog : public QDialog {
    Q_OBJECT

public:
    enum class State { Scanning, Stopped, Checked, Sending, Sent, Failed };
    Q_ENUM(State)

    // session: where the file is checked against ("already used", budgets) and sent; null: the
    // file is only checked.
    SubmitDialog(const QString& path, bs::ConsoleSession* session, QWidget* parent = nullptr);
    ~SubmitDialog() override;

    QString path() const { return m_path; }
    State state() const { return m_state; }
    bool isChecking() const { return m_state == State::Scanning; }
    const FileScan::Result& check() const { return m_check; }
    ProblemTableModel* problemModel() const;
    PlanTableModel* planModel() const { return m_plan; }
    EstimateTableModel* estimateModel() const { return m_estimates; }
    BudgetBar* budgetBar() const { return m_budget; }
    // The problems as "FILE:LINE:FIELD: message" lines (what Copy Report puts on the clipboard).
    QString reportText() const;

public Q_SLOTS:
    // Stops the scan after the chunk being read (Stop button).
    void stopScan();
    // Shows the line of the problem at this row of the problem model.
    void showProblemLine(int problemRow);
    // Sends the file (the Submit button).
    void submit();
    // Asks for a reason and sends the file past the budget that blocks it (Override…).
    void overrideBudget();
    // Sends past the budget with this reason (an empty one is refused, saying so).
    void submitWithOverride(const QString& reason);

Q_SIGNALS:
    // The scan ended (finished, stopped or failed); check() holds what was found.
    void checked();
    // The line of a problem is shown (or why it cannot be).
    void lineShown();
    // The submission ended (state() is Sent, Failed, or Checked again when a budget blocked).
    void sendFinished(const bs::FileSubmitter::Result& result);

protected:
    void reject() override;

private:
    void buildUi();
    void startScan();
    void onCalibrated(const FileScan::Ratios& ratios);
    void onScanned();
    void showCheck();
    void updateButtons();
    void setState(State state);
    void startSubmit(const QString& overrideReason);
    void onSendProgress(bs::FileSubmitter::Stage stage, qint64 done, qint64 total);
    void onPartSending(int index, int count);
    void onSendFinished(const bs::FileSubmitter::Result& result);
    void showVerdict(const bs::BudgetGate::Verdict& verdict);

    QString m_path;
    QPointer<bs::ConsoleSession> m_session;
    State m_state = State::Scanning;
    int m_part = 0; // the part being uploaded (0-based), of m_parts
    int m_parts = 0;
    FileScan::Result m_check;
    bs::BudgetGate::Verdict m_verdict;
    bs::FileSubmitter::Result m_sent;
    QFutureWatcher<FileScan::Result> m_scan;
    FileScan::StopFlag m_stopScan = std::make_shared<std::atomic_bool>(false);

    QLabel* m_headline = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_stop = nullptr;
    ProblemPanel* m_problemPanel = nullptr;
    QLabel* m_planNote = nullptr;
    QTableView* m_planView = nullptr;
    QTableView* m_estimateView = nullptr;
    BudgetBar* m_budget = nullptr;
    CalibrationBar* m_calibration = nullptr;
    FileScan::Ratios m_ratios; // count_tokens calibration asked for in this dialog
    QCheckBox* m_confirm = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_override = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_copy = nullptr;
    PlanTableModel* m_plan = nullptr;
    EstimateTableModel* m_estimates = nullptr;
};

} // namespace bs::ui
