#pragma once

#include "apiconfig.h"
#include "apierror.h"
#include "messagebatch.h"
#include "retrypolicy.h"

#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QUrlQuery>

class QIODevice;
class QNetworkAccessManager;

namespace bs {

class ApiJob;
class BatchJob;
class BatchListJob;
class CountTokensJob;
class CostReportJob;
class DeleteBatchJob;
class ResultStream;

// The Message Batches API over one QNetworkAccessManager (reference §1, §2). Every method
// returns a started job that is a child of this client; connect to its finished() signal
// (see ApiJob for lifetime rules). All calls are asynchronous; use the client from the thread
// it lives in.
//
// Headers: x-api-key, anthropic-version: 2023-06-01, anthropic-workspace-id (when set),
// anthropic-beta (when set). Plain http is refused unless the host is loopback.
class ApiClient : public QObject {
    Q_OBJECT

public:
    static constexpr const char* kApiVersion = "2023-06-01";

    explicit ApiClient(QObject* parent = nullptr);
    explicit ApiClient(const ApiConfig& config, QObject* parent = nullptr);
    ~ApiClient() override;

    const ApiConfig& config() const { return m_config; }
    // Applies to calls started afterwards. Also sets retryPolicy().maxRetries.
    void setConfig(const ApiConfig& config);
    void setApiKey(const QString& key) { m_config.apiKey = key; }
    bool hasApiKey() const { return !m_config.apiKey.isEmpty(); }

    const RetryPolicy& retryPolicy() const { return m_retryPolicy; }
    void setRetryPolicy(const RetryPolicy& policy) { m_retryPolicy = policy; }

    QNetworkAccessManager* networkAccessManager() const { return m_nam; }

    // POST /v1/messages/batches with a body the caller built ({"requests":[...]}, see
    // BatchRequestsBuilder). The body is shared, not copied. On success the new id gets the
    // 404 grace window.
    BatchJob* createBatch(const QByteArray& requestsJson);
    // The same with the body read from a random-access device (a QFile the caller wrote), so a
    // 256 MB body is never held in memory: `size` bytes from its start, Content-Length set, read
    // again from the start by a retry. The device is not owned; keep it open until finished().
    BatchJob* createBatch(QIODevice* requestsJson, qint64 size);
    BatchJob* retrieveBatch(const QString& batchId);
    BatchJob* cancelBatch(const QString& batchId);
    DeleteBatchJob* deleteBatch(const QString& batchId);
    // One page (limit 1..1000; 0 = server default 20).
    BatchListJob* listBatches(int limit = 0, const QString& afterId = {},
                              const QString& beforeId = {});
    // Every batch of the workspace, newest first, following after_id = last_id while has_more.
    BatchListJob* listAllBatches(int pageSize = 1000);
    // POST /v1/messages/count_tokens. The body is a count_tokens body (see
    // CountTokensJob::bodyFromParams to derive one from batch params).
    CountTokensJob* countTokens(const QByteArray& body);
    // The Admin API's cost report of the UTC days [from, untilExclusive), grouped by
    // description, every page. Call it on a client whose key is the Admin key.
    CostReportJob* costReport(QDate from, QDate untilExclusive);
    // GET the batch's results_url with Accept: application/binary, streamed line by line. A batch
    // without results_url gives a Config error.
    ResultStream* streamResults(const MessageBatch& batch);
    ResultStream* streamResults(const QUrl& resultsUrl, const QString& batchId = {});

    // Records that batchId was created just now (done automatically by createBatch): a 404 on it
    // within ApiConfig::notFoundGraceMs is retried as propagation delay.
    void noteBatchCreated(const QString& batchId);
    // Milliseconds left of the grace window of batchId; 0 when none.
    qint64 notFoundGraceRemainingMs(const QString& batchId) const;

    // Building blocks, public for tests and for jobs.
    QUrl endpoint(const QString& path, const QUrlQuery& query = {}) const;
    // None, or RefusedInsecure (http to a non-loopback host, unknown scheme) / Config (invalid).
    static ApiError checkUrl(const QUrl& url);
    QNetworkRequest buildRequest(const QUrl& url, const QByteArray& accept, bool hasJsonBody) const;
    // Where results are fetched from: results_url itself when it has the base URL's origin,
    // else its path on the base URL's origin (the key is never sent to another host).
    QUrl resultsRequestUrl(const QUrl& resultsUrl) const;
    static bool isValidBatchId(const QString& batchId);

Q_SIGNALS:
    // Every job's final failure, for status bars, logs and metrics (already redacted).
    void callFailed(const bs::ApiError& error);

private:
    friend class ApiJob;
    template <typename Job> Job* startJob(Job* job);
    ApiError checkBatchId(const QString& batchId) const;

    ApiConfig m_config;
    RetryPolicy m_retryPolicy;
    QNetworkAccessManager* m_nam = nullptr;
    QHash<QString, QElapsedTimer> m_created;
};

} // namespace bs
