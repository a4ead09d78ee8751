// BatchTableModel over a real ledger file read through a LedgerWorker: columns, raw sort values,
// the summary, that a write from another connection (another thread) reaches the table as
// row-level changes, and that the model runs no SQL on the GUI thread (Ledger's guard on).
#include "batches/batchtablemodel.h"
#include "batches/itemtablemodel.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/resultstore.h"
#include "ledger/retryqueue.h"
#include "ledgertestdata.h"
#include "testenv.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using bs::ui::BatchTableModel;

namespace {

MessageBatch runningBatch(const QString& id, qint64 requests, int minutesAgo) {
    MessageBatch b;
    b.id = id;
    b.processingStatus = MessageBatch::Status::InProgress;
    b.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    b.expiresAt = b.createdAt.addDays(1);
    b.requestCounts.processing = requests;
    return b;
}

ResultRow result(const QString& batchId, const QString& customId, const QString& type, Money cost) {
    ResultRow r;
    r.batchId = batchId;
    r.customId = customId;
    r.type = type;
    r.model = QStringLiteral("claude-haiku-4-5");
    r.costMicros = cost;
    return r;
}

// Runs `work` on a thread of its own with its own connection on `path` (as the console's monitor
// and ingestion threads write).
void onWorker(const QString& path, const std::function<void(Ledger&)>& work) {
    QThread* t = QThread::create([&] {
        QString error;
        auto worker = Ledger::openForThisThread(path, &error);
        QVERIFY2(worker, qPrintable(error));
        work(*worker);
    });
    t->start();
    QVERIFY(t->wait(30000));
    delete t;
}

// Points the model at a worker on `path` and waits for its first answer.
bool load(BatchTableModel& model, LedgerWorker& worker, const QString& path) {
    worker.open(path);
    model.setWorker(&worker);
    return QTest::qWaitFor([&] { return model.isLoaded(); }, 30000);
}

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole) {
    return m.data(m.index(row, column), role).toString();
}

} // namespace

class TestBatchTableModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("model-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    // A failed test must not leave the guard on for the next one.
    void cleanup() { Ledger::setMainThreadGuard(false); }
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale::c());
    }

    void showsBatchesCountsAndCost() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        MessageBatch ended = bs::test::endedTestBatch(QStringLiteral("msgbatch_ended"));
        ended.requestCounts.succeeded = 2;
        ended.requestCounts.errored = 1;
        QVERIFY(BatchStore(ledger).upsert(ended));
        QVERIFY(BatchStore(ledger).upsert(runningBatch(QStringLiteral("msgbatch_running"), 7, 5)));
        QCOMPARE(ResultStore(ledger).insert(
                     {result(ended.id, QStringLiteral("a"), QStringLiteral("succeeded"), 1'250'000),
                      result(ended.id, QStringLiteral("b"), QStringLiteral("succeeded"), 2'500'000),
                      result(ended.id, QStringLiteral("c"), QStringLiteral("errored"), 0)}),
                 qint64(3));
        QVERIFY(BatchStore(ledger).markResultsIngested(ended.id, QDateTime::currentDateTimeUtc()));

        BatchTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LedgerWorker worker;
        QVERIFY(load(model, worker, path));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BatchTableModel::ColumnCount));
        QCOMPARE(model.headerData(BatchTableModel::Errored, Qt::Horizontal).toString(),
                 QStringLiteral("Errored"));

        // Newest first: the running batch was created minutes ago, the ended one in 2026-11-20.
        QCOMPARE(cell(model, 0, BatchTableModel::Id), QStringLiteral("msgbatch_running"));
        QCOMPARE(cell(model, 0, BatchTableModel::Status), QStringLiteral("In progress"));
        QCOMPARE(cell(model, 0, BatchTableModel::Processing), QStringLiteral("7"));
        QCOMPARE(cell(model, 0, BatchTableModel::Cost), QString());
        QCOMPARE(cell(model, 1, BatchTableModel::Status), QStringLiteral("Ended"));
        QCOMPARE(cell(model, 1, BatchTableModel::Succeeded), QStringLiteral("2"));
        QCOMPARE(cell(model, 1, BatchTableModel::Errored), QStringLiteral("1"));
        QCOMPARE(cell(model, 1, BatchTableModel::Cost), QStringLiteral("$3.75"));
        QCOMPARE(model.data(model.index(1, BatchTableModel::Cost), BatchTableModel::SortRole)
                     .toLongLong(),
                 qint64(3'750'000));
        QVERIFY(model.data(model.index(1, BatchTableModel::Errored), Qt::ForegroundRole).isValid());
        QVERIFY(
            !model.data(model.index(0, BatchTableModel::Errored), Qt::ForegroundRole).isValid());
        QCOMPARE(model.data(model.index(1, BatchTableModel::Id), BatchTableModel::BatchIdRole)
                     .toString(),
                 ended.id);

        // Request total, age, lineage.
        QCOMPARE(cell(model, 1, BatchTableModel::Requests), QStringLiteral("3"));
        QCOMPARE(cell(model, 0, BatchTableModel::Age), QStringLiteral("5 min"));
        QVERIFY(model.data(model.index(1, BatchTableModel::Age), BatchTableModel::SortRole)
                    .toLongLong() > 3600);
        QCOMPARE(cell(model, 1, BatchTableModel::Lineage), QString());
        QCOMPARE(model.headerData(BatchTableModel::Lineage, Qt::Horizontal).toString(),
                 QStringLiteral("Lineage"));
        QCOMPARE(BatchTableModel::durationText(45), QStringLiteral("45 s"));
        QCOMPARE(BatchTableModel::durationText(3 * 3600 + 5 * 60), QStringLiteral("3 h 05 min"));
        QCOMPARE(BatchTableModel::durationText(50 * 3600), QStringLiteral("2 d 2 h"));

        const BatchTableModel::Summary s = model.summary();
        QCOMPARE(s.batches, 2);
        QCOMPARE(s.unfinished, 1);
        QCOMPARE(s.awaitingIngest, 0);
        QCOMPARE(s.errored, qint64(1));
        QCOMPARE(s.spent, Money(3'750'000));

        // Sorting by the raw value: 7 processing sorts above 0 (as numbers, not as text).
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(BatchTableModel::SortRole);
        proxy.sort(BatchTableModel::Processing, Qt::DescendingOrder);
        QCOMPARE(cell(proxy, 0, BatchTableModel::Id), QStringLiteral("msgbatch_running"));
        proxy.sort(BatchTableModel::Created, Qt::AscendingOrder);
        QCOMPARE(cell(proxy, 0, BatchTableModel::Id), ended.id);
    }

    // A batch that ended and whose results are not in yet says so.
    void endedWithoutResults() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QVERIFY(BatchStore(ledger).upsert(
            bs::test::endedTestBatch(QStringLiteral("msgbatch_pending"))));
        BatchTableModel model;
        LedgerWorker worker;
        QVERIFY(load(model, worker, path));
        QCOMPARE(cell(model, 0, BatchTableModel::Status), QStringLiteral("Ended, results pending"));
        QCOMPARE(cell(model, 0, BatchTableModel::Cost), QStringLiteral("not ingested"));
        QCOMPARE(model.summary().awaitingIngest, 1);
    }

    // In flight, the cost column shows the worst case its draft reserved at the budget gate;
    // once results are in, the actual cost replaces it.
    void inFlightShowsTheReservedEstimate() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const MessageBatch b = runningBatch(QStringLiteral("msgbatch_estimate"), 3, 10);
        const QString localId = DraftStore(ledger).create(BatchLocal());
        QVERIFY(!localId.isEmpty());
        QVERIFY(BudgetStore(ledger).addReservations(
            localId, {{QStringLiteral("claude-haiku-4-5"), 3, 300, 3000, 1'234'567, false}}));
        QVERIFY2(DraftStore(ledger).attach(localId, b), qPrintable(ledger.lastError()));
        BatchTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LedgerWorker worker;
        QVERIFY(load(model, worker, path));
        QCOMPARE(cell(model, 0, BatchTableModel::Cost), QStringLiteral("≤ $1.23 (estimate)"));
        QCOMPARE(model.rowAt(0)->estimateMicros, Money(1'234'567));
    }

    // A batch the server no longer knows shows as gone, and counts as neither running nor
    // waiting for results.
    void goneBatchSaysSo() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const MessageBatch b = runningBatch(QStringLiteral("msgbatch_gone"), 3, 10);
        QVERIFY(BatchStore(ledger).upsert(b));
        BatchTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LedgerWorker worker;
        QVERIFY(load(model, worker, path));
        QCOMPARE(cell(model, 0, BatchTableModel::Status), QStringLiteral("In progress"));
        QCOMPARE(model.summary().unfinished, 1);
        QVERIFY(BatchStore(ledger).markGone(b.id));
        QTRY_COMPARE(cell(model, 0, BatchTableModel::Status), QStringLiteral("Gone"));
        QVERIFY(!cell(model, 0, BatchTableModel::Status, Qt::ToolTipRole).isEmpty());
        QCOMPARE(model.summary().unfinished, 0);
        QCOMPARE(model.summary().awaitingIngest, 0);
    }

    // A write on another thread's connection reaches the model through LedgerNotifier: the new
    // batch is inserted, then a change of values is one dataChanged on that row; never a reset.
    // The whole time the GUI thread runs no SQL: the guard is on and counts no violation.
    void followsWritesFromAnotherThread() {
        const QString path = freshPath();
        onWorker(path, [](Ledger& l) {
            QVERIFY(BatchStore(l).upsert(runningBatch(QStringLiteral("msgbatch_one"), 3, 10)));
            QVERIFY(BatchStore(l).upsert(runningBatch(QStringLiteral("msgbatch_old"), 3, 60)));
        });
        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        BatchTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        LedgerWorker worker;
        QVERIFY(load(model, worker, path));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1); // the first answer: every row in one insert

        onWorker(path, [](Ledger& l) {
            QVERIFY(BatchStore(l).upsert(runningBatch(QStringLiteral("msgbatch_two"), 5, 1)));
        });
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), 0); // at the top
        QCOMPARE(inserted.last().at(2).toInt(), 0);
        QCOMPARE(cell(model, 0, BatchTableModel::Id), QStringLiteral("msgbatch_two"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        MessageBatch done = runningBatch(QStringLiteral("msgbatch_two"), 0, 1);
        done.processingStatus = MessageBatch::Status::Ended;
        done.endedAt = QDateTime::currentDateTimeUtc();
        done.requestCounts.succeeded = 5;
        onWorker(path, [&](Ledger& l) { QVERIFY(BatchStore(l).upsert(done)); });
        QTRY_COMPARE(changed.size(), 1);
        // Only that row.
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 0);
        QCOMPARE(cell(model, 0, BatchTableModel::Succeeded), QStringLiteral("5"));
        QCOMPARE(model.summary().unfinished, 2);

        // Results stored by another connection: that batch's cost comes from its summary.
        onWorker(path, [&](Ledger& l) {
            QVERIFY(ResultStore(l).insert({result(done.id, QStringLiteral("x"),
                                                  QStringLiteral("succeeded"), 2'000'000)}) == 1);
        });
        QTRY_COMPARE(cell(model, 0, BatchTableModel::Cost), QStringLiteral("$2.00"));
        QTRY_COMPARE(model.summary().spent, Money(2'000'000));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(Ledger::mainThreadViolations(), violations);
        Ledger::setMainThreadGuard(false);
    }

    // A submission shows at once, in its write-ahead state: a stored draft is a row ("Stored, not
    // sent", its requests), then "Sending", and its created batch takes over the same row (no
    // remove, no insert); an abandoned draft's row goes.
    void draftsAreRowsUntilTheirBatchExists() {
        const QString path = freshPath();
        onWorker(path, [](Ledger& l) {
            QVERIFY(BatchStore(l).upsert(runningBatch(QStringLiteral("msgbatch_old"), 3, 60)));
        });
        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        BatchTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LedgerWorker worker;
        QVERIFY(load(model, worker, path));
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        QString local, other;
        BatchLocal source;
        source.sourceFile = QStringLiteral("/data/requests.jsonl");
        onWorker(path, [&](Ledger& l) {
            DraftStore drafts(l);
            local = drafts.create(source);
            other = drafts.create(source);
            QVERIFY(!local.isEmpty() && !other.isEmpty());
            QVERIFY(
                drafts.storeRequests(local, {{QStringLiteral("r-1"), QByteArrayLiteral("{}"), 1},
                                             {QStringLiteral("r-2"), QByteArrayLiteral("{}"), 1}}));
        });
        QTRY_COMPARE(model.rowCount(), 3);
        const auto rowOf = [&](const QString& text, int column) {
            for (int r = 0; r < model.rowCount(); ++r) {
                if (cell(model, r, column) == text)
                    return r;
            }
            return -1;
        };
        QTRY_VERIFY(rowOf(QStringLiteral("2"), BatchTableModel::Requests) >= 0);
        const int row = rowOf(QStringLiteral("2"), BatchTableModel::Requests);
        QCOMPARE(cell(model, row, BatchTableModel::Status), QStringLiteral("Stored, not sent"));
        QCOMPARE(cell(model, row, BatchTableModel::Id), QStringLiteral("not created yet"));
        QCOMPARE(cell(model, row, BatchTableModel::Source), QStringLiteral("requests.jsonl"));
        QVERIFY(cell(model, row, BatchTableModel::Status, Qt::ToolTipRole).contains(local));

        onWorker(path, [&](Ledger& l) { QVERIFY(DraftStore(l).markCreating(local)); });
        QTRY_COMPARE(cell(model, row, BatchTableModel::Status), QStringLiteral("Sending"));

        MessageBatch created = runningBatch(QStringLiteral("msgbatch_created"), 2, 0);
        const int insertsBefore = int(inserted.size());
        onWorker(path, [&](Ledger& l) { QVERIFY(DraftStore(l).attach(local, created)); });
        QTRY_COMPARE(cell(model, row, BatchTableModel::Id), QStringLiteral("msgbatch_created"));
        QCOMPARE(cell(model, row, BatchTableModel::Status), QStringLiteral("In progress"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(int(inserted.size()), insertsBefore);
        QCOMPARE(removed.size(), 0);

        onWorker(path,
                 [&](Ledger& l) { QVERIFY(DraftStore(l).abandon(other, QStringLiteral("test"))); });
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(Ledger::mainThreadViolations(), violations);
        Ledger::setMainThreadGuard(false);
    }

    // The items of a batch come a page at a time, in custom_id order, filtered by type and by a
    // text in the custom_id; nothing of it on the GUI thread.
    void itemsLoadLazily() {
        const QString path = freshPath();
        const QString id = QStringLiteral("msgbatch_items");
        onWorker(path, [&](Ledger& l) {
            QVERIFY(BatchStore(l).upsert(bs::test::endedTestBatch(id)));
            QList<ResultRow> rows;
            for (int i = 0; i < 1200; ++i)
                rows << result(
                    id, QStringLiteral("item-%1").arg(i, 5, 10, QLatin1Char('0')),
                    i % 10 == 3 ? QStringLiteral("errored") : QStringLiteral("succeeded"), 100);
            QCOMPARE(ResultStore(l).insert(rows), qint64(1200));
        });
        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        bs::ui::ItemTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LedgerWorker worker;
        worker.open(path);
        model.setWorker(&worker);
        QSignalSpy pages(&model, &bs::ui::ItemTableModel::pageLoaded);
        model.setBatch(id);
        QTRY_VERIFY(!pages.isEmpty());
        QCOMPARE(pages.first().at(0).toInt(), bs::ui::ItemTableModel::kPageSize); // one page
        QCOMPARE(cell(model, 0, bs::ui::ItemTableModel::CustomId), QStringLiteral("item-00000"));
        // More as the view asks (QAbstractItemModelTester asks too), never a row twice.
        while (model.canFetchMore({}) || model.isLoading()) {
            model.fetchMore({});
            QTest::qWait(5);
        }
        QCOMPARE(model.rowCount(), 1200);
        for (int r = 0; r < 1200; ++r)
            QCOMPARE(cell(model, r, bs::ui::ItemTableModel::CustomId),
                     QStringLiteral("item-%1").arg(r, 5, 10, QLatin1Char('0')));
        QVERIFY(pages.last().at(1).toBool()); // at the end

        model.setFilter(QStringLiteral("errored"), QString());
        QTRY_COMPARE(model.rowCount(), 120);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(cell(model, 0, bs::ui::ItemTableModel::CustomId), QStringLiteral("item-00003"));
        model.setFilter(QString(), QStringLiteral("ITEM-0119"));
        QTRY_COMPARE(model.rowCount(), 10);
        model.setBatch(QString());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(Ledger::mainThreadViolations(), violations);
        Ledger::setMainThreadGuard(false);
    }

    // The items view filters errored items by the retry class they were queued with and by a
    // text in their error message.
    void itemsFilterByErrorClassAndMessage() {
        const QString path = freshPath();
        const QString id = QStringLiteral("msgbatch_classes");
        onWorker(path, [&](Ledger& l) {
            QVERIFY(BatchStore(l).upsert(bs::test::endedTestBatch(id)));
            QList<ResultRow> rows;
            QList<RetryItem> items;
            for (int i = 0; i < 30; ++i) {
                ResultRow r =
                    result(id, QStringLiteral("e-%1").arg(i, 2, 10, QLatin1Char('0')),
                           i % 3 == 0 ? QStringLiteral("succeeded") : QStringLiteral("errored"), 0);
                if (r.type == QLatin1String("errored")) {
                    const bool overloaded = i % 3 == 1;
                    r.errorType = overloaded ? QStringLiteral("overloaded_error")
                                             : QStringLiteral("invalid_request_error");
                    r.errorMessage = overloaded ? QStringLiteral("Overloaded")
                                                : QStringLiteral("max_tokens: too large");
                    RetryItem item;
                    item.batchId = id;
                    item.customId = r.customId;
                    item.retryClass = classifyRetry(r.type, r.errorType, r.errorMessage);
                    item.errorType = r.errorType;
                    item.errorMessage = r.errorMessage;
                    items << item;
                }
                rows << r;
            }
            QCOMPARE(ResultStore(l).insert(rows), qint64(30));
            QCOMPARE(RetryQueue(l).enqueue(items), qint64(20));
        });
        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        bs::ui::ItemTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LedgerWorker worker;
        worker.open(path);
        model.setWorker(&worker);
        model.setBatch(id);
        QTRY_COMPARE(model.rowCount(), 30);
        model.setErrorFilter(retryClassName(RetryClass::Transient), QString());
        QTRY_COMPARE(model.rowCount(), 10);
        QCOMPARE(cell(model, 0, bs::ui::ItemTableModel::CustomId), QStringLiteral("e-01"));
        model.setErrorFilter(retryClassName(RetryClass::FixRequired), QString());
        QTRY_COMPARE(model.rowCount(), 10);
        QCOMPARE(cell(model, 0, bs::ui::ItemTableModel::CustomId), QStringLiteral("e-02"));
        model.setErrorFilter(QString(), QStringLiteral("MAX_TOKENS"));
        QTRY_COMPARE(model.rowCount(), 10);
        QCOMPARE(cell(model, 0, bs::ui::ItemTableModel::ErrorType),
                 QStringLiteral("invalid_request_error"));
        model.setErrorFilter(retryClassName(RetryClass::Transient), QStringLiteral("max_tokens"));
        QTRY_COMPARE(model.rowCount(), 0);
        QCOMPARE(Ledger::mainThreadViolations(), violations);
        Ledger::setMainThreadGuard(false);
    }

    // The guard itself: with it on, a Ledger opened on the GUI thread is refused and counted.
    void guardRefusesTheGuiThread() {
        Ledger::setMainThreadGuard(true);
        const int before = Ledger::mainThreadViolations();
        Ledger ledger;
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("GUI\\) thread")));
        QVERIFY(!ledger.open(freshPath()));
        QVERIFY(ledger.lastError().contains(QStringLiteral("GUI thread")));
        QCOMPARE(Ledger::mainThreadViolations(), before + 1);
        Ledger::setMainThreadGuard(false);
        QVERIFY(ledger.open(freshPath()));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    TestBatchTableModel test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_batchtablemodel.moc"
