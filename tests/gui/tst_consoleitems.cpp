// The console's view of one batch's items against the simulator: `--batch ID --items --item C`
// (MainWindow::focusBatch) selects the batch, opens the Items tab and the item; the selected
// item shows its error JSON pretty-printed or its message's text, read from the line as
// received on the ledger worker; an export canceled from its progress dialog leaves no partial
// file and an existing file untouched; the Models column of a batch made elsewhere comes from its
// results. A model tester on every model, the ledger guard on.
#include "api/apiclient.h"
#include "batches/batchactions.h"
#include "batches/batchfilterproxy.h"
#include "batches/batchtablemodel.h"
#include "batches/itemspanel.h"
#include "batches/itemtablemodel.h"
#include "core/appinfo.h"
#include "export/resultexporter.h"
#include "ingesttesthelpers.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/resultstore.h"
#include "ledgertestdata.h"
#include "mainwindow.h"
#include "monitor/consolesession.h"
#include "simprocess.h"
#include "testenv.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using bs::ui::BatchActions;
using bs::ui::BatchTableModel;
using bs::ui::MainWindow;

namespace {

struct Console {
    MainWindow window;
    ConsoleSession session;
    QAbstractItemModelTester batchTester{window.batchModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{window.batchProxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester itemTester{window.itemModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest};

    explicit Console(const QString& path, bool monitor = true) {
        window.show();
        session.openLedger(path);
        window.attachSession(&session);
        if (monitor)
            session.startMonitoring();
    }
    ~Console() { window.attachSession(nullptr); }
    QTableView* table() { return window.findChild<QTableView*>(QStringLiteral("batchTable")); }
    QString currentBatch() {
        return table()->currentIndex().data(BatchTableModel::BatchIdRole).toString();
    }
};

// A ledger with one ended batch of the simulator, its results ingested.
struct EndedBatch {
    MessageBatch batch;
    QList<QByteArray> lines; // the results file as the server sent it
    QString error;
};
EndedBatch endedBatch(const test::SimProcess& sim, const QString& path, int requests) {
    EndedBatch out;
    ApiClient client(test::simConfig(sim.baseUrl()));
    client.setRetryPolicy(test::fastRetryPolicy());
    const auto batch =
        test::createAndWaitEnded(client, path, test::makeRequests(requests, 300, 4), &out.error);
    if (!batch)
        return out;
    IngestOptions o;
    o.api = test::simConfig(sim.baseUrl());
    o.retryPolicy = test::fastRetryPolicy();
    o.ledgerPath = path;
    const IngestReport r = test::ingest(o, *batch);
    if (!r.isComplete()) {
        out.error = r.summary();
        return out;
    }
    out.batch = *batch;
    for (const QByteArray& l : test::fetchResultsFile(o.api, *batch).split('\n'))
        if (!l.isEmpty())
            out.lines.append(l);
    return out;
}

QJsonObject lineOf(const QList<QByteArray>& lines, const QString& type) {
    for (const QByteArray& l : lines) {
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        if (o[u"result"].toObject()[u"type"].toString() == type)
            return o;
    }
    return {};
}

ResultRow result(const QString& batchId, const QString& customId, const QString& model) {
    ResultRow r;
    r.batchId = batchId;
    r.customId = customId;
    r.type = QStringLiteral("succeeded");
    r.model = model;
    r.costMicros = 10;
    return r;
}

QString cell(const QAbstractItemModel& m, int row, int column) {
    return m.data(m.index(row, column)).toString();
}

} // namespace

class TestConsoleItems : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("items-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        AppInfo::applyToApplication();
        QSettings().clear();
        qRegisterMetaType<ResultExporter::Outcome>();
    }
    void cleanup() {
        Ledger::setMainThreadGuard(false);
        qunsetenv("ANTHROPIC_BASE_URL");
        qunsetenv("ANTHROPIC_API_KEY");
        qunsetenv("BS_TEST_EXPORT_HOLD_AFTER_ROWS");
    }

    // focusBatch (the console's --batch ID --items --item C) selects the batch, opens the Items
    // tab and the errored item, whose error JSON shows pretty-printed; a succeeded item shows
    // its message's text.
    void focusedItemShowsItsErrorJsonThenText() {
        test::SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                            QStringLiteral("--error-rate"), QStringLiteral("0.3")}),
                 qPrintable(sim.errorString()));
        const QString path = freshPath();
        const EndedBatch e = endedBatch(sim, path, 24);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        const QJsonObject errored = lineOf(e.lines, QStringLiteral("errored"));
        const QJsonObject succeeded = lineOf(e.lines, QStringLiteral("succeeded"));
        QVERIFY(!errored.isEmpty() && !succeeded.isEmpty());
        const QString erroredId = errored[u"custom_id"].toString();

        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        {
            Console c(path, false);
            c.window.focusBatch(e.batch.id, true, erroredId);
            ui::ItemsPanel* items = c.window.itemsPanel();
            QTRY_COMPARE_WITH_TIMEOUT(items->shownItem(), erroredId, 30000);
            QCOMPARE(c.currentBatch(), e.batch.id);
            auto* tabs = c.window.findChild<QTabWidget*>(QStringLiteral("detailTabs"));
            QVERIFY(tabs);
            QCOMPARE(tabs->currentWidget(), items);
            const QString shownError =
                QString::fromUtf8(QJsonDocument(errored[u"result"].toObject()[u"error"].toObject())
                                      .toJson(QJsonDocument::Indented))
                    .trimmed();
            QVERIFY2(items->detailText().contains(shownError), qPrintable(items->detailText()));

            // A succeeded item: its text blocks.
            const QString okId = succeeded[u"custom_id"].toString();
            QString text;
            for (const QJsonValue& b :
                 succeeded[u"result"].toObject()[u"message"].toObject()[u"content"].toArray())
                if (b.toObject()[u"type"].toString() == QLatin1String("text"))
                    text = b.toObject()[u"text"].toString();
            QVERIFY(!text.isEmpty());
            items->selectItem(okId);
            QTRY_COMPARE(items->shownItem(), okId);
            QVERIFY2(items->detailText().contains(text), qPrintable(items->detailText()));
            QVERIFY(!items->detailText().contains(QStringLiteral("\"usage\"")));
        }
        QCOMPARE(Ledger::mainThreadViolations(), violations);
    }

    // Cancel from the export's progress dialog: no partial file, an existing file untouched. The
    // export holds after its first page until canceled (a test hook), so no race decides it.
    void exportCanceledFromItsDialog() {
        test::SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0")}),
                 qPrintable(sim.errorString()));
        const QString path = freshPath();
        const EndedBatch e = endedBatch(sim, path, 12);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        qputenv("BS_TEST_EXPORT_HOLD_AFTER_ROWS", "1");
        QTemporaryDir out;
        for (const bool existing : {true, false}) {
            const QString target =
                out.filePath(existing ? QStringLiteral("kept.jsonl") : QStringLiteral("new.jsonl"));
            if (existing) {
                QFile keep(target);
                QVERIFY(keep.open(QIODevice::WriteOnly));
                keep.write("keep me\n");
            }
            Console c(path, false);
            c.window.focusBatch(e.batch.id);
            QTRY_COMPARE_WITH_TIMEOUT(c.currentBatch(), e.batch.id, 30000);
            QSignalSpy finished(c.window.batchActions(), &BatchActions::exportFinished);
            c.window.batchActions()->exportTo(ResultExporter::Format::Jsonl, target);
            QProgressDialog* dialog = nullptr;
            QTRY_VERIFY(
                (dialog = c.window.findChild<QProgressDialog*>(QStringLiteral("exportProgress"))));
            // The first page is written (into the temporary file): progress shows it.
            QTRY_VERIFY_WITH_TIMEOUT(dialog->value() > 0, 30000);
            QVERIFY(finished.isEmpty()); // held: it cannot have finished
            QAbstractButton* cancel = nullptr;
            for (QAbstractButton* b : dialog->findChildren<QAbstractButton*>())
                if (b->text() == QLatin1String("Cancel"))
                    cancel = b;
            QVERIFY(cancel);
            cancel->click();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            const auto outcome = finished.first().first().value<ResultExporter::Outcome>();
            QVERIFY(!outcome.ok);
            QVERIFY(outcome.canceled);
            QVERIFY(outcome.rows > 0);
            if (existing) {
                QFile kept(target);
                QVERIFY(kept.open(QIODevice::ReadOnly));
                QCOMPARE(kept.readAll(), QByteArray("keep me\n"));
                QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden),
                         QStringList{QStringLiteral("kept.jsonl")});
            } else {
                QVERIFY(!QFile::exists(target));
                QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden),
                         QStringList{QStringLiteral("kept.jsonl")});
            }
        }
    }

    // A batch created elsewhere has no draft here: its Models come from its results' models
    // (the batch_models summary, most results first), also when results arrive later.
    void modelsOfBatchesMadeElsewhere() {
        const QString path = freshPath();
        const QString sonnet = QStringLiteral("claude-sonnet-4-5");
        const QString haiku = QStringLiteral("claude-haiku-4-5");
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
            QVERIFY(BatchStore(ledger).upsertDiscovered(
                {test::endedTestBatch(QStringLiteral("msgbatch_elsewhere"))}));
            QList<ResultRow> rows;
            for (int i = 0; i < 4; ++i)
                rows << result(QStringLiteral("msgbatch_elsewhere"), QStringLiteral("c%1").arg(i),
                               i == 0 ? haiku : sonnet);
            QCOMPARE(ResultStore(ledger).insert(rows), 4);
            QVERIFY(BatchStore(ledger).upsertDiscovered(
                {test::endedTestBatch(QStringLiteral("msgbatch_later"))}));
        }
        BatchTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LedgerWorker worker;
        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        worker.open(path);
        model.setWorker(&worker);
        QTRY_VERIFY_WITH_TIMEOUT(model.isLoaded(), 30000);
        const auto rowOf = [&](const QString& id) {
            for (int r = 0; r < model.rowCount(); ++r)
                if (model.rowAt(r)->record.batch.id == id)
                    return r;
            return -1;
        };
        QCOMPARE(cell(model, rowOf(QStringLiteral("msgbatch_elsewhere")), BatchTableModel::Models),
                 sonnet + QStringLiteral(", ") + haiku);
        QCOMPARE(cell(model, rowOf(QStringLiteral("msgbatch_later")), BatchTableModel::Models),
                 QString());
        // Results of the second batch come from another thread's connection: its row learns
        // its model (a row-level refresh, not a complete reload).
        QThread* t = QThread::create([&] {
            QString error;
            auto other = Ledger::openForThisThread(path, &error);
            QVERIFY2(other, qPrintable(error));
            QCOMPARE(ResultStore(*other).insert(
                         {result(QStringLiteral("msgbatch_later"), QStringLiteral("x"), haiku)}),
                     1);
        });
        t->start();
        QVERIFY(t->wait(30000));
        delete t;
        QTRY_COMPARE(cell(model, rowOf(QStringLiteral("msgbatch_later")), BatchTableModel::Models),
                     haiku);
        QCOMPARE(Ledger::mainThreadViolations(), violations);
    }
};

QTEST_MAIN(TestConsoleItems)
#include "tst_consoleitems.moc"
