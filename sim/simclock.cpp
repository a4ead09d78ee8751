#include "simclock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace bs::sim {

SimClock::SimClock(double factor)
    : m_factor(factor > 0 ? factor : 1.0)
    , m_realStartUs(realNowUs()) {}

int64_t SimClock::realNowUs() {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

int64_t SimClock::nowUs() const {
    const int64_t real = realNowUs();
    const double scaled = double(real - m_realStartUs) * m_factor;
    return m_realStartUs + int64_t(scaled) + m_offsetUs.load();
}

void SimClock::advanceUs(int64_t us) {
    if (us > 0)
        m_offsetUs += us;
}

void SimClock::ensureAtLeast(int64_t us) {
    const int64_t now = nowUs();
    if (us > now)
        m_offsetUs += us - now;
}

std::string SimClock::rfc3339(int64_t us) {
    const std::time_t secs = std::time_t(us / 1000000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(us % 1000000));
    return buf;
}

} // namespace bs::sim
