#include "aboutdialog.h"
#include "api/apiclient.h"
#include "batches/batchdetails.h"
#include "batches/batchtablemodel.h"
#include "core/appinfo.h"
#include "cost/money.h"
#include "cost/pricebook.h"
#include "ingesttesthelpers.h"
#include "intake/plantablemodel.h"
#include "intake/problemtablemodel.h"
#include "intake/submitdialog.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledgertestdata.h"
#include "mainwindow.h"
#include "monitor/consolesession.h"
#include "simprocess.h"
#include "testenv.h"
#include "translator.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using bs::ui::MainWindow;

namespace {

QByteArray validLine(const QString& customId) {
    return QByteArrayLiteral("{\"custom_id\": \"") + customId.toUtf8() +
           QByteArrayLiteral(
               "\", \"params\": {\"model\": \"claude-haiku-4-5-20251001\", \"max_tokens\": 16, "
               "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}}");
}

void writeLines(const QString& path, const QList<QByteArray>& lines) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (const QByteArray& line : lines)
        file.write(line + '\n');
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

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        bs::AppInfo::applyToApplication();
        QSettings().clear();
    }
    // A failed test must not leave the guard on for the next one.
    void cleanup() { bs::Ledger::setMainThreadGuard(false); }

    void opensWithTitleAndPlaceholder() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Batchscope"));
        auto* placeholder = window.findChild<QLabel*>(QStringLiteral("placeholder"));
        QVERIFY(placeholder);
        QVERIFY(placeholder->text().contains(QStringLiteral("JSONL")));
        QVERIFY(window.acceptDrops());
    }

    void menusHaveActionsAndShortcuts() {
        MainWindow window;
        auto* open = window.findChild<QAction*>(QStringLiteral("actionOpen"));
        auto* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
        auto* about = window.findChild<QAction*>(QStringLiteral("actionAbout"));
        QVERIFY(open && quit && about);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
        auto* refresh = window.findChild<QAction*>(QStringLiteral("actionRefresh"));
        QVERIFY(refresh);
        QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
        QVERIFY(!refresh->isEnabled()); // nothing is watched yet
        // File, View, Batch, Settings, Help
        QCOMPARE(window.menuBar()->actions().size(), 5);
        auto* budgets = window.findChild<QAction*>(QStringLiteral("actionBudgets"));
        auto* preferences = window.findChild<QAction*>(QStringLiteral("actionPreferences"));
        QVERIFY(budgets && preferences);
        QCOMPARE(budgets->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
        QCOMPARE(preferences->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    }

    void aboutShowsVersionLicenseAndQt() {
        bs::ui::AboutDialog dialog;
        QVERIFY(dialog.bodyText().contains(bs::AppInfo::version()));
        QVERIFY(dialog.bodyText().contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(dialog.bodyText().contains(QString::fromLatin1(qVersion())));
    }

    void aboutActionOpensDialog() {
        MainWindow window;
        window.show();
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<bs::ui::AboutDialog*>(QApplication::activeModalWidget());
            seen = dialog != nullptr;
            if (dialog)
                dialog->reject();
        });
        window.findChild<QAction*>(QStringLiteral("actionAbout"))->trigger();
        QVERIFY(seen);
    }

    void geometryIsRestored() {
        const QRect wanted(40, 50, 917, 613);
        {
            MainWindow window;
            window.setGeometry(wanted);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        QVERIFY(!QSettings().value(MainWindow::geometryKey()).toByteArray().isEmpty());
        MainWindow again;
        QCOMPARE(again.size(), wanted.size());
    }

    // Dropping a file opens the check dialog, which reads the file off the GUI thread and
    // lists each problem on its line, with its field.
    void droppingAFileShowsItsProblems() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("requests.jsonl"));
        writeLines(path, {validLine(QStringLiteral("a-1")), validLine(QStringLiteral("a-2")),
                          QByteArrayLiteral("{\"custom_id\": \"bad id!\", \"params\": {}}")});
        MainWindow window;
        QSignalSpy chosen(&window, &MainWindow::jsonlFileChosen);
        dropOn(window, path);
        QCOMPARE(chosen.size(), 1);
        auto* dialog = window.findChild<bs::ui::SubmitDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->path(), path);
        QVERIFY(dialog->isVisible());
        QAbstractItemModelTester tester(dialog->problemModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (dialog->isChecking())
            QVERIFY(QSignalSpy(dialog, &bs::ui::SubmitDialog::checked).wait(30000));
        QVERIFY(!dialog->check().valid);
        bs::ui::ProblemTableModel* problems = dialog->problemModel();
        QVERIFY(problems->rowCount() >= 1);
        QCOMPARE(problems->index(0, bs::ui::ProblemTableModel::Line).data().toLongLong(), 3);
        QCOMPARE(problems->index(0, bs::ui::ProblemTableModel::Field).data().toString(),
                 QStringLiteral("custom_id"));
        // The table elides long sentences; hovering any cell of the row shows the whole one.
        QCOMPARE(problems->index(0, bs::ui::ProblemTableModel::Line).data(Qt::ToolTipRole),
                 problems->index(0, bs::ui::ProblemTableModel::Message).data());
        QCOMPARE(problems->index(0, bs::ui::ProblemTableModel::Severity).data().toString(),
                 QStringLiteral("error"));
        QVERIFY(
            dialog->findChild<QTableView*>(QStringLiteral("problemTable"))->isVisibleTo(dialog));
        QVERIFY(dialog->reportText().startsWith(path + QStringLiteral(":3:custom_id: error: ")));
        const QString headline = dialog->findChild<QLabel*>(QStringLiteral("headline"))->text();
        QVERIFY2(headline.contains(QStringLiteral("Nothing can be sent")), qPrintable(headline));
        dialog->close();
    }

    // A valid file: no problem table, the split plan and the command that sends it.
    void droppingAValidFileShowsItsSplit() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("good.jsonl"));
        writeLines(path, {validLine(QStringLiteral("g-1")), validLine(QStringLiteral("g-2"))});
        MainWindow window;
        dropOn(window, path);
        auto* dialog = window.findChild<bs::ui::SubmitDialog*>();
        QVERIFY(dialog);
        if (dialog->isChecking())
            QVERIFY(QSignalSpy(dialog, &bs::ui::SubmitDialog::checked).wait(30000));
        QVERIFY(dialog->check().valid);
        QCOMPARE(dialog->check().requests, 2);
        QCOMPARE(dialog->check().batches.size(), 1);
        QCOMPARE(dialog->problemModel()->rowCount(), 0);
        QVERIFY(
            !dialog->findChild<QTableView*>(QStringLiteral("problemTable"))->isVisibleTo(dialog));
        const QString plan = dialog->findChild<QLabel*>(QStringLiteral("plan"))->text();
        QVERIFY2(plan.contains(QStringLiteral("1 batch")), qPrintable(plan));
        QCOMPARE(dialog->planModel()->rowCount(), 1);
        // No session (no ledger, no key): the dialog says how to send it instead.
        const QString next = dialog->findChild<QLabel*>(QStringLiteral("result"))->text();
        QVERIFY2(next.contains(QStringLiteral("batchscope-cli submit")), qPrintable(next));
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("submitButton"))->isEnabled());
        dialog->close();
    }

    // With a session on a ledger that holds batches, the table replaces the placeholder and the
    // status bar sums them up; without a key the window says it is not watching, and why.
    void sessionShowsTheLedgersBatches() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            bs::Ledger ledger;
            QVERIFY(ledger.open(path));
            bs::MessageBatch b = bs::test::endedTestBatch(QStringLiteral("msgbatch_window"));
            b.requestCounts.succeeded = 9;
            b.requestCounts.errored = 1;
            QVERIFY(bs::BatchStore(ledger).upsert(b));
        }
        bs::ConsoleSession session;
        session.openLedger(path);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* pages = window.findChild<QStackedWidget*>();
        QVERIFY(pages);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("placeholder"));
        window.attachSession(&session);
        // The rows come when the session's ledger worker answers.
        QTRY_COMPARE(pages->currentWidget()->objectName(), QStringLiteral("batchPage"));
        auto* table = window.findChild<QTableView*>(QStringLiteral("batchTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 1);
        QVERIFY(table->isSortingEnabled());
        auto* summary = window.findChild<QLabel*>(QStringLiteral("summary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QStringLiteral("1 batch")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("1 awaiting results")),
                 qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("1 failed item")),
                 qPrintable(summary->text()));

        session.setKeyLabel(
            QStringLiteral("tst-mainwindow-none-%1").arg(QCoreApplication::applicationPid()));
        qunsetenv("ANTHROPIC_API_KEY");
        session.startMonitoring();
        auto* monitoring = window.findChild<QLabel*>(QStringLiteral("monitoring"));
        QVERIFY(monitoring);
        QTRY_VERIFY_WITH_TIMEOUT(monitoring->toolTip().contains(QStringLiteral("key set")), 30000);
        QCOMPARE(monitoring->text(), QStringLiteral("Not watching"));
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("actionRefresh"))->isEnabled());
        window.attachSession(nullptr);
    }

    // The console as it runs against a server: the session polls the simulator, ingests the ended
    // batch on its threads, the table and the status bar show its counts and cost, and all the
    // while the GUI thread runs no SQL (Ledger's guard on, no violation counted).
    void consoleAgainstTheSimulatorRunsNoSqlOnTheGuiThread() {
        bs::test::SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                            QStringLiteral("--error-rate"), QStringLiteral("0.2")}),
                 qPrintable(sim.errorString()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        bs::ApiClient client(bs::test::simConfig(sim.baseUrl()));
        client.setRetryPolicy(bs::test::fastRetryPolicy());
        QString error;
        const auto batch =
            bs::test::createAndWaitEnded(client, path, bs::test::makeRequests(60), &error);
        QVERIFY2(batch, qPrintable(error));

        qputenv("ANTHROPIC_BASE_URL", sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", bs::test::SimProcess::fakeKey().toUtf8());
        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        {
            MainWindow window;
            bs::ConsoleSession session;
            QSignalSpy done(&session, &bs::ConsoleSession::ingestionDone);
            window.show();
            session.openLedger(path);
            window.attachSession(&session);
            session.startMonitoring();
            QAbstractItemModelTester tester(window.batchModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
            const auto report = done.first().first().value<bs::IngestReport>();
            QVERIFY2(report.isComplete(), qPrintable(report.summary()));
            QVERIFY(report.costMicros > 0);
            auto* table = window.findChild<QTableView*>(QStringLiteral("batchTable"));
            QTRY_COMPARE(table->model()->rowCount(), 1);
            const QString cost = bs::formatMoney(report.costMicros, 2);
            QTRY_COMPARE(table->model()->index(0, bs::ui::BatchTableModel::Cost).data().toString(),
                         cost);
            QCOMPARE(window.batchModel()->summary().spent, report.costMicros);
            auto* summary = window.findChild<QLabel*>(QStringLiteral("summary"));
            QTRY_VERIFY2(summary->text().contains(cost), qPrintable(summary->text()));
            QVERIFY(window.findChild<QAction*>(QStringLiteral("actionRefresh"))->isEnabled());
            auto* monitoring = window.findChild<QLabel*>(QStringLiteral("monitoring"));
            QTRY_VERIFY2(monitoring->text().contains(QStringLiteral("last poll")),
                         qPrintable(monitoring->text()));
            QVERIFY2(monitoring->text().contains(QStringLiteral(" next ")),
                     qPrintable(monitoring->text()));

            // The first batch is selected on its own; its details are read through the worker
            // too, and read again when its results change.
            bs::ui::BatchDetails* details = window.batchDetails();
            QCOMPARE(table->currentIndex().row(), 0);
            QCOMPARE(details->batchId(), batch->id);
            QTRY_VERIFY(details->text().contains(bs::formatMoney(report.costMicros, 6)));
            const QString text = details->text();
            QVERIFY2(text.contains(batch->id), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("Processing time")), qPrintable(text));
            QVERIFY2(text.contains(bs::formatMoney(report.costMicros, 6)), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("Errored\n%1").arg(report.errored)),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("claude-")), qPrintable(text)); // by model
            window.attachSession(nullptr);
        }
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
        bs::Ledger::setMainThreadGuard(false);
        qunsetenv("ANTHROPIC_BASE_URL");
        qunsetenv("ANTHROPIC_API_KEY");
    }

    // The batches view: a status filter and a text filter over the table, a column chooser (View
    // menu and header), the batch id copied with Ctrl+C, and all of it remembered.
    void batchesCanBeFilteredChosenAndCopied() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            bs::Ledger ledger;
            QVERIFY(ledger.open(path));
            bs::MessageBatch ended = bs::test::endedTestBatch(QStringLiteral("msgbatch_ended"));
            ended.requestCounts.succeeded = 3;
            bs::MessageBatch failed = bs::test::endedTestBatch(QStringLiteral("msgbatch_failed"));
            failed.requestCounts.errored = 2;
            bs::MessageBatch running = bs::test::endedTestBatch(QStringLiteral("msgbatch_running"));
            running.processingStatus = bs::MessageBatch::Status::InProgress;
            running.endedAt = QDateTime();
            running.requestCounts = {};
            running.requestCounts.processing = 4;
            QVERIFY(bs::BatchStore(ledger).upsert({ended, failed, running}));
            QVERIFY(bs::BatchStore(ledger).markResultsIngested(ended.id, ended.endedAt));
            QVERIFY(bs::BatchStore(ledger).markResultsIngested(failed.id, failed.endedAt));
        }
        QSettings().clear();
        bs::ConsoleSession session;
        session.openLedger(path);
        {
            MainWindow window;
            window.show();
            window.attachSession(&session);
            auto* table = window.findChild<QTableView*>(QStringLiteral("batchTable"));
            QTRY_COMPARE(table->model()->rowCount(), 3);
            QAbstractItemModelTester tester(table->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            auto* status = window.findChild<QComboBox*>(QStringLiteral("statusFilter"));
            auto* text = window.findChild<QLineEdit*>(QStringLiteral("filterText"));
            QVERIFY(status && text);
            const auto ids = [&] {
                QStringList list;
                for (int r = 0; r < table->model()->rowCount(); ++r)
                    list << table->model()
                                ->index(r, 0)
                                .data(bs::ui::BatchTableModel::BatchIdRole)
                                .toString();
                list.sort();
                return list;
            };
            status->setCurrentIndex(status->findText(QStringLiteral("In progress")));
            QCOMPARE(ids(), QStringList{QStringLiteral("msgbatch_running")});
            status->setCurrentIndex(status->findText(QStringLiteral("Needs attention")));
            QCOMPARE(ids(), QStringList{QStringLiteral("msgbatch_failed")});
            status->setCurrentIndex(status->findText(QStringLiteral("All batches")));
            text->setText(QStringLiteral("ENDED"));
            QCOMPARE(ids(), QStringList{QStringLiteral("msgbatch_ended")});

            // Column chooser: the Lineage column starts hidden; the View menu shows it.
            QHeaderView* header = table->horizontalHeader();
            QVERIFY(header->isSectionHidden(bs::ui::BatchTableModel::Lineage));
            auto* columns = window.findChild<QMenu*>(QStringLiteral("columnsMenu"));
            QVERIFY(columns);
            QMetaObject::invokeMethod(columns, "aboutToShow");
            QCOMPARE(columns->actions().size(), int(bs::ui::BatchTableModel::ColumnCount));
            QAction* lineage = columns->actions().at(bs::ui::BatchTableModel::Lineage);
            QCOMPARE(lineage->text(), QStringLiteral("Lineage"));
            QVERIFY(!lineage->isChecked());
            lineage->setChecked(true);
            QVERIFY(!header->isSectionHidden(bs::ui::BatchTableModel::Lineage));
            columns->actions().at(bs::ui::BatchTableModel::Age)->setChecked(false);
            QVERIFY(header->isSectionHidden(bs::ui::BatchTableModel::Age));

            // Copy: the selected batch's id.
            table->selectRow(0);
            window.findChild<QAction*>(QStringLiteral("actionCopyBatchId"))->trigger();
            QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("msgbatch_ended"));
            window.close(); // remembers the layout and the filters
            window.attachSession(nullptr);
        }
        MainWindow again;
        again.attachSession(&session);
        auto* table = again.findChild<QTableView*>(QStringLiteral("batchTable"));
        QTRY_COMPARE(table->model()->rowCount(), 1); // the text filter is back
        QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("filterText"))->text(),
                 QStringLiteral("ENDED"));
        QVERIFY(!table->horizontalHeader()->isSectionHidden(bs::ui::BatchTableModel::Lineage));
        QVERIFY(table->horizontalHeader()->isSectionHidden(bs::ui::BatchTableModel::Age));
        again.attachSession(nullptr);
        QSettings().clear();
    }

    void koreanTranslationLoads() {
        QCOMPARE(bs::ui::Translator::install(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("파일(&F)"));
        // Core messages are found under the context they are translated in, too.
        QString error;
        QVERIFY(!bs::PriceBook::fromJson(QByteArrayLiteral("{\"models\": 3}"),
                                         QStringLiteral("user.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("user.json")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("가격")), qPrintable(error));
        // Back to English for any later test.
        const auto translators = qApp->findChildren<QTranslator*>();
        for (QTranslator* t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindow.moc"
