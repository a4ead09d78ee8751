#pragma once

// BS_SKIP_OR_FAIL(reason): the one way a suite gives up on something it needs (a D-Bus session,
// a keyring, a network namespace). Use it wherever a test would call QSKIP.
//
// Outside ./dev test (a developer running one suite by hand) it skips, as QSKIP does. Under
// ./dev test and CI, which set BS_REQUIRE_ALL=1 because they provide everything a suite needs,
// the same call is a failure that says what is missing: a test that did not run never reads as
// passed. (ctest also marks any Qt Test output with skipped functions as "skipped", see
// tests/CMakeLists.txt, and ./dev test fails when ctest reports a test as skipped.)
//
// `reason` must be a string literal (QSKIP and QFAIL take a const char*).

#include <QTest>
#include <QtGlobal>

namespace bs::test {

// True when every test must run: BS_REQUIRE_ALL is set to anything but "" or "0".
inline bool requireAll() {
    const QByteArray v = qgetenv("BS_REQUIRE_ALL");
    return !v.isEmpty() && v != "0";
}

} // namespace bs::test

#define BS_SKIP_OR_FAIL(reason)                                                                    \
    do {                                                                                           \
        if (::bs::test::requireAll())                                                              \
            QFAIL("missing what this test needs (BS_REQUIRE_ALL is set, so a skip is a "           \
                  "failure): " reason);                                                            \
        QSKIP(reason);                                                                             \
    } while (false)
