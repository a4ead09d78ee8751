#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace bs {

// A typed failure of one API call: never a bare string. Everything in it is safe to show and to
// log (texts pass through Redactor when they are set by ApiJob/ApiClient and again in toString()).
struct ApiError {
    Q_DECLARE_TR_FUNCTIONS(bs::ApiError)

public:
    enum class Kind {
        None,            // no error
        Http,            // the server answered with a non-2xx status (see httpStatus/errorType)
        Network,         // connection refused/reset, host not found, ... (no HTTP answer)
        Timeout,         // no bytes for the configured transfer timeout
        Tls,             // TLS handshake / certificate problem
        RefusedInsecure, // plain http to a host that is not loopback, or an unknown scheme
        Parse,           // a 2xx answer whose body is not what the API documents
        Truncated,       // a results stream whose last line is incomplete
        Aborted,         // abort() was called
        Config,          // no API key, invalid base URL, bad batch id, results not available yet
    };

    Kind kind = Kind::None;
    int httpStatus = 0;     // 0 unless an HTTP status line was received
    QString errorType;      // error.type of the envelope, e.g. "rate_limit_error"
    QString errorCode;      // error.details.error_code when present
    QString message;        // the server's error.message, or the network/parse failure text
    QString requestId;      // request-id header (or request_id of the body)
    QString operation;      // what was being done, e.g. "retrieve batch msgbatch_01…"
    int networkError = 0;   // QNetworkReply::NetworkError, for Network/Timeout/Tls
    int attempts = 0;       // HTTP attempts made (1 + retries)
    bool retryable = false; // trying again later can succeed (per reference §11 rules)
    bool mayHaveSucceeded =
        false;                  // a create whose answer was lost: check the list before resending
    qint64 linesDelivered = -1; // results streams: complete lines delivered before the failure

    bool isError() const { return kind != Kind::None; }
    bool isOk() const { return kind == Kind::None; }

    // One paragraph for a human: what failed, the server's words, the request id, what to do.
    // Translated and redacted.
    QString toString() const;
    // Only the "what to do" sentence.
    QString advice() const;
    static QString kindName(Kind kind); // "http", "network", ... (stable, for logs/metrics)

    // Builds an Http error from a status and an error envelope body
    // {"type":"error","error":{"type":..,"message":..},"request_id":..}. A body that is not an
    // envelope is summarised (first 200 bytes, redacted) into message.
    static ApiError fromHttp(int httpStatus, const QByteArray& body, const QByteArray& requestId);
    static ApiError make(Kind kind, const QString& message);
};

} // namespace bs

Q_DECLARE_METATYPE(bs::ApiError)
