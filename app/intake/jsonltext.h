#pragma once

#include <QtGlobal>

#include <simdjson.h>

#include <algorithm>
#include <string_view>

// Byte-level checks of JSONL text for JsonlScanner (app/intake only: it exposes simdjson's
// On-Demand types). Each runs on every line, so none allocates.
namespace bs::jsonltext {

inline bool isJsonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Characters (UTF-8 code points) in [data, data+size).
qint64 charCount(const char* data, qint64 size);

// Offset of the first byte that is not part of a well-formed UTF-8 sequence; -1 when none.
qint64 firstInvalidUtf8(const char* data, qint64 size);

// Reads every value below `v`, so that On-Demand validates all of it.
simdjson::error_code visit(simdjson::ondemand::value v);

// ^[a-zA-Z0-9_-]{1,64}$ on the bytes.
bool isValidCustomId(std::string_view id);

// Parameters a batch refuses (reference/batches-api.md §3), besides stream: true, max_tokens 0
// and research_preview_2026_02: "active", which depend on their value.
inline constexpr std::string_view kRefusedParams[] = {"speed", "store", "previous_thread_event_id",
                                                      "cache_hint", "context_hint"};

inline bool isRefusedParam(std::string_view key) {
    return std::find(std::begin(kRefusedParams), std::end(kRefusedParams), key) !=
           std::end(kRefusedParams);
}

} // namespace bs::jsonltext
