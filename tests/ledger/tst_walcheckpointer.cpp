// WalCheckpointer and the WAL hooks of Ledger: a connection with a commit hook never checkpoints
// in its own commits, and the checkpoint thread copies its WAL into the file meanwhile.
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/walcheckpointer.h"
#include "ledgertestdata.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;

namespace {
// ~4 KB rows: a few thousand fill more than SQLite's 1000-page autocheckpoint.
QList<ResultRow> rows(const QString& batchId, int first, int count) {
    return bs::test::paddedResultRows(batchId, first, count);
}
} // namespace

class TestWalCheckpointer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("wal-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // With the hook set, the WAL grows past SQLite's 1000-page autocheckpoint without being
    // copied back: the commits did no checkpoint. One explicit checkpoint then copies it all.
    void commitHookReplacesAutoCheckpoint() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString id = QStringLiteral("msgbatch_hook");
        QVERIFY(BatchStore(ledger).upsert(bs::test::endedTestBatch(id)));
        QList<int> sizes;
        QVERIFY(ledger.setWalCommitHook([&](int pages) { sizes.append(pages); }));
        for (int t = 0; t < 10; ++t)
            QCOMPARE(ResultStore(ledger).insert(rows(id, t * 500, 500)), qint64(500));
        QCOMPARE(sizes.size(), 10);
        for (int i = 1; i < sizes.size(); ++i)
            QVERIFY(sizes.at(i) > sizes.at(i - 1)); // never started over
        QVERIFY2(sizes.last() > 1000, qPrintable(QString::number(sizes.last())));
        int wal = 0;
        int copied = 0;
        QVERIFY(ledger.checkpoint(&wal, &copied));
        QCOMPARE(wal, sizes.last());
        QCOMPARE(copied, wal);

        // An empty hook restores SQLite's own checkpoints.
        QVERIFY(ledger.setWalCommitHook({}));
        QCOMPARE(ResultStore(ledger).insert(rows(id, 5000, 10)), qint64(10));
    }

    // The checkpoint thread copies the WAL while another connection writes; after a last
    // requested checkpoint, the database file alone (without its WAL) holds every row.
    void checkpointThreadCopiesTheWal() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const QString id = QStringLiteral("msgbatch_ckpt");
        QVERIFY(BatchStore(ledger).upsert(bs::test::endedTestBatch(id)));
        {
            WalCheckpointer checkpointer(path, 256);
            QString error;
            QVERIFY2(checkpointer.start(&error), qPrintable(error));
            QVERIFY(ledger.setWalCommitHook(
                [&checkpointer](int pages) { checkpointer.walGrew(pages); }));
            for (int t = 0; t < 20; ++t)
                QCOMPARE(ResultStore(ledger).insert(rows(id, t * 300, 300)), qint64(300));
            checkpointer.requestCheckpoint();
            QVERIFY(ledger.setWalCommitHook([](int) {})); // no checkpoint of its own
        }                                                 // waits for the requested checkpoint

        // Copy the main file only: what the checkpoints put there.
        const QString copy = m_dir.filePath(QStringLiteral("copy-%1.sqlite").arg(m_n));
        QVERIFY(QFile::copy(path, copy));
        Ledger reader;
        QVERIFY2(reader.open(copy), qPrintable(reader.lastError()));
        QCOMPARE(ResultStore(reader).count(id), qint64(6000));
    }

    void statsCountCheckpoints() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const QString id = QStringLiteral("msgbatch_stats");
        QVERIFY(BatchStore(ledger).upsert(bs::test::endedTestBatch(id)));
        WalCheckpointer checkpointer(path, 100);
        QVERIFY(checkpointer.start(nullptr));
        QVERIFY(ledger.setWalCommitHook([&](int pages) { checkpointer.walGrew(pages); }));
        for (int t = 0; t < 5; ++t)
            QCOMPARE(ResultStore(ledger).insert(rows(id, t * 300, 300)), qint64(300));
        checkpointer.requestCheckpoint();
        QTRY_VERIFY(checkpointer.stats().checkpoints >= 1);
        QVERIFY(checkpointer.stats().error.isEmpty());
        QTRY_COMPARE(checkpointer.stats().copiedPages, checkpointer.stats().walPages);
        QVERIFY(checkpointer.stats().walPages > 100);
    }

    void unopenableLedgerIsReported() {
        WalCheckpointer checkpointer(m_dir.path(), 100); // a folder, not a file
        QString error;
        QVERIFY(!checkpointer.start(&error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
