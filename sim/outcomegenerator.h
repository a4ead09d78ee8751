#pragma once

#include "requestrecord.h"

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

    void render(std::string& out, const RequestRecord& r, Outcome outcome, Cache cache) const;

private:
    void renderMessage(std::string& out, const RequestRecord& r, Cache cache) const;
    uint64_t m_seed;
};

} // namespace bs::sim
