#pragma once

#include "usagebook.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bs::sim {

__extension__ typedef __int128 Wide; // exact sums of amounts

// The Admin API's usage and cost reports (reference/batches-api.md §13) over the simulator's
// UsageBook: time buckets snapped to UTC minute/hour/day starts, `page`/`next_page` paging over
// buckets, group_by, and (usage report) filters. Cost amounts are exact decimal strings in
// cents, computed per token type from PriceTable with the batch discount and the "us" geo
// multiplier; web searches are their own cost_type without a model.
class AdminReports {
public:
    enum class Kind { Cost, Usage };
    struct Query {
        Kind kind = Kind::Cost;
        std::multimap<std::string, std::string> params; // the request's query parameters
        int64_t nowUs = 0;                              // simulated now
    };
    struct Answer {
        int status = 200;
        std::string errorMessage; // status 400: invalid_request_error with this message
        std::string json;
        int64_t fromUs = 0, toUs = 0; // entries needed: [fromUs, toUs)
    };

    // First step: parse and check the query, and say which time range of entries it needs.
    static Answer plan(const Query& q);
    // Second step: the report for the planned range.
    static void render(const Query& q, const std::vector<UsageEntry>& entries, Answer& a);

    // 123456 (units of 10^-16 $) -> "0.00000123456" (cents), exact, no trailing zeros.
    static std::string centsString(Wide units);
};

} // namespace bs::sim
