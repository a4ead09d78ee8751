#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bs::sim {

// Stable, platform-independent hashing and id generation. Everything the simulator decides
// "at random" about a request is derived from these, so a given --seed and request always
// produce the same outcome.
class Hashing {
public:
    static uint64_t fnv1a(std::string_view data, uint64_t basis = 0xcbf29ce484222325ULL);
    static uint64_t mix(uint64_t x);                 // splitmix64 finaliser
    static uint64_t combine(uint64_t a, uint64_t b); // order-dependent
    static double unit(uint64_t h);                  // [0, 1)
    static std::string base62(uint64_t a, uint64_t b, int length);
    static std::string randomId(std::string_view prefix, int length); // not deterministic
};

} // namespace bs::sim
