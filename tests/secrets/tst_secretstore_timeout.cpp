// "A keychain that never answers gives an error within the timeout": a private dbus-daemon
// whose org.freedesktop.secrets (bs_fake_secret_service) swallows every call. This suite
// points its own D-Bus session at that bus before the first keychain call.
#include "secrets/secretstore.h"
#include "testenv.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using bs::SecretStore;

class TestSecretStoreTimeout : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_fake;

    static QByteArray readLine(QProcess& p, int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (!p.canReadLine() && !deadline.hasExpired() && p.state() == QProcess::Running)
            p.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        return p.canReadLine() ? p.readLine().trimmed() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString conf = m_dir.filePath(QStringLiteral("bus.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
                " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                "<busconfig><type>session</type><listen>unix:tmpdir=" +
                m_dir.path().toLocal8Bit() +
                "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
                "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
                "<allow own=\"*\"/></policy></busconfig>\n");
        f.close();
        // No <servicedir>: nothing can be auto-started on this bus, so the fake is the only
        // Secret Service there is.
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--config-file=") + conf, QStringLiteral("--print-address"),
                     QStringLiteral("--nofork")});
        QVERIFY2(m_bus.waitForStarted(5000), "dbus-daemon did not start (package dbus)");
        const QByteArray address = readLine(m_bus, 10000);
        QVERIFY2(!address.isEmpty(), m_bus.readAllStandardError().constData());

        m_fake.start(QStringLiteral(BS_FAKE_SECRET_SERVICE), {QString::fromLocal8Bit(address)});
        QVERIFY(m_fake.waitForStarted(5000));
        const QByteArray ready = readLine(m_fake, 10000);
        QVERIFY2(ready == "ready", m_fake.readAllStandardError().constData());

        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        qunsetenv("XDG_CURRENT_DESKTOP"); // the Secret Service backend, not KWallet
    }

    void cleanupTestCase() {
        for (QProcess* p : {&m_fake, &m_bus}) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(5000);
            }
        }
    }

    void silentKeychainTimesOut() {
        SecretStore store;
        store.setTimeoutMs(600);
        QSignalSpy spy(&store, &SecretStore::finished);
        const quint64 id = store.readKey(QStringLiteral("never"));
        // Generous bound for a slow machine; the point is that it ends at all.
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toULongLong(), id);
        const auto r = spy.at(0).at(1).value<SecretStore::Result>();
        QCOMPARE(r.status, SecretStore::Status::Timeout);
        QVERIFY(r.secret.isEmpty());
        QVERIFY2(r.message.contains(QStringLiteral("did not answer within 0.6 s")),
                 qPrintable(r.message));
        QCOMPARE(store.pendingCount(), 0);

        // Writes behind the hung job end with the same clear error, and never leak the key.
        const QString key = QStringLiteral("sk-ant-"
                                           "api03-FAKE-TIMEOUT-TEST-0000");
        store.writeKey(QStringLiteral("never"), key);
        QVERIFY(spy.wait(30000));
        const auto w = spy.at(1).at(1).value<SecretStore::Result>();
        QCOMPARE(w.status, SecretStore::Status::Timeout);
        QCOMPARE(w.operation, SecretStore::Operation::Write);
        QVERIFY(!w.message.contains(key));
    }

    void lateAnswerIsIgnored() {
        auto* store = new SecretStore;
        store->setTimeoutMs(300);
        QSignalSpy spy(store, &SecretStore::finished);
        store->readKey(QStringLiteral("late"));
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.size(), 1);
        // Now let the "service" go away: pending D-Bus calls fail, the abandoned keychain jobs
        // finally finish. Nothing may reach the store any more, and nothing may crash.
        m_fake.kill();
        m_fake.waitForFinished(5000);
        // Fixed waits, kept: the abandoned QtKeychain jobs live inside SecretStore and finish
        // whenever the bus reports the service gone; there is no signal of theirs to wait for,
        // and a late answer reaching the store is exactly what must not happen.
        QTest::qWait(1000);
        QCOMPARE(spy.size(), 1);
        delete store;      // with abandoned jobs still around
        QTest::qWait(200); // the same, once the store is gone: nothing may crash
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestSecretStoreTimeout t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_secretstore_timeout.moc"
