#pragma once

#include <cstdint>
#include <string>

namespace bs::sim {

// What Anthropic bills for the simulator's own cost report (reference/pricing.md, written
// again here: sim/ shares nothing with the client's resources/pricing.json, so a wrong price on
// one side shows up as a difference instead of being mirrored). Prices in micro-dollars per
// million tokens (= pico-dollars per token), list prices before the batch discount.
class PriceTable {
public:
    enum TokenType { Input, CacheWrite5m, CacheWrite1h, CacheRead, Output, TokenTypes };
    struct Prices {
        int64_t perMTok[TokenTypes] = {};
    };
    struct Entry {
        const char* model;       // canonical id, as ModelCatalog names it
        const char* displayName; // "Claude Opus 4.6", for cost report descriptions
        bool geoEligible;        // Claude 4.6+: inference_geo accepted, "us" billed 1.1x
        Prices prices;
    };

    // The entry of a canonical model id; nullptr when the model has no price row.
    static const Entry* find(const std::string& model);
    // The prices of `model` for a request of `promptTokens` (input + cache writes + reads)
    // processed at simulated time `us` (Haiku 5.5's long-prompt band, Sonnet 5.5's cache-read
    // change of 2026-10-07).
    static Prices pricesFor(const Entry& e, int64_t us, int64_t promptTokens);

    static constexpr int64_t kBatchPercent = 50;    // Message Batches: 50 % of list
    static constexpr int64_t kGeoUsPercent = 110;   // inference_geo "us" on 4.6+: 1.1x
    static constexpr int64_t kWebSearchCents = 1;   // $10 per 1,000 searches, not discounted
    static const char* tokenTypeName(int t);        // "uncached_input_tokens", ...
    static const char* tokenTypeDescription(int t); // "Input Tokens", ...
};

} // namespace bs::sim
