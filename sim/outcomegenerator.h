#pragma once

#include "requestrecord.h"
#include "usagebook.h"

#include <cstdint>
#include <string>

namespace bs::sim {

// Renders one results line (JSONL, newline included) for a request whose outcome is decided.
// Everything random (text, lengths, stop reason, ids) derives from the seed and the request.
class OutcomeGenerator {
public:
    enum class Outcome { Succeeded, Invalid, ApiError, Overloaded, Canceled, Expired };
    enum class Cache { None, Write, Read };

    explicit OutcomeGenerator(uint64_t seed)
        : m_seed(seed) {}

    // `usage`, when given, receives the billed figures of a succeeded request (model, tokens,
    // searches, geo); its time is left to the caller.
    void render(std::string& out, const RequestRecord& r, Outcome outcome, Cache cache,
                UsageEntry* usage = nullptr) const;

private:
    void renderMessage(std::string& out, const RequestRecord& r, Cache cache,
                       UsageEntry* usage) const;
    uint64_t m_seed;
};

} // namespace bs::sim
