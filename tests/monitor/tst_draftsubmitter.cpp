// DraftSubmitter streams the create body from the ledger through a temporary file: the bytes a
// recording server receives are exactly what BatchRequestsBuilder builds in one buffer, with
// Content-Length; upload progress reaches the body's size; the real batchscope-sim accepts it.
// cancel(): while the body is built or only partly sent the draft is abandoned and nothing is
// created; once the whole body was sent (the sim holds its answer: a delay fault) the draft stays
// "creating" and the Poller reconciles it with the batch the sim created.
#include "api/apiclient.h"
#include "api/batchrequestsbuilder.h"
#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "monitor/draftsubmitter.h"
#include "monitor/poller.h"
#include "scriptedserver.h"
#include "simclient.h"
#include "simprocess.h"
#include "testenv.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::ScriptedServer;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

// n requests whose prompt is about textBytes long (mixed text, escapes, non-ASCII).
QList<StoredRequest> makeRequests(int n, int textBytes) {
    QList<StoredRequest> list;
    for (int i = 0; i < n; ++i) {
        QByteArray text;
        while (text.size() < textBytes)
            text += "line \\\"" + QByteArray::number(i) + "\\\" café 데이터 ";
        StoredRequest r;
        r.customId = QStringLiteral("req-%1").arg(i);
        r.params = "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":16,\"messages\":[{\"role\":"
                   "\"user\",\"content\":\"" +
                   text + "\"}]}";
        list.append(r);
    }
    return list;
}

QString storeDraft(Ledger& ledger, const QList<StoredRequest>& requests) {
    const QString id = DraftStore(ledger).create(BatchLocal());
    if (id.isEmpty() || !DraftStore(ledger).storeRequests(id, requests))
        return {};
    return id;
}

QByteArray batchJson(int requests) {
    return QByteArrayLiteral(
               R"({"id":"msgbatch_stream","type":"message_batch",)"
               R"("processing_status":"in_progress","request_counts":{"processing":)") +
           QByteArray::number(requests) +
           QByteArrayLiteral(
               R"(,"succeeded":0,"errored":0,"canceled":0,"expired":0},)"
               R"("created_at":"2026-11-29T10:00:00.000000Z",)"
               R"("expires_at":"2026-11-30T10:00:00.000000Z","ended_at":null,)"
               R"("cancel_initiated_at":null,"archived_at":null,"results_url":null})");
}

DraftSubmitter::Result waitResult(QSignalSpy& spy) {
    if (spy.isEmpty() && !spy.wait(60000))
        return {};
    return spy.first().first().value<DraftSubmitter::Result>();
}

QStringList leftoverBodies(const QString& dir) {
    return QDir(dir).entryList({QStringLiteral(".batchscope-create-*")},
                               QDir::Files | QDir::Hidden);
}

int simBatchCount(const SimProcess& sim) {
    SimClient c(sim.baseUrl(), SimProcess::fakeKey());
    return int(c.get(QStringLiteral("/v1/messages/batches")).json()[u"data"].toArray().size());
}

} // namespace

class TestDraftSubmitter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshLedger() { return m_dir.filePath(QStringLiteral("l%1/ledger.sqlite").arg(++m_n)); }

    static ApiConfig simConfig(const SimProcess& sim) {
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.apiKey = SimProcess::fakeKey();
        return config;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // 4,500 requests: several slices read from the ledger, several chunks written to the file.
    // The first attempt is answered 529 (overloaded): the retry sends the body again from its
    // start, byte for byte.
    void streamedBodyIsTheBuiltBody() {
        ScriptedServer server;
        QVERIFY(server.listen());
        const QList<StoredRequest> requests = makeRequests(4500, 400);
        int calls = 0;
        server.handler = [&](const ScriptedServer::Request&) {
            if (++calls == 1)
                return ScriptedServer::apiError(529, "overloaded_error", "busy");
            return ScriptedServer::json(200, batchJson(int(requests.size())));
        };
        const QString path = freshLedger();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        ApiConfig config;
        config.baseUrl = server.baseUrl();
        config.apiKey = QStringLiteral("test-key-not-a-real-secret");
        ApiClient client(config);
        RetryPolicy fast = client.retryPolicy();
        fast.timeScale = 0.001;
        client.setRetryPolicy(fast);
        const QString draft = storeDraft(ledger, requests);
        QVERIFY(!draft.isEmpty());

        BatchRequestsBuilder builder;
        for (const StoredRequest& r : requests)
            QVERIFY(builder.append(r.customId, r.params));
        const QByteArray expected = builder.take();
        QVERIFY(expected.size() > 2 * 1024 * 1024);

        DraftSubmitter submitter(&client, &ledger);
        QSignalSpy done(&submitter, &DraftSubmitter::finished);
        QSignalSpy progress(&submitter, &DraftSubmitter::uploadProgress);
        submitter.submit(draft);
        const auto result = waitResult(done);
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(!result.cancelled);
        QCOMPARE(server.requests().size(), 2);
        for (const ScriptedServer::Request& got : server.requests()) {
            QCOMPARE(got.headers.value("content-length"), QByteArray::number(expected.size()));
            QVERIFY(got.body == expected); // byte for byte (QCOMPARE would print 2 MB)
        }
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.first().at(0).toLongLong(), qint64(0));
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(expected.size()));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(expected.size()));
        QCOMPARE(DraftStore(ledger).find(draft)->state, DraftInfo::State::Created);
        // The temporary body beside the ledger is gone once the create is answered.
        QTRY_VERIFY(leftoverBodies(QFileInfo(path).absolutePath()).isEmpty());
    }

    void simAcceptsTheStreamedBody() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        const QString path = freshLedger();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        ApiClient client(simConfig(sim));
        const QString draft = storeDraft(ledger, makeRequests(2500, 1000));
        DraftSubmitter submitter(&client, &ledger);
        QSignalSpy done(&submitter, &DraftSubmitter::finished);
        submitter.submit(draft);
        const auto result = waitResult(done);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.batch.requestCounts.total(), qint64(2500));
        QCOMPARE(BatchStore(ledger).find(result.batch.id)->local.localId, draft);
    }

    // Canceled before anything was sent: abandoned, nothing created.
    void cancelWhileBuilding() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        const QString path = freshLedger();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        ApiClient client(simConfig(sim));
        const QString draft = storeDraft(ledger, makeRequests(10, 100));
        DraftSubmitter submitter(&client, &ledger);
        QSignalSpy done(&submitter, &DraftSubmitter::finished);
        submitter.submit(draft);
        submitter.cancel();
        const auto result = waitResult(done);
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
        QVERIFY(!result.mayHaveBeenCreated);
        QCOMPARE(done.size(), 1);
        QCOMPARE(DraftStore(ledger).find(draft)->state, DraftInfo::State::Abandoned);
        QCOMPARE(simBatchCount(sim), 0);
        QTRY_VERIFY(leftoverBodies(QFileInfo(path).absolutePath()).isEmpty());
    }

    // Canceled while the body is on its way (the sim holds the request before reading its body,
    // so a 24 MB upload stalls part way): abandoned, nothing created.
    void cancelDuringUpload() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        SimClient control(sim.baseUrl(), SimProcess::fakeKey());
        QCOMPARE(control
                     .addFault(QJsonObject{
                         {QStringLiteral("method"), QStringLiteral("POST")},
                         {QStringLiteral("path"), QStringLiteral("/v1/messages/batches")},
                         {QStringLiteral("delay_ms"), 1500}})
                     .status,
                 200);
        const QString path = freshLedger();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        ApiClient client(simConfig(sim));
        const QString draft = storeDraft(ledger, makeRequests(6000, 4000));
        DraftSubmitter submitter(&client, &ledger);
        QSignalSpy done(&submitter, &DraftSubmitter::finished);
        qint64 cancelledAt = -1, total = 0;
        connect(&submitter, &DraftSubmitter::uploadProgress, this, [&](qint64 sent, qint64 size) {
            total = size;
            if (cancelledAt < 0 && sent > 0 && sent < size) {
                cancelledAt = sent;
                submitter.cancel();
            }
        });
        submitter.submit(draft);
        const auto result = waitResult(done);
        QVERIFY(cancelledAt > 0);
        QVERIFY(cancelledAt < total);
        QVERIFY(result.cancelled);
        QVERIFY(!result.mayHaveBeenCreated);
        QVERIFY2(result.message.contains(QLatin1String("no batch was created")),
                 qPrintable(result.message));
        QCOMPARE(DraftStore(ledger).find(draft)->state, DraftInfo::State::Abandoned);
        QCOMPARE(simBatchCount(sim), 0);
    }

    // Canceled after the whole body was sent, before the answer (the sim holds it 1.5 s): the
    // draft stays "creating", then the list reconciles it with the batch the sim made.
    void cancelAfterBodySentIsReconciled() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        SimClient control(sim.baseUrl(), SimProcess::fakeKey());
        QCOMPARE(control
                     .addFault(QJsonObject{
                         {QStringLiteral("method"), QStringLiteral("POST")},
                         {QStringLiteral("path"), QStringLiteral("/v1/messages/batches")},
                         {QStringLiteral("delay_ms"), 1500}})
                     .status,
                 200);
        const QString path = freshLedger();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        ApiClient client(simConfig(sim));
        const QString draft = storeDraft(ledger, makeRequests(40, 200));
        DraftSubmitter submitter(&client, &ledger);
        QSignalSpy done(&submitter, &DraftSubmitter::finished);
        bool cancelled = false;
        connect(&submitter, &DraftSubmitter::uploadProgress, this, [&](qint64 sent, qint64 size) {
            if (!cancelled && sent == size && size > 0) {
                cancelled = true;
                submitter.cancel();
            }
        });
        submitter.submit(draft);
        const auto result = waitResult(done);
        QVERIFY(cancelled);
        QVERIFY(result.cancelled);
        QVERIFY(result.mayHaveBeenCreated);
        QCOMPARE(DraftStore(ledger).find(draft)->state, DraftInfo::State::Creating);

        // The sim creates the batch once its delay is over; poll the list until it is seen.
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        QSignalSpy cycles(&poller, &Poller::cycleFinished);
        bool reconciled = false;
        for (int cycle = 0; cycle < 200 && !reconciled; ++cycle) {
            const qsizetype before = cycles.size();
            poller.pollNow();
            QTRY_VERIFY_WITH_TIMEOUT(cycles.size() > before, 30000);
            const auto report = cycles.last().first().value<Poller::CycleReport>();
            reconciled = report.reconciled.contains(draft);
        }
        QVERIFY(reconciled);
        const auto info = DraftStore(ledger).find(draft);
        QCOMPARE(info->state, DraftInfo::State::Created);
        QCOMPARE(BatchStore(ledger).find(info->batchId)->batch.requestCounts.total(), qint64(40));
        QCOMPARE(simBatchCount(sim), 1);
    }
};

QTEST_GUILESS_MAIN(TestDraftSubmitter)
#include "tst_draftsubmitter.moc"
