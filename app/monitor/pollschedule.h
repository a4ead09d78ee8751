#pragma once

#include <QtGlobal>

namespace bs {

// When the Poller looks at the server next: a pure function of what it knows, so that the
// policy can be tested without a clock. All times are milliseconds.
//
//  - offline (the OS says so) or paused after pauseAfterConnectionErrors consecutive connection
//    failures: pausedProbeMs (a slow probe; reachability coming back triggers a poll at once);
//  - after errors: base * 2^(errors - 1), at least errorBaseMs, at most maxBackoffMs;
//  - nothing in progress: idleMs (still slow-polls to discover batches other tools create);
//  - otherwise by the age of the youngest in-progress batch: freshMs while it is younger than
//    freshAgeMs (a batch just created may end within a minute at small sizes), youngMs until
//    youngAgeMs, then steadyMs; a batch that ended or changed in the last cycle keeps the pace
//    at least at youngMs.
class PollSchedule {
public:
    struct Policy {
        qint64 freshMs = 5000;
        qint64 freshAgeMs = 2 * 60 * 1000;
        qint64 youngMs = 20000;
        qint64 youngAgeMs = 15 * 60 * 1000;
        qint64 steadyMs = 60000;
        qint64 idleMs = 5 * 60 * 1000;
        qint64 errorBaseMs = 5000;
        qint64 maxBackoffMs = 5 * 60 * 1000;
        int pauseAfterConnectionErrors = 5;
        qint64 pausedProbeMs = 5 * 60 * 1000;
    };

    struct State {
        int inProgress = 0;                  // tracked batches not ended
        qint64 youngestAgeMs = -1;           // age of the youngest of them; -1 when none
        bool changedLastCycle = false;       // some status/count changed in the last cycle
        int consecutiveErrors = 0;           // failed cycles in a row (any kind)
        int consecutiveConnectionErrors = 0; // of which: no HTTP answer at all
        bool online = true;                  // reachability as far as the OS knows
    };

    enum class Mode { Fresh, Young, Steady, Idle, Backoff, Paused };

    PollSchedule() = default;
    explicit PollSchedule(const Policy& policy)
        : m_policy(policy) {}

    const Policy& policy() const { return m_policy; }
    void setPolicy(const Policy& policy) { m_policy = policy; }

    Mode mode(const State& state) const;
    qint64 nextInterval(const State& state) const;
    bool isPaused(const State& state) const { return mode(state) == Mode::Paused; }

private:
    Policy m_policy;
};

} // namespace bs
