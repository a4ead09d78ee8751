#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <cmath>

namespace bs {

QByteArray RetryPolicy::header(const HttpHeaders& headers, const QByteArray& name) {
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second.trimmed();
    }
    return {};
}

std::optional<bool> RetryPolicy::shouldRetryHeader(const HttpHeaders& headers) {
    const QByteArray v = header(headers, "x-should-retry").toLower();
    if (v == "true")
        return true;
    if (v == "false")
        return false;
    return std::nullopt;
}

bool RetryPolicy::shouldRetry(const ApiError& error, const HttpHeaders& headers) {
    switch (error.kind) {
    case ApiError::Kind::Http: {
        if (const auto forced = shouldRetryHeader(headers))
            return *forced;
        // The monthly spend cap answers 429 too, but it fails until next month: don't hammer it.
        if (error.errorCode == QLatin1String("enforced_spend_limit_reached"))
            return false;
        const int s = error.httpStatus;
        return s == 408 || s == 409 || s == 429 || s >= 500;
    }
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return true;
    case ApiError::Kind::None:
    case ApiError::Kind::Tls:
    case ApiError::Kind::RefusedInsecure:
    case ApiError::Kind::Parse:
    case ApiError::Kind::Truncated:
    case ApiError::Kind::Aborted:
    case ApiError::Kind::Config:
        break;
    }
    return false;
}

std::optional<qint64> RetryPolicy::serverDelayMs(const HttpHeaders& headers, const QDateTime& now) {
    bool ok = false;
    const QByteArray ms = header(headers, "retry-after-ms");
    if (!ms.isEmpty()) {
        const double v = ms.toDouble(&ok);
        if (ok && std::isfinite(v))
            return qint64(std::llround(v));
    }
    const QByteArray ra = header(headers, "retry-after");
    if (ra.isEmpty())
        return std::nullopt;
    const double seconds = ra.toDouble(&ok);
    if (ok && std::isfinite(seconds))
        return qint64(std::llround(seconds * 1000.0));
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QDateTime::fromString(QString::fromLatin1(ra), Qt::RFC2822Date);
    if (!when.isValid()) {
        when = QLocale::c().toDateTime(QString::fromLatin1(ra),
                                       QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        if (when.isValid())
            when.setTimeSpec(Qt::UTC);
    }
    if (!when.isValid())
        return std::nullopt;
    return now.msecsTo(when);
}

qint64 RetryPolicy::backoffMs(int retriesTaken, double rand01) const {
    const int n = qBound(0, retriesTaken, 1000);
    const double base = std::min(double(initialDelayMs) * std::pow(2.0, n), double(maxBackoffMs));
    const double jitter = 1.0 - 0.25 * qBound(0.0, rand01, 1.0);
    return qMax<qint64>(0, qint64(std::llround(base * jitter)));
}

qint64 RetryPolicy::delayFor(int retriesTaken, const HttpHeaders& headers, double rand01,
                             const QDateTime& now) const {
    if (const auto server = serverDelayMs(headers, now)) {
        if (*server > 0 && *server <= maxServerDelayMs)
            return *server;
    }
    return backoffMs(retriesTaken, rand01);
}

qint64 RetryPolicy::nextDelay(int retriesTaken, const HttpHeaders& headers) const {
    const double r = random ? random() : QRandomGenerator::global()->generateDouble();
    return delayFor(retriesTaken, headers, r, QDateTime::currentDateTimeUtc());
}

qint64 RetryPolicy::scaled(qint64 nominalMs) const {
    return qMax<qint64>(0, qint64(std::llround(double(nominalMs) * qMax(0.0, timeScale))));
}

} // namespace bs
