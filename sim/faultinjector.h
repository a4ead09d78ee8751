#pragma once

#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace bs::sim {

// Fault rules, set by --fault SPEC and by POST /_sim/faults. A rule matches requests by
// method and path (a wildcard, '*' = any characters) and applies to `count` of them (-1 = all)
// after letting `skip` pass. What a rule does depends on which key it has:
//   status            an error response (+ retry_after, retry_after_ms, should_retry, ...)
//   delay_ms (alone)  a slow but otherwise normal response (combines with status)
//   reset_after_bytes results download cut by a connection reset after N bytes
//   truncate_last_line results download ends in the middle of its last line
//   not_found_after_create_ms  batches created while active answer 404 for that long
class FaultInjector {
public:
    struct Rule {
        int status = 0;
        double retryAfter = -1;
        int64_t retryAfterMs = -1;
        int shouldRetry = -1; // -1 = no header
        std::string errorType, message;
        bool spendCap = false;
        int64_t delayMs = 0;
        int64_t resetAfterBytes = -1;
        bool truncateLastLine = false;
        int64_t notFoundAfterCreateMs = 0;
        std::string method = "*";
        std::string path = "/v1/*";
        int64_t count = 1;
        int64_t skip = 0;
        int64_t applied = 0;
        std::regex pathRe;
    };

    // Adds one rule (object) or several (array). On error returns false and sets `error`.
    bool add(const QJsonValue& json, std::string& error);
    // SPEC: a JSON object, or key=value pairs separated by commas.
    bool addSpec(const QString& spec, std::string& error);
    void clear();
    std::string toJson() const;

    // A status or delay fault for this request, consumed.
    std::optional<Rule> takeRequestFault(const std::string& method, const std::string& path);
    // A reset or truncation for this results download, consumed.
    std::optional<Rule> takeResultsFault(const std::string& path);
    // 404 window (ms) for a batch being created now, consumed; 0 = none.
    int64_t takeCreateLag();

private:
    enum class Kind { Request, Results, Lag };
    static Kind kindOf(const Rule& r);
    std::optional<Rule> take(Kind kind, const std::string& method, const std::string& path);

    mutable std::mutex m_mutex;
    std::vector<Rule> m_rules;
};

} // namespace bs::sim
