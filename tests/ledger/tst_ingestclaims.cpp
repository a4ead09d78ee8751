// IngestClaims (schema version 10): one holder ingests a batch at a time; a claim expires when
// its holder stops renewing it; release lets the next one in; a batch already ingested is not
// claimed by the poller's automatic path.
#include "ledger/batchstore.h"
#include "ledger/ingestclaims.h"
#include "ledger/ledger.h"
#include "ledgertesthelpers.h"

#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::ledgertest;

class TestIngestClaims : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    const QDateTime m_now{QDate(2026, 11, 29), QTime(12, 0), Qt::UTC};
    const QString m_id = QStringLiteral("msgbatch_claimed");

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void oneHolderAtATimeUntilExpiry() {
        Ledger a, b; // two connections, as two processes have
        const QString path = m_dir.filePath(QStringLiteral("claims.sqlite"));
        QVERIFY(a.open(path));
        QVERIFY(b.open(path));
        QVERIFY(BatchStore(a).upsert(makeBatch(m_id, MessageBatch::Status::Ended)));
        const QString one = QStringLiteral("host:1:aa"), two = QStringLiteral("host:2:bb");
        const qint64 ttl = 60'000;

        QCOMPARE(IngestClaims(a).claim(m_id, one, m_now, ttl), IngestClaims::Outcome::Claimed);
        IngestClaims::Claim held;
        QCOMPARE(IngestClaims(b).claim(m_id, two, m_now.addSecs(30), ttl, &held),
                 IngestClaims::Outcome::HeldElsewhere);
        QCOMPARE(held.holder, one);
        QCOMPARE(held.expiresAt, m_now.addSecs(60));
        // The holder renews: still its own past the first expiry.
        QVERIFY(IngestClaims(a).renew(m_id, one, m_now.addSecs(50), ttl));
        QCOMPARE(IngestClaims(b).claim(m_id, two, m_now.addSecs(100), ttl),
                 IngestClaims::Outcome::HeldElsewhere);
        // The holder died (no renewal): once expired, another takes it over.
        QCOMPARE(IngestClaims(b).claim(m_id, two, m_now.addSecs(111), ttl),
                 IngestClaims::Outcome::Claimed);
        QCOMPARE(IngestClaims(a).find(m_id)->holder, two);
        // The old holder cannot renew or release what is no longer its own.
        QVERIFY(!IngestClaims(a).renew(m_id, one, m_now.addSecs(112), ttl));
        QVERIFY(IngestClaims(a).release(m_id, one));
        QCOMPARE(IngestClaims(a).find(m_id)->holder, two);
        // Released by its holder: the next one gets it at once.
        QVERIFY(IngestClaims(b).release(m_id, two));
        QVERIFY(!IngestClaims(a).find(m_id));
        QCOMPARE(IngestClaims(a).claim(m_id, one, m_now.addSecs(113), ttl),
                 IngestClaims::Outcome::Claimed);
        QVERIFY(IngestClaims(a).release(m_id, one));

        // Ingested: the automatic path leaves it; an explicit re-ingestion claims it.
        QVERIFY(BatchStore(a).markResultsIngested(m_id, m_now));
        QCOMPARE(IngestClaims(b).claim(m_id, two, m_now.addSecs(200), ttl),
                 IngestClaims::Outcome::AlreadyIngested);
        QVERIFY(!IngestClaims(a).find(m_id));
        QCOMPARE(IngestClaims(b).claim(m_id, two, m_now.addSecs(200), ttl, nullptr, true),
                 IngestClaims::Outcome::Claimed);
        QVERIFY(a.lastError().isEmpty());
        QVERIFY(b.lastError().isEmpty());
    }

    // A holder of this machine whose process has ended (a crash) is taken over at once; a live
    // one, or one of another machine, is waited for.
    void deadHolderOfThisMachine() {
        Ledger ledger;
        QVERIFY(ledger.open(m_dir.filePath(QStringLiteral("dead.sqlite"))));
        QVERIFY(BatchStore(ledger).upsert(makeBatch(m_id, MessageBatch::Status::Ended)));
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForStarted(30000));
        const qint64 pid = gone.processId();
        QVERIFY(gone.waitForFinished(30000));
        const QString host = QSysInfo::machineHostName();
        const QString dead = QStringLiteral("%1:%2:aa").arg(host).arg(pid);
        const QString alive = QStringLiteral("%1:1:bb").arg(host); // init
        QVERIFY(IngestClaims::holderIsGone(dead));
        QVERIFY(!IngestClaims::holderIsGone(alive));
        QVERIFY(!IngestClaims::holderIsGone(
            QStringLiteral("elsewhere.example:%1:cc").arg(gone.processId())));
        const qint64 ttl = 60'000;
        QCOMPARE(IngestClaims(ledger).claim(m_id, alive, m_now, ttl),
                 IngestClaims::Outcome::Claimed);
        QCOMPARE(IngestClaims(ledger).claim(m_id, QStringLiteral("me"), m_now, ttl),
                 IngestClaims::Outcome::HeldElsewhere);
        QVERIFY(IngestClaims(ledger).release(m_id, alive));
        QCOMPARE(IngestClaims(ledger).claim(m_id, dead, m_now, ttl),
                 IngestClaims::Outcome::Claimed);
        QCOMPARE(IngestClaims(ledger).claim(m_id, QStringLiteral("me"), m_now, ttl),
                 IngestClaims::Outcome::Claimed);
    }
};

QTEST_GUILESS_MAIN(TestIngestClaims)
#include "tst_ingestclaims.moc"
