#include "testenv.h"

#include <QDir>
#include <QStandardPaths>

namespace bs::test {

namespace {
QTemporaryDir* tree() {
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/bs-test-XXXXXX"));
    return &dir;
}
} // namespace

QString TestEnv::root() {
    return tree()->path();
}

void TestEnv::isolate() {
    const QString base = root();
    const auto set = [&](const char* name, const QString& sub) {
        const QString path = base + QLatin1Char('/') + sub;
        QDir().mkpath(path);
        qputenv(name, path.toLocal8Bit());
    };
    set("HOME", QStringLiteral("home"));
    set("XDG_CONFIG_HOME", QStringLiteral("home/.config"));
    set("XDG_CACHE_HOME", QStringLiteral("home/.cache"));
    set("XDG_STATE_HOME", QStringLiteral("home/.local/state"));
    // XDG_DATA_HOME is left alone: the keyring daemon of ./dev test keeps its files there.
    QStandardPaths::setTestModeEnabled(true);
}

} // namespace bs::test
