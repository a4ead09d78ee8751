#pragma once

#include <QString>

#include <optional>

namespace bs {

// Why an item did not succeed, and therefore how it may be retried.
enum class RetryClass {
    Transient,    // api_error, overloaded_error, rate_limit_error, timeout_error: retry as is
    Billing,      // billing_error, "credit balance" / spend-limit messages: retry after top-up
    FixRequired,  // invalid_request_error and every other error: the params must change first
    Expired,      // the 24 h window passed before the request ran: retry as is
    Canceled,     // the batch was canceled before the request ran: retry if still wanted
    AccessDenied, // authentication_error, permission_error: the params are fine, but the API key
                  // or the workspace must change first. Never re-sent automatically.
};

// Every class, in the order a user sees them.
inline constexpr RetryClass kAllRetryClasses[] = {
    RetryClass::Transient, RetryClass::Billing,  RetryClass::FixRequired,
    RetryClass::Expired,   RetryClass::Canceled, RetryClass::AccessDenied,
};

// Pure classification of one non-succeeded result.
// resultType: "errored" | "expired" | "canceled" (as in the results file);
// errorType / errorMessage: result.error.error.type / .message of an errored item.
RetryClass classifyRetry(const QString& resultType, const QString& errorType,
                         const QString& errorMessage);

// Stable names stored in the ledger and typed on the command line: "transient", "billing",
// "fix_required", "expired", "canceled", "access_denied". Not translated.
QString retryClassName(RetryClass retryClass);
std::optional<RetryClass> retryClassFromName(const QString& name);

// What the user reads for a class (translated), e.g. "Access denied: change the API key or
// workspace".
QString retryClassLabel(RetryClass retryClass);

} // namespace bs
