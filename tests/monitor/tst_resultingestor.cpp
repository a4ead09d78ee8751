// ResultIngestor against a real batchscope-sim and a real SQLite ledger file (no mocks): every
// result type, costs against an independent recomputation, idempotency, missing custom_ids,
// discovered batches, retry-queue classes, malformed lines and unpriced models (a scripted
// server serving a fixture), progress signals, cancel/resume, and the GUI thread staying free.
#include "api/apiclient.h"
#include "api/batchjob.h"
#include "api/batchrequestsbuilder.h"
#include "apijobwait.h"
#include "ingesttesthelpers.h"
#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/ledgernotifier.h"
#include "ledger/resultstore.h"
#include "ledger/retryqueue.h"
#include "monitor/resultingestor.h"
#include "scriptedserver.h"
#include "simprocess.h"
#include "summarycheck.h"
#include "testenv.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace bs;
using namespace bs::test;

namespace {
qint64 retryItemsOfClass(const QString& path, const QString& batchId, RetryClass cls) {
    Ledger ledger;
    if (!ledger.open(path))
        return -1;
    qint64 n = 0;
    for (const RetryItem& item : RetryQueue(ledger).items(cls))
        n += item.batchId == batchId;
    return n;
}

// Creates a batch of n requests on the server only (the ledger knows nothing of it, as with a
// batch another tool made); its id, or empty.
QString createOnServerOnly(ApiClient& client, int n) {
    BatchRequestsBuilder builder;
    for (const StoredRequest& req : makeRequests(n))
        if (!builder.append(req.customId, req.params))
            return {};
    BatchJob* create = client.createBatch(builder.take());
    const bool ok = bs::test::waitForJob(create).isOk();
    const QString id = ok ? create->batch().id : QString();
    delete create;
    return id;
}
} // namespace

class TestResultIngestor : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString newLedger() {
        return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_files));
    }

    IngestOptions options(const SimProcess& sim, const QString& ledgerPath) {
        IngestOptions o;
        o.api = simConfig(sim.baseUrl());
        o.retryPolicy = fastRetryPolicy();
        o.ledgerPath = ledgerPath;
        o.priceBook = PriceBook::builtIn();
        return o;
    }

    // Ledger SQL total == the independent recomputation; every result once.
    void checkAgainstIndependent(const SimProcess& sim, const QString& path,
                                 const MessageBatch& batch, qint64 expectedRows) {
        const IndependentTotals ind =
            independentTotals(simConfig(sim.baseUrl()), batch, PriceBook::builtIn());
        QVERIFY2(ind.ok, qPrintable(ind.error));
        const LedgerTotals led = ledgerTotals(path, batch.id);
        QCOMPARE(ind.lines, expectedRows);
        QCOMPARE(ind.distinctIds, expectedRows);
        QCOMPARE(led.rows, expectedRows);
        QCOMPARE(led.micros, ind.micros);
        QCOMPARE(led.unpriced, ind.unpriced);
        QVERIFY(led.ingested);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<bs::IngestProgress>();
        qRegisterMetaType<bs::IngestReport>();
        qRegisterMetaType<bs::MalformedLine>();
    }

    void ingestsEveryResultOfABatch() {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                            QStringLiteral("--error-rate"), QStringLiteral("0.2"),
                            QStringLiteral("--seed"), QStringLiteral("7")}),
                 qPrintable(sim.errorString()));
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        client.setRetryPolicy(fastRetryPolicy());
        QString error;
        const auto batch = createAndWaitEnded(client, path, makeRequests(300, 64, 25), &error);
        QVERIFY2(batch, qPrintable(error));

        const IngestReport r = ingest(options(sim, path), *batch);
        QVERIFY2(r.isComplete(), qPrintable(r.summary()));
        QCOMPARE(r.lines, 300);
        QCOMPARE(r.rowsInserted, 300);
        QCOMPARE(r.malformedCount, 0);
        QVERIFY(r.requestsKnown);
        QCOMPARE(r.requestCount, 300);
        QCOMPARE(r.resultCount, 300);
        QCOMPARE(r.missingCount, 0);
        QVERIFY(r.missingCustomIds.isEmpty());
        QVERIFY(r.markedIngested);
        QCOMPARE(r.downloads, 1);
        QVERIFY(r.succeeded > 0);
        QVERIFY(r.errored >= 12); // 12 unknown-model requests + the sim's transient errors
        QCOMPARE(r.succeeded + r.errored, 300);
        QCOMPARE(r.unpriced, 0);
        QVERIFY(r.costMicros > 0);
        QCOMPARE(r.retriesEnqueued, r.errored);
        checkAgainstIndependent(sim, path, *batch, 300);
        QCOMPARE(ledgerTotals(path, batch->id).micros, r.costMicros);

        // The failed items are in the retry queue with their class.
        QCOMPARE(retryItemsOfClass(path, batch->id, RetryClass::FixRequired), 12);
        QCOMPARE(retryItemsOfClass(path, batch->id, RetryClass::Transient), r.errored - 12);

        // Usage fields made it through: cache writes (5m and 1h), reads and web searches.
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const CostTotals totals = CostQueries(ledger).total({}, batch->id);
        QVERIFY(totals.cacheCreationInputTokens > 0);
        QVERIFY(totals.cacheReadInputTokens > 0);
        QVERIFY(totals.webSearchRequests > 0);
        QCOMPARE(totals.micros, r.costMicros);
        const auto stored = BatchStore(ledger).find(batch->id);
        QVERIFY(stored && stored->resultsIngestedAt.isValid());
        QVERIFY(!stored->discovered);
        bool oneHour = false;
        for (const ResultRow& row : ResultStore(ledger).ofBatch(batch->id))
            oneHour = oneHour || row.usage.ephemeral1hInputTokens > 0;
        QVERIFY(oneHour);
    }

    void ingestingTwiceGivesTheIdenticalLedger() {
        SimProcess sim;
        QVERIFY(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                           QStringLiteral("--error-rate"), QStringLiteral("0.1")}));
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        QString error;
        const auto batch = createAndWaitEnded(client, path, makeRequests(200, 64, 10), &error);
        QVERIFY2(batch, qPrintable(error));
        const IngestReport first = ingest(options(sim, path), *batch);
        QVERIFY(first.isComplete());
        const QStringList before = dumpLedger(path, true);
        QCOMPARE(before.size(), 200 + first.errored);
        // The summaries the writer kept in the rows' transactions add up to the rows.
        QString diff = summaryMismatches(path);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        const IngestReport second = ingest(options(sim, path), *batch);
        QVERIFY(second.isComplete());
        QCOMPARE(second.rowsInserted, 0);
        QCOMPARE(second.retriesEnqueued, 0);
        QCOMPARE(second.lines, 200);
        QCOMPARE(second.costMicros, first.costMicros);
        QCOMPARE(dumpLedger(path, true), before);
        diff = summaryMismatches(path);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void missingCustomIdsAreReported() {
        SimProcess sim;
        QVERIFY(sim.start({QStringLiteral("--speed"), QStringLiteral("0")}));
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        QString error;
        const QList<StoredRequest> requests = makeRequests(50);
        // 50 stored, 45 sent: the server knows nothing of the last 5.
        const auto batch = createAndWaitEnded(client, path, requests, &error, 45);
        QVERIFY2(batch, qPrintable(error));
        const IngestReport r = ingest(options(sim, path), *batch);
        QVERIFY(r.isComplete());
        QVERIFY(r.requestsKnown);
        QCOMPARE(r.requestCount, 50);
        QCOMPARE(r.resultCount, 45);
        QCOMPARE(r.missingCount, 5);
        QStringList expected;
        for (int i = 45; i < 50; ++i)
            expected.append(requests.at(i).customId);
        QCOMPARE(r.missingCustomIds, expected);
        QVERIFY(r.summary().contains(QStringLiteral("5 request(s) of the batch have no result")));
    }

    void discoveredBatchReportsCountsOnly() {
        SimProcess sim;
        QVERIFY(sim.start({QStringLiteral("--speed"), QStringLiteral("0")}));
        const QString path = newLedger();
        {
            Ledger ledger;
            QVERIFY(ledger.open(path)); // an empty ledger: the batch is not ours
        }
        ApiClient client(simConfig(sim.baseUrl()));
        const QString id = createOnServerOnly(client, 40);
        QVERIFY(!id.isEmpty());

        ResultIngestor ingestor(options(sim, path));
        QVERIFY(ingestor.start(id)); // by id: retrieved first
        QVERIFY(ingestor.waitForFinished(60000));
        const IngestReport r = ingestor.report();
        QVERIFY2(r.isComplete(), qPrintable(r.summary()));
        QVERIFY(!r.requestsKnown);
        QCOMPARE(r.requestCount, 40);
        QCOMPARE(r.resultCount, 40);
        QCOMPARE(r.missingCount, 0);
        QVERIFY(r.missingCustomIds.isEmpty());
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const auto stored = BatchStore(ledger).find(id);
        QVERIFY(stored);
        QVERIFY(stored->discovered);
        QVERIFY(stored->resultsIngestedAt.isValid());
    }

    void notEndedBatchFailsClearly() {
        SimProcess sim;
        QVERIFY(sim.start({})); // default speed: a batch takes minutes of simulated time
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        const QString id = createOnServerOnly(client, 20);
        QVERIFY(!id.isEmpty());
        ResultIngestor ingestor(options(sim, path));
        ingestor.start(id);
        QVERIFY(ingestor.waitForFinished(60000));
        QCOMPARE(ingestor.report().status, IngestReport::Status::Failed);
        QVERIFY(ingestor.report().errorMessage.contains(QStringLiteral("has not ended")));
        QVERIFY(ingestor.report().errorMessage.contains(id));
    }

    void canceledItemsGoToTheRetryQueue() {
        SimProcess sim;
        QVERIFY(sim.start({})); // default speed, so that the cancel finds requests not started
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        client.setRetryPolicy(fastRetryPolicy());
        QString error;
        const auto sent = createAndWaitEnded(client, path, makeRequests(60), &error, -1, false);
        QVERIFY2(sent, qPrintable(error));
        const MessageBatch created = *sent;
        BatchJob* cancel = client.cancelBatch(created.id);
        QVERIFY(bs::test::waitForJob(cancel).isOk());
        delete cancel;
        MessageBatch ended;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                BatchJob* job = client.retrieveBatch(created.id);
                bs::test::waitForJob(job);
                ended = job->batch();
                delete job;
                return ended.isEnded();
            }(),
            60000);
        const IngestReport r = ingest(options(sim, path), ended);
        QVERIFY2(r.isComplete(), qPrintable(r.summary()));
        QVERIFY(r.canceled > 0);
        QCOMPARE(r.succeeded + r.errored + r.canceled, 60);
        QCOMPARE(retryItemsOfClass(path, created.id, RetryClass::Canceled), r.canceled);
        checkAgainstIndependent(sim, path, ended, 60);
    }

    void expiredItemsGoToTheRetryQueue() {
        SimProcess sim;
        QVERIFY(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                           QStringLiteral("--expire-rate"), QStringLiteral("0.3")}));
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        client.setRetryPolicy(fastRetryPolicy());
        QString error;
        const auto sent = createAndWaitEnded(client, path, makeRequests(60), &error, -1, false);
        QVERIFY2(sent, qPrintable(error));
        const MessageBatch created = *sent;
        QVERIFY(advanceSimClock(sim.baseUrl(), 25 * 3600));
        BatchJob* job = client.retrieveBatch(created.id);
        QVERIFY(bs::test::waitForJob(job).isOk());
        const MessageBatch ended = job->batch();
        delete job;
        QVERIFY(ended.isEnded());
        const IngestReport r = ingest(options(sim, path), ended);
        QVERIFY2(r.isComplete(), qPrintable(r.summary()));
        QVERIFY(r.expired > 0);
        QCOMPARE(retryItemsOfClass(path, created.id, RetryClass::Expired), r.expired);
        checkAgainstIndependent(sim, path, ended, 60);
    }

    // A scripted server serves the fixture with a malformed third line: it is reported with its
    // line number and the batch id, not stored, and everything else is. The unknown model is
    // stored unpriced (cost NULL), never $0.
    void malformedLineAndUnpricedModel() {
        QFile f(qEnvironmentVariable("BS_TEST_SOURCE_DIR") +
                QStringLiteral("/tests/fixtures/results/shapes.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        lines.insert(2, "{\"custom_id\":\"broken\",\"result\":{\"type\":\"succeeded\",\"message\":{"
                        "\"usage\":{\"input_tokens\":\"x\"}}}}");
        const QByteArray body = lines.join('\n') + '\n';

        ScriptedServer server;
        QVERIFY(server.listen());
        const QByteArray id = "msgbatch_01Fixture";
        const QByteArray resultsUrl =
            server.baseUrl().toString().toUtf8() + "/v1/messages/batches/" + id + "/results";
        server.handler = [&](const ScriptedServer::Request& req) {
            if (req.target.endsWith("/results")) {
                ScriptedServer::Response response;
                response.body = body;
                return response;
            }
            return ScriptedServer::json(
                200, "{\"id\":\"" + id +
                         "\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                         "\"request_counts\":{\"processing\":0,\"succeeded\":6,\"errored\":2,"
                         "\"canceled\":1,\"expired\":1},\"created_at\":\"2026-11-28T10:00:00Z\","
                         "\"expires_at\":\"2026-11-29T10:00:00Z\",\"ended_at\":"
                         "\"2026-11-28T11:00:00Z\",\"cancel_initiated_at\":null,\"archived_at\":"
                         "null,\"results_url\":\"" +
                         resultsUrl + "\"}");
        };
        const QString path = newLedger();
        IngestOptions o;
        o.api.baseUrl = server.baseUrl();
        o.api.apiKey = QStringLiteral("test-key-not-a-real-secret");
        o.retryPolicy = fastRetryPolicy();
        o.ledgerPath = path;
        o.priceBook = PriceBook::builtIn();
        ResultIngestor ingestor(o);
        QSignalSpy malformed(&ingestor, &ResultIngestor::malformedLine);
        QVERIFY(ingestor.start(QString::fromLatin1(id)));
        QVERIFY(ingestor.waitForFinished(60000));
        const IngestReport r = ingestor.report();
        QVERIFY2(r.isComplete(), qPrintable(r.summary()));
        QCOMPARE(r.lines, 10);
        QCOMPARE(r.malformedCount, 1);
        QCOMPARE(r.malformed.size(), 1);
        QCOMPARE(r.malformed.first().lineNumber, 3);
        const QString message = r.malformed.first().message;
        QVERIFY2(message.contains(QStringLiteral("line 3")), qPrintable(message));
        QVERIFY2(message.contains(QString::fromLatin1(id)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("usage.input_tokens")), qPrintable(message));
        QCOMPARE(malformed.size(), 1);
        QCOMPARE(malformed.first().at(1).value<MalformedLine>().lineNumber, 3);
        QCOMPARE(r.resultCount, 9);
        QCOMPARE(r.unpriced, 1);
        QVERIFY(r.summary().contains(QStringLiteral("could not be read")));
        QVERIFY(r.summary().contains(QStringLiteral("without a price")));
        QVERIFY(!r.requestsKnown);
        QCOMPARE(r.missingCount, 1); // 10 requests, 9 results

        Ledger ledger;
        QVERIFY(ledger.open(path));
        QVERIFY(!ResultStore(ledger).find(QString::fromLatin1(id), QStringLiteral("broken")));
        const auto unpriced =
            ResultStore(ledger).find(QString::fromLatin1(id), QStringLiteral("unpriced"));
        QVERIFY(unpriced);
        QVERIFY(!unpriced->priced);
        const LedgerTotals t = ledgerTotals(path, QString::fromLatin1(id));
        QCOMPARE(t.unpriced, 1);
        QCOMPARE(t.rows, 9);
        QCOMPARE(t.micros, r.costMicros);
        const CostTotals totals = CostQueries(ledger).total({}, QString::fromLatin1(id));
        QCOMPARE(totals.unpriced, 1);
        // The fixture's errored/canceled/expired lines are queued with their classes.
        QCOMPARE(retryItemsOfClass(path, QString::fromLatin1(id), RetryClass::FixRequired), 1);
        QCOMPARE(retryItemsOfClass(path, QString::fromLatin1(id), RetryClass::Transient), 1);
        QCOMPARE(retryItemsOfClass(path, QString::fromLatin1(id), RetryClass::Canceled), 1);
        QCOMPARE(retryItemsOfClass(path, QString::fromLatin1(id), RetryClass::Expired), 1);
        const auto row = ResultStore(ledger).find(QString::fromLatin1(id), QStringLiteral("full"));
        QVERIFY(row);
        QCOMPARE(row->usage.ephemeral1hInputTokens, 2000);
        QCOMPARE(row->usage.inferenceGeo, QStringLiteral("us"));
        QCOMPARE(row->day, QDate(2026, 11, 28));
    }

    // The GUI thread stays free while an ingestion runs: download, parsing, pricing and SQL
    // all happen on other threads, and progress arrives as queued signals. Shown without any
    // timing: the writer is held mid-ingestion (test hook holdAfterCommittedRows, see
    // tests/README.md), and while it is held this thread still (1) receives the progress of the
    // rows committed before the hold and (2) turns its event loop: a 0 ms timer, started only
    // once that progress has arrived, ticks while the ingestion is still running. Were any of
    // the ingestion work done on this thread, this thread would be the one held (a producer
    // blocks on the full queue of a held writer): no such progress, no tick, and the waits
    // below give up (their deadlines guard against hanging; they measure nothing).
    // Then, released by cancel() and run again to the end: every ledger write on another
    // thread, progress monotonic, one per chunk and commit.
    void progressWhileTheGuiThreadStaysFree() {
        SimProcess sim;
        QVERIFY(sim.start({QStringLiteral("--speed"), QStringLiteral("0")}));
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        QString error;
        const auto batch = createAndWaitEnded(client, path, makeRequests(3000, 600), &error);
        QVERIFY2(batch, qPrintable(error));

        IngestOptions o = options(sim, path);
        o.rowsPerTransaction = 300;
        o.progressIntervalMs = 0;
        {
            IngestOptions held = o;
            held.holdAfterCommittedRows = 600;
            ResultIngestor ingestor(held);
            qint64 committedSeen = 0;
            int ticksAfterHeldProgress = 0;
            QTimer ticker;
            ticker.setInterval(0);
            connect(&ticker, &QTimer::timeout, this,
                    [&] { ticksAfterHeldProgress += ingestor.isRunning() ? 1 : 0; });
            connect(&ingestor, &ResultIngestor::progress, this, [&](const IngestProgress& p) {
                committedSeen = qMax(committedSeen, p.linesCommitted);
                if (committedSeen >= 600 && !ticker.isActive())
                    ticker.start();
            });
            QVERIFY(ingestor.start(*batch));
            QVERIFY(ingestor.isRunning()); // start() returned at once
            QTRY_VERIFY_WITH_TIMEOUT(committedSeen >= 600, 60000);
            QTRY_VERIFY_WITH_TIMEOUT(ticksAfterHeldProgress > 0, 60000);
            QVERIFY(ingestor.isRunning()); // still held: it is not over
            QVERIFY(committedSeen < 3000);
            QSignalSpy finished(&ingestor, &ResultIngestor::finished);
            ingestor.cancel(); // ends the hold: the held rows are rolled back
            QVERIFY(finished.wait(60000));
            QCOMPARE(ingestor.report().status, IngestReport::Status::Canceled);
        }

        ResultIngestor ingestor(o);
        QList<IngestProgress> progress;
        connect(&ingestor, &ResultIngestor::progress, this,
                [&](const IngestProgress& p) { progress.append(p); });
        QThread* writerThread = nullptr;
        QThread* const mainThread = QThread::currentThread();
        auto c = connect(
            LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            [&](LedgerNotifier::Change what, const QStringList&, const QString&) {
                if (what == LedgerNotifier::Change::Results)
                    writerThread = QThread::currentThread();
            },
            Qt::DirectConnection);
        QVERIFY(ingestor.start(*batch));
        QVERIFY(ingestor.waitForFinished(120000));
        disconnect(c);
        QVERIFY2(ingestor.report().isComplete(), qPrintable(ingestor.report().summary()));
        QVERIFY(writerThread != nullptr);
        QVERIFY(writerThread != mainThread);
        // At the start, per chunk read (1 MiB read buffer, ~6 MB here), per commit, at the end.
        QVERIFY(progress.size() >= 6);
        qint64 committed = 0;
        for (const IngestProgress& p : progress) {
            QCOMPARE(p.batchId, batch->id);
            QVERIFY(p.linesCommitted >= committed);
            QVERIFY(p.linesRead >= p.linesCommitted);
            committed = p.linesCommitted;
        }
        QCOMPARE(progress.last().linesRead, 3000);
        QCOMPARE(progress.last().linesCommitted, 3000);
        QVERIFY(progress.last().bytesRead > 3000 * 1500); // ~2 KB lines
        QCOMPARE(ingestor.lastProgress().linesCommitted, 3000);
    }

    // Canceled part-way (after the first commit), then run again: the same ledger as one
    // uninterrupted ingestion into another file.
    void cancelThenResume() {
        SimProcess sim;
        QVERIFY(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                           QStringLiteral("--error-rate"), QStringLiteral("0.1")}));
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        QString error;
        const auto batch = createAndWaitEnded(client, path, makeRequests(3000, 200), &error);
        QVERIFY2(batch, qPrintable(error));

        IngestOptions o = options(sim, path);
        o.rowsPerTransaction = 500;
        o.stopAfterCommittedRows = 500;
        const IngestReport partial = ingest(o, *batch);
        QCOMPARE(partial.status, IngestReport::Status::Canceled);
        QVERIFY(!partial.errorMessage.isEmpty());
        const LedgerTotals mid = ledgerTotals(path, batch->id);
        QVERIFY(mid.rows >= 500);
        QVERIFY(mid.rows < 3000);
        QVERIFY(!mid.ingested);

        o.stopAfterCommittedRows = 0;
        const IngestReport rest = ingest(o, *batch);
        QVERIFY2(rest.isComplete(), qPrintable(rest.summary()));
        QCOMPARE(rest.rowsInserted, 3000 - mid.rows);

        const QString fresh = newLedger();
        const IngestReport once = ingest(options(sim, fresh), *batch);
        QVERIFY(once.isComplete());
        QCOMPARE(dumpLedger(path, false), dumpLedger(fresh, false));
        checkAgainstIndependent(sim, path, *batch, 3000);

        // cancel() right after start: canceled, nothing half-written.
        ResultIngestor ingestor(options(sim, newLedger()));
        QSignalSpy finished(&ingestor, &ResultIngestor::finished);
        ingestor.start(*batch);
        ingestor.cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(ingestor.report().status, IngestReport::Status::Canceled);
    }

    void destroyingARunningIngestorStopsIt() {
        SimProcess sim;
        QVERIFY(sim.start({QStringLiteral("--speed"), QStringLiteral("0")}));
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        QString error;
        const auto batch = createAndWaitEnded(client, path, makeRequests(2000, 200), &error);
        QVERIFY2(batch, qPrintable(error));
        {
            ResultIngestor ingestor(options(sim, path));
            QSignalSpy progress(&ingestor, &ResultIngestor::progress);
            ingestor.start(*batch);
            progress.wait(10000);
        } // the destructor cancels and joins the worker
        const IngestReport r = ingest(options(sim, path), *batch);
        QVERIFY(r.isComplete());
        checkAgainstIndependent(sim, path, *batch, 2000);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestResultIngestor t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_resultingestor.moc"
