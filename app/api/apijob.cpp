#include "apijob.h"

#include "apiclient.h"
#include "core/redactor.h"

#include <QIODevice>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcApi, "bs.api", QtInfoMsg)

namespace bs {

namespace {
constexpr qsizetype kMaxErrorBody = 64 * 1024;

const char* methodName(ApiJob::Method m) {
    switch (m) {
    case ApiJob::Method::Get:
        return "GET";
    case ApiJob::Method::Post:
        return "POST";
    case ApiJob::Method::Delete:
        return "DELETE";
    }
    return "?";
}

// The body bytes read from one reply (one attempt), kept on the reply itself.
constexpr char kBodyBytes[] = "bs_bodyBytes";

void countBodyBytes(QNetworkReply* reply, qint64 n) {
    reply->setProperty(kBodyBytes, reply->property(kBodyBytes).toLongLong() + n);
}

// A 2xx body that ended short of its Content-Length: a broken transfer (an error), else none.
ApiError checkBodyLength(QNetworkReply* reply) {
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const QByteArray encoding = reply->rawHeader("content-encoding").trimmed().toLower();
    const qint64 read = reply->property(kBodyBytes).toLongLong();
    if (!length.isValid() || !(encoding.isEmpty() || encoding == "identity") ||
        read >= length.toLongLong())
        return ApiError();
    ApiError e;
    e.kind = ApiError::Kind::Network;
    e.networkError = int(QNetworkReply::RemoteHostClosedError);
    e.message = ApiError::tr("the connection ended after %1 of the %2 bytes announced")
                    .arg(read)
                    .arg(length.toLongLong());
    return e;
}
} // namespace

ApiJob::ApiJob(ApiClient* client, Method method, const QUrl& url, const QByteArray& body,
               const QString& operation)
    : QObject(client)
    , m_client(client)
    , m_method(method)
    , m_url(url)
    , m_body(body)
    , m_operation(operation) {
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiJob::sendAttempt);
}

ApiJob::~ApiJob() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::start() {
    if (m_preError.isError()) {
        finishLater(m_preError);
        return;
    }
    const ApiError urlError = ApiClient::checkUrl(m_url);
    if (urlError.isError()) {
        finishLater(urlError);
        return;
    }
    if (m_client && !m_client->hasApiKey()) {
        finishLater(ApiError::make(ApiError::Kind::Config,
                                   ApiError::tr("No API key is set: enter one in the settings.")));
        return;
    }
    sendAttempt();
}

void ApiJob::finishLater(const ApiError& error) {
    QMetaObject::invokeMethod(
        this, [this, error] { finish(error); }, Qt::QueuedConnection);
}

void ApiJob::setBodyDevice(QIODevice* device, qint64 size) {
    m_bodyDevice = device;
    m_bodySize = size;
    m_body = QByteArray();
}

ApiClient* ApiJob::client() const {
    return m_client.data();
}

void ApiJob::continueWith(const QUrl& next) {
    m_continueUrl = next;
}

void ApiJob::sendAttempt() {
    if (m_finished)
        return;
    if (!m_client) {
        finish(ApiError::make(ApiError::Kind::Aborted, ApiError::tr("The API client is gone.")));
        return;
    }
    ++m_attempts;
    m_responseBody.clear();
    m_headers.clear();
    m_httpStatus = 0;
    m_requestId.clear();
    m_uploaded = 0;
    m_streamOpen = false;

    const bool fromDevice = m_method == Method::Post && m_bodyDevice;
    QNetworkRequest request =
        m_client->buildRequest(m_url, m_accept, !m_body.isNull() || fromDevice);
    if (fromDevice) {
        // Every attempt sends the body from its start; QNetworkAccessManager reads it in
        // chunks from the device's current position (it is random-access: never buffered).
        if (!m_bodyDevice->isOpen() || !m_bodyDevice->seek(0)) {
            finish(ApiError::make(ApiError::Kind::Config,
                                  ApiError::tr("The request body could not be read again: %1")
                                      .arg(m_bodyDevice->errorString())));
            return;
        }
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_bodySize);
    }
    if (m_attempts > 1)
        request.setRawHeader("x-stainless-retry-count", QByteArray::number(m_attempts - 1));
    QNetworkAccessManager* nam = m_client->networkAccessManager();
    QNetworkReply* reply = nullptr;
    switch (m_method) {
    case Method::Get:
        reply = nam->get(request);
        break;
    case Method::Post:
        reply = fromDevice ? nam->post(request, m_bodyDevice.data()) : nam->post(request, m_body);
        break;
    case Method::Delete:
        reply = nam->deleteResource(request);
        break;
    }
    m_reply = reply;
    if (isStreaming())
        // Back-pressure: never buffer a whole results file. 1 MiB keeps every copy downstream
        // (stream, parser) small while still handing over hundreds of lines at a time.
        reply->setReadBufferSize(1 << 20);
    qCDebug(lcApi).noquote() << methodName(m_method) << m_url.path() << "attempt" << m_attempts;
    connect(reply, &QNetworkReply::readyRead, this, &ApiJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    connect(reply, &QNetworkReply::uploadProgress, this, &ApiJob::onUploadProgress);
}

void ApiJob::onUploadProgress(qint64 sent, qint64) {
    if (sent <= m_uploaded)
        return;
    m_uploaded = sent;
    Q_EMIT uploadProgress(sent, uploadSize());
}

void ApiJob::onReadyRead() {
    QNetworkReply* reply = m_reply;
    if (!reply || !reply->isOpen())
        return;
    if (m_httpStatus == 0)
        m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (isStreaming() && is2xx()) {
        if (!m_streamOpen) {
            m_streamOpen = true;
            streamStarted();
        }
        const QByteArray data = reply->readAll();
        countBodyBytes(reply, data.size());
        if (!data.isEmpty())
            streamData(data);
        return;
    }
    const QByteArray data = reply->readAll();
    countBodyBytes(reply, data.size());
    if (is2xx() || m_responseBody.size() < kMaxErrorBody)
        m_responseBody.append(is2xx() ? data : data.left(kMaxErrorBody - m_responseBody.size()));
}

ApiError ApiJob::transportError(QNetworkReply* reply) const {
    const QNetworkReply::NetworkError code = reply->error();
    ApiError e;
    e.networkError = int(code);
    e.message = Redactor::redact(reply->errorString());
    switch (code) {
    case QNetworkReply::TimeoutError:
        e.kind = ApiError::Kind::Timeout;
        break;
    case QNetworkReply::OperationCanceledError:
        // The transfer timeout aborts the reply; an abort() of ours is told apart by the flag.
        e.kind = m_aborting ? ApiError::Kind::Aborted : ApiError::Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        e.kind = ApiError::Kind::Tls;
        break;
    default:
        e.kind = ApiError::Kind::Network;
        break;
    }
    if (e.kind == ApiError::Kind::Timeout)
        e.message = ApiError::tr("no data for %1 s")
                        .arg(m_client ? m_client->config().timeoutMs / 1000.0 : 0.0);
    return e;
}

void ApiJob::onReplyFinished() {
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    onReadyRead(); // whatever is still buffered
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_httpStatus = status.isValid() ? status.toInt() : 0;
    m_headers = reply->rawHeaderPairs();
    m_requestId = QString::fromLatin1(reply->rawHeader("request-id"));
    const QNetworkReply::NetworkError code = reply->error();

    // Broken transfer: no HTTP status at all, or a 2xx whose body did not arrive whole.
    const bool transportFailure =
        m_aborting || (code != QNetworkReply::NoError && (m_httpStatus == 0 || is2xx()));
    // A 2xx that ended short of its Content-Length is broken too, although the transport says
    // nothing: a clean close, and now and then a reset, is reported as a normal end. A results
    // file cut at a line boundary looks complete otherwise. (A body Qt decompressed has no
    // Content-Length any more: nothing to compare.)
    const ApiError shortBody = transportFailure || !is2xx() ? ApiError() : checkBodyLength(reply);
    ApiError error;
    if (transportFailure || shortBody.isError()) {
        error = transportFailure ? transportError(reply) : shortBody;
        error.httpStatus = m_httpStatus;
        error.requestId = m_requestId;
        if (isStreaming() && m_streamOpen)
            error = streamFinished(error);
        failOrRetry(error);
        return;
    }
    if (!is2xx()) {
        failOrRetry(
            ApiError::fromHttp(m_httpStatus, m_responseBody, reply->rawHeader("request-id")));
        return;
    }
    if (isStreaming()) {
        if (!m_streamOpen) {
            m_streamOpen = true;
            streamStarted();
        }
        error = streamFinished(ApiError());
    } else {
        error = handleSuccess(m_responseBody);
        m_responseBody.clear();
        if (error.isOk() && m_continueUrl.isValid()) {
            m_url = m_continueUrl;
            m_continueUrl.clear();
            m_retries = 0;
            sendAttempt();
            return;
        }
    }
    if (error.isError()) {
        error.httpStatus = m_httpStatus;
        if (error.requestId.isEmpty())
            error.requestId = m_requestId;
    }
    finish(error);
}

void ApiJob::failOrRetry(ApiError error) {
    if (m_aborting || error.kind == ApiError::Kind::Aborted) {
        finish(ApiError::make(ApiError::Kind::Aborted, ApiError::tr("canceled")));
        return;
    }
    error.retryable = RetryPolicy::shouldRetry(error, m_headers);
    if (!m_idempotent &&
        (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout)) {
        // The request may have reached the server: unless nothing was uploaded, or the
        // connection never opened, repeating it could create a second batch.
        const auto code = QNetworkReply::NetworkError(error.networkError);
        // Nor when the body was cut short: bytes count once they are handed to the socket, so
        // fewer than the whole body means the server cannot have read a complete request.
        const bool notSent = m_uploaded == 0 || m_uploaded < uploadSize() ||
                             code == QNetworkReply::ConnectionRefusedError ||
                             code == QNetworkReply::HostNotFoundError;
        if (!notSent) {
            error.mayHaveSucceeded = true;
            error.retryable = false;
        }
    }
    // A stream that already delivered lines is not repeated here (that would deliver them
    // twice); the failure stays retryable for the consumer, which restarts from the top.
    const bool autoRetry = error.retryable && !(isStreaming() && m_streamOpen && !streamCanRetry());

    const qint64 grace = (error.kind == ApiError::Kind::Http && error.httpStatus == 404 &&
                          !m_batchId.isEmpty() && m_client)
                             ? m_client->notFoundGraceRemainingMs(m_batchId)
                             : 0;
    const RetryPolicy& policy = m_client ? m_client->retryPolicy() : RetryPolicy();
    if (grace > 0) {
        error.retryable = true;
        const qint64 nominal = qMin(grace, policy.nextDelay(m_graceRetries, m_headers));
        ++m_graceRetries;
        qCInfo(lcApi).noquote() << m_operation + QStringLiteral(": 404 right after create,")
                                << "retrying in" << nominal << "ms";
        Q_EMIT retrying(m_retries + m_graceRetries, nominal, error);
        m_retryTimer.start(int(qMin<qint64>(policy.scaled(nominal), INT_MAX)));
        return;
    }
    if (autoRetry && m_retries < policy.maxRetries) {
        const qint64 nominal = policy.nextDelay(m_retries, m_headers);
        ++m_retries;
        qCInfo(lcApi).noquote() << m_operation + QLatin1Char(':') << ApiError::kindName(error.kind)
                                << error.httpStatus << "request-id" << error.requestId << "- retry"
                                << m_retries << "in" << nominal << "ms";
        Q_EMIT retrying(m_retries + m_graceRetries, nominal, error);
        m_retryTimer.start(int(qMin<qint64>(policy.scaled(nominal), INT_MAX)));
        return;
    }
    finish(error);
}

void ApiJob::abort() {
    if (m_finished)
        return;
    m_aborting = true;
    if (m_reply) {
        m_reply->abort(); // onReplyFinished() finishes the job
        return;
    }
    m_retryTimer.stop();
    finish(ApiError::make(ApiError::Kind::Aborted, ApiError::tr("canceled")));
}

void ApiJob::finish(ApiError error) {
    if (m_finished)
        return;
    m_finished = true;
    m_retryTimer.stop();
    if (error.isError()) {
        error.operation = m_operation;
        error.attempts = m_attempts;
        error.message = Redactor::redact(error.message);
        qCInfo(lcApi).noquote() << Redactor::redact(error.toString());
    }
    m_error = error;
    if (error.isError() && m_client)
        Q_EMIT m_client->callFailed(error);
    Q_EMIT finished(m_error);
    if (m_autoDelete)
        deleteLater();
}

} // namespace bs
