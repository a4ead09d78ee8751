#include "apiclient.h"

#include "core/redactor.h"

#include "batchjob.h"
#include "batchlistjob.h"
#include "core/appinfo.h"
#include "costreportjob.h"
#include "counttokensjob.h"
#include "deletebatchjob.h"
#include "resultstream.h"

#include <QDateTime>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QRegularExpression>

namespace bs {

ApiClient::ApiClient(QObject* parent)
    : ApiClient(ApiConfig::fromEnvironment(), parent) {}

ApiClient::ApiClient(const ApiConfig& config, QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this)) {
    // Jobs delete their replies themselves; redirects never leave the origin (the key travels
    // in a header).
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    setConfig(config);
}

ApiClient::~ApiClient() = default;

void ApiClient::setConfig(const ApiConfig& config) {
    m_config = config;
    m_retryPolicy.maxRetries = qMax(0, config.maxRetries);
}

bool ApiClient::isValidBatchId(const QString& batchId) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,256}$"));
    return re.match(batchId).hasMatch();
}

ApiError ApiClient::checkBatchId(const QString& batchId) const {
    if (isValidBatchId(batchId))
        return {};
    return ApiError::make(ApiError::Kind::Config,
                          tr("'%1' is not a valid batch id").arg(batchId.left(80)));
}

ApiError ApiClient::checkUrl(const QUrl& url) {
    if (!url.isValid() || url.host().isEmpty())
        return ApiError::make(ApiError::Kind::Config,
                              tr("the API URL '%1' is not valid").arg(Redactor::redactUrl(url)));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && ApiConfig::isLoopbackHost(url.host()))
        return {};
    return ApiError::make(ApiError::Kind::RefusedInsecure,
                          tr("refused to send the API key over %1 to %2")
                              .arg(scheme.isEmpty() ? QStringLiteral("?") : scheme, url.host()));
}

QUrl ApiClient::endpoint(const QString& path, const QUrlQuery& query) const {
    QUrl url = m_config.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(query);
    url.setFragment(QString());
    return url;
}

QUrl ApiClient::resultsRequestUrl(const QUrl& resultsUrl) const {
    QUrl url = resultsUrl;
    if (url.isRelative())
        return endpoint(url.path(), QUrlQuery(url));
    const QUrl& base = m_config.baseUrl;
    const bool sameOrigin = url.scheme().compare(base.scheme(), Qt::CaseInsensitive) == 0 &&
                            url.host().compare(base.host(), Qt::CaseInsensitive) == 0 &&
                            url.port(url.scheme() == QLatin1String("https") ? 443 : 80) ==
                                base.port(base.scheme() == QLatin1String("https") ? 443 : 80);
    if (sameOrigin)
        return url;
    // Another host: keep the path, stay on our origin so the key goes nowhere else.
    QUrl rebased = base;
    rebased.setPath(url.path());
    rebased.setQuery(url.query());
    return rebased;
}

QNetworkRequest ApiClient::buildRequest(const QUrl& url, const QByteArray& accept,
                                        bool hasJsonBody) const {
    QNetworkRequest request(url);
    request.setRawHeader("x-api-key", m_config.apiKey.toUtf8());
    request.setRawHeader("anthropic-version", kApiVersion);
    if (!m_config.workspaceId.isEmpty())
        request.setRawHeader("anthropic-workspace-id", m_config.workspaceId.toUtf8());
    if (!m_config.betas.isEmpty())
        request.setRawHeader("anthropic-beta", m_config.betas.join(QLatin1Char(',')).toUtf8());
    request.setRawHeader("accept", accept);
    if (hasJsonBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QString(QStringLiteral("Batchscope/") + AppInfo::version()));
    request.setTransferTimeout(qMax(1, m_config.timeoutMs));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    return request;
}

void ApiClient::noteBatchCreated(const QString& batchId) {
    // Forget windows that closed long ago, so the table stays small.
    for (auto it = m_created.begin(); it != m_created.end();) {
        if (it->hasExpired(qMax(m_config.notFoundGraceMs, 0)))
            it = m_created.erase(it);
        else
            ++it;
    }
    QElapsedTimer timer;
    timer.start();
    m_created.insert(batchId, timer);
}

qint64 ApiClient::notFoundGraceRemainingMs(const QString& batchId) const {
    const auto it = m_created.constFind(batchId);
    if (it == m_created.cend())
        return 0;
    return qMax<qint64>(0, m_config.notFoundGraceMs - it->elapsed());
}

template <typename Job> Job* ApiClient::startJob(Job* job) {
    job->start();
    return job;
}

BatchJob* ApiClient::createBatch(const QByteArray& requestsJson) {
    auto* job = new BatchJob(this, BatchJob::Kind::Create, ApiJob::Method::Post,
                             endpoint(QStringLiteral("/v1/messages/batches")), requestsJson,
                             tr("Create batch"));
    return startJob(job);
}

BatchJob* ApiClient::createBatch(QIODevice* requestsJson, qint64 size) {
    auto* job = new BatchJob(this, BatchJob::Kind::Create, ApiJob::Method::Post,
                             endpoint(QStringLiteral("/v1/messages/batches")), QByteArray(),
                             tr("Create batch"));
    job->setBodyDevice(requestsJson, size);
    if (!requestsJson || size <= 0 || requestsJson->isSequential())
        job->m_preError = ApiError::make(
            ApiError::Kind::Config,
            tr("Internal error: a create body must be a non-empty random-access device."));
    return startJob(job);
}

BatchJob* ApiClient::retrieveBatch(const QString& batchId) {
    auto* job = new BatchJob(this, BatchJob::Kind::Retrieve, ApiJob::Method::Get,
                             endpoint(QStringLiteral("/v1/messages/batches/") + batchId),
                             QByteArray(), tr("Retrieve batch %1").arg(batchId.left(80)));
    job->setBatchId(batchId);
    job->m_preError = checkBatchId(batchId);
    return startJob(job);
}

BatchJob* ApiClient::cancelBatch(const QString& batchId) {
    // POST without a body: an empty (not null) body so that Content-Length: 0 is sent.
    auto* job = new BatchJob(
        this, BatchJob::Kind::Cancel, ApiJob::Method::Post,
        endpoint(QStringLiteral("/v1/messages/batches/") + batchId + QStringLiteral("/cancel")),
        QByteArray(""), tr("Cancel batch %1").arg(batchId.left(80)));
    job->setBatchId(batchId);
    job->m_preError = checkBatchId(batchId);
    return startJob(job);
}

DeleteBatchJob* ApiClient::deleteBatch(const QString& batchId) {
    auto* job =
        new DeleteBatchJob(this, endpoint(QStringLiteral("/v1/messages/batches/") + batchId),
                           tr("Delete batch %1").arg(batchId.left(80)));
    job->setBatchId(batchId);
    job->m_preError = checkBatchId(batchId);
    return startJob(job);
}

BatchListJob* ApiClient::listBatches(int limit, const QString& afterId, const QString& beforeId) {
    QUrlQuery query;
    if (limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 1000)));
    if (!afterId.isEmpty())
        query.addQueryItem(QStringLiteral("after_id"), afterId);
    if (!beforeId.isEmpty())
        query.addQueryItem(QStringLiteral("before_id"), beforeId);
    auto* job = new BatchListJob(this, endpoint(QStringLiteral("/v1/messages/batches"), query),
                                 false, tr("List batches"));
    for (const QString& id : {afterId, beforeId}) {
        if (!id.isEmpty() && job->m_preError.isOk())
            job->m_preError = checkBatchId(id);
    }
    return startJob(job);
}

BatchListJob* ApiClient::listAllBatches(int pageSize) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, pageSize, 1000)));
    auto* job = new BatchListJob(this, endpoint(QStringLiteral("/v1/messages/batches"), query),
                                 true, tr("List all batches"));
    return startJob(job);
}

CountTokensJob* ApiClient::countTokens(const QByteArray& body) {
    auto* job = new CountTokensJob(this, endpoint(QStringLiteral("/v1/messages/count_tokens")),
                                   body, tr("Count tokens"));
    return startJob(job);
}

CostReportJob* ApiClient::costReport(QDate from, QDate untilExclusive) {
    const auto iso = [](QDate d) {
        return QDateTime(d, QTime(0, 0), Qt::UTC).toString(Qt::ISODate);
    };
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("starting_at"), iso(from));
    query.addQueryItem(QStringLiteral("ending_at"), iso(untilExclusive));
    query.addQueryItem(QStringLiteral("bucket_width"), QStringLiteral("1d"));
    query.addQueryItem(QStringLiteral("group_by[]"), QStringLiteral("description"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("31"));
    auto* job = new CostReportJob(
        this, endpoint(QStringLiteral("/v1/organizations/cost_report"), query), tr("Cost report"));
    return startJob(job);
}

ResultStream* ApiClient::streamResults(const MessageBatch& batch) {
    auto* job = new ResultStream(this, resultsRequestUrl(QUrl(batch.resultsUrl)), batch.id,
                                 tr("Download results of batch %1").arg(batch.id.left(80)));
    if (batch.resultsUrl.isEmpty())
        job->m_preError = ApiError::make(
            ApiError::Kind::Config,
            tr("the batch has no results yet (it has not ended); wait until it ends"));
    return startJob(job);
}

ResultStream* ApiClient::streamResults(const QUrl& resultsUrl, const QString& batchId) {
    auto* job = new ResultStream(this, resultsRequestUrl(resultsUrl), batchId,
                                 batchId.isEmpty()
                                     ? tr("Download results")
                                     : tr("Download results of batch %1").arg(batchId.left(80)));
    if (resultsUrl.isEmpty())
        job->m_preError = ApiError::make(ApiError::Kind::Config, tr("no results URL was given"));
    return startJob(job);
}

} // namespace bs
