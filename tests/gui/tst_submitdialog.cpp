#include "core/appinfo.h"
#include "intake/budgetbar.h"
#include "intake/estimatetablemodel.h"
#include "intake/linereader.h"
#include "intake/plantablemodel.h"
#include "intake/problemtablemodel.h"
#include "intake/submitdialog.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "monitor/consolesession.h"
#include "testenv.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using bs::ui::SubmitDialog;

namespace {

QByteArray validLine(const QString& customId, const QByteArray& content = "hi") {
    return QByteArrayLiteral("{\"custom_id\": \"") + customId.toUtf8() +
           QByteArrayLiteral("\", \"params\": {\"model\": \"claude-haiku-4-5-20251001\", "
                             "\"max_tokens\": 16, \"messages\": [{\"role\": \"user\", "
                             "\"content\": \"") +
           content + QByteArrayLiteral("\"}]}}");
}

bool writeLines(const QString& path, const QList<QByteArray>& lines) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (const QByteArray& line : lines)
        file.write(line + '\n');
    return true;
}

bool waitChecked(SubmitDialog* dialog) {
    return !dialog->isChecking() || QSignalSpy(dialog, &SubmitDialog::checked).wait(60000);
}

// The row of the problem model whose problem is on this line.
int problemRowOfLine(SubmitDialog* dialog, qint64 line) {
    const auto& problems = dialog->problemModel()->problems();
    for (int i = 0; i < problems.size(); ++i) {
        if (problems.at(i).line == line)
            return i;
    }
    return -1;
}

} // namespace

class TestSubmitDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { bs::AppInfo::applyToApplication(); }
    void cleanup() { bs::Ledger::setMainThreadGuard(false); }

    // Problems in a sortable table; selecting one shows its line (read off the GUI thread) with
    // the column marked; Submit stays disabled while errors exist.
    void problemLineIsShownWithItsColumn() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
        const QByteArray broken = QByteArrayLiteral("{\"custom_id\": \"b-2\", oops}");
        QVERIFY(writeLines(
            path, {validLine(QStringLiteral("b-1")), broken, validLine(QStringLiteral("b-3"))}));
        auto* dialog = new SubmitDialog(path, nullptr);
        QAbstractItemModelTester tester(dialog->problemModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitChecked(dialog));
        QCOMPARE(dialog->state(), SubmitDialog::State::Checked);
        QVERIFY(!dialog->check().valid);
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("submitButton"))->isEnabled());
        const int row = problemRowOfLine(dialog, 2);
        QVERIFY(row >= 0);
        const bs::JsonlScanner::Problem problem = dialog->problemModel()->problems().at(row);
        QCOMPARE(problem.severity, bs::JsonlScanner::Severity::Error);
        QVERIFY2(problem.column > 0, qPrintable(problem.message));
        // Errors are red.
        QVERIFY(dialog->problemModel()
                    ->index(row, bs::ui::ProblemTableModel::Severity)
                    .data(Qt::ForegroundRole)
                    .isValid());

        // The first problem is selected when the check ends: its line shows.
        auto* view = dialog->findChild<QPlainTextEdit*>(QStringLiteral("lineView"));
        QTRY_COMPARE(view->toPlainText(), QString::fromUtf8(broken));
        auto* table = dialog->findChild<QTableView*>(QStringLiteral("problemTable"));
        QVERIFY(table->isSortingEnabled());
        table->setCurrentIndex(QModelIndex());
        view->clear();
        QSignalSpy shown(dialog, &SubmitDialog::lineShown);
        table->selectRow(0); // sorted by line: the first problem
        QVERIFY(shown.wait(30000));
        QCOMPARE(view->toPlainText(), QString::fromUtf8(broken));
        const QString note = dialog->findChild<QLabel*>(QStringLiteral("lineNote"))->text();
        QVERIFY2(note.contains(QStringLiteral("Line 2, column %1").arg(problem.column)),
                 qPrintable(note));
        QCOMPARE(view->extraSelections().size(), 1);
        QCOMPARE(view->extraSelections().first().cursor.selectionStart(), int(problem.column - 1));
        delete dialog;
    }

    // A long line is shown cut to a window around the column, and says so.
    void longLineIsElided() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.jsonl"));
        const QByteArray longText(300 * 1024, 'x');
        QVERIFY(writeLines(path, {validLine(QStringLiteral("l-1"), longText) + " trailing"}));
        const bs::ui::LineReader::Excerpt e = bs::ui::LineReader::read(path, 1, 150 * 1024);
        QVERIFY(e.found);
        QVERIFY(e.text.size() <= bs::ui::LineReader::kWindowChars);
        QVERIFY(e.cutBefore && e.cutAfter);
        QVERIFY(e.firstColumn > 1 && e.firstColumn <= 150 * 1024);
        QVERIFY(150 * 1024 - e.firstColumn < e.text.size()); // the column is in the window
        QVERIFY(e.lineBytes > 300 * 1024);

        auto* dialog = new SubmitDialog(path, nullptr);
        QVERIFY(waitChecked(dialog));
        QVERIFY(dialog->problemModel()->rowCount() >= 1);
        QSignalSpy shown(dialog, &SubmitDialog::lineShown);
        dialog->showProblemLine(0);
        QVERIFY(shown.wait(30000));
        const QString note = dialog->findChild<QLabel*>(QStringLiteral("lineNote"))->text();
        QVERIFY2(note.contains(QStringLiteral("are shown")), qPrintable(note));
        QVERIFY(
            dialog->findChild<QPlainTextEdit*>(QStringLiteral("lineView"))->toPlainText().size() <=
            bs::ui::LineReader::kWindowChars);
        delete dialog;
    }

    // Stop really stops the scan: the report is partial and the file was not read to its end.
    void stopEndsTheScan() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray text(2000, 'y');
            for (int i = 0; i < 30000; ++i) // ~62 MB: eight chunks of the scanner
                file.write(validLine(QStringLiteral("s-%1").arg(i), text) + '\n');
        }
        auto* dialog = new SubmitDialog(path, nullptr);
        QSignalSpy checked(dialog, &SubmitDialog::checked);
        dialog->findChild<QPushButton*>(QStringLiteral("stopScan"))->click();
        QVERIFY(checked.wait(60000));
        QCOMPARE(dialog->state(), SubmitDialog::State::Stopped);
        QVERIFY(dialog->check().cancelled);
        // Read only in part (a scan that ignored Stop would have read all of it).
        QVERIFY2(dialog->check().bytes < QFileInfo(path).size(),
                 qPrintable(QString::number(dialog->check().bytes)));
        QVERIFY(dialog->check().requests < 30000);
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("submitButton"))->isEnabled());
        delete dialog;
    }

    // A valid file: the estimate per model and the split plan, in tables; custom_ids this ledger
    // has used are warnings (read on the scanning thread: no SQL on the GUI thread), and a
    // warning shows the "Send despite" box.
    void estimatePlanAndUsedIds() {
        QTemporaryDir dir;
        const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            bs::Ledger ledger;
            QVERIFY(ledger.open(ledgerPath));
            bs::DraftStore drafts(ledger);
            const QString local = drafts.create({});
            QVERIFY(!local.isEmpty());
            QVERIFY(drafts.storeRequests(
                local, {{QStringLiteral("u-2"), QByteArrayLiteral("{\"model\":\"x\"}"), 1}}));
        }
        const QString path = dir.filePath(QStringLiteral("good.jsonl"));
        QVERIFY(
            writeLines(path, {validLine(QStringLiteral("u-1")), validLine(QStringLiteral("u-2")),
                              validLine(QStringLiteral("u-3"))}));
        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        bs::ConsoleSession session;
        session.openLedger(ledgerPath);
        auto* dialog = new SubmitDialog(path, &session);
        QAbstractItemModelTester t1(dialog->estimateModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(dialog->planModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitChecked(dialog));
        QVERIFY(dialog->check().valid);
        QCOMPARE(dialog->check().requests, 3);
        QCOMPARE(dialog->check().warnings, 1);
        const int row = problemRowOfLine(dialog, 2);
        QVERIFY(row >= 0);
        QVERIFY2(dialog->problemModel()->problems().at(row).message.contains(
                     QStringLiteral("already used")),
                 qPrintable(dialog->problemModel()->problems().at(row).message));

        bs::ui::EstimateTableModel* estimate = dialog->estimateModel();
        QCOMPARE(estimate->rowCount(), 1);
        QCOMPARE(estimate->index(0, bs::ui::EstimateTableModel::Requests).data().toString(),
                 QStringLiteral("3"));
        QVERIFY(estimate->index(0, bs::ui::EstimateTableModel::WorstCase)
                    .data()
                    .toString()
                    .startsWith(QLatin1Char('$')));
        QVERIFY(estimate->totalWorstCaseMicros() > 0);
        QCOMPARE(dialog->planModel()->rowCount(), 1);
        QCOMPARE(dialog->planModel()->index(0, bs::ui::PlanTableModel::Requests).data().toString(),
                 QStringLiteral("3"));

        auto* confirm = dialog->findChild<QCheckBox*>(QStringLiteral("confirmWarnings"));
        auto* submit = dialog->findChild<QPushButton*>(QStringLiteral("submitButton"));
        QVERIFY(confirm->isVisibleTo(dialog));
        QVERIFY2(confirm->text().startsWith(QStringLiteral("Send despite 1 warning")),
                 qPrintable(confirm->text()));
        QVERIFY(!submit->isEnabled());
        confirm->setChecked(true);
        // Confirmed, but this session has no API connection (tst_submitflow sends).
        QVERIFY(!submit->isEnabled());
        delete dialog;
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
    }

    // The budget bar: what is committed, what this file adds, and red past the limit.
    void budgetBarSaysWhatTheFileAdds() {
        bs::ui::BudgetBar bar;
        bs::ui::BudgetBar::Line line;
        line.label = QStringLiteral("Daily");
        line.committed = 1'200'000;
        line.adds = 1'000'000;
        line.limit = 2'000'000;
        line.blocked = true;
        bar.setLines({line});
        QCOMPARE(bs::ui::BudgetBar::lineText(line),
                 QStringLiteral("$1.20 committed + $1.00 this file of $2.00 · over by $0.20"));
        QVERIFY(bar.toolTip().contains(QStringLiteral("Daily")));
        QVERIFY(bar.sizeHint().height() > 0);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    TestSubmitDialog test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_submitdialog.moc"
