// Poller against a real batchscope-sim and a real SQLite ledger: one list call refreshes 1,000
// in-progress batches, older batches fall back to paging/retrieve, batches of other clients are
// discovered (not re-sendable), ended batches are ingested, errors back off and pause.
#include "api/apiclient.h"
#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "monitor/poller.h"
#include "monitor/retrysubmitter.h"
#include "simclient.h"
#include "simprocess.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

ApiConfig configFor(const SimProcess& sim) {
    ApiConfig c;
    c.baseUrl = sim.baseUrl();
    c.apiKey = SimProcess::fakeKey();
    c.maxRetries = 0;
    c.timeoutMs = 10000;
    return c;
}

// Creates n one-request batches directly on the simulator (as another tool would), several
// requests in flight at once. Returns them in creation order.
QList<MessageBatch> createOnSim(const SimProcess& sim, int n, const QString& prefix) {
    QNetworkAccessManager nam;
    QList<MessageBatch> created;
    int inFlight = 0;
    int next = 0;
    QEventLoop loop;
    std::function<void()> pump = [&]() {
        while (inFlight < 16 && next < n) {
            QNetworkRequest req(
                sim.baseUrl().resolved(QUrl(QStringLiteral("/v1/messages/batches"))));
            req.setRawHeader("x-api-key", SimProcess::fakeKey().toUtf8());
            req.setRawHeader("anthropic-version", "2023-06-01");
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
            const QJsonObject body{
                {QStringLiteral("requests"),
                 QJsonArray{SimClient::request(prefix + QString::number(next),
                                               SimClient::params(QStringLiteral("hello"), 16))}}};
            QNetworkReply* reply =
                nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
            ++inFlight;
            ++next;
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply]() {
                --inFlight;
                created.append(
                    MessageBatch::fromJson(QJsonDocument::fromJson(reply->readAll()).object()));
                reply->deleteLater();
                if (created.size() == n)
                    loop.quit();
                else
                    pump();
            });
        }
    };
    pump();
    if (n > 0)
        loop.exec();
    std::sort(created.begin(), created.end(), [](const MessageBatch& a, const MessageBatch& b) {
        return a.createdAt < b.createdAt;
    });
    return created;
}

Poller::CycleReport runCycle(Poller& poller) {
    QSignalSpy spy(&poller, &Poller::cycleFinished);
    poller.pollNow();
    if (!spy.wait(60000))
        return {};
    return spy.first().first().value<Poller::CycleReport>();
}

} // namespace

class TestPoller : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void thousandBatchesInTwoRequests() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        const QList<MessageBatch> created = createOnSim(sim, 1000, QStringLiteral("r"));
        QCOMPARE(created.size(), 1000);
        Ledger ledger;
        QVERIFY2(ledger.open(m_dir.filePath(QStringLiteral("thousand.sqlite"))),
                 qPrintable(ledger.lastError()));
        QVERIFY(BatchStore(ledger).upsert(created)); // tracked as ours
        QCOMPARE(BatchStore(ledger).unended().size(), 1000);

        ApiClient client(configFor(sim));
        int httpRequests = 0;
        connect(client.networkAccessManager(), &QNetworkAccessManager::finished, this,
                [&httpRequests](QNetworkReply*) { ++httpRequests; });
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);

        // Cycle 1: all still in progress.
        Poller::CycleReport report = runCycle(poller);
        QVERIFY2(report.ok, qPrintable(report.error.toString()));
        QVERIFY2(httpRequests <= 2, qPrintable(QString::number(httpRequests)));
        QCOMPARE(report.httpRequests, httpRequests);
        QVERIFY(report.discovered.isEmpty());
        QCOMPARE(BatchStore(ledger).unended().size(), 1000);

        // Time passes on the server: every batch ends. One cycle updates all 1,000 rows.
        SimClient sc(sim.baseUrl(), SimProcess::fakeKey());
        QCOMPARE(sc.advance(24 * 3600).status, 200);
        httpRequests = 0;
        QSignalSpy ended(&poller, &Poller::batchEnded);
        report = runCycle(poller);
        QVERIFY2(report.ok, qPrintable(report.error.toString()));
        QVERIFY2(httpRequests <= 2, qPrintable(QString::number(httpRequests)));
        QCOMPARE(report.updated.size(), 1000);
        QCOMPARE(report.ended.size(), 1000);
        QCOMPARE(ended.size(), 1000);
        QCOMPARE(BatchStore(ledger).unended().size(), 0);
        for (const MessageBatch& b : created) {
            const auto rec = BatchStore(ledger).find(b.id);
            QVERIFY(rec);
            QVERIFY(rec->batch.isEnded());
            QCOMPARE(rec->batch.requestCounts.total(), 1);
            QCOMPARE(rec->batch.requestCounts.processing, 0);
            QVERIFY(!rec->batch.resultsUrl.isEmpty());
            QVERIFY(!rec->discovered);
        }
        // Nothing changes any more: one list call, nothing written.
        httpRequests = 0;
        report = runCycle(poller);
        QVERIFY(report.ok);
        QVERIFY(httpRequests <= 2);
        QVERIFY(report.updated.isEmpty());
        QVERIFY(report.ended.isEmpty());
    }

    void olderThanThePageFallsBack() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        const QList<MessageBatch> old = createOnSim(sim, 6, QStringLiteral("old"));
        QTest::qWait(20); // strictly newer created_at for the next ones
        const QList<MessageBatch> newer = createOnSim(sim, 30, QStringLiteral("new"));
        Ledger ledger;
        QVERIFY(ledger.open(m_dir.filePath(QStringLiteral("older.sqlite"))));
        QVERIFY(BatchStore(ledger).upsert(old + newer));
        ApiClient client(configFor(sim));
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        poller.setPageSize(10);

        // 26 tracked batches are older than the first page of 10: while more than the threshold
        // are missing it pages on (26, 16, 6 missing after pages 1-3; none after page 4).
        poller.setRetrieveThreshold(5);
        Poller::CycleReport report = runCycle(poller);
        QVERIFY2(report.ok, qPrintable(report.error.toString()));
        QCOMPARE(report.listPages, 4);
        QCOMPARE(report.retrieves, 0);

        // With a high threshold the missing ones are retrieved one by one.
        poller.setRetrieveThreshold(100);
        report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(report.listPages, 1);
        QCOMPARE(report.retrieves, 26);

        // Only the 6 old ones are tracked: one page + 6 retrieves; their change lands.
        ledger.close();
        QVERIFY(ledger.open(m_dir.filePath(QStringLiteral("older2.sqlite"))));
        QVERIFY(BatchStore(ledger).upsert(old));
        poller.setDiscoverForeign(false);
        SimClient sc(sim.baseUrl(), SimProcess::fakeKey());
        QCOMPARE(sc.advance(24 * 3600).status, 200);
        report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(report.httpRequests, 7);
        QCOMPARE(report.ended.size(), 6);
        QCOMPARE(BatchStore(ledger).unended().size(), 0);
        QCOMPARE(BatchStore(ledger).all().size(), 6); // nothing discovered when told not to
    }

    void discoversForeignBatchesAndIngestsOnEnd() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--quiet"),
                       QStringLiteral("--error-rate"), QStringLiteral("0")}),
            qPrintable(sim.errorString()));
        Ledger ledger;
        const QString path = m_dir.filePath(QStringLiteral("discover.sqlite"));
        QVERIFY(ledger.open(path));
        ApiClient client(configFor(sim));
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        IngestOptions options;
        options.api = client.config();
        options.ledgerPath = path;
        options.retryPolicy.timeScale = 0.001;
        poller.enableIngestion(options);

        // Another client (plain QNetworkAccessManager) creates a batch of 3 requests.
        SimClient other(sim.baseUrl(), SimProcess::fakeKey());
        const SimClient::Reply reply = other.create(QJsonArray{
            SimClient::request(QStringLiteral("a"), SimClient::params(QStringLiteral("x"), 8)),
            SimClient::request(QStringLiteral("b"), SimClient::params(QStringLiteral("y"), 8)),
            SimClient::request(QStringLiteral("c"), SimClient::params(QStringLiteral("z"), 8))});
        QCOMPARE(reply.status, 200);
        const QString id = reply.json().value(QLatin1String("id")).toString();

        QSignalSpy discovered(&poller, &Poller::batchDiscovered);
        Poller::CycleReport report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(report.discovered, QStringList{id});
        QCOMPARE(discovered.size(), 1);
        auto rec = BatchStore(ledger).find(id);
        QVERIFY(rec);
        QVERIFY(rec->discovered);
        QVERIFY(rec->local.localId.isEmpty());
        QCOMPARE(BatchStore(ledger).unended().size(), 1); // tracked

        // Not re-sendable: the retry submitter refuses it with a clear message.
        RetrySubmitter retry(&client, &ledger);
        QVERIFY(retry.refusalFor(id).contains(QLatin1String("another tool")));

        // It ends: the poller notices and ingests its results.
        QCOMPARE(other.advance(24 * 3600).status, 200);
        QSignalSpy done(&poller, &Poller::ingestionDone);
        report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(report.ended, QStringList{id});
        QVERIFY(done.wait(30000));
        const IngestReport ingest = done.first().first().value<IngestReport>();
        QVERIFY2(ingest.isComplete(), qPrintable(ingest.summary()));
        QCOMPARE(ResultStore(ledger).count(id), 3);
        rec = BatchStore(ledger).find(id);
        QVERIFY(rec->resultsIngestedAt.isValid());
        // The next cycle does not ingest it again.
        QSignalSpy needed(&poller, &Poller::ingestionNeeded);
        report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(needed.size(), 0);
    }

    void reconcilesADraftWhoseCreateAnswerWasLost() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        Ledger ledger;
        QVERIFY(ledger.open(m_dir.filePath(QStringLiteral("reconcile.sqlite"))));
        // Write-ahead done, "creating" marked, then the app died before the answer came back.
        const QString localId = DraftStore(ledger).create(BatchLocal{});
        QVERIFY(!localId.isEmpty());
        QJsonArray requests;
        QList<StoredRequest> stored;
        for (int i = 0; i < 3; ++i) {
            const QJsonObject p = SimClient::params(QStringLiteral("q%1").arg(i), 8);
            requests.append(SimClient::request(QStringLiteral("c%1").arg(i), p));
            stored.append(StoredRequest{QStringLiteral("c%1").arg(i),
                                        QJsonDocument(p).toJson(QJsonDocument::Compact), 1});
        }
        QVERIFY(DraftStore(ledger).storeRequests(localId, stored));
        QVERIFY(DraftStore(ledger).markCreating(localId));
        SimClient sc(sim.baseUrl(), SimProcess::fakeKey());
        const auto reply = sc.create(requests); // the create that did reach the server
        QCOMPARE(reply.status, 200);
        const QString id = reply.json().value(QLatin1String("id")).toString();

        ApiClient client(configFor(sim));
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        const Poller::CycleReport report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(report.reconciled, QStringList{localId});
        QVERIFY(report.discovered.isEmpty());
        const auto rec = BatchStore(ledger).find(id);
        QVERIFY(rec);
        QVERIFY(!rec->discovered); // ours: its params are known, it can be retried
        QCOMPARE(rec->local.localId, localId);
        QCOMPARE(DraftStore(ledger).find(localId)->state, DraftInfo::State::Created);
    }

    void backsOffAndPauses() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        createOnSim(sim, 1, QStringLiteral("x"));
        Ledger ledger;
        QVERIFY(ledger.open(m_dir.filePath(QStringLiteral("backoff.sqlite"))));
        ApiClient client(configFor(sim));
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        PollSchedule::Policy p;
        p.errorBaseMs = 1000;
        p.maxBackoffMs = 60000;
        p.pauseAfterConnectionErrors = 2;
        p.pausedProbeMs = 600000;
        poller.setSchedule(PollSchedule(p));

        Poller::CycleReport report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(poller.state().consecutiveErrors, 0);
        QCOMPARE(poller.state().inProgress, 1); // the discovered batch
        const qint64 healthy = report.nextIntervalMs;

        // The server answers 500 (api_error): back off, doubling; never pause.
        SimClient sc(sim.baseUrl(), SimProcess::fakeKey());
        QCOMPARE(
            sc.addFault(QJsonObject{{QStringLiteral("status"), 500}, {QStringLiteral("count"), -1}})
                .status,
            200);
        QSignalSpy errors(&poller, &Poller::errorOccurred);
        report = runCycle(poller);
        QVERIFY(!report.ok);
        QCOMPARE(report.error.httpStatus, 500);
        QCOMPARE(report.nextIntervalMs, 1000);
        report = runCycle(poller);
        QCOMPARE(report.nextIntervalMs, 2000);
        report = runCycle(poller);
        QCOMPARE(report.nextIntervalMs, 4000);
        QCOMPARE(errors.size(), 3);
        QVERIFY(!poller.isPaused());
        QCOMPARE(sc.del(QStringLiteral("/_sim/faults")).status, 200);
        report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(report.nextIntervalMs, healthy);

        // Connection refused (simulator stopped): back off, then pause after 2 in a row.
        QSignalSpy paused(&poller, &Poller::pausedChanged);
        sim.stop();
        report = runCycle(poller);
        QVERIFY(!report.ok);
        QVERIFY(report.error.kind == ApiError::Kind::Network ||
                report.error.kind == ApiError::Kind::Timeout);
        QCOMPARE(report.nextIntervalMs, 1000);
        QVERIFY(!poller.isPaused());
        report = runCycle(poller);
        QVERIFY(poller.isPaused());
        QCOMPARE(report.nextIntervalMs, 600000);
        QCOMPARE(paused.size(), 1);
        QCOMPARE(paused.first().first().toBool(), true);

        // The OS reports the network back: counters reset, polling resumes.
        poller.setOnline(false);
        poller.setOnline(true);
        QVERIFY(!poller.isPaused());
    }

    // A ledger write that fails (here: another connection holds the write lock past the busy
    // timeout) fails the cycle: no batchEnded for the row that was not stored, the error is
    // reported, and the backoff of earlier errors goes on instead of being reset.
    void failedLedgerWriteIsAnErrorNotAnEnd() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        const QList<MessageBatch> created = createOnSim(sim, 1, QStringLiteral("w"));
        QCOMPARE(created.size(), 1);
        const QString id = created.first().id;
        const QString path = m_dir.filePath(QStringLiteral("writefails.sqlite"));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QVERIFY(BatchStore(ledger).upsert(created)); // ours, in progress
        ApiClient client(configFor(sim));
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        PollSchedule::Policy p;
        p.errorBaseMs = 1000;
        p.maxBackoffMs = 60000;
        poller.setSchedule(PollSchedule(p));
        QSignalSpy ended(&poller, &Poller::batchEnded);
        QSignalSpy changed(&poller, &Poller::batchesChanged);
        QSignalSpy errors(&poller, &Poller::errorOccurred);

        // One server error first: the backoff starts.
        SimClient sc(sim.baseUrl(), SimProcess::fakeKey());
        QCOMPARE(
            sc.addFault(QJsonObject{{QStringLiteral("status"), 500}, {QStringLiteral("count"), 1}})
                .status,
            200);
        Poller::CycleReport report = runCycle(poller);
        QVERIFY(!report.ok);
        QCOMPARE(poller.state().consecutiveErrors, 1);

        // The batch ends on the server; the ledger cannot take the write.
        QCOMPARE(sc.advance(24 * 3600).status, 200);
        Ledger blocker;
        QVERIFY(blocker.open(path));
        QVERIFY(blocker.beginTransaction()); // BEGIN IMMEDIATE: holds the write lock
        report = runCycle(poller);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.message.contains(QStringLiteral("locked")),
                 qPrintable(report.error.toString()));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(ended.size(), 0);
        QCOMPARE(changed.size(), 0);
        QVERIFY(report.ended.isEmpty());
        QVERIFY(report.updated.isEmpty());
        QCOMPARE(poller.state().consecutiveErrors, 2); // not reset by the failed cycle
        QCOMPARE(report.nextIntervalMs, 2000);
        QVERIFY(!BatchStore(ledger).find(id)->batch.isEnded());

        // The lock goes: the next cycle stores the end and announces it, once.
        blocker.rollbackTransaction();
        report = runCycle(poller);
        QVERIFY2(report.ok, qPrintable(report.error.toString()));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().toString(), id);
        QVERIFY(BatchStore(ledger).find(id)->batch.isEnded());
        QCOMPARE(poller.state().consecutiveErrors, 0);
    }

    // A tracked batch deleted elsewhere answers 404: after the second 404 (on a later cycle) it
    // is marked gone in the ledger, is not retrieved any more, and the schedule goes idle.
    void deletedBatchIsMarkedGoneAndNotPolled() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("1"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        const QList<MessageBatch> created = createOnSim(sim, 1, QStringLiteral("g"));
        QCOMPARE(created.size(), 1);
        const QString id = created.first().id;
        const QString path = m_dir.filePath(QStringLiteral("gone.sqlite"));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QVERIFY(BatchStore(ledger).upsert(created)); // ours, in progress as last seen

        // Elsewhere, the batch ends and is deleted before this poller sees it again.
        SimClient sc(sim.baseUrl(), SimProcess::fakeKey());
        QCOMPARE(sc.advance(24 * 3600).status, 200);
        QCOMPARE(sc.del(QStringLiteral("/v1/messages/batches/") + id).status, 200);

        ApiClient client(configFor(sim));
        int retrievesOfIt = 0; // requests for this batch that reached the server
        connect(client.networkAccessManager(), &QNetworkAccessManager::finished, this,
                [&](QNetworkReply* reply) {
                    if (reply->url().path().endsWith(id))
                        ++retrievesOfIt;
                });
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        poller.setDiscoverForeign(false);
        QSignalSpy gone(&poller, &Poller::batchGone);

        // First 404: reported, kept, still tracked.
        Poller::CycleReport report = runCycle(poller);
        QVERIFY2(report.ok, qPrintable(report.error.toString()));
        QCOMPARE(report.notFound, QStringList{id});
        QVERIFY(report.gone.isEmpty());
        QCOMPARE(retrievesOfIt, 1);
        QCOMPARE(poller.state().inProgress, 1);
        QVERIFY(!BatchStore(ledger).find(id)->isGone());

        // Second 404 on a later cycle: gone.
        report = runCycle(poller);
        QVERIFY2(report.ok, qPrintable(report.error.toString()));
        QCOMPARE(report.gone, QStringList{id});
        QCOMPARE(gone.size(), 1);
        QCOMPARE(retrievesOfIt, 2);
        QVERIFY(BatchStore(ledger).find(id)->isGone());
        QCOMPARE(poller.state().inProgress, 0);
        QCOMPARE(report.nextIntervalMs, poller.schedule().policy().idleMs);

        // Not retrieved any more.
        report = runCycle(poller);
        QVERIFY(report.ok);
        QCOMPARE(report.retrieves, 0);
        QCOMPARE(retrievesOfIt, 2);
        QCOMPARE(report.nextIntervalMs, poller.schedule().policy().idleMs);

        // The mark is in the file.
        ledger.close();
        Ledger reopened;
        QVERIFY(reopened.open(path));
        QVERIFY(BatchStore(reopened).find(id)->isGone());
        QVERIFY(BatchStore(reopened).unended().isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestPoller t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_poller.moc"
