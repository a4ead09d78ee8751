// Ingestion SIGKILLed part-way and run again gives the identical ledger: bs_ingest_tool ingests
// a 20,000-result batch (~2 KB lines) from a real batchscope-sim into a real ledger file, is
// killed as soon as it reports committed rows, and is run again to the end. Its ledger (every
// results column but ingested_at, every retry-queue column but id/enqueued_at) must equal the
// ledger of an uninterrupted run into another file, and its cost total the independent sum; the
// summaries (batch_costs, day_model_costs) equal a recomputation from the rows after the kill,
// after the run to the end and after a third run.
#include "api/apiclient.h"
#include "ingesttesthelpers.h"
#include "ledger/ledger.h"
#include "simprocess.h"
#include "summarycheck.h"
#include "testenv.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::test;

class TestIngestCrash : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QStringList toolArgs(const SimProcess& sim, const QString& ledger, const QString& batchId) {
        return {QStringLiteral("--ledger"),      ledger,
                QStringLiteral("--base"),        sim.baseUrl().toString(),
                QStringLiteral("--key"),         SimProcess::fakeKey(),
                QStringLiteral("--batch"),       batchId,
                QStringLiteral("--rows-per-tx"), QStringLiteral("1000")};
    }

    // Runs the tool to its end; returns its exit code (-1 when it did not end).
    int runToEnd(const QStringList& args, QByteArray* out) {
        QProcess p;
        p.start(QStringLiteral(BS_INGEST_TOOL), args);
        if (!p.waitForFinished(240000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *out = p.readAllStandardOutput() + p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    void killedAndRunAgainGivesTheIdenticalLedger() {
        QVERIFY(m_dir.isValid());
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                            QStringLiteral("--error-rate"), QStringLiteral("0.05")}),
                 qPrintable(sim.errorString()));
        const QString killed = m_dir.filePath(QStringLiteral("killed.sqlite"));
        const QString clean = m_dir.filePath(QStringLiteral("clean.sqlite"));
        ApiClient client(simConfig(sim.baseUrl()));
        client.setRetryPolicy(fastRetryPolicy());
        QString error;
        const int n = 20000;
        const auto batch = createAndWaitEnded(client, killed, makeRequests(n, 600, 97), &error);
        QVERIFY2(batch, qPrintable(error));

        // 1) Start, wait for a committed-progress line, SIGKILL. The tool holds its writer after
        //    the first commit, inside the next chunk's open transaction (ingestion is fast enough
        //    to finish 20k rows before a kill lands otherwise), so the kill always hits an
        //    ingestion part-way with a transaction open.
        QProcess tool;
        tool.setProcessChannelMode(QProcess::MergedChannels); // the hold is announced on stderr
        tool.start(QStringLiteral(BS_INGEST_TOOL), toolArgs(sim, killed, batch->id)
                                                       << QStringLiteral("--hold-after")
                                                       << QStringLiteral("1"));
        QVERIFY(tool.waitForStarted());
        bool sawCommit = false;
        QByteArray seen;
        while (!sawCommit && tool.state() == QProcess::Running) {
            if (!tool.canReadLine() && !tool.waitForReadyRead(60000))
                break;
            while (tool.canReadLine()) {
                const QByteArray line = tool.readLine();
                seen += line;
                if (line.startsWith("progress") && !line.contains(" committed=0 ")) {
                    sawCommit = true;
                    break;
                }
            }
        }
        QVERIFY2(sawCommit, seen.constData());
        // The writer says when it holds its open transaction (ResultWriter's test hook).
        bool sawHold = seen.contains("test hook: holding");
        while (!sawHold && tool.state() == QProcess::Running) {
            if (!tool.canReadLine() && !tool.waitForReadyRead(60000))
                break;
            while (tool.canReadLine()) {
                const QByteArray line = tool.readLine();
                seen += line;
                sawHold = sawHold || line.contains("test hook: holding");
            }
        }
        QVERIFY2(sawHold, seen.constData());
        QVERIFY2(tool.state() == QProcess::Running, seen.constData()); // held, not finished
        tool.kill();                                                   // SIGKILL
        QVERIFY(tool.waitForFinished(30000));
        QCOMPARE(tool.exitStatus(), QProcess::CrashExit);
        const LedgerTotals mid = ledgerTotals(killed, batch->id);
        QVERIFY2(mid.rows > 0 && mid.rows < n,
                 qPrintable(QStringLiteral("rows after the kill: %1").arg(mid.rows)));
        QVERIFY(!mid.ingested);
        // The summaries were written in the same transactions as the rows: what the kill left
        // of them adds up to exactly the rows it left.
        QString diff = summaryMismatches(killed);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // 2) Run again to the end.
        QByteArray out;
        QCOMPARE(runToEnd(toolArgs(sim, killed, batch->id), &out), 0);
        QVERIFY2(out.contains("done status=completed"), out.constData());
        QVERIFY2(out.contains("missing=0"), out.constData());

        // 3) An uninterrupted ingestion into another ledger file.
        QCOMPARE(runToEnd(toolArgs(sim, clean, batch->id), &out), 0);
        QVERIFY2(out.contains(QByteArray(QByteArray("inserted=") + QByteArray::number(n))),
                 out.constData());

        const QStringList a = dumpLedger(killed, false);
        const QStringList b = dumpLedger(clean, false);
        QVERIFY(a.size() > n);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            QCOMPARE(a.at(i), b.at(i));

        const IndependentTotals ind =
            independentTotals(simConfig(sim.baseUrl()), *batch, PriceBook::builtIn());
        QVERIFY(ind.ok);
        const LedgerTotals end = ledgerTotals(killed, batch->id);
        QCOMPARE(end.rows, qint64(n));
        QCOMPARE(end.micros, ind.micros);
        QVERIFY(end.ingested);
        diff = summaryMismatches(killed);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // 4) And ingesting a third time changes nothing.
        const QStringList before = dumpLedger(killed, true);
        QCOMPARE(runToEnd(toolArgs(sim, killed, batch->id), &out), 0);
        QVERIFY2(out.contains("inserted=0"), out.constData());
        QCOMPARE(dumpLedger(killed, true), before);
        diff = summaryMismatches(killed);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestIngestCrash t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_ingestcrash.moc"
