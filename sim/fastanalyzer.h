#pragma once

#include "requestrecord.h"

#include <string>
#include <string_view>

namespace bs::sim {

// The common shape of a create's item analysed straight from its bytes (simdjson's DOM on
// UTF-8 views: no QString, no QJsonObject): a valid string custom_id, and params made only of
// model, max_tokens, messages and system (strings or "text" blocks without cache_control),
// stream, stop_sequences (strings), temperature, top_p, top_k and metadata. Whatever else
// (tools, cache_control, thinking, a repeated key, an unexpected type, JSON simdjson will not
// read) is declined, and CreateRequests takes the general path (RequestAnalyzer over a
// QJsonObject). What it answers equals that path's answer: the same RequestRecord (the token
// estimate counts UTF-16 units as QString::size() does, summed in the same order) and the same
// problem (tests/sim/tst_sim_analyzer compares the two on a corpus).
class FastAnalyzer {
public:
    enum class Outcome { Declined, Done };
    // `raw`: one item's JSON text, readable for simdjson::SIMDJSON_PADDING bytes past its end.
    // Done: *record filled and *problem set ("" when the item is valid).
    static Outcome analyze(std::string_view raw, size_t index, bool output300kBeta,
                           RequestRecord* record, std::string* problem);

    // UTF-16 code units of valid UTF-8 text (what QString::fromUtf8(text).size() gives).
    static size_t utf16Length(std::string_view utf8);
};

} // namespace bs::sim
