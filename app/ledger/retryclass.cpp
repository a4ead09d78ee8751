#include "retryclass.h"

#include <QCoreApplication>

namespace bs {

RetryClass classifyRetry(const QString& resultType, const QString& errorType,
                         const QString& errorMessage) {
    if (resultType == QLatin1String("expired"))
        return RetryClass::Expired;
    if (resultType == QLatin1String("canceled"))
        return RetryClass::Canceled;

    // The message wins over the type: "Your credit balance is too low ..." arrives as an
    // invalid_request_error, and so does a self-set spend limit ("You have reached your
    // specified workspace API usage limits"); both succeed unchanged once money is added.
    if (errorType == QLatin1String("billing_error") ||
        errorMessage.contains(QLatin1String("credit balance"), Qt::CaseInsensitive) ||
        errorMessage.contains(QLatin1String("reached your specified"), Qt::CaseInsensitive))
        return RetryClass::Billing;

    // The request was not wrong; the key (revoked, of another organization) or the workspace
    // (no access to the model or feature) was. Re-sending it unchanged under the same key fails
    // again, and editing the params does not help either.
    if (errorType == QLatin1String("authentication_error") ||
        errorType == QLatin1String("permission_error"))
        return RetryClass::AccessDenied;

    if (errorType == QLatin1String("api_error") || errorType == QLatin1String("overloaded_error") ||
        errorType == QLatin1String("rate_limit_error") ||
        errorType == QLatin1String("timeout_error"))
        return RetryClass::Transient;

    return RetryClass::FixRequired;
}

QString retryClassName(RetryClass retryClass) {
    switch (retryClass) {
    case RetryClass::Transient:
        return QStringLiteral("transient");
    case RetryClass::Billing:
        return QStringLiteral("billing");
    case RetryClass::FixRequired:
        return QStringLiteral("fix_required");
    case RetryClass::Expired:
        return QStringLiteral("expired");
    case RetryClass::Canceled:
        return QStringLiteral("canceled");
    case RetryClass::AccessDenied:
        return QStringLiteral("access_denied");
    }
    return QStringLiteral("fix_required");
}

std::optional<RetryClass> retryClassFromName(const QString& name) {
    for (RetryClass c : kAllRetryClasses) {
        if (retryClassName(c) == name)
            return c;
    }
    return std::nullopt;
}

QString retryClassLabel(RetryClass retryClass) {
    switch (retryClass) {
    case RetryClass::Transient:
        return QCoreApplication::translate("bs::RetryClass", "Transient: retry as is");
    case RetryClass::Billing:
        return QCoreApplication::translate("bs::RetryClass", "Billing: retry after a top-up");
    case RetryClass::FixRequired:
        return QCoreApplication::translate("bs::RetryClass",
                                           "Fix required: change the request first");
    case RetryClass::Expired:
        return QCoreApplication::translate("bs::RetryClass", "Expired: retry as is");
    case RetryClass::Canceled:
        return QCoreApplication::translate("bs::RetryClass", "Canceled: retry if still wanted");
    case RetryClass::AccessDenied:
        return QCoreApplication::translate(
            "bs::RetryClass", "Access denied: change the API key or the workspace first");
    }
    return retryClassName(retryClass);
}

} // namespace bs
