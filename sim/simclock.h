#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace bs::sim {

// Simulated time, in microseconds since the Unix epoch. It starts at the real time and runs
// `factor` times faster (factor = --speed, or 1 with --speed 0); POST /_sim/clock moves it
// forward. Thread-safe.
class SimClock {
public:
    explicit SimClock(double factor);

    int64_t nowUs() const;
    void advanceUs(int64_t us);
    // After loading a state file: never go back behind a time already shown to clients.
    void ensureAtLeast(int64_t us);

    static int64_t realNowUs();
    static std::string rfc3339(int64_t us); // 2026-11-28T10:00:00.000000Z

private:
    double m_factor;
    int64_t m_realStartUs;
    std::atomic<int64_t> m_offsetUs{0};
};

} // namespace bs::sim
