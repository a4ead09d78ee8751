#include "retryclass.h"

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
    }
    return QStringLiteral("fix_required");
}

std::optional<RetryClass> retryClassFromName(const QString& name) {
    for (RetryClass c : {RetryClass::Transient, RetryClass::Billing, RetryClass::FixRequired,
                         RetryClass::Expired, RetryClass::Canceled}) {
        if (retryClassName(c) == name)
            return c;
    }
    return std::nullopt;
}

} // namespace bs
