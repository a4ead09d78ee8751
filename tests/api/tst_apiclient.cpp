// ApiClient against a scripted local HTTP server: headers, typed errors, retries, timeouts,
// the 404-after-create rule and the results stream, byte-exact. Delays are scaled down
// (RetryPolicy::timeScale); nominal delays are checked through the retrying() signal, never
// through wall time.
#include "api/apiclient.h"
#include "api/batchjob.h"
#include "api/batchlistjob.h"
#include "api/batchrequestsbuilder.h"
#include "api/counttokensjob.h"
#include "api/deletebatchjob.h"
#include "api/resultstream.h"
#include "apijobwait.h"
#include "scriptedserver.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace bs;
using bs::test::ScriptedServer;

namespace {
const QByteArray kKey = "sk-ant-"
                        "api03-UNIT-TEST-KEY-0000000000";

QByteArray batchJson(const QByteArray& id, const QByteArray& status = "in_progress",
                     const QByteArray& resultsUrl = "null") {
    return "{\"id\":\"" + id + "\",\"type\":\"message_batch\",\"processing_status\":\"" + status +
           "\",\"request_counts\":{\"processing\":2,\"succeeded\":0,\"errored\":0,"
           "\"canceled\":0,\"expired\":0},\"created_at\":\"2026-11-28T10:00:00.000000Z\","
           "\"expires_at\":\"2026-11-29T10:00:00.000000Z\",\"ended_at\":null,"
           "\"cancel_initiated_at\":null,\"archived_at\":null,\"results_url\":" +
           resultsUrl + "}";
}

QByteArray resultLines(int n) {
    QByteArray out;
    for (int i = 0; i < n; ++i)
        out += "{\"custom_id\":\"row-" + QByteArray::number(i) +
               "\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_" +
               QByteArray::number(i) + "\"}}}\n";
    return out;
}

} // namespace

class TestApiClient : public QObject {
    Q_OBJECT

    ScriptedServer* m_server = nullptr;
    ApiClient* m_client = nullptr;

    ApiConfig config() const {
        ApiConfig c;
        c.baseUrl = m_server->baseUrl();
        c.apiKey = QString::fromLatin1(kKey);
        c.timeoutMs = 5000;
        return c;
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<bs::ApiError>(); }

    void init() {
        m_server = new ScriptedServer(this);
        QVERIFY(m_server->listen());
        m_client = new ApiClient(config(), this);
        RetryPolicy p = m_client->retryPolicy();
        p.timeScale = 0.001; // nominal seconds become milliseconds
        m_client->setRetryPolicy(p);
    }
    void cleanup() {
        delete m_client;
        delete m_server;
    }

    void sendsHeadersAndParsesBatch() {
        ApiConfig c = config();
        c.workspaceId = QStringLiteral("wrkspc_test");
        c.betas = {QStringLiteral("b1"), QStringLiteral("b2")};
        m_client->setConfig(c);
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_1")));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(job->batch().id, QStringLiteral("msgbatch_1"));
        QCOMPARE(job->batch().processingStatus, MessageBatch::Status::InProgress);
        QCOMPARE(job->batch().requestCounts.processing, 2);
        const auto& r = m_server->requests().at(0);
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(r.target, QByteArray("/v1/messages/batches/msgbatch_1"));
        QCOMPARE(r.headers.value("x-api-key"), kKey);
        QCOMPARE(r.headers.value("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(r.headers.value("anthropic-workspace-id"), QByteArray("wrkspc_test"));
        QCOMPARE(r.headers.value("anthropic-beta"), QByteArray("b1,b2"));
        QVERIFY(r.headers.value("user-agent").startsWith("Batchscope/"));
        delete job;
    }

    void baseUrlWithPathPrefix() {
        ApiConfig c = config();
        c.baseUrl.setPath(QStringLiteral("/proxy/anthropic/"));
        m_client->setConfig(c);
        m_server->enqueue(ScriptedServer::json(200, "{\"data\":[],\"has_more\":false}"));
        BatchListJob* job = m_client->listBatches(5, QStringLiteral("msgbatch_a"));
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(m_server->requests().at(0).target,
                 QByteArray("/proxy/anthropic/v1/messages/batches?limit=5&after_id=msgbatch_a"));
        delete job;
    }

    void createSendsBodyAndOpensGraceWindow() {
        BatchRequestsBuilder b;
        QVERIFY(
            b.append(QStringLiteral("row-1"), QByteArray("{\"model\":\"m\",\"max_tokens\":1}")));
        QVERIFY(b.append(QStringLiteral("row-2"), QJsonObject{{QStringLiteral("model"), 1}}));
        const QByteArray body = b.take();
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_new")));
        BatchJob* job = m_client->createBatch(body);
        QVERIFY(bs::test::waitForJob(job).isOk());
        const auto& r = m_server->requests().at(0);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.target, QByteArray("/v1/messages/batches"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.body, body);
        const QJsonObject sent = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(sent.value(QLatin1String("requests")).toArray().size(), 2);
        QVERIFY(m_client->notFoundGraceRemainingMs(QStringLiteral("msgbatch_new")) > 0);
        QCOMPARE(m_client->notFoundGraceRemainingMs(QStringLiteral("msgbatch_other")), 0);
        delete job;
    }

    void builderValidates() {
        BatchRequestsBuilder b;
        QVERIFY(!b.append(QStringLiteral("bad id!"), QByteArray("{}")));
        QVERIFY(!b.append(QString(65, QLatin1Char('a')), QByteArray("{}")));
        QVERIFY(!b.append(QStringLiteral("ok"), QByteArray("[1]")));
        QVERIFY(!b.errorString().isEmpty());
        QVERIFY(b.append(QString(64, QLatin1Char('a')), QByteArray(" {} ")));
        QCOMPARE(b.count(), 1);
        QCOMPARE(b.take(), QByteArray("{\"requests\":[{\"custom_id\":\"") + QByteArray(64, 'a') +
                               "\",\"params\":{}}]}");
        QCOMPARE(b.count(), 0);
    }

    void typedHttpErrorNotRetried() {
        m_server->enqueue(
            ScriptedServer::apiError(401, "authentication_error", "invalid x-api-key"));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QSignalSpy retrying(job, &ApiJob::retrying);
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.kind, ApiError::Kind::Http);
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.errorType, QStringLiteral("authentication_error"));
        QCOMPARE(e.message, QStringLiteral("invalid x-api-key"));
        QCOMPARE(e.requestId, QStringLiteral("req_test_401"));
        QVERIFY(!e.retryable);
        QCOMPARE(e.attempts, 1);
        QCOMPARE(retrying.size(), 0);
        QCOMPARE(m_server->requests().size(), 1);
        const QString text = e.toString();
        QVERIFY(text.contains(QStringLiteral("401")));
        QVERIFY(text.contains(QStringLiteral("req_test_401")));
        QVERIFY(text.contains(QStringLiteral("API key")));
        QVERIFY(!text.contains(QString::fromLatin1(kKey)));
        delete job;
    }

    void rateLimitStormHonoursRetryAfter() {
        m_server->enqueue(
            ScriptedServer::apiError(429, "rate_limit_error", "slow down", {{"retry-after", "3"}}));
        m_server->enqueue(
            ScriptedServer::apiError(429, "rate_limit_error", "slow down",
                                     {{"retry-after-ms", "1500"}, {"retry-after", "9"}}));
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_1")));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QSignalSpy retrying(job, &ApiJob::retrying);
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(retrying.size(), 2);
        QCOMPARE(retrying.at(0).at(0).toInt(), 1);
        QCOMPARE(retrying.at(0).at(1).toLongLong(), qint64(3000));
        QCOMPARE(retrying.at(1).at(1).toLongLong(), qint64(1500));
        QCOMPARE(retrying.at(0).at(2).value<ApiError>().httpStatus, 429);
        QCOMPARE(job->attempts(), 3);
        QCOMPARE(m_server->requests().at(1).headers.value("x-stainless-retry-count"),
                 QByteArray("1"));
        delete job;
    }

    void serverErrorsExhaustRetries_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("500") << 500 << QByteArray("api_error");
        QTest::newRow("529") << 529 << QByteArray("overloaded_error");
        QTest::newRow("503") << 503 << QByteArray("api_error");
        QTest::newRow("408") << 408 << QByteArray("timeout_error");
        QTest::newRow("409") << 409 << QByteArray("conflict_error");
    }
    void serverErrorsExhaustRetries() {
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        m_server->setFallback(ScriptedServer::apiError(status, type, "boom"));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QSignalSpy retrying(job, &ApiJob::retrying);
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.errorType, QString::fromLatin1(type));
        QVERIFY(e.retryable);
        QCOMPARE(e.attempts, 3); // 2 retries by default
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(retrying.size(), 2);
        // Backoff without retry-after: 0.5 s then 1 s nominal, with 75-100 % jitter.
        const qint64 d1 = retrying.at(0).at(1).toLongLong();
        const qint64 d2 = retrying.at(1).at(1).toLongLong();
        QVERIFY(d1 >= 375 && d1 <= 500);
        QVERIFY(d2 >= 750 && d2 <= 1000);
        delete job;
    }

    void maxRetriesConfigurable() {
        ApiConfig c = config();
        c.maxRetries = 0;
        m_client->setConfig(c);
        m_server->setFallback(ScriptedServer::apiError(529, "overloaded_error", "busy"));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QCOMPARE(bs::test::waitForJob(job).attempts, 1);
        delete job;
        c.maxRetries = 4;
        m_client->setConfig(c);
        RetryPolicy p = m_client->retryPolicy();
        p.timeScale = 0.001;
        m_client->setRetryPolicy(p);
        job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QCOMPARE(bs::test::waitForJob(job).attempts, 5);
        delete job;
    }

    void xShouldRetryObeyedFirst() {
        m_server->enqueue(
            ScriptedServer::apiError(500, "api_error", "no", {{"x-should-retry", "false"}}));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.attempts, 1);
        QVERIFY(!e.retryable);
        delete job;
        m_server->enqueue(ScriptedServer::apiError(400, "invalid_request_error", "try again",
                                                   {{"x-should-retry", "true"}}));
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_1")));
        job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(job->attempts(), 2);
        delete job;
    }

    void connectionResetIsRetried() {
        ScriptedServer::Response reset = ScriptedServer::json(200, batchJson("msgbatch_1"));
        reset.resetAfterBytes = 10;
        m_server->enqueue(reset);
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_1")));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QSignalSpy retrying(job, &ApiJob::retrying);
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(retrying.size(), 1);
        QCOMPARE(retrying.at(0).at(2).value<ApiError>().kind, ApiError::Kind::Network);
        delete job;
    }

    void createIsNotRepeatedAfterAmbiguousFailure() {
        // The answer to a create is lost: the batch may exist; sending it again could double
        // the spend, so the job stops and says so.
        ScriptedServer::Response reset = ScriptedServer::json(200, batchJson("msgbatch_1"));
        reset.resetAfterBytes = 5;
        m_server->enqueue(reset);
        BatchJob* job = m_client->createBatch(QByteArray("{\"requests\":[]}"));
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.kind, ApiError::Kind::Network);
        QVERIFY(e.mayHaveSucceeded);
        QVERIFY(!e.retryable);
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(e.toString().contains(QStringLiteral("refresh the batch list")));
        delete job;
        // An HTTP answer is unambiguous: create is retried on 529 like the SDKs do.
        m_server->enqueue(ScriptedServer::apiError(529, "overloaded_error", "busy"));
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_2")));
        job = m_client->createBatch(QByteArray("{\"requests\":[]}"));
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(job->batch().id, QStringLiteral("msgbatch_2"));
        delete job;
    }

    void silentServerTimesOut() {
        ApiConfig c = config();
        c.timeoutMs = 200;
        c.maxRetries = 1;
        m_client->setConfig(c);
        ScriptedServer::Response hang;
        hang.hang = true;
        m_server->setFallback(hang);
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.kind, ApiError::Kind::Timeout);
        QVERIFY(e.retryable);
        QCOMPARE(e.attempts, 2);
        QVERIFY(e.toString().contains(QStringLiteral("Timed out")));
        delete job;
    }

    void notFoundRightAfterCreateIsRetried() {
        ApiConfig c = config();
        c.notFoundGraceMs = 60000;
        m_client->setConfig(c);
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_fresh")));
        for (int i = 0; i < 4; ++i) // more 404s than the retry budget
            m_server->enqueue(ScriptedServer::apiError(404, "not_found_error", "not found"));
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_fresh")));
        BatchJob* create = m_client->createBatch(QByteArray("{\"requests\":[]}"));
        QVERIFY(bs::test::waitForJob(create).isOk());
        delete create;
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_fresh"));
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(job->attempts(), 5);
        delete job;
        // Another id gets no grace: 404 is final at once.
        m_server->enqueue(ScriptedServer::apiError(404, "not_found_error", "not found"));
        job = m_client->retrieveBatch(QStringLiteral("msgbatch_old"));
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.httpStatus, 404);
        QCOMPARE(e.attempts, 1);
        delete job;
    }

    void refusesPlainHttpToRemoteHosts_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << QStringLiteral("https://api.anthropic.com") << true;
        QTest::newRow("http remote") << QStringLiteral("http://api.anthropic.com") << false;
        QTest::newRow("http lan") << QStringLiteral("http://192.168.1.5:8080") << false;
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:9") << true;
        QTest::newRow("http 127.1.2.3") << QStringLiteral("http://127.1.2.3:9") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:9") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://LocalHost:9") << true;
        QTest::newRow("http localhost.evil")
            << QStringLiteral("http://localhost.evil.com") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
    }
    void refusesPlainHttpToRemoteHosts() {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const ApiError e = ApiClient::checkUrl(QUrl(url));
        QCOMPARE(e.isOk(), allowed);
        if (!allowed) {
            QCOMPARE(e.kind, ApiError::Kind::RefusedInsecure);
            QVERIFY(e.toString().contains(QStringLiteral("https://")));
        }
    }

    // A base URL with user-info is never shown as is: not in the error that refuses it, not
    // in the form the console and the CLI display (ApiConfig::displayBaseUrl).
    void baseUrlUserInfoIsRedacted() {
        const QUrl invalid(QStringLiteral("https://alice:s3cret@/v1"));
        const ApiError e = ApiClient::checkUrl(invalid);
        QCOMPARE(e.kind, ApiError::Kind::Config);
        QVERIFY2(!e.toString().contains(QStringLiteral("s3cret")), qPrintable(e.toString()));
        QVERIFY2(!e.toString().contains(QStringLiteral("alice")), qPrintable(e.toString()));
        const ApiError insecure =
            ApiClient::checkUrl(QUrl(QStringLiteral("http://alice:s3cret@example.com:81")));
        QCOMPARE(insecure.kind, ApiError::Kind::RefusedInsecure);
        QVERIFY(!insecure.toString().contains(QStringLiteral("s3cret")));

        ApiConfig c = config();
        c.baseUrl.setUserInfo(QStringLiteral("alice:s3cret"));
        QCOMPARE(c.displayBaseUrl(),
                 QStringLiteral("http://[redacted]@127.0.0.1:%1").arg(m_server->baseUrl().port()));
        // A call through it, answered by a proxy's page that echoes the URL: nothing the client
        // logs or reports carries the user-info.
        m_client->setConfig(c);
        m_server->enqueue(ScriptedServer::json(
            403, "<html>Forbidden: http://alice:s3cret@127.0.0.1/v1/messages/batches</html>"));
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext&, const QString& msg) { logged.append(msg); });
        QLoggingCategory::setFilterRules(QStringLiteral("bs.api*=true"));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        const ApiError failed = bs::test::waitForJob(job);
        delete job;
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(failed.httpStatus, 403);
        QVERIFY(!logged.isEmpty());
        for (const QString& line : std::as_const(logged))
            QVERIFY2(!line.contains(QStringLiteral("s3cret")), qPrintable(line));
        QVERIFY2(!failed.toString().contains(QStringLiteral("s3cret")),
                 qPrintable(failed.toString()));
        QVERIFY2(failed.toString().contains(QStringLiteral("http://[redacted]@127.0.0.1/")),
                 qPrintable(failed.toString()));
    }

    void refusedCallNeverTouchesNetwork() {
        ApiConfig c = config();
        c.baseUrl = QUrl(QStringLiteral("http://example.invalid"));
        m_client->setConfig(c);
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QVERIFY(!job->isFinished()); // finished() is always emitted from the event loop
        const ApiError e = bs::test::waitForJob(job);
        QCOMPARE(e.kind, ApiError::Kind::RefusedInsecure);
        QCOMPARE(e.attempts, 0);
        delete job;
    }

    void configErrors() {
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("../../etc"));
        QCOMPARE(bs::test::waitForJob(job).kind, ApiError::Kind::Config);
        delete job;
        ApiConfig c = config();
        c.apiKey.clear();
        m_client->setConfig(c);
        job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QCOMPARE(bs::test::waitForJob(job).kind, ApiError::Kind::Config);
        delete job;
        QVERIFY(m_server->requests().isEmpty());
        ResultStream* s = m_client->streamResults(MessageBatch());
        QCOMPARE(bs::test::waitForJob(s).kind, ApiError::Kind::Config);
        delete s;
    }

    void parseErrorOnGarbage() {
        m_server->enqueue(ScriptedServer::json(200, "<html>proxy login</html>"));
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        QCOMPARE(bs::test::waitForJob(job).kind, ApiError::Kind::Parse);
        delete job;
    }

    void listAllFollowsPages() {
        m_server->enqueue(ScriptedServer::json(
            200,
            "{\"data\":[" + batchJson("msgbatch_3") + "," + batchJson("msgbatch_2") +
                "],\"has_more\":true,\"first_id\":\"msgbatch_3\",\"last_id\":\"msgbatch_2\"}"));
        m_server->enqueue(ScriptedServer::apiError(529, "overloaded_error", "busy"));
        m_server->enqueue(ScriptedServer::json(
            200,
            "{\"data\":[" + batchJson("msgbatch_1") +
                "],\"has_more\":false,\"first_id\":\"msgbatch_1\",\"last_id\":\"msgbatch_1\"}"));
        BatchListJob* job = m_client->listAllBatches(2);
        QSignalSpy pages(job, &BatchListJob::pageReceived);
        QVERIFY(bs::test::waitForJob(job).isOk());
        QCOMPARE(pages.size(), 2);
        QCOMPARE(job->batches().size(), 3);
        QCOMPARE(job->batches().at(2).id, QStringLiteral("msgbatch_1"));
        QCOMPARE(m_server->requests().at(0).target, QByteArray("/v1/messages/batches?limit=2"));
        QCOMPARE(m_server->requests().at(2).target,
                 QByteArray("/v1/messages/batches?limit=2&after_id=msgbatch_2"));
        delete job;
    }

    void cancelDeleteCountTokens() {
        m_server->enqueue(ScriptedServer::json(200, batchJson("msgbatch_1", "canceling")));
        BatchJob* cancel = m_client->cancelBatch(QStringLiteral("msgbatch_1"));
        QVERIFY(bs::test::waitForJob(cancel).isOk());
        QCOMPARE(cancel->batch().processingStatus, MessageBatch::Status::Canceling);
        QCOMPARE(m_server->requests().at(0).method, QByteArray("POST"));
        QCOMPARE(m_server->requests().at(0).target,
                 QByteArray("/v1/messages/batches/msgbatch_1/cancel"));
        delete cancel;

        m_server->enqueue(ScriptedServer::json(
            200, "{\"id\":\"msgbatch_1\",\"type\":\"message_batch_deleted\"}"));
        DeleteBatchJob* del = m_client->deleteBatch(QStringLiteral("msgbatch_1"));
        QVERIFY(bs::test::waitForJob(del).isOk());
        QCOMPARE(del->deletedId(), QStringLiteral("msgbatch_1"));
        QCOMPARE(m_server->requests().at(1).method, QByteArray("DELETE"));
        delete del;

        const QJsonObject params =
            QJsonDocument::fromJson(
                "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":512,\"temperature\":0.2,"
                "\"system\":\"s\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .object();
        const QByteArray body = CountTokensJob::bodyFromParams(params);
        const QJsonObject sent = QJsonDocument::fromJson(body).object();
        QVERIFY(!sent.contains(QLatin1String("max_tokens")));
        QVERIFY(!sent.contains(QLatin1String("temperature")));
        QVERIFY(sent.contains(QLatin1String("system")));
        m_server->enqueue(ScriptedServer::json(200, "{\"input_tokens\":42}"));
        CountTokensJob* count = m_client->countTokens(body);
        QVERIFY(bs::test::waitForJob(count).isOk());
        QCOMPARE(count->inputTokens(), 42);
        QCOMPARE(m_server->requests().at(2).target, QByteArray("/v1/messages/count_tokens"));
        delete count;
    }

    void abortFinishesOnce() {
        ScriptedServer::Response hang;
        hang.hang = true;
        m_server->setFallback(hang);
        BatchJob* job = m_client->retrieveBatch(QStringLiteral("msgbatch_1"));
        job->setAutoDelete(false);
        QSignalSpy finished(job, &ApiJob::finished);
        QTRY_COMPARE(m_server->requests().size(), 1);
        job->abort();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(job->error().kind, ApiError::Kind::Aborted);
        job->abort();
        // A second finished() would be queued by now; wait for a marker queued after it.
        bool marker = false;
        QMetaObject::invokeMethod(
            this, [&] { marker = true; }, Qt::QueuedConnection);
        QTRY_VERIFY(marker);
        QCOMPARE(finished.size(), 1);
        delete job;
    }

    // --- results stream ---

    void streamDeliversCompleteLinesAcrossChunks_data() {
        QTest::addColumn<QList<qsizetype>>("chunks");
        QTest::addColumn<bool>("trailingNewline");
        QTest::newRow("one piece") << QList<qsizetype>{} << true;
        QTest::newRow("split mid-line") << QList<qsizetype>{7, 100, 3, 1, 1, 250} << true;
        QTest::newRow("byte by byte head") << QList<qsizetype>{1, 1, 1, 1, 1, 1, 1, 1} << true;
        QTest::newRow("no trailing newline") << QList<qsizetype>{50, 50} << false;
    }
    void streamDeliversCompleteLinesAcrossChunks() {
        QFETCH(QList<qsizetype>, chunks);
        QFETCH(bool, trailingNewline);
        QByteArray file = resultLines(20);
        if (!trailingNewline)
            file.chop(1);
        ScriptedServer::Response r;
        r.body = file;
        r.chunked = !chunks.isEmpty();
        r.chunkSizes = chunks;
        m_server->enqueue(r);
        const QUrl url = m_server->baseUrl().resolved(
            QUrl(QStringLiteral("/v1/messages/batches/msgbatch_1/results")));
        ResultStream* s = m_client->streamResults(url, QStringLiteral("msgbatch_1"));
        QByteArray got;
        connect(s, &ResultStream::dataReady, this, [&got](const QByteArray& lines) {
            QVERIFY(lines.endsWith('\n'));
            got += lines;
        });
        QVERIFY(bs::test::waitForJob(s).isOk());
        QCOMPARE(got, resultLines(20));
        QCOMPARE(s->linesDelivered(), 20);
        QCOMPARE(m_server->requests().at(0).headers.value("accept"),
                 QByteArray("application/binary"));
        QCOMPARE(m_server->requests().at(0).headers.value("x-api-key"), kKey);
        delete s;
    }

    void streamReportsTruncatedLastLine_data() {
        QTest::addColumn<bool>("withNewline");
        QTest::newRow("cut, no newline") << false;
        QTest::newRow("cut, then newline") << true;
    }
    void streamReportsTruncatedLastLine() {
        QFETCH(bool, withNewline);
        QByteArray file = resultLines(10);
        file.chop(25); // the middle of the 10th line
        if (withNewline)
            file += '\n';
        m_server->enqueue(ScriptedServer::json(200, file));
        ResultStream* s = m_client->streamResults(
            m_server->baseUrl().resolved(QUrl(QStringLiteral("/r"))), QStringLiteral("msgbatch_1"));
        QByteArray got;
        connect(s, &ResultStream::dataReady, this, [&got](const QByteArray& l) { got += l; });
        const ApiError e = bs::test::waitForJob(s);
        QCOMPARE(e.kind, ApiError::Kind::Truncated);
        QCOMPARE(e.linesDelivered, 9);
        QCOMPARE(got, resultLines(9));
        QVERIFY(e.toString().contains(QStringLiteral("9 complete result line")));
        QCOMPARE(m_server->requests().size(), 1); // not retried: the file itself is bad
        delete s;
    }

    void streamResetMidResultsReportsProgress() {
        const QByteArray file = resultLines(30);
        ScriptedServer::Response r = ScriptedServer::json(200, file);
        r.resetAfterBytes = file.indexOf("row-12") + 3; // inside line 13
        m_server->enqueue(r);
        ResultStream* s = m_client->streamResults(
            m_server->baseUrl().resolved(QUrl(QStringLiteral("/r"))), QStringLiteral("msgbatch_1"));
        QByteArray got;
        connect(s, &ResultStream::dataReady, this, [&got](const QByteArray& l) { got += l; });
        const ApiError e = bs::test::waitForJob(s);
        QCOMPARE(e.kind, ApiError::Kind::Network);
        QVERIFY(e.retryable);
        QCOMPARE(e.linesDelivered, 12);
        QCOMPARE(s->linesDelivered(), 12);
        QCOMPARE(got, resultLines(12));
        QCOMPARE(m_server->requests().size(), 1); // delivered lines: the consumer restarts
        delete s;
    }

    // The connection ends (clean close or reset) at a line boundary, short of the
    // Content-Length, while the consumer is busy: Qt 6.4 then often finishes the reply with
    // NoError, and the last line that did arrive is valid JSON, so only the byte count shows
    // that the download broke. It must be a retryable network error, never a successful end
    // (tst_watchrobust ingested 33 of 400 lines and marked the batch ingested that way).
    void streamShortOfContentLengthIsBroken_data() {
        QTest::addColumn<bool>("reset");
        QTest::addColumn<int>("lines");
        QTest::addColumn<int>("cutAfter");
        QTest::newRow("clean close") << false << 30 << 12;
        QTest::newRow("reset") << true << 30 << 12;
        QTest::newRow("clean close, beyond the read buffer") << false << 20000 << 15000;
        QTest::newRow("reset, beyond the read buffer") << true << 20000 << 15000;
    }
    void streamShortOfContentLengthIsBroken() {
        QFETCH(bool, reset);
        QFETCH(int, lines);
        QFETCH(int, cutAfter);
        const QByteArray file = resultLines(lines);
        const QByteArray delivered = resultLines(cutAfter);
        // How the transport reports the cut depends on timing: every attempt must be an error.
        for (int round = 0; round < 25; ++round) {
            ScriptedServer::Response r = ScriptedServer::json(200, file);
            (reset ? r.resetAfterBytes : r.closeAfterBytes) = delivered.size();
            m_server->enqueue(r);
            ResultStream* s =
                m_client->streamResults(m_server->baseUrl().resolved(QUrl(QStringLiteral("/r"))),
                                        QStringLiteral("msgbatch_1"));
            QByteArray got;
            // A slow consumer (the ingestion's writer): the end of the connection arrives while
            // it is busy, as in the watcher.
            connect(s, &ResultStream::dataReady, this, [&got](const QByteArray& l) {
                got += l;
                QThread::msleep(20);
            });
            const ApiError e = bs::test::waitForJob(s);
            const int attempts = s->attempts();
            delete s;
            QVERIFY2(e.isError(), qPrintable(QStringLiteral("round %1: a download short of its "
                                                            "Content-Length ended as a success")
                                                 .arg(round)));
            QVERIFY(e.retryable);
            if (attempts > 1) {
                // The end came before any line was handed over (the reset dropped what the
                // socket held): retried inside the stream, against an empty script.
                QVERIFY(got.isEmpty());
                continue;
            }
            QVERIFY2(e.kind == ApiError::Kind::Network, qPrintable(e.toString()));
            // A reset may drop what the socket still held: never more than was sent.
            QVERIFY(e.linesDelivered <= cutAfter);
            QVERIFY(got == resultLines(int(e.linesDelivered)));
        }
    }

    void streamRetriedWhenNothingDelivered() {
        ScriptedServer::Response r = ScriptedServer::json(200, resultLines(5));
        r.resetAfterBytes = 30; // inside the first line
        m_server->enqueue(r);
        m_server->enqueue(ScriptedServer::apiError(500, "api_error", "oops"));
        m_server->enqueue(ScriptedServer::json(200, resultLines(5)));
        ResultStream* s = m_client->streamResults(
            m_server->baseUrl().resolved(QUrl(QStringLiteral("/r"))), QStringLiteral("msgbatch_1"));
        QByteArray got;
        connect(s, &ResultStream::dataReady, this, [&got](const QByteArray& l) { got += l; });
        ApiConfig c = config();
        QVERIFY(bs::test::waitForJob(s).isOk());
        QCOMPARE(got, resultLines(5));
        QCOMPARE(s->attempts(), 3);
        delete s;
    }

    void resultsUrlOnAnotherHostStaysOnOurOrigin() {
        const QUrl u = m_client->resultsRequestUrl(
            QUrl(QStringLiteral("https://elsewhere.example/v1/messages/batches/x/results")));
        QCOMPARE(u.host(), m_server->baseUrl().host());
        QCOMPARE(u.port(), m_server->baseUrl().port());
        QCOMPARE(u.path(), QStringLiteral("/v1/messages/batches/x/results"));
        const QUrl same = m_server->baseUrl().resolved(QUrl(QStringLiteral("/a/results")));
        QCOMPARE(m_client->resultsRequestUrl(same), same);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestApiClient t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_apiclient.moc"
