#include "pollschedule.h"

namespace bs {

PollSchedule::Mode PollSchedule::mode(const State& state) const {
    if (!state.online || (m_policy.pauseAfterConnectionErrors > 0 &&
                          state.consecutiveConnectionErrors >= m_policy.pauseAfterConnectionErrors))
        return Mode::Paused;
    if (state.consecutiveErrors > 0)
        return Mode::Backoff;
    if (state.inProgress <= 0)
        return Mode::Idle;
    if (state.youngestAgeMs >= 0 && state.youngestAgeMs < m_policy.freshAgeMs)
        return Mode::Fresh;
    if (state.changedLastCycle ||
        (state.youngestAgeMs >= 0 && state.youngestAgeMs < m_policy.youngAgeMs))
        return Mode::Young;
    return Mode::Steady;
}

qint64 PollSchedule::nextInterval(const State& state) const {
    switch (mode(state)) {
    case Mode::Paused:
        return m_policy.pausedProbeMs;
    case Mode::Backoff: {
        qint64 delay = m_policy.errorBaseMs;
        for (int i = 1; i < state.consecutiveErrors && delay < m_policy.maxBackoffMs; ++i)
            delay *= 2;
        return qMin(delay, m_policy.maxBackoffMs);
    }
    case Mode::Idle:
        return m_policy.idleMs;
    case Mode::Fresh:
        return m_policy.freshMs;
    case Mode::Young:
        return m_policy.youngMs;
    case Mode::Steady:
        return m_policy.steadyMs;
    }
    return m_policy.steadyMs;
}

} // namespace bs
