#include "pricetable.h"

#include <array>

namespace bs::sim {

namespace {

constexpr int64_t M = 1000000; // $1 per MTok in micro-dollars per MTok

// input, 5m write, 1h write, cache read, output (reference/pricing.md §1).
constexpr PriceTable::Prices p(double in, double w5, double w1, double rd, double out) {
    return {{int64_t(in * M + 0.5), int64_t(w5 * M + 0.5), int64_t(w1 * M + 0.5),
             int64_t(rd * M + 0.5), int64_t(out * M + 0.5)}};
}

const std::array kEntries = {
    PriceTable::Entry{"claude-fable-5-2", "Claude Fable 5.2", true, p(8, 10, 16, 0.20, 40)},
    PriceTable::Entry{"claude-mythos-5-2", "Claude Mythos 5.2", true, p(8, 10, 16, 0.20, 40)},
    PriceTable::Entry{"claude-fable-5-1", "Claude Fable 5.1", true, p(10, 12.5, 20, 0.25, 50)},
    PriceTable::Entry{"claude-mythos-5-1", "Claude Mythos 5.1", true, p(10, 12.5, 20, 0.25, 50)},
    PriceTable::Entry{"claude-fable-5", "Claude Fable 5", true, p(10, 12.5, 20, 1, 50)},
    PriceTable::Entry{"claude-mythos-5", "Claude Mythos 5", true, p(10, 12.5, 20, 1, 50)},
    PriceTable::Entry{"claude-opus-5-5", "Claude Opus 5.5", true, p(4, 5, 8, 0.20, 20)},
    PriceTable::Entry{"claude-opus-5", "Claude Opus 5", true, p(5, 6.25, 10, 0.50, 25)},
    PriceTable::Entry{"claude-opus-4-8", "Claude Opus 4.8", true, p(5, 6.25, 10, 0.50, 25)},
    PriceTable::Entry{"claude-opus-4-7", "Claude Opus 4.7", true, p(5, 6.25, 10, 0.50, 25)},
    PriceTable::Entry{"claude-opus-4-6", "Claude Opus 4.6", true, p(5, 6.25, 10, 0.50, 25)},
    PriceTable::Entry{"claude-opus-4-5-20251101", "Claude Opus 4.5", false,
                      p(5, 6.25, 10, 0.50, 25)},
    PriceTable::Entry{"claude-opus-4-1-20250805", "Claude Opus 4.1", false,
                      p(15, 18.75, 30, 1.50, 75)},
    PriceTable::Entry{"claude-opus-4-20250514", "Claude Opus 4", false, p(15, 18.75, 30, 1.50, 75)},
    PriceTable::Entry{"claude-sonnet-5-5", "Claude Sonnet 5.5", true, p(2, 2.5, 4, 0.10, 10)},
    PriceTable::Entry{"claude-sonnet-5", "Claude Sonnet 5", true, p(2, 2.5, 4, 0.20, 10)},
    PriceTable::Entry{"claude-sonnet-4-6", "Claude Sonnet 4.6", true, p(3, 3.75, 6, 0.30, 15)},
    PriceTable::Entry{"claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", false,
                      p(3, 3.75, 6, 0.30, 15)},
    PriceTable::Entry{"claude-sonnet-4-20250514", "Claude Sonnet 4", false,
                      p(3, 3.75, 6, 0.30, 15)},
    PriceTable::Entry{"claude-haiku-5-5", "Claude Haiku 5.5", true,
                      p(0.10, 0.125, 0.20, 0.01, 0.50)},
    PriceTable::Entry{"claude-haiku-4-5-20251001", "Claude Haiku 4.5", false,
                      p(1, 1.25, 2, 0.10, 5)},
    PriceTable::Entry{"claude-3-5-haiku-20241022", "Claude Haiku 3.5", false,
                      p(0.80, 1, 1.60, 0.08, 4)},
};

// 2026-10-07T00:00:00Z: Sonnet 5.5's cache read went from $0.20 to $0.10 per MTok.
constexpr int64_t kSonnet55CacheCutUs = 1791331200LL * 1000000;
// Haiku 5.5: a prompt above 100,000 tokens bills every token at the long-prompt rates.
constexpr int64_t kHaiku55LongPrompt = 100000;

} // namespace

const PriceTable::Entry* PriceTable::find(const std::string& model) {
    for (const Entry& e : kEntries) {
        if (model == e.model)
            return &e;
    }
    return nullptr;
}

PriceTable::Prices PriceTable::pricesFor(const Entry& e, int64_t us, int64_t promptTokens) {
    const std::string model = e.model;
    if (model == "claude-haiku-5-5" && promptTokens > kHaiku55LongPrompt)
        return p(0.50, 0.625, 1.00, 0.05, 2.50);
    Prices r = e.prices;
    if (model == "claude-sonnet-5-5" && us < kSonnet55CacheCutUs)
        r.perMTok[CacheRead] = int64_t(0.20 * M + 0.5);
    return r;
}

const char* PriceTable::tokenTypeName(int t) {
    switch (t) {
    case Input:
        return "uncached_input_tokens";
    case CacheWrite5m:
        return "cache_creation.ephemeral_5m_input_tokens";
    case CacheWrite1h:
        return "cache_creation.ephemeral_1h_input_tokens";
    case CacheRead:
        return "cache_read_input_tokens";
    default:
        return "output_tokens";
    }
}

const char* PriceTable::tokenTypeDescription(int t) {
    switch (t) {
    case Input:
        return "Input Tokens";
    case CacheWrite5m:
        return "Input Tokens, Cache Write (5m)";
    case CacheWrite1h:
        return "Input Tokens, Cache Write (1h)";
    case CacheRead:
        return "Input Tokens, Cache Read";
    default:
        return "Output Tokens";
    }
}

} // namespace bs::sim
