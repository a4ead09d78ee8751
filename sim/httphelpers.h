#pragma once

#include <string>

namespace bs::sim {

// Small pieces the route files of ApiServer share.
namespace http {

// The error type the API names for an HTTP status.
inline const char* errorTypeFor(int status) {
    switch (status) {
    case 400:
        return "invalid_request_error";
    case 401:
        return "authentication_error";
    case 402:
        return "billing_error";
    case 403:
        return "permission_error";
    case 404:
        return "not_found_error";
    case 408:
        return "timeout_error";
    case 409:
        return "conflict_error";
    case 413:
        return "request_too_large";
    case 429:
        return "rate_limit_error";
    case 504:
        return "timeout_error";
    case 529:
        return "overloaded_error";
    default:
        return status >= 500 ? "api_error" : "invalid_request_error";
    }
}

inline std::string pathOnly(const std::string& path) {
    const auto q = path.find('?');
    return q == std::string::npos ? path : path.substr(0, q);
}

} // namespace http

} // namespace bs::sim
