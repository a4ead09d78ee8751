#pragma once

#include <QString>
#include <QTemporaryDir>

namespace bs::test {

// Points HOME and the XDG folders at a fresh temporary tree and turns on QStandardPaths' test
// mode, so a suite never reads or writes the developer's real settings, ledger or keyring files.
// Call before QCoreApplication is created (QTEST_MAIN: from a static initializer or initMain()).
class TestEnv {
public:
    static void isolate();
    static QString root(); // the temporary tree, kept until the process ends
};

} // namespace bs::test
