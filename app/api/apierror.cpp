#include "apierror.h"

#include "core/redactor.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace bs {

QString ApiError::kindName(Kind kind) {
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::RefusedInsecure:
        return QStringLiteral("refused-insecure");
    case Kind::Parse:
        return QStringLiteral("parse");
    case Kind::Truncated:
        return QStringLiteral("truncated");
    case Kind::Aborted:
        return QStringLiteral("aborted");
    case Kind::Config:
        return QStringLiteral("config");
    }
    return QStringLiteral("unknown");
}

ApiError ApiError::make(Kind kind, const QString& message) {
    ApiError e;
    e.kind = kind;
    e.message = Redactor::redact(message);
    return e;
}

ApiError ApiError::fromHttp(int httpStatus, const QByteArray& body, const QByteArray& requestId) {
    ApiError e;
    e.kind = Kind::Http;
    e.httpStatus = httpStatus;
    e.requestId = QString::fromLatin1(requestId);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    const QJsonObject root = doc.object();
    const QJsonObject inner = root.value(QLatin1String("error")).toObject();
    if (pe.error == QJsonParseError::NoError && !inner.isEmpty()) {
        e.errorType = inner.value(QLatin1String("type")).toString();
        e.message = Redactor::redact(inner.value(QLatin1String("message")).toString());
        e.errorCode = inner.value(QLatin1String("details"))
                          .toObject()
                          .value(QLatin1String("error_code"))
                          .toString();
        if (e.requestId.isEmpty())
            e.requestId = root.value(QLatin1String("request_id")).toString();
    } else if (!body.isEmpty()) {
        e.message = Redactor::redact(QString::fromUtf8(body.left(200)).simplified());
    }
    return e;
}

QString ApiError::advice() const {
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Http:
        if (errorCode == QLatin1String("enforced_spend_limit_reached"))
            return tr("The organization's monthly spend cap is reached; raise it in the Console "
                      "or wait until the next month.");
        switch (httpStatus) {
        case 400:
            return tr("Check the request; it was rejected as invalid and will not succeed "
                      "unchanged.");
        case 401:
            return tr("The API key was not accepted: enter a valid key for this workspace.");
        case 402:
            return tr("Fix the billing details of the organization in the Console.");
        case 403:
            return tr("The key has no access to this resource or workspace: use another key or "
                      "workspace.");
        case 404:
            return tr("The batch or path does not exist (or belongs to another workspace): "
                      "check the id and the workspace.");
        case 413:
            return tr("The request is too large: split the batch into smaller ones.");
        case 429:
            return tr("Rate limited: wait a moment and try again; Batchscope already retried.");
        case 529:
            return tr("The API is overloaded: try again in a few minutes.");
        default:
            break;
        }
        if (httpStatus >= 500)
            return tr("The API had a problem: try again in a few minutes.");
        return retryable ? tr("Try again later.")
                         : tr("Check the request and the settings, then try again.");
    case Kind::Network:
        if (mayHaveSucceeded)
            return tr("The connection broke after the request was sent, so it may have been "
                      "carried out: refresh the batch list before sending it again.");
        return tr("Check the network connection and the API base URL, then try again.");
    case Kind::Timeout:
        if (mayHaveSucceeded)
            return tr("No answer came in time, so the request may still have been carried "
                      "out: refresh the batch list before sending it again.");
        return tr("The server did not answer in time: check the network and try again, or "
                  "raise the request timeout.");
    case Kind::Tls:
        return tr("The secure connection could not be established: check the system clock, "
                  "proxy and certificates.");
    case Kind::RefusedInsecure:
        return tr("Use an https:// base URL; plain http is only allowed for 127.0.0.1, ::1 "
                  "and localhost.");
    case Kind::Parse:
        return tr("The answer was not understood: check that the base URL points at the "
                  "Anthropic API, and try again.");
    case Kind::Truncated:
        return tr("The results download ended in the middle of a line: download the results "
                  "again (already stored lines are not counted twice).");
    case Kind::Aborted:
        return tr("The operation was canceled.");
    case Kind::Config:
        return tr("Check the settings (API key, workspace, base URL) and try again.");
    }
    return {};
}

QString ApiError::toString() const {
    if (isOk())
        return {};
    QString what;
    switch (kind) {
    case Kind::Http:
        what = tr("The API answered HTTP %1").arg(httpStatus);
        if (!errorType.isEmpty())
            what += QStringLiteral(" (") + errorType + QLatin1Char(')');
        break;
    case Kind::Network:
        what = tr("Network error");
        break;
    case Kind::Timeout:
        what = tr("Timed out");
        break;
    case Kind::Tls:
        what = tr("TLS error");
        break;
    case Kind::RefusedInsecure:
        what = tr("Refused an insecure connection");
        break;
    case Kind::Parse:
        what = tr("Unreadable answer");
        break;
    case Kind::Truncated:
        what = tr("Truncated results");
        break;
    case Kind::Aborted:
        what = tr("Canceled");
        break;
    case Kind::Config:
        what = tr("Configuration problem");
        break;
    case Kind::None:
        break;
    }
    QString text = operation.isEmpty() ? what : tr("%1: %2").arg(operation, what);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    if (linesDelivered >= 0 &&
        (kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Truncated))
        text += QLatin1Char(' ') + tr("%n complete result line(s) had been received.", nullptr,
                                      int(qMin<qint64>(linesDelivered, INT_MAX)));
    if (attempts > 1)
        text += QLatin1Char(' ') + tr("Tried %n time(s).", nullptr, attempts);
    if (!requestId.isEmpty())
        text += QLatin1Char(' ') + tr("Request id: %1.").arg(requestId);
    const QString a = advice();
    if (!a.isEmpty())
        text += QLatin1Char(' ') + a;
    return Redactor::redact(text);
}

} // namespace bs
