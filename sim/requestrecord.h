#pragma once

#include <cstdint>
#include <string>

namespace bs::sim {

// What the simulator keeps of one request of a batch (the params themselves are not kept):
// enough to decide and render its result deterministically.
struct RequestRecord {
    enum Invalid : uint8_t {
        Valid = 0,
        NoModel,
        UnknownModel,
        RetiredModel,
        NoMaxTokens,
        MaxTokensTooSmall,
        MaxTokensTooLarge,
        Streaming,
        ForbiddenParam,
        NoMessages,
        PromptTooLong,
        GeoUnsupported, // inference_geo on a model before Claude 4.6
        GeoInvalid,     // inference_geo other than "us" or "global"
    };
    enum Flag : uint8_t {
        WebSearch = 1,
        WebFetch = 2,
        ClientTools = 4,
        ToolChoiceForced = 8,
        StopSequences = 16,
        CodeExecution = 32,
        GeoUs = 64, // inference_geo "us": echoed in usage, billed 1.1x
    };

    std::string customId;
    std::string detail;    // invalid: what to name in the message; else the first stop sequence
    uint64_t hash = 0;     // of custom_id and the params text
    uint64_t cacheKey = 0; // hash of the cacheable prompt prefix, 0 = nothing cacheable
    int32_t maxTokens = 0;
    int32_t inputTokens = 0; // estimated tokens of the whole prompt
    int32_t cache5m = 0;     // of which in the cacheable prefix with a 5-minute TTL
    int32_t cache1h = 0;     // ... with a 1-hour TTL
    int32_t thinkingBudget = 0;
    int16_t model = -1; // ModelCatalog index
    uint8_t invalid = Valid;
    uint8_t flags = 0;
};

} // namespace bs::sim
