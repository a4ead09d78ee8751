#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>

#include <functional>
#include <optional>

namespace bs {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// When and how long to wait before retrying an API call, as the official SDKs do (reference
// §11): at most maxRetries retries; x-should-retry decides first; then connection errors,
// timeouts, 408, 409, 429 and >= 500 are retried. The delay is retry-after-ms, else retry-after
// (seconds or HTTP date) when 0 < delay <= 60 s, else min(0.5 * 2^n, 8) s times a 75-100 %
// jitter, n = retries already taken. Everything here is a pure function of its inputs.
class RetryPolicy {
public:
    int maxRetries = 2;
    qint64 initialDelayMs = 500;
    qint64 maxBackoffMs = 8000;
    qint64 maxServerDelayMs = 60000; // a longer retry-after falls back to the backoff
    // Test hook (tests/README.md, "Test hooks"; production leaves it at 1): multiplies the
    // delay actually waited (not the nominal one reported in retrying()). Tests set it tiny so
    // that a retry-after of seconds costs milliseconds.
    double timeScale = 1.0;
    // Test hook (same list): source of jitter in [0, 1). Empty (production) =
    // QRandomGenerator::global().
    std::function<double()> random;

    // Whether the failure is worth retrying at all (ignores the retry budget).
    static bool shouldRetry(const ApiError& error, const HttpHeaders& headers);
    // x-should-retry: true / false / absent.
    static std::optional<bool> shouldRetryHeader(const HttpHeaders& headers);
    // The server-requested delay in ms, if retry-after-ms / retry-after parse; `now` is used for
    // the HTTP-date form. Not range-checked.
    static std::optional<qint64> serverDelayMs(const HttpHeaders& headers, const QDateTime& now);
    // Exponential backoff with jitter; rand01 in [0, 1).
    qint64 backoffMs(int retriesTaken, double rand01) const;
    // The nominal delay before retry number retriesTaken + 1.
    qint64 delayFor(int retriesTaken, const HttpHeaders& headers, double rand01,
                    const QDateTime& now) const;
    // delayFor() with the configured random source and the current time.
    qint64 nextDelay(int retriesTaken, const HttpHeaders& headers) const;
    // What to actually wait: nominal * timeScale.
    qint64 scaled(qint64 nominalMs) const;

    // Case-insensitive header lookup; empty when absent.
    static QByteArray header(const HttpHeaders& headers, const QByteArray& name);
};

} // namespace bs
