#include "hashing.h"

#include <random>

namespace bs::sim {

uint64_t Hashing::fnv1a(std::string_view data, uint64_t basis) {
    uint64_t h = basis;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t Hashing::mix(uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t Hashing::combine(uint64_t a, uint64_t b) {
    return mix(a ^ mix(b + 0x632be59bd9b4e019ULL));
}

double Hashing::unit(uint64_t h) {
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}

std::string Hashing::base62(uint64_t a, uint64_t b, int length) {
    static constexpr char alphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::string out;
    out.reserve(size_t(length));
    uint64_t state = combine(a, b);
    for (int i = 0; i < length; ++i) {
        state = mix(state + uint64_t(i));
        out.push_back(alphabet[state % 62]);
    }
    return out;
}

std::string Hashing::randomId(std::string_view prefix, int length) {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    std::string id(prefix);
    id += base62(engine(), engine(), length);
    return id;
}

} // namespace bs::sim
