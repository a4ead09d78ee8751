// The console's intake end to end, against a real batchscope-sim and a real ledger file: a file
// dropped on the window is checked in the Submit dialog, sent with its Submit button, shows in
// the batch table at once in its write-ahead state, and once the simulator ends it, the row shows
// its counts and cost. A file with an error cannot be sent; a budget that blocks offers
// Override…, which refuses an empty reason and sends with one. The GUI thread runs no SQL
// throughout (Ledger's guard on, no violation counted).
#include "batches/batchtablemodel.h"
#include "core/appinfo.h"
#include "cost/money.h"
#include "ingesttesthelpers.h"
#include "intake/budgetbar.h"
#include "intake/submitdialog.h"
#include "ledger/budgetsetting.h"
#include "ledger/budgetstore.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"
#include "mainwindow.h"
#include "monitor/consolesession.h"
#include "simprocess.h"
#include "testenv.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using bs::ui::BatchTableModel;
using bs::ui::MainWindow;
using bs::ui::SubmitDialog;

namespace {

QByteArray validLine(const QString& customId) {
    return QByteArrayLiteral("{\"custom_id\": \"") + customId.toUtf8() +
           QByteArrayLiteral(
               "\", \"params\": {\"model\": \"claude-haiku-4-5-20251001\", \"max_tokens\": 32, "
               "\"messages\": [{\"role\": \"user\", \"content\": \"Say hello to the team.\"}]}}");
}

bool writeLines(const QString& path, const QList<QByteArray>& lines) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (const QByteArray& line : lines)
        file.write(line + '\n');
    return true;
}

// A drag that enters the window (it must be accepted) and drops one local file.
void dropOn(MainWindow& window, const QString& path) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
}

// The dialog the last drop opened, once it has checked its file.
SubmitDialog* checkedDialog(MainWindow& window, const QString& path) {
    SubmitDialog* found = nullptr;
    for (SubmitDialog* d : window.findChildren<SubmitDialog*>()) {
        if (d->path() == path)
            found = d;
    }
    if (found && found->isChecking())
        QSignalSpy(found, &SubmitDialog::checked).wait(60000);
    return found && !found->isChecking() ? found : nullptr;
}

// The table row (of the view's model) whose cell in `column` shows `text`; -1 when none.
int rowShowing(const QAbstractItemModel* model, int column, const QString& text) {
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, column).data().toString() == text)
            return r;
    }
    return -1;
}

// Answers the next QInputDialog (a modal loop of its own) with `text`.
void answerNextInputDialog(const QString& text) {
    QTimer::singleShot(0, qApp, [text] {
        auto* input = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
        QVERIFY(input);
        input->setTextValue(text);
        input->accept();
    });
}

} // namespace

class TestSubmitFlow : public QObject {
    Q_OBJECT

    bs::test::SimProcess m_sim;

private Q_SLOTS:
    void initTestCase() {
        bs::AppInfo::applyToApplication();
        QSettings().clear();
        // Real time (nothing ends on its own): the test ends batches by moving the sim's clock.
        QVERIFY2(m_sim.start({QStringLiteral("--speed"), QStringLiteral("1"),
                              QStringLiteral("--error-rate"), QStringLiteral("0")}),
                 qPrintable(m_sim.errorString()));
        qputenv("ANTHROPIC_BASE_URL", m_sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", bs::test::SimProcess::fakeKey().toUtf8());
    }
    void cleanupTestCase() {
        qunsetenv("ANTHROPIC_BASE_URL");
        qunsetenv("ANTHROPIC_API_KEY");
    }
    void cleanup() { bs::Ledger::setMainThreadGuard(false); }

    void dropSubmitAndWatchItEnd() {
        QTemporaryDir dir;
        const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QString good = dir.filePath(QStringLiteral("team-hello.jsonl"));
        const QString bad = dir.filePath(QStringLiteral("broken.jsonl"));
        QList<QByteArray> lines;
        for (int i = 1; i <= 4; ++i)
            lines << validLine(QStringLiteral("hello-%1").arg(i));
        // A moving alias: a warning, which needs the "Send despite" box.
        lines << validLine(QStringLiteral("hello-5"))
                     .replace("claude-haiku-4-5-20251001", "claude-haiku-4-5");
        QVERIFY(writeLines(good, lines));
        QVERIFY(writeLines(bad, {validLine(QStringLiteral("b-1")),
                                 QByteArrayLiteral("{\"custom_id\": \"b-2\"}")}));
        // The create answers 5 s late: the write-ahead row must show before it does.
        QVERIFY(!bs::test::simControl(m_sim.baseUrl(), "POST", QStringLiteral("/_sim/faults"),
                                      "{\"delay_ms\": 5000, \"method\": \"POST\", \"path\": "
                                      "\"/v1/messages/batches\", \"count\": 1}")
                     .isNull());

        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        {
            MainWindow window;
            bs::ConsoleSession session;
            QSignalSpy ingested(&session, &bs::ConsoleSession::ingestionDone);
            window.show();
            session.openLedger(ledgerPath);
            window.attachSession(&session);
            session.startMonitoring();
            QTRY_VERIFY_WITH_TIMEOUT(session.isMonitoring(), 30000);

            // A file with an error: checked, listed, and Submit stays disabled.
            dropOn(window, bad);
            SubmitDialog* broken = checkedDialog(window, bad);
            QVERIFY(broken);
            QVERIFY(!broken->check().valid);
            QVERIFY(!broken->findChild<QPushButton*>(QStringLiteral("submitButton"))->isEnabled());
            QVERIFY(!broken->findChild<QPushButton*>(QStringLiteral("overrideButton"))
                         ->isVisibleTo(broken));
            broken->close();

            dropOn(window, good);
            SubmitDialog* dialog = checkedDialog(window, good);
            QVERIFY(dialog);
            QVERIFY(dialog->check().valid);
            QCOMPARE(dialog->check().requests, 5);
            QCOMPARE(dialog->check().warnings, 1);
            auto* submit = dialog->findChild<QPushButton*>(QStringLiteral("submitButton"));
            auto* confirm = dialog->findChild<QCheckBox*>(QStringLiteral("confirmWarnings"));
            QVERIFY(!submit->isEnabled());
            confirm->click();
            QVERIFY(confirm->isChecked());
            QVERIFY(submit->isEnabled());
            QSignalSpy sent(dialog, &SubmitDialog::sendFinished);
            QTest::mouseClick(submit, Qt::LeftButton);
            QCOMPARE(dialog->state(), SubmitDialog::State::Sending);

            // At once, in its write-ahead state (the create is still on its way).
            auto* table = window.findChild<QTableView*>(QStringLiteral("batchTable"));
            QTRY_VERIFY_WITH_TIMEOUT(rowShowing(table->model(), BatchTableModel::Id,
                                                QStringLiteral("not created yet")) >= 0,
                                     30000);
            QVERIFY(sent.isEmpty());
            const int draftRow =
                rowShowing(table->model(), BatchTableModel::Id, QStringLiteral("not created yet"));
            QCOMPARE(table->model()->index(draftRow, BatchTableModel::Requests).data().toString(),
                     QStringLiteral("5"));
            QCOMPARE(table->model()->index(draftRow, BatchTableModel::Source).data().toString(),
                     QStringLiteral("team-hello.jsonl"));

            QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 60000);
            const auto result = sent.first().first().value<bs::FileSubmitter::Result>();
            QVERIFY2(result.ok, qPrintable(result.message));
            QCOMPARE(result.createdBatchIds.size(), 1);
            const QString id = result.createdBatchIds.first();
            QCOMPARE(dialog->state(), SubmitDialog::State::Sent);
            const QString said = dialog->findChild<QLabel*>(QStringLiteral("result"))->text();
            QVERIFY2(said.contains(id), qPrintable(said));
            // The draft's row became the batch's row.
            QTRY_VERIFY(rowShowing(table->model(), BatchTableModel::Id, id) >= 0);
            QCOMPARE(table->model()->rowCount(), 1);
            dialog->close(); // the window goes on

            // The simulator ends it; the console polls, ingests, and the row shows the outcome.
            QVERIFY(bs::test::advanceSimClock(m_sim.baseUrl(), 6 * 3600));
            session.refreshNow();
            QTRY_COMPARE_WITH_TIMEOUT(ingested.size(), 1, 60000);
            const auto report = ingested.first().first().value<bs::IngestReport>();
            QVERIFY2(report.isComplete(), qPrintable(report.summary()));
            QCOMPARE(report.batchId, id);
            const int row = rowShowing(table->model(), BatchTableModel::Id, id);
            QTRY_COMPARE(table->model()->index(row, BatchTableModel::Status).data().toString(),
                         QStringLiteral("Ended"));
            QCOMPARE(table->model()->index(row, BatchTableModel::Succeeded).data().toString(),
                     QStringLiteral("5"));
            QVERIFY(report.costMicros > 0);
            QTRY_COMPARE(table->model()->index(row, BatchTableModel::Cost).data().toString(),
                         bs::formatMoney(report.costMicros, 2));
            window.attachSession(nullptr);
        }
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
    }

    // Cancel while sending stops the submission: pressed while the file is read again (a file of
    // some 40 MB: far longer to read than the click takes), nothing is stored or created.
    void cancelStopsTheSubmission() {
        QTemporaryDir dir;
        const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QString path = dir.filePath(QStringLiteral("changed-my-mind.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray text(2000, 'z');
            for (int i = 0; i < 20000; ++i)
                file.write(
                    QByteArrayLiteral("{\"custom_id\": \"c-") + QByteArray::number(i) +
                    QByteArrayLiteral("\", \"params\": {\"model\": "
                                      "\"claude-haiku-4-5-20251001\", \"max_tokens\": 8, "
                                      "\"messages\": [{\"role\": \"user\", \"content\": \"") +
                    text + QByteArrayLiteral("\"}]}}\n"));
        }
        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        {
            MainWindow window;
            bs::ConsoleSession session;
            window.show();
            session.openLedger(ledgerPath);
            window.attachSession(&session);
            session.startMonitoring();
            QTRY_VERIFY_WITH_TIMEOUT(session.isMonitoring(), 30000);
            dropOn(window, path);
            SubmitDialog* dialog = checkedDialog(window, path);
            QVERIFY(dialog && dialog->check().valid);
            QSignalSpy sent(dialog, &SubmitDialog::sendFinished);
            dialog->findChild<QPushButton*>(QStringLiteral("submitButton"))->click();
            QCOMPARE(dialog->state(), SubmitDialog::State::Sending);
            auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"));
            QVERIFY(cancel->isEnabled());
            cancel->click();
            QVERIFY(dialog->isVisible()); // it stays to say how it ended
            QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 60000);
            const auto result = sent.first().first().value<bs::FileSubmitter::Result>();
            QVERIFY(!result.ok);
            QVERIFY2(result.cancelled, qPrintable(result.message));
            QVERIFY(result.createdBatchIds.isEmpty());
            QCOMPARE(dialog->state(), SubmitDialog::State::Failed);
            QCOMPARE(cancel->text(), QStringLiteral("Close"));
            window.attachSession(nullptr);
        }
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
    }

    // Calibrate with count_tokens: the dialog reads the file again with the sim's counts, shows
    // the calibrated input tokens, and Submit reserves exactly what it showed.
    void calibrateThenSubmitReservesWhatWasShown() {
        QTemporaryDir dir;
        const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
        const QString path = dir.filePath(QStringLiteral("calibrate.jsonl"));
        QVERIFY(
            writeLines(path, {validLine(QStringLiteral("c-1")), validLine(QStringLiteral("c-2")),
                              validLine(QStringLiteral("c-3"))}));
        bs::FileSubmitter::Result result;
        qint64 shownInput = -1;
        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        {
            MainWindow window;
            bs::ConsoleSession session;
            window.show();
            session.openLedger(ledgerPath);
            window.attachSession(&session);
            session.startMonitoring();
            QTRY_VERIFY_WITH_TIMEOUT(session.isMonitoring(), 30000);
            dropOn(window, path);
            SubmitDialog* dialog = checkedDialog(window, path);
            QVERIFY(dialog);
            QCOMPARE(dialog->check().estimates.size(), 1);
            const bs::JsonlScanner::ModelEstimate local = dialog->check().estimates.first();
            QVERIFY(!local.calibrated);
            auto* calibrate = dialog->findChild<QPushButton*>(QStringLiteral("calibrate"));
            QVERIFY(calibrate);
            QTRY_VERIFY(calibrate->isEnabled());
            QSignalSpy rescanned(dialog, &SubmitDialog::checked);
            calibrate->click();
            QTRY_COMPARE_WITH_TIMEOUT(rescanned.size(), 1, 60000);
            const bs::JsonlScanner::ModelEstimate calibrated = dialog->check().estimates.first();
            QVERIFY(calibrated.calibrated);
            QCOMPARE(calibrated.inputTokensLocal, local.inputTokens);
            // The sim counts the prompt only: fewer tokens than characters / 4 of all params.
            QVERIFY2(
                calibrated.inputTokens < local.inputTokens,
                qPrintable(
                    QStringLiteral("%1 vs %2").arg(calibrated.inputTokens).arg(local.inputTokens)));
            const QString note =
                dialog->findChild<QLabel*>(QStringLiteral("calibrationNote"))->text();
            QVERIFY2(note.contains(QStringLiteral("calibrated")), qPrintable(note));
            shownInput = calibrated.inputTokens;

            QSignalSpy sent(dialog, &SubmitDialog::sendFinished);
            auto* submit = dialog->findChild<QPushButton*>(QStringLiteral("submitButton"));
            QTRY_VERIFY(submit->isEnabled());
            submit->click();
            QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 60000);
            result = sent.first().first().value<bs::FileSubmitter::Result>();
            QVERIFY2(result.ok, qPrintable(result.message));
            window.attachSession(nullptr);
        }
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
        bs::Ledger::setMainThreadGuard(false);
        bs::Ledger ledger;
        QVERIFY(ledger.open(ledgerPath));
        const auto reserved = bs::BudgetStore(ledger).ofDraft(result.localIds.first());
        QCOMPARE(reserved.size(), 1);
        QCOMPARE(reserved.first().inputTokens, shownInput);
    }

    void budgetBlockOffersOverride() {
        QTemporaryDir dir;
        const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            bs::Ledger ledger; // before the guard: the test's own setup
            QVERIFY(ledger.open(ledgerPath));
            bs::BudgetSetting daily;
            daily.name = QStringLiteral("daily-usd");
            daily.kind = bs::BudgetSetting::Kind::Usd;
            daily.period = bs::BudgetSetting::Period::Day;
            daily.limitMicros = 1; // one micro-dollar: any file passes it
            QVERIFY2(bs::SettingsStore(ledger).setBudget(daily), qPrintable(ledger.lastError()));
        }
        const QString path = dir.filePath(QStringLiteral("over.jsonl"));
        QVERIFY(
            writeLines(path, {validLine(QStringLiteral("o-1")), validLine(QStringLiteral("o-2"))}));

        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        {
            MainWindow window;
            bs::ConsoleSession session;
            window.show();
            session.openLedger(ledgerPath);
            window.attachSession(&session);
            session.startMonitoring();
            QTRY_VERIFY_WITH_TIMEOUT(session.isMonitoring(), 30000);
            dropOn(window, path);
            SubmitDialog* dialog = checkedDialog(window, path);
            QVERIFY(dialog);
            QVERIFY(dialog->check().valid);
            QVERIFY(dialog->check().verdict.blocked());
            auto* submit = dialog->findChild<QPushButton*>(QStringLiteral("submitButton"));
            auto* override = dialog->findChild<QPushButton*>(QStringLiteral("overrideButton"));
            QVERIFY(!submit->isEnabled());
            QVERIFY(override->isVisibleTo(dialog));
            QVERIFY(override->isEnabled());
            QVERIFY(dialog->budgetBar()->lines().size() == 1);
            QVERIFY(dialog->budgetBar()->lines().first().blocked);

            // An empty reason is refused: nothing is sent.
            answerNextInputDialog(QStringLiteral("   "));
            override->click();
            QCOMPARE(dialog->state(), SubmitDialog::State::Checked);
            const QString refused = dialog->findChild<QLabel*>(QStringLiteral("result"))->text();
            QVERIFY2(refused.contains(QStringLiteral("needs a reason")), qPrintable(refused));

            QSignalSpy sent(dialog, &SubmitDialog::sendFinished);
            answerNextInputDialog(QStringLiteral("quarterly report, approved by finance"));
            override->click();
            QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 60000);
            const auto result = sent.first().first().value<bs::FileSubmitter::Result>();
            QVERIFY2(result.ok, qPrintable(result.message));
            QVERIFY(result.overrideId >= 0);
            QCOMPARE(result.createdBatchIds.size(), 1);
            auto* table = window.findChild<QTableView*>(QStringLiteral("batchTable"));
            QTRY_VERIFY(rowShowing(table->model(), BatchTableModel::Id,
                                   result.createdBatchIds.first()) >= 0);
            window.attachSession(nullptr);
        }
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    TestSubmitFlow test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_submitflow.moc"
