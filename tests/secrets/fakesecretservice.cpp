// A Secret Service that never answers: owns org.freedesktop.secrets on the bus given as the
// first argument and swallows every method call without replying. Prints "ready" once the
// name is owned. Used to prove that SecretStore gives up on its own timeout.
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusVirtualObject>

#include <cstdio>

namespace {
class Swallower : public QDBusVirtualObject {
public:
    QString introspect(const QString&) const override { return {}; }
    bool handleMessage(const QDBusMessage&, const QDBusConnection&) override {
        return true; // "handled": no reply, ever
    }
};
} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s BUS_ADDRESS\n", argv[0]);
        return 2;
    }
    QDBusConnection bus =
        QDBusConnection::connectToBus(QString::fromLocal8Bit(argv[1]), QStringLiteral("fake"));
    if (!bus.isConnected()) {
        std::fprintf(stderr, "cannot connect: %s\n", qPrintable(bus.lastError().message()));
        return 3;
    }
    Swallower swallower;
    if (!bus.registerVirtualObject(QStringLiteral("/"), &swallower, QDBusConnection::SubPath)) {
        std::fprintf(stderr, "cannot register the object\n");
        return 4;
    }
    if (!bus.registerService(QStringLiteral("org.freedesktop.secrets"))) {
        std::fprintf(stderr, "cannot own the name: %s\n", qPrintable(bus.lastError().message()));
        return 5;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}
