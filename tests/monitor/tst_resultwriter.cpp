// ResultWriter: chunks that queue up while it is held up share one commit (group commit), each
// row lands once, and a failure rolls back the whole group it happened in.
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgernotifier.h"
#include "ledger/resultstore.h"
#include "ledgertestdata.h"
#include "monitor/resultwriter.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace bs;

namespace {

ResultWriter::Batch chunk(const QString& batchId, int index, int rows) {
    ResultWriter::Batch b;
    b.pass = 1;
    b.lineMark = qint64(index + 1) * rows;
    for (int i = 0; i < rows; ++i) {
        ResultRow r;
        r.batchId = batchId;
        r.customId = QStringLiteral("c%1-%2").arg(index).arg(i);
        r.type = QStringLiteral("succeeded");
        r.costMicros = 1;
        b.rows.append(r);
    }
    return b;
}

// Holds the ledger's write lock from another connection until release().
class WriteLock {
public:
    explicit WriteLock(const QString& path) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kName);
        db.setDatabaseName(path);
        m_ok = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~WriteLock() {
        release();
        QSqlDatabase::database(kName, false).close();
        QSqlDatabase::removeDatabase(kName);
    }
    bool ok() const { return m_ok; }
    void release() {
        if (m_ok)
            QSqlQuery(QSqlDatabase::database(kName)).exec(QStringLiteral("COMMIT"));
        m_ok = false;
    }

private:
    static inline const QString kName = QStringLiteral("writelock");
    bool m_ok = false;
};

} // namespace

class TestResultWriter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    QString ledgerWith(const QString& batchId) {
        const QString path = m_dir.filePath(QStringLiteral("w-%1.sqlite").arg(++m_n));
        Ledger ledger;
        if (!ledger.open(path) || !BatchStore(ledger).upsert(bs::test::endedTestBatch(batchId)))
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Five chunks queue up while another connection holds the write lock: once it is
    // released they are written in one transaction (one change signal), every row once.
    void queuedChunksShareOneCommit() {
        const QString id = QStringLiteral("msgbatch_group");
        const QString path = ledgerWith(id);
        QVERIFY(!path.isEmpty());
        std::atomic_int commits = 0;
        auto c = connect(
            LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            [&](LedgerNotifier::Change what, const QStringList&, const QString& file) {
                if (what == LedgerNotifier::Change::Results && file == path)
                    ++commits;
            },
            Qt::DirectConnection);
        {
            auto canceled = std::make_shared<std::atomic_bool>(false);
            ResultWriter writer(path, 0, canceled, 10);
            QString error;
            QVERIFY2(writer.start(&error), qPrintable(error));
            WriteLock lock(path);
            QVERIFY(lock.ok());
            for (int i = 0; i < 5; ++i)
                QVERIFY(writer.submit(chunk(id, i, 200)));
            // Fixed wait, kept: the writer takes the first chunk and blocks on the lock, so the
            // other four queue behind it (no event for "blocked on a lock"; the group commit
            // checked below happens with or without it).
            QTest::qWait(50);
            lock.release();
            writer.drain();
            const ResultWriter::Stats st = writer.stats();
            QVERIFY2(!st.failed, qPrintable(st.error));
            QCOMPARE(st.rowsInserted, qint64(1000));
            QCOMPARE(st.rowsCommitted, qint64(1000));
            QCOMPARE(st.lineMark, qint64(1000)); // the last chunk's mark
            QVERIFY(writer.isIdle());
        }
        disconnect(c);
        QCOMPARE(commits.load(), 1);
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QCOMPARE(ResultStore(ledger).count(id), qint64(1000));
    }

    // A chunk that cannot be stored (its batch is unknown) fails the group it is in: nothing of
    // that group is kept, nothing after it is written, what was committed before stays.
    void failureRollsBackItsGroup() {
        const QString id = QStringLiteral("msgbatch_fail");
        const QString path = ledgerWith(id);
        QVERIFY(!path.isEmpty());
        auto canceled = std::make_shared<std::atomic_bool>(false);
        ResultWriter writer(path, 0, canceled, 10);
        QVERIFY(writer.start(nullptr));
        QVERIFY(writer.submit(chunk(id, 0, 100)));
        writer.drain(); // committed alone
        QCOMPARE(writer.stats().rowsCommitted, qint64(100));
        {
            WriteLock lock(path);
            QVERIFY(lock.ok());
            QVERIFY(writer.submit(chunk(id, 1, 100)));
            QVERIFY(writer.submit(chunk(QStringLiteral("msgbatch_unknown"), 2, 100)));
            QVERIFY(writer.submit(chunk(id, 3, 100)));
            // Fixed wait, kept: it only gives the writer time to take chunk 1 and block on the
            // lock (nothing is checked for not happening; the result is the same without it,
            // and there is no event for "blocked on a lock").
            QTest::qWait(50);
        }
        writer.drain();
        const ResultWriter::Stats st = writer.stats();
        QVERIFY(st.failed);
        QVERIFY2(st.error.contains(QStringLiteral("msgbatch_unknown")), qPrintable(st.error));
        QCOMPARE(st.rowsCommitted, qint64(100));
        QVERIFY(!writer.submit(chunk(id, 4, 100))); // refused after a failure
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QCOMPARE(ResultStore(ledger).count(id), qint64(100));
    }
    // The hold test hook never blocks forever: held past its timeout, the held rows are rolled
    // back and the writer fails with a message that says so; what was committed before stays.
    void holdEndsAfterItsTimeout() {
        const QString id = QStringLiteral("msgbatch_hold");
        const QString path = ledgerWith(id);
        QVERIFY(!path.isEmpty());
        auto canceled = std::make_shared<std::atomic_bool>(false);
        ResultWriter writer(path, 0, canceled, 10);
        writer.setHoldAfterCommittedRows(100, 200);
        QVERIFY(writer.start(nullptr));
        QVERIFY(writer.submit(chunk(id, 0, 100)));
        writer.drain(); // committed: the hold begins with the next chunk
        QVERIFY(writer.submit(chunk(id, 1, 100)));
        writer.drain(); // returns only once the hold has ended
        const ResultWriter::Stats st = writer.stats();
        QVERIFY(st.failed);
        QVERIFY2(st.error.contains(QStringLiteral("held a transaction open")),
                 qPrintable(st.error));
        QCOMPARE(st.rowsCommitted, qint64(100));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QCOMPARE(ResultStore(ledger).count(id), qint64(100));
    }
};

QTEST_GUILESS_MAIN(TestResultWriter)
#include "tst_resultwriter.moc"
