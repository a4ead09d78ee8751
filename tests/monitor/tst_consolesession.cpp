// ConsoleSession against a real batchscope-sim, a real ledger file and the real Secret Service
// of ./dev test: where the key comes from, that an ended batch gets ingested on its own, and that
// none of it runs SQL on the main thread (Ledger's guard on while the session runs).
#include "api/apiclient.h"
#include "ingesttesthelpers.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/resultstore.h"
#include "ledgertestdata.h"
#include "monitor/consolesession.h"
#include "secrets/secretstore.h"
#include "simprocess.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using namespace bs::test;

class TestConsoleSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    int m_violations = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("session-%1.sqlite").arg(++m_n)); }
    // A keychain entry no other test touches.
    QString uniqueLabel() {
        return QStringLiteral("tst-consolesession-%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(m_n);
    }

    // Opens the session's ledger and waits for the worker's answer.
    static bool open(ConsoleSession& session, const QString& path) {
        QSignalSpy opened(&session, &ConsoleSession::ledgerOpened);
        session.openLedger(path);
        return opened.wait(30000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() {
        qunsetenv("ANTHROPIC_API_KEY");
        m_violations = Ledger::mainThreadViolations();
        Ledger::setMainThreadGuard(true);
    }
    void cleanup() {
        Ledger::setMainThreadGuard(false);
        QCOMPARE(Ledger::mainThreadViolations(), m_violations);
    }

    // The key from the environment: the session polls, finds the ended batch and ingests it.
    void environmentKeyWatchesAndIngests() {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0")}),
                 qPrintable(sim.errorString()));
        const QString path = freshPath();
        ApiClient client(simConfig(sim.baseUrl()));
        client.setRetryPolicy(fastRetryPolicy());
        QString error;
        Ledger::setMainThreadGuard(false); // the set-up writes the batch from this thread
        const auto batch = createAndWaitEnded(client, path, makeRequests(40), &error);
        QVERIFY2(batch, qPrintable(error));
        Ledger::setMainThreadGuard(true);

        qputenv("ANTHROPIC_BASE_URL", sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", SimProcess::fakeKey().toUtf8());
        ConsoleSession session;
        QVERIFY(open(session, path));
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
        qunsetenv("ANTHROPIC_BASE_URL");

        // Checked through a connection of the test's own.
        Ledger::setMainThreadGuard(false);
        Ledger check;
        QVERIFY(check.open(path));
        QCOMPARE(ResultStore(check).count(batch->id), qint64(40));
        const auto stored = BatchStore(check).find(batch->id);
        QVERIFY(stored && stored->resultsIngestedAt.isValid());
    }

    // No key anywhere: the session says how to give one, and does not poll.
    void noKeyAsksForOne() {
        ConsoleSession session;
        session.openLedger(freshPath()); // startMonitoring() waits for the open
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
        QVERIFY(open(session, freshPath()));
        session.setKeyLabel(label);
        QSignalSpy started(&session, &ConsoleSession::monitoringStarted);
        session.startMonitoring();
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        // A cycle against the simulator succeeds with that key (a wrong one would get 401).
        QSignalSpy cycles(&session, &ConsoleSession::cycleFinished);
        session.refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(!cycles.isEmpty(), 30000);
        QVERIFY(cycles.last().first().value<Poller::CycleReport>().ok);

        QSignalSpy deleted(&store, &SecretStore::finished);
        store.deleteKey(label);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, 30000);
        qunsetenv("ANTHROPIC_BASE_URL");
    }

    // The ledger worker runs its jobs on its own thread, in order, and answers on this one.
    void ledgerWorkerAnswersOnTheAskingThread() {
        ConsoleSession session;
        QVERIFY(open(session, freshPath()));
        QVERIFY(session.isLedgerOpen());
        QList<int> answers;
        QThread* jobThread = nullptr;
        for (int i = 0; i < 3; ++i) {
            session.worker()->run<int>(
                this,
                [i, &jobThread](Ledger& l) {
                    jobThread = QThread::currentThread();
                    return BatchStore(l).all().isEmpty() ? i : -1;
                },
                [&answers](int v) {
                    QCOMPARE(QThread::currentThread(), qApp->thread());
                    answers.append(v);
                });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 30000);
        QCOMPARE(answers, (QList<int>{0, 1, 2}));
        QVERIFY(jobThread && jobThread != qApp->thread());
    }

    // A ledger that cannot be opened is reported, not crashed on.
    void unopenableLedger() {
        ConsoleSession session;
        QSignalSpy failed(&session, &ConsoleSession::ledgerFailed);
        session.openLedger(m_dir.path()); // a folder
        QVERIFY(failed.wait(30000));
        QVERIFY(!failed.first().first().toString().isEmpty());
        QVERIFY(!session.isLedgerOpen());
        session.startMonitoring(); // nothing to watch: does nothing
        QTest::qWait(100);
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
