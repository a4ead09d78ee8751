// ConsoleSession against a real batchscope-sim, a real ledger file and the real Secret Service
// of ./dev test: where the key comes from, and that an ended batch gets ingested on its own.
#include "api/apiclient.h"
#include "ingesttesthelpers.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/walcheckpointer.h"
#include "ledgertestdata.h"
#include "monitor/consolesession.h"
#include "monitor/poller.h"
#include "secrets/secretstore.h"
#include "simprocess.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::test;

class TestConsoleSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("session-%1.sqlite").arg(++m_n)); }
    // A keychain entry no other test touches.
    QString uniqueLabel() {
        return QStringLiteral("tst-consolesession-%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(m_n);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { qunsetenv("ANTHROPIC_API_KEY"); }

    // The key from the environment: the session polls, finds the ended batch and ingests it.
    void environmentKeyWatchesAndIngests() {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0")}),
                 qPrintable(sim.errorString()));
        const QString path = freshPath();
        ApiClient client(simConfig(sim.baseUrl()));
        client.setRetryPolicy(fastRetryPolicy());
        QString error;
        const auto batch = createAndWaitEnded(client, path, makeRequests(40), &error);
        QVERIFY2(batch, qPrintable(error));

        qputenv("ANTHROPIC_BASE_URL", sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", SimProcess::fakeKey().toUtf8());
        ConsoleSession session;
        QVERIFY(session.openLedger(path, &error));
        QSignalSpy started(&session, &ConsoleSession::monitoringStarted);
        QSignalSpy done(&session, &ConsoleSession::ingestionDone);
        session.startMonitoring();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1,
                                  30000); // findApiKey answers from the event loop
        QVERIFY(session.isMonitoring());
        QCOMPARE(session.baseUrl(), sim.baseUrl());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        const IngestReport report = done.first().first().value<IngestReport>();
        QVERIFY2(report.isComplete(), qPrintable(report.summary()));
        QCOMPARE(report.batchId, batch->id);
        QCOMPARE(ResultStore(*session.ledger()).count(batch->id), qint64(40));
        const auto stored = BatchStore(*session.ledger()).find(batch->id);
        QVERIFY(stored && stored->resultsIngestedAt.isValid());
        qunsetenv("ANTHROPIC_BASE_URL");
    }

    // No key anywhere: the session says how to give one, and does not poll.
    void noKeyAsksForOne() {
        ConsoleSession session;
        QString error;
        QVERIFY(session.openLedger(freshPath(), &error));
        session.setKeyLabel(uniqueLabel());
        QSignalSpy unavailable(&session, &ConsoleSession::monitoringUnavailable);
        session.startMonitoring();
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.size(), 1, 30000);
        const QString why = unavailable.first().first().toString();
        QVERIFY2(why.contains(QStringLiteral("batchscope-cli key set")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("ANTHROPIC_API_KEY")), qPrintable(why));
        QVERIFY(!session.isMonitoring());
    }

    // The key from the keychain when the environment has none.
    void keychainKeyIsUsed() {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0")}),
                 qPrintable(sim.errorString()));
        const QString label = uniqueLabel();
        SecretStore store;
        QSignalSpy written(&store, &SecretStore::finished);
        store.writeKey(label, SimProcess::fakeKey());
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 30000);
        QVERIFY(written.first().at(1).value<SecretStore::Result>().isOk());

        qputenv("ANTHROPIC_BASE_URL", sim.baseUrl().toString().toUtf8());
        ConsoleSession session;
        QString error;
        QVERIFY(session.openLedger(freshPath(), &error));
        session.setKeyLabel(label);
        QSignalSpy started(&session, &ConsoleSession::monitoringStarted);
        session.startMonitoring();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        // A cycle against the simulator succeeds with that key (a wrong one would get 401).
        QSignalSpy cycles(session.poller(), &Poller::cycleFinished);
        session.refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(!cycles.isEmpty(), 30000);
        QVERIFY(cycles.last().first().value<Poller::CycleReport>().ok);

        QSignalSpy deleted(&store, &SecretStore::finished);
        store.deleteKey(label);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 30000);
        qunsetenv("ANTHROPIC_BASE_URL");
    }

    // The session's own commits (the GUI thread's) leave checkpoints to its checkpoint thread.
    void commitsOfTheGuiConnectionAreCheckpointedElsewhere() {
        ConsoleSession session;
        QString error;
        QVERIFY(session.openLedger(freshPath(), &error));
        QVERIFY(session.checkpointer());
        Ledger* ledger = session.ledger();
        const MessageBatch b = bs::test::endedTestBatch(QStringLiteral("msgbatch_gui"));
        QVERIFY(BatchStore(*ledger).upsert(b));
        for (int t = 0; t < 10; ++t) {
            // ~4 KB rows: ~1,300 WAL pages in all.
            QCOMPARE(ResultStore(*ledger).insert(bs::test::paddedResultRows(b.id, t * 500, 500)),
                     qint64(500));
        }
        QTRY_VERIFY_WITH_TIMEOUT(session.checkpointer()->stats().checkpoints >= 1, 30000);
        QVERIFY(session.checkpointer()->stats().error.isEmpty());
    }

    // A ledger that cannot be opened is reported, not crashed on.
    void unopenableLedger() {
        ConsoleSession session;
        QString error;
        QVERIFY(!session.openLedger(m_dir.path(), &error)); // a folder
        QVERIFY(!error.isEmpty());
        QVERIFY(!session.ledger());
        session.startMonitoring(); // nothing to watch: does nothing
        QVERIFY(!session.isMonitoring());
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestConsoleSession test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_consolesession.moc"
