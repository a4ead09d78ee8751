#pragma once

#include "apierror.h"
#include "retrypolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QIODevice>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

namespace bs {

class ApiClient;

// One API call: one object per HTTP operation (in the manner of Nextcloud's AbstractNetworkJob).
// It sends the request, applies the transfer timeout, retries per RetryPolicy (and the
// 404-right-after-create rule), parses the error envelope and emits finished() exactly once.
//
// Jobs are created and started by ApiClient and are children of it. Signals are always emitted
// from the event loop, never from inside the ApiClient call that created the job, so connecting
// right after the call is safe. By default the job deletes itself (deleteLater) after
// finished(); read its result inside the slot, or call setAutoDelete(false) and delete it.
class ApiJob : public QObject {
    Q_OBJECT

public:
    enum class Method { Get, Post, Delete };
    ~ApiJob() override;

    bool isFinished() const { return m_finished; }
    const ApiError& error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    QString requestId() const { return m_requestId; }
    const HttpHeaders& responseHeaders() const { return m_headers; }
    int retriesTaken() const { return m_retries; }
    // Request body bytes handed to the connection by the current attempt, and the body's size
    // (0 for calls without a body).
    qint64 bytesUploaded() const { return m_uploaded; }
    qint64 uploadSize() const { return m_bodyDevice ? m_bodySize : m_body.size(); }
    // An attempt is on the wire (false while waiting to retry, and once finished).
    bool isSending() const { return !m_reply.isNull(); }
    int attempts() const { return m_attempts; }
    QString operation() const { return m_operation; }
    QUrl url() const { return m_url; }

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

public Q_SLOTS:
    // Stops the call; finished() follows with ApiError::Kind::Aborted (unless already finished).
    void abort();

Q_SIGNALS:
    // A retry was scheduled: retryNumber counts from 1; delayMs is the nominal delay (before
    // RetryPolicy::timeScale); cause is the failure that is being retried.
    void retrying(int retryNumber, qint64 delayMs, const bs::ApiError& cause);
    // Exactly once. error.isOk() on success.
    void finished(const bs::ApiError& error);
    // Request body bytes handed to the connection by the current attempt (starts again at 0 on
    // a retry), of total.
    void uploadProgress(qint64 sent, qint64 total);

protected:
    ApiJob(ApiClient* client, Method method, const QUrl& url, const QByteArray& body,
           const QString& operation);

    // The body is read from `device` instead (size bytes from its start; Content-Length is set
    // and every attempt seeks it back to 0). The device is not owned and must outlive the job;
    // it must be random-access (a QFile, a QBuffer), so that nothing buffers it whole.
    void setBodyDevice(QIODevice* device, qint64 size);
    // A batch id enables the 404-after-create grace of ApiClient.
    void setBatchId(const QString& id) { m_batchId = id; }
    // Non-idempotent calls (create) are not retried after a transport failure once the request
    // may have reached the server; the error then says mayHaveSucceeded.
    void setIdempotent(bool idempotent) { m_idempotent = idempotent; }
    void setAccept(const QByteArray& accept) { m_accept = accept; }
    // From handleSuccess(): send another request (next page) instead of finishing. The retry
    // budget starts afresh.
    void continueWith(const QUrl& next);
    ApiClient* client() const;

    // A complete 2xx answer of a non-streaming call. Return an error (Parse) or none.
    virtual ApiError handleSuccess(const QByteArray& body) = 0;

    // Streaming calls: data of a 2xx answer is passed as it arrives instead of being buffered.
    virtual bool isStreaming() const { return false; }
    virtual void streamStarted() {}
    virtual void streamData(const QByteArray&) {}
    // The 2xx answer ended: cleanly (transportError none) or broken. Return the final error.
    virtual ApiError streamFinished(const ApiError& transportError) { return transportError; }
    // Whether a failed streaming attempt may be repeated (nothing delivered yet).
    virtual bool streamCanRetry() const { return true; }

private:
    friend class ApiClient;
    void start();
    void sendAttempt();
    void onReadyRead();
    void onReplyFinished();
    void onUploadProgress(qint64 sent, qint64 total);
    ApiError transportError(QNetworkReply* reply) const;
    void failOrRetry(ApiError error);
    void finish(ApiError error);
    void finishLater(const ApiError& error);
    bool is2xx() const { return m_httpStatus >= 200 && m_httpStatus < 300; }

    QPointer<ApiClient> m_client;
    Method m_method;
    QUrl m_url;
    QUrl m_continueUrl;
    QByteArray m_body;
    QPointer<QIODevice> m_bodyDevice;
    qint64 m_bodySize = 0;
    QByteArray m_accept = "application/json";
    QString m_operation;
    QString m_batchId;
    bool m_idempotent = true;
    bool m_autoDelete = true;

    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QByteArray m_responseBody;
    HttpHeaders m_headers;
    int m_httpStatus = 0;
    QString m_requestId;
    int m_retries = 0;      // retries counted against RetryPolicy::maxRetries
    int m_graceRetries = 0; // 404-after-create retries (bounded by the grace window instead)
    int m_attempts = 0;
    qint64 m_uploaded = 0;
    bool m_streamOpen = false;
    bool m_aborting = false;
    bool m_finished = false;
    ApiError m_error;
    ApiError m_preError; // set by ApiClient for calls refused before sending
};

} // namespace bs
