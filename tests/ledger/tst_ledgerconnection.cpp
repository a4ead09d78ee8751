#include "ledger/alertlog.h"
#include "ledger/alertstate.h"
#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/ledgerschema.h"
#include "ledger/resultstore.h"
#include "ledger/summarystore.h"
#include "ledgerdowngrade.h"
#include "ledgertesthelpers.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using namespace bs::ledgertest;

class TestLedgerConnection : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultPathIsAppData() {
        QVERIFY(Ledger::defaultPath().endsWith(QStringLiteral("/ledger.sqlite")));
    }

    void migratesFromEmptyAndReopens() {
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
            QCOMPARE(ledger.openStatus(), Ledger::OpenStatus::Ok);
            QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
            QVERIFY(BatchStore(ledger).upsert(makeBatch(QStringLiteral("msgbatch_keep"))));
        }
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
            QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
            QVERIFY(BatchStore(ledger).find(QStringLiteral("msgbatch_keep")).has_value());
        }
        RawDb raw(path);
        // One row per migration applied (the numbers may have a gap while branches add theirs).
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 int(LedgerSchema::migrations().size()));
        for (const char* table : {"batches", "drafts", "requests", "results", "retry_queue",
                                  "alerts", "settings", "budgets"}) {
            QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE "
                                               "type='table' AND name='%1'")
                                    .arg(QLatin1String(table)))
                         .toInt(),
                     1);
        }
    }

    void fileIsPrivateAndWal() {
        const QString path = m_dir.filePath(QStringLiteral("sub/dir/ledger.sqlite"));
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QVERIFY(BatchStore(ledger).upsert(makeBatch(QStringLiteral("msgbatch_mode"))));
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(fileMode(path + QStringLiteral("-wal")), 0600);
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
    }

    void tightensWiderMode() {
        const QString path = freshPath();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        ::chmod(QFile::encodeName(path).constData(), 0644);
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QCOMPARE(fileMode(path), 0600);
    }

    void upgradesOlderFilesStepByStep_data() {
        QTest::addColumn<int>("fromVersion");
        QTest::newRow("version 1") << 1;
        QTest::newRow("version 2") << 2;
    }

    void upgradesOlderFilesStepByStep() {
        // A file as version 1 or 2 left it (version 1: with the results_day / results_model
        // indexes; both: without batches.gone_at nor the summaries of version 5), holding data:
        // opening it applies the later migrations, each in its transaction, and keeps every row.
        QFETCH(int, fromVersion);
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
            QVERIFY(BatchStore(ledger).upsert(makeBatch(QStringLiteral("msgbatch_old"))));
            QCOMPARE(ResultStore(ledger).insert(
                         {makeResult(QStringLiteral("msgbatch_old"), QStringLiteral("a"),
                                     QStringLiteral("claude-haiku-5-5"), 10, 5, 7),
                          makeResult(QStringLiteral("msgbatch_old"), QStringLiteral("b"),
                                     QStringLiteral("claude-haiku-5-5"), 20, 5, 9)}),
                     2);
        }
        {
            const QString downgraded = bs::test::downgradeLedger(path, fromVersion);
            QVERIFY2(downgraded.isEmpty(), qPrintable(downgraded));
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO alerts(at, severity, kind, batch_id, message) VALUES("
                "'2026-11-20T10:00:00.000Z', 'warning', 'errored_items', 'msgbatch_old', 'old')")));
            if (fromVersion < 2) {
                QVERIFY(raw.exec(QStringLiteral("CREATE INDEX results_day ON results(day)")));
                QVERIFY(raw.exec(QStringLiteral("CREATE INDEX results_model ON results(model)")));
            }
        }
        QVERIFY(Ledger::latestSchemaVersion() >= 3);
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
        QCOMPARE(ResultStore(ledger).count(QStringLiteral("msgbatch_old")), qint64(2));
        // Migration 6: an alert logged before it is kept, with no delivery.
        const auto logged = AlertLog(ledger).recent();
        QCOMPARE(logged.size(), 1);
        QCOMPARE(logged.first().message, QStringLiteral("old"));
        QCOMPARE(logged.first().delivery, AlertRecord::Delivery::None);
        QVERIFY(AlertState(ledger).active().isEmpty());
        QCOMPARE(CostQueries(ledger).total(QDate(), QStringLiteral("msgbatch_old")).micros,
                 Money(16));
        // Migration 3: the old batch is not gone, and can be marked so.
        BatchStore batches(ledger);
        QVERIFY(!batches.find(QStringLiteral("msgbatch_old"))->isGone());
        QVERIFY2(batches.markGone(QStringLiteral("msgbatch_old")), qPrintable(ledger.lastError()));
        QVERIFY(batches.find(QStringLiteral("msgbatch_old"))->isGone());
        // Migration 8: not deleted until marked so (apart from gone); the models of its results
        // are back-filled; its results have no line as received.
        QVERIFY(!batches.find(QStringLiteral("msgbatch_old"))->isDeleted());
        QVERIFY2(batches.markDeleted(QStringLiteral("msgbatch_old")),
                 qPrintable(ledger.lastError()));
        QVERIFY(batches.find(QStringLiteral("msgbatch_old"))->isDeleted());
        QCOMPARE(SummaryStore(ledger)
                     .modelsOfBatches({QStringLiteral("msgbatch_old")})
                     .value(QStringLiteral("msgbatch_old")),
                 QStringList{QStringLiteral("claude-haiku-5-5")});
        std::optional<QByteArray> line;
        QVERIFY(
            ResultStore(ledger).lineOf(QStringLiteral("msgbatch_old"), QStringLiteral("a"), &line));
        QVERIFY(!line);
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                           "'index' AND name IN ('results_day', 'results_model')"))
                     .toInt(),
                 0);
        // One row per migration applied (the numbers may have a gap while branches add theirs).
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 int(LedgerSchema::migrations().size()));
    }

    void newerSchemaIsRefusedAndKept() {
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
            QVERIFY(BatchStore(ledger).upsert(makeBatch(QStringLiteral("msgbatch_future"))));
        }
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO schema_version(version, applied_at) VALUES(999, 'later')")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = sha256Of(path);
        Ledger ledger;
        QVERIFY(!ledger.open(path));
        QCOMPARE(ledger.openStatus(), Ledger::OpenStatus::TooNew);
        QVERIFY2(ledger.lastError().contains(QStringLiteral("newer version")),
                 qPrintable(ledger.lastError()));
        QVERIFY(ledger.lastError().contains(path));
        QVERIFY(ledger.lastError().contains(QStringLiteral("999")));
        QVERIFY(!ledger.isOpen());
        QCOMPARE(sha256Of(path), before);
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(),
                 999);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT id FROM batches")).toString(),
                 QStringLiteral("msgbatch_future"));
    }

    // A file that is not (yet known to be) a ledger keeps its mode and its bytes: the mode is
    // tightened to 0600 only once the file turned out to be a ledger.
    void refusedFileKeepsItsMode_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("text file") << QStringLiteral("text") << int(Ledger::OpenStatus::NotALedger);
        QTest::newRow("foreign SQLite")
            << QStringLiteral("foreign") << int(Ledger::OpenStatus::NotALedger);
        QTest::newRow("newer ledger") << QStringLiteral("newer") << int(Ledger::OpenStatus::TooNew);
    }

    void refusedFileKeepsItsMode() {
        QFETCH(QString, kind);
        QFETCH(int, status);
        const QString path = freshPath();
        if (kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("id,name\n1,not a database\n");
        } else if (kind == QLatin1String("foreign")) {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes(x TEXT)")));
        } else {
            {
                Ledger ledger;
                QVERIFY(ledger.open(path));
            }
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO schema_version(version, applied_at) VALUES(999, 'later')")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
        const QByteArray before = sha256Of(path);

        Ledger ledger;
        QVERIFY(!ledger.open(path));
        QCOMPARE(int(ledger.openStatus()), status);
        QCOMPARE(fileMode(path), 0644);
        QCOMPARE(sha256Of(path), before);
    }

    void corruptFileIsRefusedAndKept() {
        const QString path = freshPath();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        const QByteArray before = sha256Of(path);
        Ledger ledger;
        QVERIFY(!ledger.open(path));
        QCOMPARE(ledger.openStatus(), Ledger::OpenStatus::NotALedger);
        QVERIFY(ledger.lastError().contains(path));
        QCOMPARE(sha256Of(path), before);
    }

    void foreignDatabaseIsRefused() {
        const QString path = freshPath();
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes(x TEXT)")));
        }
        Ledger ledger;
        QVERIFY(!ledger.open(path));
        QCOMPARE(ledger.openStatus(), Ledger::OpenStatus::NotALedger);
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")).toInt(), 1);
    }

    // New files get 16 KiB pages; a file made with SQLite's default 4 KiB keeps them and works.
    void pageSizeOfNewAndExistingFiles() {
        const QString fresh = freshPath();
        {
            Ledger ledger;
            QVERIFY(ledger.open(fresh));
        }
        {
            RawDb raw(fresh);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA page_size")).toInt(), 16384);
        }
        const QString old = freshPath();
        {
            RawDb raw(old);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA page_size=4096")));
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE t(x)")));
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE t")));
        }
        {
            Ledger ledger;
            QVERIFY2(ledger.open(old), qPrintable(ledger.lastError()));
            const QString id = QStringLiteral("msgbatch_small_pages");
            QVERIFY(BatchStore(ledger).upsert(makeBatch(id, MessageBatch::Status::Ended, 1)));
            QCOMPARE(ResultStore(ledger).insert(
                         {makeResult(id, QStringLiteral("a"), QString(), 1, 1, 1)}),
                     qint64(1));
        }
        RawDb raw(old);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA page_size")).toInt(), 4096);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM results")).toInt(), 1);
    }

    // Writes between beginTransaction() and commitTransaction() land together, with one change
    // signal; a failed write inside rolls the whole group back.
    void groupedWrites() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString id = QStringLiteral("msgbatch_group");
        QVERIFY(BatchStore(ledger).upsert(makeBatch(id, MessageBatch::Status::Ended, 4)));
        QSignalSpy changed(&ledger, &Ledger::changed);
        Ledger reader; // another connection sees nothing before the commit
        QVERIFY(reader.open(ledger.path()));

        QVERIFY(ledger.beginTransaction());
        QCOMPARE(
            ResultStore(ledger).insert({makeResult(id, QStringLiteral("r1"), QString(), 1, 1, 1)}),
            qint64(1));
        QCOMPARE(
            ResultStore(ledger).insert({makeResult(id, QStringLiteral("r2"), QString(), 1, 1, 1)}),
            qint64(1));
        QCOMPARE(ResultStore(reader).count(id), qint64(0));
        QCOMPARE(changed.size(), 0);
        QVERIFY(ledger.commitTransaction());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ResultStore(ledger).count(id), qint64(2));

        QVERIFY(ledger.beginTransaction());
        QCOMPARE(
            ResultStore(ledger).insert({makeResult(id, QStringLiteral("r3"), QString(), 1, 1, 1)}),
            qint64(1));
        QCOMPARE(ResultStore(ledger).insert({makeResult(QStringLiteral("msgbatch_ghost"),
                                                        QStringLiteral("r4"), QString(), 1, 1, 1)}),
                 qint64(-1));
        QVERIFY(!ledger.commitTransaction());
        QCOMPARE(ResultStore(ledger).count(id), qint64(2)); // r3 went with the failed group
        QCOMPARE(changed.size(), 1);
        // The connection is usable again.
        QCOMPARE(
            ResultStore(ledger).insert({makeResult(id, QStringLiteral("r3"), QString(), 1, 1, 1)}),
            qint64(1));
        QCOMPARE(ResultStore(ledger).count(id), qint64(3));
    }

    void secondConnectionOnWorkerThread() {
        const QString path = freshPath();
        Ledger gui;
        QVERIFY(gui.open(path));
        QVERIFY(BatchStore(gui).upsert(
            makeBatch(QStringLiteral("msgbatch_w"), MessageBatch::Status::Ended, 2000)));
        QSignalSpy notified(LedgerNotifier::instance(), &LedgerNotifier::changed);
        Qt::HANDLE emittingThread = nullptr;
        QObject receiver;
        connect(LedgerNotifier::instance(), &LedgerNotifier::changed, &receiver,
                [&](LedgerNotifier::Change, const QStringList&, const QString&) {
                    emittingThread = QThread::currentThreadId();
                });

        // The worker writes 4 chunks, each in a transaction it holds open until the GUI
        // connection has read beside it: every read runs while the writer is mid-transaction
        // (WAL: the reader is not blocked, and sees only what was committed before).
        constexpr int kChunks = 4;
        constexpr int kRows = 500;
        QSemaphore inTransaction;
        QSemaphore readDone;
        QString workerError;
        qint64 inserted = 0;
        QThread* worker = QThread::create([&] {
            // However it ends, the GUI side stops waiting for it.
            const auto wakeGui = qScopeGuard([&] { inTransaction.release(kChunks); });
            auto ledger = Ledger::openForThisThread(path, &workerError);
            if (!ledger)
                return;
            for (int chunk = 0; chunk < kChunks; ++chunk) {
                QList<ResultRow> rows;
                for (int i = 0; i < kRows; ++i)
                    rows.append(makeResult(QStringLiteral("msgbatch_w"),
                                           QString::number(chunk * kRows + i),
                                           QStringLiteral("claude-sonnet-5-5"), 1, 1, 5));
                if (!ledger->beginTransaction()) {
                    workerError = ledger->lastError();
                    return;
                }
                const qint64 n = ResultStore(*ledger).insert(rows);
                if (n < 0) {
                    workerError = ledger->lastError();
                    ledger->rollbackTransaction();
                    return;
                }
                inserted += n;
                inTransaction.release();
                // Bounded: a failing GUI side must not leave this thread waiting forever.
                if (!readDone.tryAcquire(1, 30'000)) {
                    workerError = QStringLiteral("the GUI connection never read");
                    ledger->rollbackTransaction();
                    return;
                }
                if (!ledger->commitTransaction()) {
                    workerError = ledger->lastError();
                    return;
                }
            }
        });
        worker->start();
        // A failed check below returns early: the worker must still end before its captures go.
        const auto joinWorker = qScopeGuard([&] {
            if (!worker)
                return;
            readDone.release(kChunks);
            worker->wait();
            delete worker;
        });
        int concurrentReads = 0;
        for (int chunk = 0; chunk < kChunks; ++chunk) {
            if (!inTransaction.tryAcquire(1, 30'000))
                break; // the worker failed: its error is reported below
            // The worker holds its write transaction open now.
            const qint64 seen = ResultStore(gui).count(QStringLiteral("msgbatch_w"));
            readDone.release();
            QCOMPARE(seen, qint64(chunk * kRows)); // committed chunks only
            ++concurrentReads;
            QCoreApplication::processEvents();
        }
        worker->wait();
        delete worker;
        worker = nullptr;
        QCOMPARE(concurrentReads, kChunks);
        QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
        QCOMPARE(inserted, qint64(2000));
        QTRY_VERIFY(!notified.isEmpty());
        QCOMPARE(notified.last().at(0).value<LedgerNotifier::Change>(),
                 LedgerNotifier::Change::Results);
        QCOMPARE(notified.last().at(2).toString(), path);
        QTRY_VERIFY(emittingThread != nullptr);
        QCOMPARE(emittingThread, QThread::currentThreadId()); // delivered queued, in our thread
        QCOMPARE(ResultStore(gui).count(QStringLiteral("msgbatch_w")), qint64(2000));
        QCOMPARE(CostQueries(gui).total().micros, Money(10'000));
    }

    void wrongThreadIsRefused() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        bool ok = true;
        QThread* t = QThread::create(
            [&] { ok = BatchStore(ledger).upsert(makeBatch(QStringLiteral("msgbatch_t"))); });
        t->start();
        t->wait();
        delete t;
        QVERIFY(!ok);
        QVERIFY(ledger.lastError().contains(QStringLiteral("thread")));
        QVERIFY(!BatchStore(ledger).find(QStringLiteral("msgbatch_t")));
    }

    void twoConnectionsMigrateTheSameNewFile() {
        const QString path = freshPath();
        Ledger first;
        Ledger second;
        QVERIFY(first.open(path));
        QVERIFY2(second.open(path), qPrintable(second.lastError()));
        QVERIFY(BatchStore(first).upsert(makeBatch(QStringLiteral("msgbatch_1"))));
        QVERIFY(BatchStore(second).find(QStringLiteral("msgbatch_1")));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestLedgerConnection test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ledgerconnection.moc"
