#include "submitdialog.h"

#include "budgetbar.h"
#include "calibrationbar.h"
#include "estimatetablemodel.h"
#include "plantablemodel.h"
#include "problempanel.h"
#include "problemtablemodel.h"
#include "sortedtableview.h"

#include "cost/money.h"
#include "monitor/consolesession.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace bs::ui {

namespace {
int clampInt(qint64 n) {
    return int(qMin<qint64>(n, INT_MAX));
}
} // namespace

SubmitDialog::SubmitDialog(const QString& path, ConsoleSession* session, QWidget* parent)
    : QDialog(parent)
    , m_path(path)
    , m_session(session) {
    setObjectName(QStringLiteral("submitDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Submit %1").arg(QFileInfo(path).fileName()));
    resize(980, 660);
    buildUi();

    connect(&m_scan, &QFutureWatcher<FileScan::Result>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_scan, &QFutureWatcher<FileScan::Result>::finished, this, &SubmitDialog::onScanned);
    startScan();
    if (session) {
        // Sending needs the session's API connection, which may come after the dialog opened.
        connect(session, &ConsoleSession::monitoringStarted, this, &SubmitDialog::updateButtons);
        connect(session, &ConsoleSession::monitoringUnavailable, this, [this](const QString& why) {
            if (m_state == State::Checked && m_check.valid)
                m_result->setText(tr("It cannot be sent from here: %1").arg(why));
        });
        connect(session, &ConsoleSession::submitFinished, this, &SubmitDialog::updateButtons);
    }
}

void SubmitDialog::startScan() {
    // The scanning thread reads the session's ledger through a connection of its own (the
    // session may still be opening it: SQLite lets the two wait for each other).
    const QString ledgerPath = m_session ? m_session->ledgerPath() : QString();
    // Only values are captured: the dialog may be closed (and gone) before the read ends.
    m_stopScan = std::make_shared<std::atomic_bool>(false);
    m_scan.setFuture(QtConcurrent::run(&FileScan::run, m_path, ledgerPath, m_stopScan, m_ratios));
    setState(State::Scanning);
}

void SubmitDialog::onCalibrated(const FileScan::Ratios& ratios) {
    if (m_state != State::Checked)
        return;
    // Read again with the ratios: the estimate, the expected cost and the budgets follow, and
    // Submit reserves what is shown.
    m_ratios = ratios;
    m_progress->setValue(0);
    startScan();
}

SubmitDialog::~SubmitDialog() {
    // The scan stops after its current chunk; its thread finishes without this dialog.
    m_stopScan->store(true);
}

void SubmitDialog::buildUi() {
    const QString name = QFileInfo(m_path).fileName();
    m_headline = new QLabel(tr("Reading %1…").arg(name), this);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_progress->setRange(0, FileScan::kProgressRange);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%p% read"));
    m_stop = new QPushButton(tr("&Stop"), this);
    m_stop->setObjectName(QStringLiteral("stopScan"));
    m_stop->setToolTip(tr("Stop reading the file (nothing is sent)."));
    connect(m_stop, &QPushButton::clicked, this, &SubmitDialog::stopScan);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stop);

    // Problems, and the line of the selected one.
    m_problemPanel = new ProblemPanel(m_path, this);
    connect(m_problemPanel, &ProblemPanel::lineShown, this, &SubmitDialog::lineShown);
    auto* problemsGroup = new QGroupBox(tr("Problems"), this);
    problemsGroup->setObjectName(QStringLiteral("problemsGroup"));
    auto* problemsLayout = new QVBoxLayout(problemsGroup);
    problemsLayout->addWidget(m_problemPanel);

    // The estimate per model (below the problems); the split plan beside the budgets.
    m_estimates = new EstimateTableModel(this);
    m_estimateView = makeSortedTableView(m_estimates, EstimateTableModel::SortRole,
                                         QStringLiteral("estimateTable"), this);
    m_plan = new PlanTableModel(this);
    m_planView =
        makeSortedTableView(m_plan, PlanTableModel::SortRole, QStringLiteral("planTable"), this);
    // These small tables show every column whole: as wide as what they hold.
    for (QTableView* view : {m_estimateView, m_planView})
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // A few batches in view (most files make one); more scroll.
    m_planView->setMaximumHeight(m_planView->horizontalHeader()->sizeHint().height() +
                                 3 * m_planView->verticalHeader()->defaultSectionSize() + 4);
    m_planNote = new QLabel(this);
    m_planNote->setObjectName(QStringLiteral("plan"));
    m_planNote->setWordWrap(true);
    auto* estimateGroup = new QGroupBox(tr("Estimate"), this);
    auto* estimateLayout = new QVBoxLayout(estimateGroup);
    estimateLayout->addWidget(m_estimateView);
    m_calibration = new CalibrationBar(m_path, m_session, this);
    connect(m_calibration, &CalibrationBar::calibrated, this, &SubmitDialog::onCalibrated);
    estimateLayout->addWidget(m_calibration);
    auto* planGroup = new QGroupBox(tr("Split plan"), this);
    auto* planLayout = new QVBoxLayout(planGroup);
    planLayout->addWidget(m_planNote);
    planLayout->addWidget(m_planView);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("submitSplitter"));
    split->addWidget(problemsGroup);
    split->addWidget(estimateGroup);
    split->setChildrenCollapsible(false);
    // The problems (and their lines) get the room; the estimate holds a few rows.
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    m_budget = new BudgetBar(this);
    auto* budgetGroup = new QGroupBox(tr("Budgets"), this);
    budgetGroup->setObjectName(QStringLiteral("budgetGroup"));
    auto* budgetLayout = new QVBoxLayout(budgetGroup);
    budgetLayout->addWidget(m_budget);
    budgetLayout->addStretch(1);

    m_confirm = new QCheckBox(this);
    m_confirm->setObjectName(QStringLiteral("confirmWarnings"));
    m_confirm->hide();
    connect(m_confirm, &QCheckBox::toggled, this, &SubmitDialog::updateButtons);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    m_copy = buttons->addButton(tr("&Copy Report"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copyReport"));
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(reportText()); });
    m_submit = buttons->addButton(tr("&Submit"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_override = buttons->addButton(tr("&Override…"), QDialogButtonBox::ActionRole);
    m_override->setObjectName(QStringLiteral("overrideButton"));
    m_override->hide();
    m_override->setToolTip(tr("Send it although a budget would be passed: you type why, and the "
                              "ledger records it with your name and the time."));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_cancel, &QPushButton::clicked, this, &SubmitDialog::reject);
    connect(m_submit, &QPushButton::clicked, this, &SubmitDialog::submit);
    connect(m_override, &QPushButton::clicked, this, &SubmitDialog::overrideBudget);
    m_submit->setDefault(false);
    m_submit->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addLayout(progressRow);
    layout->addWidget(split, 1);
    planGroup->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    budgetGroup->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* planAndBudgets = new QHBoxLayout;
    planAndBudgets->addWidget(planGroup, 1, Qt::AlignTop);
    planAndBudgets->addWidget(budgetGroup, 2, Qt::AlignTop);
    layout->addLayout(planAndBudgets);
    layout->addWidget(m_confirm);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
}

void SubmitDialog::setState(State state) {
    m_state = state;
    m_cancel->setEnabled(true);
    const bool scanning = state == State::Scanning;
    m_progress->setVisible(scanning || state == State::Sending);
    m_stop->setVisible(scanning);
    updateButtons();
}

void SubmitDialog::stopScan() {
    if (m_state != State::Scanning)
        return;
    m_stop->setEnabled(false);
    m_headline->setText(tr("Stopping…"));
    m_stopScan->store(true);
}

void SubmitDialog::onScanned() {
    if (m_scan.future().resultCount() > 0)
        m_check = m_scan.result();
    else
        m_check.cancelled = true; // cancelled before it had a result
    setState(m_check.cancelled ? State::Stopped : State::Checked);
    showCheck();
    Q_EMIT checked();
}

void SubmitDialog::showCheck() {
    const QString name = QFileInfo(m_path).fileName();
    const QLocale locale;
    m_problemPanel->setProblems(m_check.problems);
    findChild<QGroupBox*>(QStringLiteral("problemsGroup"))->setVisible(!m_check.problems.isEmpty());
    m_copy->setEnabled(!m_check.problems.isEmpty());
    m_estimates->setEstimates(m_check.estimates);
    m_plan->setParts(m_check.batches);

    if (m_check.cancelled) {
        m_headline->setText(tr("%1: the check was stopped; nothing was sent. The problems found "
                               "so far are listed.")
                                .arg(name));
        m_planNote->clear();
        return;
    }
    if (!m_check.valid) {
        m_headline->setText(m_check.errors > 0
                                ? tr("%1: %n error(s). Nothing can be sent until they are fixed.",
                                     nullptr, clampInt(m_check.errors))
                                      .arg(name)
                                : tr("%1: no request to send.").arg(name));
        m_planNote->setText(tr("Not split: the file cannot be sent as it is."));
        m_result->setText(tr("Fix the lines listed, save the file and drop it here again."));
        if (m_check.problemCount() > m_check.problems.size())
            m_result->setText(m_result->text() + QLatin1Char(' ') +
                              tr("The first %1 problems are listed.")
                                  .arg(locale.toString(m_check.problems.size())));
        m_problemPanel->selectFirst();
        return;
    }
    m_headline->setText(
        m_check.problemCount() == 0
            ? tr("%1: %n request(s), no problems found.", nullptr, clampInt(m_check.requests))
                  .arg(name)
            : tr("%1: %n request(s), no errors; read the warnings and notes listed.", nullptr,
                 clampInt(m_check.requests))
                  .arg(name));
    m_planNote->setText(tr("It will be sent as %n batch(es), in file order.", nullptr,
                           int(m_check.batches.size())));
    showVerdict(m_check.verdict);
    m_problemPanel->selectFirst();
    if (m_check.warnings > 0) {
        m_confirm->setText(tr("Send despite %n warning(s)", nullptr, clampInt(m_check.warnings)));
        m_confirm->show();
    }
    if (!m_check.ledgerError.isEmpty())
        m_result->setText(tr("The ledger could not be read, so custom_ids already used were not "
                             "checked: %1")
                              .arg(m_check.ledgerError));
    if (!m_session)
        m_result->setText(tr("To send it: batchscope-cli submit \"%1\"").arg(m_path));
    else if (!m_session->isMonitoring() && !m_session->unavailableReason().isEmpty())
        m_result->setText(
            tr("It cannot be sent from here: %1").arg(m_session->unavailableReason()));
    updateButtons();
}

void SubmitDialog::showVerdict(const BudgetGate::Verdict& verdict) {
    m_verdict = verdict;
    QList<BudgetBar::Line> lines;
    for (const BudgetGate::Line& l : verdict.lines) {
        BudgetBar::Line line;
        const QString period = l.period == BudgetSetting::Period::Day     ? tr("per day")
                               : l.period == BudgetSetting::Period::Month ? tr("per month")
                                                                          : tr("in total");
        line.label =
            tr("%1 (%2, %3)").arg(l.budget, period, l.model.isEmpty() ? tr("all models") : l.model);
        line.committed = l.spent + l.inFlight;
        line.adds = l.thisFile;
        line.limit = l.limit;
        line.money = l.kind == BudgetSetting::Kind::Usd;
        line.blocked = l.blocked;
        lines << line;
    }
    m_budget->setLines(lines);
    if (verdict.blocked()) {
        QStringList blocking;
        for (const BudgetGate::Line& l : verdict.blockingLines())
            blocking << l.toText();
        m_result->setText(tr("A budget blocks this file: %1. Nothing is sent unless you override "
                             "it with a reason (recorded in the ledger).")
                              .arg(blocking.join(QStringLiteral("; "))));
    }
}

void SubmitDialog::updateButtons() {
    const bool checked = m_state == State::Checked && m_check.valid;
    const bool confirmed = m_check.warnings == 0 || m_confirm->isChecked();
    const bool canSend = m_session && m_session->isMonitoring() && !m_session->isSubmitting();
    const bool blocked = m_verdict.blocked();
    m_submit->setEnabled(checked && confirmed && canSend && !blocked);
    m_override->setVisible(checked && blocked);
    m_override->setEnabled(checked && confirmed && canSend && blocked);
    m_calibration->setAvailable(checked && m_session && m_session->isMonitoring());
    m_confirm->setEnabled(m_state == State::Checked);
    m_copy->setEnabled(!m_check.problems.isEmpty());
    const bool done = m_state == State::Sent || m_state == State::Failed;
    m_submit->setVisible(!done);
    m_cancel->setText(done ? tr("Close") : tr("Cancel"));
    m_cancel->setToolTip(m_state == State::Sending
                             ? tr("Stop sending: what is not created yet is not sent (a create "
                                  "whose body was sent whole is reconciled with the server's "
                                  "list).")
                             : QString());
}

void SubmitDialog::submit() {
    if (m_submit->isEnabled())
        startSubmit(QString());
}

void SubmitDialog::overrideBudget() {
    if (!m_override->isEnabled())
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Override the budget"),
        tr("This file would pass a budget. Why must it be sent anyway? The reason is recorded in "
           "the ledger with your name and the time."),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        submitWithOverride(reason);
}

void SubmitDialog::submitWithOverride(const QString& reason) {
    if (reason.trimmed().isEmpty()) {
        m_result->setText(tr("An override needs a reason: nothing was sent. Press Override… "
                             "again and say why the file must pass the budget."));
        return;
    }
    if (m_state == State::Checked && m_check.valid && m_verdict.blocked() && m_session &&
        !m_session->isSubmitting())
        startSubmit(reason.trimmed());
}

void SubmitDialog::startSubmit(const QString& overrideReason) {
    FileSubmitter::Options options;
    options.acceptWarnings = m_check.warnings == 0 || m_confirm->isChecked();
    options.overrideReason = overrideReason;
    options.expectedRequests = m_check.requests;
    options.inputRatios = m_ratios; // reserve what the dialog showed (calibrated or local)
    connect(m_session, &ConsoleSession::submitProgress, this, &SubmitDialog::onSendProgress,
            Qt::UniqueConnection);
    connect(m_session, &ConsoleSession::submitFinished, this, &SubmitDialog::onSendFinished,
            Qt::UniqueConnection);
    connect(m_session, &ConsoleSession::submitPartSending, this, &SubmitDialog::onPartSending,
            Qt::UniqueConnection);
    m_result->setText(tr("Reading the file again and storing every request in the ledger…"));
    m_progress->setRange(0, FileScan::kProgressRange);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Reading %p%"));
    setState(State::Sending);
    m_session->submitFile(m_path, options);
}

void SubmitDialog::onSendProgress(FileSubmitter::Stage stage, qint64 done, qint64 total) {
    if (m_state != State::Sending)
        return;
    switch (stage) {
    case FileSubmitter::Stage::Reading:
        m_progress->setFormat(tr("Reading %p%"));
        break;
    case FileSubmitter::Stage::Storing:
        m_progress->setFormat(tr("Storing %p%"));
        m_result->setText(tr("Storing every request in the ledger before anything is sent…"));
        break;
    case FileSubmitter::Stage::Sending:
        m_progress->setFormat(m_parts > 1
                                  ? tr("Uploading batch %1 of %2: %p%").arg(m_part + 1).arg(m_parts)
                                  : tr("Uploading %p%"));
        m_result->setText(tr("Uploading to the API. Cancel stops what is not created yet."));
        break;
    }
    m_progress->setValue(total > 0 ? int(qMin<qint64>(FileScan::kProgressRange,
                                                      done * FileScan::kProgressRange / total))
                                   : 0);
}

void SubmitDialog::onPartSending(int index, int count) {
    m_part = index;
    m_parts = count;
}

void SubmitDialog::onSendFinished(const FileSubmitter::Result& result) {
    if (m_state != State::Sending)
        return;
    m_sent = result;
    const QLocale locale;
    if (result.ok) {
        setState(State::Sent);
        m_headline->setText(
            tr("Sent as %n batch(es).", nullptr, int(result.createdBatchIds.size())));
        m_result->setText(tr("Created: %1. They are in the table; the console watches them and "
                             "stores their results and cost when they end.")
                              .arg(result.createdBatchIds.join(QStringLiteral(", "))));
    } else if (result.blocked) {
        // Nothing was written: the budgets moved since the check. Show them as they are now.
        setState(State::Checked);
        showVerdict(result.verdict);
        updateButtons();
    } else if (result.cancelled) {
        setState(State::Failed);
        m_headline->setText(tr("Sending was cancelled."));
        m_result->setText(result.createdBatchIds.isEmpty()
                              ? tr("Nothing was created; the stored requests were set aside.")
                              : tr("Created before the cancel: %1. The rest was not sent.")
                                    .arg(result.createdBatchIds.join(QStringLiteral(", "))));
    } else {
        setState(State::Failed);
        m_headline->setText(tr("The file was not sent."));
        QString text = result.message;
        if (!result.createdBatchIds.isEmpty())
            text += QLatin1Char(' ') + tr("Created before the failure: %1.")
                                           .arg(result.createdBatchIds.join(QStringLiteral(", ")));
        if (result.mayHaveBeenCreated)
            text += QLatin1Char(' ') +
                    tr("The last create may have reached the server: the console matches it "
                       "against the server's list of batches before anything is sent again, so "
                       "do not send the file again until it shows in the table or is set aside.");
        m_result->setText(text);
    }
    Q_EMIT sendFinished(result);
}

void SubmitDialog::showProblemLine(int problemRow) {
    m_problemPanel->showLine(problemRow);
}

ProblemTableModel* SubmitDialog::problemModel() const {
    return m_problemPanel->model();
}

QString SubmitDialog::reportText() const {
    QStringList lines;
    for (const JsonlScanner::Problem& p : m_check.problems)
        lines << p.toString(m_path);
    return lines.join(QLatin1Char('\n'));
}

void SubmitDialog::reject() {
    if (m_state == State::Sending) {
        // Cancel while sending stops the submission; the dialog stays to say how it ended.
        if (m_session)
            m_session->cancelSubmit();
        m_result->setText(tr("Cancelling…"));
        m_cancel->setEnabled(false);
        return;
    }
    if (m_state == State::Scanning)
        m_stopScan->store(true);
    QDialog::reject();
}

} // namespace bs::ui
