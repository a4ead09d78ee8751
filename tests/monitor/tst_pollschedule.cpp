// PollSchedule: the adaptive polling interval as a pure function of the poller's state.
#include "monitor/pollschedule.h"

#include <QTest>

using bs::PollSchedule;

class TestPollSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quickRightAfterCreate() {
        const PollSchedule s;
        PollSchedule::State st;
        st.inProgress = 3;
        st.youngestAgeMs = 10 * 1000;
        QCOMPARE(s.mode(st), PollSchedule::Mode::Fresh);
        QCOMPARE(s.nextInterval(st), s.policy().freshMs);
    }

    void slowerAsBatchesAge() {
        const PollSchedule s;
        PollSchedule::State st;
        st.inProgress = 1;
        st.youngestAgeMs = s.policy().freshAgeMs; // edge: no longer fresh
        QCOMPARE(s.mode(st), PollSchedule::Mode::Young);
        QCOMPARE(s.nextInterval(st), s.policy().youngMs);
        st.youngestAgeMs = s.policy().youngAgeMs;
        QCOMPARE(s.mode(st), PollSchedule::Mode::Steady);
        QCOMPARE(s.nextInterval(st), s.policy().steadyMs);
        // Monotonic: an older batch never polls faster.
        qint64 previous = 0;
        for (qint64 age : {0LL, 60000LL, 120000LL, 600000LL, 900000LL, 3600000LL, 86400000LL}) {
            st.youngestAgeMs = age;
            QVERIFY(s.nextInterval(st) >= previous);
            previous = s.nextInterval(st);
        }
    }

    void changeKeepsThePace() {
        const PollSchedule s;
        PollSchedule::State st;
        st.inProgress = 1;
        st.youngestAgeMs = 3600 * 1000;
        st.changedLastCycle = true;
        QCOMPARE(s.nextInterval(st), s.policy().youngMs);
    }

    void idleWhenNothingRuns() {
        const PollSchedule s;
        PollSchedule::State st;
        QCOMPARE(s.mode(st), PollSchedule::Mode::Idle);
        QCOMPARE(s.nextInterval(st), s.policy().idleMs);
    }

    void backoffDoublesAndCaps() {
        PollSchedule::Policy p;
        p.errorBaseMs = 1000;
        p.maxBackoffMs = 10000;
        p.pauseAfterConnectionErrors = 0; // never pause
        const PollSchedule s(p);
        PollSchedule::State st;
        st.inProgress = 5;
        st.youngestAgeMs = 0;
        const QList<qint64> expected{1000, 2000, 4000, 8000, 10000, 10000};
        for (int i = 0; i < expected.size(); ++i) {
            st.consecutiveErrors = i + 1;
            QCOMPARE(s.mode(st), PollSchedule::Mode::Backoff);
            QCOMPARE(s.nextInterval(st), expected.at(i));
        }
        st.consecutiveErrors = 1000; // no overflow
        QCOMPARE(s.nextInterval(st), 10000);
        st.consecutiveErrors = 0;
        QCOMPARE(s.mode(st), PollSchedule::Mode::Fresh);
    }

    void pausesOfflineAndAfterConnectionErrors() {
        PollSchedule::Policy p;
        p.pauseAfterConnectionErrors = 3;
        p.pausedProbeMs = 123456;
        const PollSchedule s(p);
        PollSchedule::State st;
        st.inProgress = 2;
        st.youngestAgeMs = 0;
        st.online = false;
        QVERIFY(s.isPaused(st));
        QCOMPARE(s.nextInterval(st), 123456);
        st.online = true;
        st.consecutiveErrors = 2;
        st.consecutiveConnectionErrors = 2;
        QCOMPARE(s.mode(st), PollSchedule::Mode::Backoff);
        st.consecutiveErrors = 3;
        st.consecutiveConnectionErrors = 3;
        QCOMPARE(s.mode(st), PollSchedule::Mode::Paused);
        QCOMPARE(s.nextInterval(st), 123456);
        // HTTP errors (the server answered) back off but never pause.
        st.consecutiveErrors = 50;
        st.consecutiveConnectionErrors = 0;
        QCOMPARE(s.mode(st), PollSchedule::Mode::Backoff);
    }
};

QTEST_GUILESS_MAIN(TestPollSchedule)
#include "tst_pollschedule.moc"
