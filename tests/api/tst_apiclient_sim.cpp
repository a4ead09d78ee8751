// ApiClient against the real batchscope-sim over HTTP: the whole lifecycle, and the client side
// of the fault matrix (429 storm with retry-after, 500/529 bursts, x-should-retry, spend cap,
// slow server, connection reset mid-results, truncated last line, 404 right after create,
// wrong key). Retry delays are scaled down; nominal delays are read from retrying(), never
// measured.
#include "api/apiclient.h"
#include "api/batchjob.h"
#include "api/batchlistjob.h"
#include "api/batchrequestsbuilder.h"
#include "api/counttokensjob.h"
#include "api/deletebatchjob.h"
#include "api/resultstream.h"
#include "apijobwait.h"
#include "simprocess.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace bs;
using bs::test::SimProcess;

namespace {
QByteArray requestsBody(int n, const QString& prefix = QStringLiteral("row-")) {
    BatchRequestsBuilder b;
    for (int i = 0; i < n; ++i) {
        const QByteArray params =
            "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\","
            "\"content\":\"hello " +
            QByteArray::number(i) + "\"}]}";
        if (!b.append(prefix + QString::number(i), params))
            qFatal("builder: %s", qPrintable(b.errorString()));
    }
    return b.take();
}

struct Download {
    QByteArray data;
    ApiError error;
    qint64 lines = 0;
};
} // namespace

class TestApiClientSim : public QObject {
    Q_OBJECT

    std::unique_ptr<SimProcess> m_sim;
    ApiClient* m_client = nullptr;

    void startSim(const QStringList& args = {}) {
        m_sim = std::make_unique<SimProcess>();
        QVERIFY2(
            m_sim->start(QStringList{QStringLiteral("--error-rate"), QStringLiteral("0")} + args),
            qPrintable(m_sim->errorString()));
        ApiConfig c;
        c.baseUrl = m_sim->baseUrl();
        c.apiKey = SimProcess::fakeKey();
        c.timeoutMs = 10000;
        delete m_client;
        m_client = new ApiClient(c, this);
        RetryPolicy p = m_client->retryPolicy();
        p.timeScale = 0.001;
        m_client->setRetryPolicy(p);
    }

    // POST /_sim/... on the simulator (control endpoints, loopback only, no key).
    int simControl(const QByteArray& method, const QString& path, const QByteArray& body = {}) {
        QNetworkAccessManager nam;
        QNetworkRequest req(m_sim->baseUrl().resolved(QUrl(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = nam.sendCustomRequest(req, method, body);
        QSignalSpy spy(reply, &QNetworkReply::finished);
        spy.wait(10000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }
    void addFault(const QByteArray& json) {
        QCOMPARE(simControl("POST", QStringLiteral("/_sim/faults"), json), 200);
    }

    MessageBatch createEnded(int n) {
        BatchJob* create = m_client->createBatch(requestsBody(n));
        const ApiError e = bs::test::waitForJob(create);
        if (e.isError())
            qWarning("create: %s", qPrintable(e.toString()));
        const QString id = create->batch().id;
        delete create;
        for (int i = 0; i < 100; ++i) {
            BatchJob* r = m_client->retrieveBatch(id);
            bs::test::waitForJob(r);
            const MessageBatch b = r->batch();
            delete r;
            if (b.isEnded())
                return b;
            QTest::qWait(50);
        }
        return {};
    }

    Download download(const MessageBatch& batch) {
        Download d;
        ResultStream* s = m_client->streamResults(batch);
        connect(s, &ResultStream::dataReady, this, [&d](const QByteArray& l) { d.data += l; });
        d.error = bs::test::waitForJob(s);
        d.lines = s->linesDelivered();
        delete s;
        return d;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<bs::ApiError>(); }
    void cleanup() {
        delete m_client;
        m_client = nullptr;
        m_sim.reset();
    }

    void lifecycle() {
        startSim();
        // Create with a body built by BatchRequestsBuilder.
        BatchJob* create = m_client->createBatch(requestsBody(25));
        QVERIFY2(bs::test::waitForJob(create).isOk(), qPrintable(create->error().toString()));
        const MessageBatch created = create->batch();
        delete create;
        QVERIFY(created.id.startsWith(QStringLiteral("msgbatch_")));
        QCOMPARE(created.processingStatus, MessageBatch::Status::InProgress);
        QCOMPARE(created.requestCounts.processing, 25);
        QVERIFY(created.resultsUrl.isEmpty());

        // Results before the end: a typed 400 from the server.
        ResultStream* early = m_client->streamResults(
            m_sim->baseUrl().resolved(QUrl(QStringLiteral("/v1/messages/batches/") + created.id +
                                           QStringLiteral("/results"))),
            created.id);
        const ApiError ee = bs::test::waitForJob(early);
        delete early;
        QCOMPARE(ee.httpStatus, 400);
        QCOMPARE(ee.errorType, QStringLiteral("invalid_request_error"));
        QVERIFY(ee.requestId.startsWith(QStringLiteral("req_")));

        // Cancel, then let simulated time run until it ends.
        BatchJob* cancel = m_client->cancelBatch(created.id);
        QVERIFY2(bs::test::waitForJob(cancel).isOk(), qPrintable(cancel->error().toString()));
        QCOMPARE(cancel->batch().processingStatus, MessageBatch::Status::Canceling);
        QVERIFY(cancel->batch().cancelInitiatedAt.isValid());
        delete cancel;
        // Delete before the end: refused by the server, typed.
        DeleteBatchJob* del = m_client->deleteBatch(created.id);
        QCOMPARE(bs::test::waitForJob(del).httpStatus, 400);
        delete del;

        QCOMPARE(simControl("POST", QStringLiteral("/_sim/clock"), "{\"advance_seconds\":86400}"),
                 200);
        BatchJob* retrieve = m_client->retrieveBatch(created.id);
        QVERIFY(bs::test::waitForJob(retrieve).isOk());
        const MessageBatch ended = retrieve->batch();
        delete retrieve;
        QVERIFY(ended.isEnded());
        QCOMPARE(ended.requestCounts.total(), 25);
        QVERIFY(!ended.resultsUrl.isEmpty());

        // Results, streamed: every custom_id exactly once, every line JSON.
        const Download d = download(ended);
        QVERIFY2(d.error.isOk(), qPrintable(d.error.toString()));
        QCOMPARE(d.lines, 25);
        QSet<QString> ids;
        for (const QByteArray& line : d.data.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY(!o.isEmpty());
            ids.insert(o.value(QLatin1String("custom_id")).toString());
        }
        QCOMPARE(ids.size(), 25);

        // List: one page and all pages.
        for (int i = 0; i < 4; ++i) {
            BatchJob* more = m_client->createBatch(requestsBody(1));
            QVERIFY(bs::test::waitForJob(more).isOk());
            delete more;
        }
        BatchListJob* page = m_client->listBatches(2);
        QVERIFY(bs::test::waitForJob(page).isOk());
        QCOMPARE(page->page().data.size(), 2);
        QVERIFY(page->page().hasMore);
        delete page;
        BatchListJob* all = m_client->listAllBatches(2);
        QVERIFY(bs::test::waitForJob(all).isOk());
        QCOMPARE(all->batches().size(), 5);
        QCOMPARE(all->pagesReceived(), 3);
        QCOMPARE(all->batches().last().id, created.id); // newest first
        delete all;

        // Delete once ended.
        DeleteBatchJob* del2 = m_client->deleteBatch(created.id);
        QVERIFY2(bs::test::waitForJob(del2).isOk(), qPrintable(del2->error().toString()));
        QCOMPARE(del2->deletedId(), created.id);
        delete del2;
        BatchJob* gone = m_client->retrieveBatch(created.id);
        QCOMPARE(bs::test::waitForJob(gone).httpStatus, 404);
        delete gone;
    }

    void countTokens() {
        startSim();
        const QJsonObject params =
            QJsonDocument::fromJson("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":64,"
                                    "\"messages\":[{\"role\":\"user\",\"content\":\"Printer "
                                    "on fire, please advise quickly\"}]}")
                .object();
        CountTokensJob* job = m_client->countTokens(CountTokensJob::bodyFromParams(params));
        QVERIFY2(bs::test::waitForJob(job).isOk(), qPrintable(job->error().toString()));
        QVERIFY(job->inputTokens() > 0);
        delete job;
    }

    void rateLimitStormWithRetryAfter() {
        startSim({QStringLiteral("--speed"), QStringLiteral("0")});
        addFault(
            "{\"status\":429,\"retry_after\":1,\"count\":2,\"path\":\"/v1/messages/batches\"}");
        BatchListJob* job = m_client->listBatches();
        QSignalSpy retrying(job, &ApiJob::retrying);
        QVERIFY2(bs::test::waitForJob(job).isOk(), qPrintable(job->error().toString()));
        QCOMPARE(job->attempts(), 3);
        QCOMPARE(retrying.size(), 2);
        for (const auto& args : std::as_const(retrying)) {
            QCOMPARE(args.at(1).toLongLong(), qint64(1000)); // retry-after: 1 honoured
            const ApiError cause = args.at(2).value<ApiError>();
            QCOMPARE(cause.httpStatus, 429);
            QCOMPARE(cause.errorType, QStringLiteral("rate_limit_error"));
            QVERIFY(cause.requestId.startsWith(QStringLiteral("req_")));
        }
        delete job;

        // retry-after-ms wins; a storm longer than the budget ends in a typed, retryable error.
        addFault("{\"status\":429,\"retry_after_ms\":250,\"retry_after\":5,\"count\":-1}");
        job = m_client->listBatches();
        QSignalSpy retrying2(job, &ApiJob::retrying);
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.httpStatus, 429);
        QVERIFY(e.retryable);
        QCOMPARE(e.attempts, 3);
        QCOMPARE(retrying2.at(0).at(1).toLongLong(), qint64(250));
        delete job;
        QCOMPARE(simControl("DELETE", QStringLiteral("/_sim/faults")), 200);

        // Without retry-after: exponential backoff with jitter.
        addFault("{\"status\":429,\"count\":2}");
        job = m_client->listBatches();
        QSignalSpy retrying3(job, &ApiJob::retrying);
        QVERIFY(bs::test::waitForJob(job).isOk());
        const qint64 d1 = retrying3.at(0).at(1).toLongLong();
        const qint64 d2 = retrying3.at(1).at(1).toLongLong();
        QVERIFY2(d1 >= 375 && d1 <= 500, qPrintable(QString::number(d1)));
        QVERIFY2(d2 >= 750 && d2 <= 1000, qPrintable(QString::number(d2)));
        delete job;
    }

    void serverErrorBursts() {
        startSim({QStringLiteral("--speed"), QStringLiteral("0")});
        addFault("{\"status\":500,\"count\":2}");
        BatchJob* job = m_client->createBatch(requestsBody(2));
        QVERIFY2(bs::test::waitForJob(job).isOk(), qPrintable(job->error().toString()));
        QCOMPARE(job->attempts(), 3);
        const QString id = job->batch().id;
        delete job;

        addFault("{\"status\":529,\"count\":3}");
        job = m_client->retrieveBatch(id);
        ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.httpStatus, 529);
        QCOMPARE(e.errorType, QStringLiteral("overloaded_error"));
        QCOMPARE(e.attempts, 3);
        QVERIFY(e.retryable);
        QVERIFY(e.toString().contains(QStringLiteral("overloaded")));
        delete job;

        addFault("{\"status\":529,\"should_retry\":false}");
        job = m_client->retrieveBatch(id);
        e = bs::test::waitForJob(job);
        QCOMPARE(e.attempts, 1);
        QVERIFY(!e.retryable);
        delete job;

        addFault("{\"status\":400,\"should_retry\":true}");
        job = m_client->retrieveBatch(id);
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(job->attempts(), 2);
        delete job;

        addFault("{\"spend_cap\":true}");
        job = m_client->retrieveBatch(id);
        e = bs::test::waitForJob(job);
        QCOMPARE(e.httpStatus, 429);
        QCOMPARE(e.errorCode, QStringLiteral("enforced_spend_limit_reached"));
        QCOMPARE(e.attempts, 1);
        QVERIFY(e.toString().contains(QStringLiteral("spend cap")));
        delete job;
    }

    void slowServer() {
        startSim({QStringLiteral("--speed"), QStringLiteral("0")});
        ApiConfig c = m_client->config();
        c.timeoutMs = 300;
        m_client->setConfig(c);
        addFault("{\"delay_ms\":3000,\"count\":1}");
        BatchListJob* job = m_client->listBatches();
        QSignalSpy retrying(job, &ApiJob::retrying);
        QVERIFY2(bs::test::waitForJob(job).isOk(), qPrintable(job->error().toString()));
        QCOMPARE(retrying.size(), 1);
        QCOMPARE(retrying.at(0).at(2).value<ApiError>().kind, ApiError::Kind::Timeout);
        delete job;

        addFault("{\"delay_ms\":3000,\"count\":-1}");
        job = m_client->listBatches();
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.kind, ApiError::Kind::Timeout);
        QCOMPARE(e.attempts, 3);
        QVERIFY(e.retryable);
        delete job;
    }

    void connectionResetMidResults() {
        startSim({QStringLiteral("--speed"), QStringLiteral("0")});
        const MessageBatch batch = createEnded(40);
        QVERIFY(batch.isEnded());
        const Download full = download(batch);
        QVERIFY(full.error.isOk());
        QCOMPARE(full.lines, 40);

        const qint64 cut = full.data.size() / 2;
        addFault("{\"reset_after_bytes\":" + QByteArray::number(cut) + "}");
        const Download broken = download(batch);
        QCOMPARE(broken.error.kind, ApiError::Kind::Network);
        QVERIFY(broken.error.retryable);
        // Exactly the complete lines inside the first `cut` bytes, and nothing else.
        const QByteArray prefix = full.data.left(cut);
        const QByteArray expected = prefix.left(prefix.lastIndexOf('\n') + 1);
        QCOMPARE(broken.data, expected);
        QCOMPARE(broken.error.linesDelivered, qint64(expected.count('\n')));
        QVERIFY(broken.lines > 0 && broken.lines < 40);

        // The consumer restarts from the top (no Range support); the download is whole again.
        const Download again = download(batch);
        QVERIFY(again.error.isOk());
        QCOMPARE(again.data, full.data);
    }

    void resetBeforeFirstLineIsRetried() {
        startSim({QStringLiteral("--speed"), QStringLiteral("0")});
        const MessageBatch batch = createEnded(5);
        addFault("{\"reset_after_bytes\":10}");
        const Download d = download(batch);
        QVERIFY2(d.error.isOk(), qPrintable(d.error.toString()));
        QCOMPARE(d.lines, 5);
    }

    void truncatedLastLine() {
        startSim({QStringLiteral("--speed"), QStringLiteral("0")});
        const MessageBatch batch = createEnded(12);
        addFault("{\"truncate_last_line\":true}");
        const Download d = download(batch);
        QCOMPARE(d.error.kind, ApiError::Kind::Truncated);
        QCOMPARE(d.error.linesDelivered, 11);
        QCOMPARE(d.lines, 11);
        for (const QByteArray& line : d.data.split('\n'))
            QVERIFY(line.isEmpty() || QJsonDocument::fromJson(line).isObject());
    }

    void notFoundRightAfterCreate() {
        startSim({QStringLiteral("--speed"), QStringLiteral("0")});
        RetryPolicy p = m_client->retryPolicy();
        p.timeScale = 0.02; // backoff ~10-160 ms: a handful of polls in the window
        m_client->setRetryPolicy(p);
        addFault("{\"not_found_after_create_ms\":1500}");
        BatchJob* create = m_client->createBatch(requestsBody(3));
        QVERIFY(bs::test::waitForJob(create).isOk());
        const QString id = create->batch().id;
        delete create;
        BatchJob* job = m_client->retrieveBatch(id);
        QSignalSpy retrying(job, &ApiJob::retrying);
        QVERIFY2(bs::test::waitForJob(job).isOk(), qPrintable(job->error().toString()));
        QVERIFY(job->attempts() > 1);
        QCOMPARE(retrying.at(0).at(2).value<ApiError>().httpStatus, 404);
        delete job;

        // Without the grace window (a batch this client did not just create), 404 is final.
        ApiConfig c = m_client->config();
        c.notFoundGraceMs = 0;
        m_client->setConfig(c);
        addFault("{\"not_found_after_create_ms\":60000}");
        create = m_client->createBatch(requestsBody(1));
        QVERIFY(bs::test::waitForJob(create).isOk());
        job = m_client->retrieveBatch(create->batch().id);
        delete create;
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.httpStatus, 404);
        QCOMPARE(e.attempts, 1);
        delete job;
    }

    void wrongKey() {
        startSim({QStringLiteral("--speed"), QStringLiteral("0")});
        const QString wrong = QStringLiteral("sk-ant-"
                                             "api03-WRONG-KEY-FOR-TEST-0000");
        m_client->setApiKey(wrong);
        BatchListJob* job = m_client->listBatches();
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.errorType, QStringLiteral("authentication_error"));
        QCOMPARE(e.attempts, 1);
        QVERIFY(!e.toString().contains(QStringLiteral("sk-ant-api03-WRONG")));
        QVERIFY(!e.message.contains(QStringLiteral("sk-ant-api03-WRONG")));
        delete job;
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestApiClientSim t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_apiclient_sim.moc"
