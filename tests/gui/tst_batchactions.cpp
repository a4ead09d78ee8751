#include "api/apiclient.h"
#include "batches/batchactions.h"
#include "batches/batchdetails.h"
#include "batches/batchfilterproxy.h"
#include "batches/batchtablemodel.h"
#include "batches/itemtablemodel.h"
#include "batches/progressdelegate.h"
#include "batches/retrydialog.h"
#include "core/appinfo.h"
#include "cost/money.h"
#include "export/resultexporter.h"
#include "ingesttesthelpers.h"
#include "ledger/batchstore.h"
#include "ledger/budgetsetting.h"
#include "ledger/ledger.h"
#include "ledger/retryqueue.h"
#include "ledger/settingsstore.h"
#include "mainwindow.h"
#include "monitor/consolesession.h"
#include "simprocess.h"
#include "testenv.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

#include <functional>

using bs::ui::BatchActions;
using bs::ui::BatchTableModel;
using bs::ui::MainWindow;

namespace {

// Runs `answer` on the next modal dialog once it shows (the confirmations run their own event
// loop: the test answers from a timer, as a user would).
void whenModal(std::function<void(QWidget*)> answer) {
    auto* timer = new QTimer(qApp);
    timer->setInterval(5);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        if (QWidget* w = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            answer(w);
        }
    });
    timer->start();
}

// Clicks the button of a QMessageBox whose text is `text`.
void clickButton(QWidget* box, const QString& text) {
    for (QAbstractButton* b : box->findChildren<QAbstractButton*>())
        if (b->text() == text) {
            b->click();
            return;
        }
    QFAIL(qPrintable(QStringLiteral("no button %1").arg(text)));
}

int rowOf(QAbstractItemModel* model, const QString& batchId) {
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(BatchTableModel::BatchIdRole).toString() == batchId)
            return r;
    return -1;
}

QString cell(QAbstractItemModel* model, const QString& batchId, int column) {
    const int row = rowOf(model, batchId);
    return row < 0 ? QString() : model->index(row, column).data().toString();
}

void select(QTableView* table, const QString& batchId) {
    const int row = rowOf(table->model(), batchId);
    QVERIFY(row >= 0);
    table->setCurrentIndex(table->model()->index(row, 0));
    table->selectRow(row);
}

// Micro-dollars of "12.345678", independently of ResultExporter.
qint64 microsOf(const QByteArray& text) {
    const qsizetype dot = text.indexOf('.');
    return text.left(dot).toLongLong() * 1000000 + text.mid(dot + 1).toLongLong();
}

// The session under test: a window on a ledger, watching the simulator, with the ledger guard on
// and a model tester on every model.
struct Console {
    MainWindow window;
    bs::ConsoleSession session;
    QSignalSpy ingested{&session, &bs::ConsoleSession::ingestionDone};
    QAbstractItemModelTester batchTester{window.batchModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{window.batchProxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester itemTester{window.itemModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest};

    explicit Console(const QString& path) {
        window.show();
        session.openLedger(path);
        window.attachSession(&session);
        session.startMonitoring();
    }
    ~Console() { window.attachSession(nullptr); }
    BatchActions* actions() { return window.batchActions(); }
    QTableView* table() { return window.findChild<QTableView*>(QStringLiteral("batchTable")); }
    bool ingestedBatch(const QString& id) const {
        for (const QList<QVariant>& args : ingested)
            if (args.first().value<bs::IngestReport>().batchId == id)
                return true;
        return false;
    }
    bs::IngestReport reportOf(const QString& id) const {
        for (const QList<QVariant>& args : ingested)
            if (args.first().value<bs::IngestReport>().batchId == id)
                return args.first().value<bs::IngestReport>();
        return {};
    }
};

} // namespace

class TestBatchActions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        bs::AppInfo::applyToApplication();
        QSettings().clear();
        qRegisterMetaType<bs::BatchOperations::Result>();
        qRegisterMetaType<bs::ResultExporter::Outcome>();
    }
    void cleanup() {
        bs::Ledger::setMainThreadGuard(false);
        qunsetenv("ANTHROPIC_BASE_URL");
        qunsetenv("ANTHROPIC_API_KEY");
    }

    void actionsAreInTheMenuToolbarAndContextMenu() {
        MainWindow window;
        BatchActions* a = window.batchActions();
        QVERIFY(a);
        auto* batchMenu = window.findChild<QMenu*>(QStringLiteral("batchMenu"));
        QVERIFY(batchMenu);
        QVERIFY(window.menuBar()->actions().contains(batchMenu->menuAction()));
        for (QAction* action :
             {a->retryErrored(), a->retryItems(), a->cancelBatch(), a->deleteBatch(),
              a->ingestNow(), a->attachSource(), a->exportJsonl(), a->exportCsv()}) {
            QVERIFY2(batchMenu->actions().contains(action), qPrintable(action->objectName()));
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName())); // nothing selected
        }
        for (QAction* action :
             {a->retryErrored(), a->cancelBatch(), a->deleteBatch(), a->exportCsv()})
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
        auto* bar = window.findChild<QToolBar*>(QStringLiteral("batchToolBar"));
        QVERIFY(bar);
        QStringList texts;
        for (QAction* action : bar->actions())
            if (!action->isSeparator())
                texts << action->text().remove(QLatin1Char('&'));
        QCOMPARE(texts,
                 (QStringList{QStringLiteral("Submit File…"), QStringLiteral("Retry Errored…"),
                              QStringLiteral("Cancel Batch"), QStringLiteral("Delete Batch"),
                              QStringLiteral("Export"), QStringLiteral("Refresh Now")}));
        QMenu context;
        a->fillContextMenu(&context);
        QVERIFY(context.actions().contains(a->retryErrored()));
        QVERIFY(context.actions().contains(a->exportCsv()));
    }

    // The operator's day against the simulator: an ended batch with errored items → Retry
    // errored (the dialog counts each class, the retryable ones checked) → the lineage batch
    // appears, ends and shows its counts and cost; the CSV export has every row and the exact
    // total; Delete marks the row gone. The GUI thread runs no SQL all along.
    void retryErroredExportAndDelete() {
        bs::test::SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                            QStringLiteral("--error-rate"), QStringLiteral("0.3")}),
                 qPrintable(sim.errorString()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        bs::ApiClient client(bs::test::simConfig(sim.baseUrl()));
        client.setRetryPolicy(bs::test::fastRetryPolicy());
        QString error;
        // Every 10th request has an unknown model: fix-required errors beside the transient ones.
        const auto batch =
            bs::test::createAndWaitEnded(client, path, bs::test::makeRequests(40, 64, 10), &error);
        QVERIFY2(batch, qPrintable(error));

        qputenv("ANTHROPIC_BASE_URL", sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", bs::test::SimProcess::fakeKey().toUtf8());
        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        {
            Console c(path);
            QSignalSpy finished(c.actions(), &BatchActions::operationFinished);
            QTRY_VERIFY_WITH_TIMEOUT(c.ingestedBatch(batch->id), 60000);
            const bs::IngestReport report = c.reportOf(batch->id);
            QVERIFY2(report.isComplete(), qPrintable(report.summary()));
            QVERIFY(report.errored > 0);
            QTRY_VERIFY(rowOf(c.table()->model(), batch->id) >= 0);
            select(c.table(), batch->id);
            QTRY_VERIFY(c.actions()->retryErrored()->isEnabled());
            QVERIFY(c.actions()->deleteBatch()->isEnabled());
            QVERIFY(!c.actions()->cancelBatch()->isEnabled()); // ended

            // Retry errored: the dialog shows the classes; transient checked, fix-required not.
            qint64 transient = 0;
            bool fixUnchecked = false;
            whenModal([&](QWidget* w) {
                auto* dialog = qobject_cast<bs::ui::RetryDialog*>(w);
                QVERIFY(dialog);
                QCheckBox* t = dialog->checkBoxFor(bs::RetryClass::Transient);
                QCheckBox* f = dialog->checkBoxFor(bs::RetryClass::FixRequired);
                QVERIFY(t && f);
                QVERIFY(t->isChecked());
                fixUnchecked = !f->isChecked();
                transient = dialog->chosenItems();
                dialog->accept();
            });
            c.actions()->retryErrored()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            const auto retry = finished.takeFirst().first().value<bs::BatchOperations::Result>();
            QVERIFY2(retry.ok, qPrintable(retry.message));
            QVERIFY(fixUnchecked);
            QVERIFY(transient > 0);
            QCOMPARE(qint64(retry.customIds.size()), transient);
            QVERIFY(!retry.newBatchId.isEmpty());

            // The lineage batch appears, ends, and its results are ingested and shown.
            QAbstractItemModel* m = c.table()->model();
            QTRY_VERIFY_WITH_TIMEOUT(rowOf(m, retry.newBatchId) >= 0, 30000);
            QCOMPARE(cell(m, retry.newBatchId, BatchTableModel::Lineage),
                     QStringLiteral("retry of %1").arg(batch->id));
            QTRY_VERIFY_WITH_TIMEOUT(c.ingestedBatch(retry.newBatchId), 60000);
            const bs::IngestReport again = c.reportOf(retry.newBatchId);
            QCOMPARE(again.lines, transient);
            QTRY_COMPARE(cell(m, retry.newBatchId, BatchTableModel::Requests),
                         QString::number(transient));
            QTRY_COMPARE(cell(m, retry.newBatchId, BatchTableModel::Cost),
                         bs::formatMoney(again.costMicros, 2));
            // Ended: the delegate's stacked bar holds every outcome.
            const auto progress = m->index(rowOf(m, retry.newBatchId), BatchTableModel::Progress)
                                      .data(BatchTableModel::ProgressRole)
                                      .value<BatchTableModel::ProgressInfo>();
            QVERIFY(progress.ended);
            QCOMPARE(progress.total(), transient);

            // Export CSV of the first batch: every row, and the cost column adds up exactly.
            select(c.table(), batch->id);
            QTRY_VERIFY(c.actions()->exportCsv()->isEnabled());
            QSignalSpy exported(c.actions(), &BatchActions::exportFinished);
            const QString csvPath = dir.filePath(QStringLiteral("first.csv"));
            c.actions()->exportTo(bs::ResultExporter::Format::Csv, csvPath);
            QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
            const auto outcome = exported.first().first().value<bs::ResultExporter::Outcome>();
            QVERIFY2(outcome.ok, qPrintable(outcome.message));
            QFile csv(csvPath);
            QVERIFY(csv.open(QIODevice::ReadOnly));
            QList<QByteArray> lines = csv.readAll().split('\n');
            lines.removeFirst(); // header
            if (!lines.isEmpty() && lines.last().isEmpty())
                lines.removeLast();
            QCOMPARE(qint64(lines.size()), report.lines);
            qint64 micros = 0;
            for (const QByteArray& l : std::as_const(lines)) {
                const QByteArray cost = l.split(',').at(8);
                if (!cost.isEmpty())
                    micros += microsOf(cost);
            }
            QCOMPARE(micros, report.costMicros);

            // Delete the ended batch: confirmed, then the row says it is deleted (not "gone":
            // that is a batch the server stopped knowing), and the details say when.
            whenModal([](QWidget* w) { clickButton(w, QStringLiteral("Delete")); });
            c.actions()->deleteBatch()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            const auto deleted = finished.takeFirst().first().value<bs::BatchOperations::Result>();
            QVERIFY2(deleted.ok, qPrintable(deleted.message));
            QTRY_COMPARE(cell(m, batch->id, BatchTableModel::Status), QStringLiteral("Deleted"));
            auto* details = c.window.findChild<bs::ui::BatchDetails*>();
            QVERIFY(details);
            QTRY_VERIFY2(details->text().contains(QStringLiteral("Deleted on the server")),
                         qPrintable(details->text()));
            QVERIFY(!details->text().contains(QStringLiteral("Gone since")));
            // The ledger kept its results: the cost is still shown.
            QCOMPARE(cell(m, batch->id, BatchTableModel::Cost),
                     bs::formatMoney(report.costMicros, 2));
            QTRY_VERIFY(!c.actions()->deleteBatch()->isEnabled());
        }
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
        // The ledger marks it deleted, not gone.
        bs::Ledger::setMainThreadGuard(false);
        {
            QString openError;
            auto ledger = bs::Ledger::openForThisThread(path, &openError);
            QVERIFY2(ledger, qPrintable(openError));
            const auto row = bs::BatchStore(*ledger).find(batch->id);
            QVERIFY(row);
            QVERIFY(row->isDeleted());
            QVERIFY(!row->isGone());
        }
    }

    // Retries go through the budget gate: with a daily budget already spent, Retry errored is
    // refused before anything is written or sent, saying which budget.
    void retryIsGatedByTheBudget() {
        bs::test::SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                            QStringLiteral("--error-rate"), QStringLiteral("0.3")}),
                 qPrintable(sim.errorString()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        bs::ApiClient client(bs::test::simConfig(sim.baseUrl()));
        client.setRetryPolicy(bs::test::fastRetryPolicy());
        QString error;
        const auto batch =
            bs::test::createAndWaitEnded(client, path, bs::test::makeRequests(30), &error);
        QVERIFY2(batch, qPrintable(error));
        {
            bs::Ledger ledger;
            QVERIFY(ledger.open(path));
            QVERIFY(bs::SettingsStore(ledger).setBudget(
                bs::BudgetSetting(QStringLiteral("tiny"), 1, bs::BudgetSetting::Period::Day)));
        }
        qputenv("ANTHROPIC_BASE_URL", sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", bs::test::SimProcess::fakeKey().toUtf8());
        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        {
            Console c(path);
            QSignalSpy finished(c.actions(), &BatchActions::operationFinished);
            QTRY_VERIFY_WITH_TIMEOUT(c.ingestedBatch(batch->id), 60000);
            QVERIFY(c.reportOf(batch->id).errored > 0);
            QTRY_VERIFY(rowOf(c.table()->model(), batch->id) >= 0);
            select(c.table(), batch->id);
            QTRY_VERIFY(c.actions()->retryErrored()->isEnabled());
            whenModal([](QWidget* w) { qobject_cast<QDialog*>(w)->accept(); });
            c.actions()->retryErrored()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            const auto r = finished.first().first().value<bs::BatchOperations::Result>();
            QVERIFY(!r.ok);
            QVERIFY2(r.message.contains(QStringLiteral("budget")) &&
                         r.message.contains(QStringLiteral("tiny")),
                     qPrintable(r.message));
            QVERIFY(r.newBatchId.isEmpty());
            QCOMPARE(c.table()->model()->rowCount(), 1);
        }
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
        bs::Ledger::setMainThreadGuard(false);
        // Nothing was drafted: the items are still pending, no draft beside the first batch's.
        bs::Ledger ledger;
        QVERIFY(ledger.open(path));
        QCOMPARE(bs::RetryQueue(ledger).pendingCounts(batch->id).isEmpty(), false);
    }

    // Cancel a running batch: confirmed, the API is asked, the row leaves "In progress".
    void cancelChangesTheRow() {
        bs::test::SimProcess sim;
        // Real-time speed: a batch runs for minutes, long enough to be canceled.
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("1")}),
                 qPrintable(sim.errorString()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ledger.sqlite"));
        bs::ApiClient client(bs::test::simConfig(sim.baseUrl()));
        client.setRetryPolicy(bs::test::fastRetryPolicy());
        QString error;
        const auto batch = bs::test::createAndWaitEnded(client, path, bs::test::makeRequests(20),
                                                        &error, -1, /*waitEnded=*/false);
        QVERIFY2(batch, qPrintable(error));

        qputenv("ANTHROPIC_BASE_URL", sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", bs::test::SimProcess::fakeKey().toUtf8());
        bs::Ledger::setMainThreadGuard(true);
        const int violations = bs::Ledger::mainThreadViolations();
        {
            Console c(path);
            QSignalSpy finished(c.actions(), &BatchActions::operationFinished);
            QAbstractItemModel* m = c.table()->model();
            QTRY_VERIFY_WITH_TIMEOUT(rowOf(m, batch->id) >= 0, 30000);
            QCOMPARE(cell(m, batch->id, BatchTableModel::Status), QStringLiteral("In progress"));
            select(c.table(), batch->id);
            QTRY_VERIFY_WITH_TIMEOUT(c.actions()->cancelBatch()->isEnabled(), 30000);
            QVERIFY(!c.actions()->deleteBatch()->isEnabled()); // not ended
            QVERIFY(!c.actions()->retryErrored()->isEnabled());
            // In progress: the delegate's bar is elapsed time against the expiry.
            const auto progress = m->index(rowOf(m, batch->id), BatchTableModel::Progress)
                                      .data(BatchTableModel::ProgressRole)
                                      .value<BatchTableModel::ProgressInfo>();
            QVERIFY(!progress.ended);
            QCOMPARE(progress.expirySeconds, qint64(24 * 3600));

            // Declined first: nothing is sent.
            whenModal([](QWidget* w) { clickButton(w, QStringLiteral("Cancel")); });
            c.actions()->cancelBatch()->trigger();
            QCOMPARE(finished.size(), 0);
            whenModal([](QWidget* w) { clickButton(w, QStringLiteral("Cancel Batch")); });
            c.actions()->cancelBatch()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            const auto result = finished.takeFirst().first().value<bs::BatchOperations::Result>();
            QVERIFY2(result.ok, qPrintable(result.message));
            QTRY_VERIFY_WITH_TIMEOUT(cell(m, batch->id, BatchTableModel::Status) !=
                                         QStringLiteral("In progress"),
                                     30000);
            QTRY_VERIFY(!c.actions()->cancelBatch()->isEnabled());
        }
        QCOMPARE(bs::Ledger::mainThreadViolations(), violations);
    }
};

QTEST_MAIN(TestBatchActions)
#include "tst_batchactions.moc"
