// SecretStore against the real Secret Service of ./dev test (gnome-keyring in a private D-Bus
// session, unlocked): write, read back, overwrite, namespacing, delete, not found.
#include "secrets/secretstore.h"
#include "testenv.h"
#include "testskip.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using bs::SecretStore;

namespace {
SecretStore::Result run(SecretStore& store, quint64 id) {
    QSignalSpy spy(&store, &SecretStore::finished);
    for (int i = 0; i < 3 && spy.isEmpty(); ++i)
        spy.wait(store.timeoutMs() + 2000);
    for (const auto& args : std::as_const(spy)) {
        if (args.at(0).toULongLong() == id)
            return args.at(1).value<SecretStore::Result>();
    }
    SecretStore::Result r;
    r.status = SecretStore::Status::Error;
    r.message = QStringLiteral("no result for the operation");
    return r;
}
} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT

    QString m_label;

private Q_SLOTS:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            BS_SKIP_OR_FAIL(
                "No D-Bus session: run under ./dev test (private session, unlocked keyring)");
        m_label = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void names() {
        QCOMPARE(SecretStore::serviceName(), QStringLiteral("Batchscope"));
        QCOMPARE(SecretStore::keyName(QStringLiteral("wrkspc_1")),
                 QStringLiteral("api-key/wrkspc_1"));
        QCOMPARE(SecretStore::keyName(QString()), QStringLiteral("api-key/default"));
    }

    void notFoundMeansAskTheUser() {
        SecretStore store;
        const auto r = run(store, store.readKey(m_label + QStringLiteral("-missing")));
        QCOMPARE(r.status, SecretStore::Status::NotFound);
        QVERIFY(r.secret.isEmpty());
        QVERIFY(r.message.contains(QStringLiteral("enter one")));
    }

    void writeReadOverwriteDelete() {
        SecretStore store;
        const QString key1 = QStringLiteral("sk-ant-"
                                            "api03-FAKE-STORE-TEST-1111");
        const QString key2 = QStringLiteral("sk-ant-"
                                            "api03-FAKE-STORE-TEST-2222");
        auto r = run(store, store.writeKey(m_label, key1));
        QVERIFY2(r.isOk(), qPrintable(r.message));
        r = run(store, store.readKey(m_label));
        QVERIFY2(r.isOk(), qPrintable(r.message));
        QCOMPARE(r.secret, key1);
        QVERIFY(r.message.isEmpty());

        r = run(store, store.writeKey(m_label, key2));
        QVERIFY(r.isOk());
        r = run(store, store.readKey(m_label));
        QCOMPARE(r.secret, key2);

        // Another label is another entry.
        const QString other = m_label + QStringLiteral("-other");
        QVERIFY(run(store, store.writeKey(other, key1)).isOk());
        QCOMPARE(run(store, store.readKey(m_label)).secret, key2);
        QCOMPARE(run(store, store.readKey(other)).secret, key1);

        QVERIFY(run(store, store.deleteKey(m_label)).isOk());
        QCOMPARE(run(store, store.readKey(m_label)).status, SecretStore::Status::NotFound);
        QCOMPARE(run(store, store.readKey(other)).secret, key1);
        QVERIFY(run(store, store.deleteKey(other)).isOk());
        // Deleting what is not there is not an error.
        QVERIFY(run(store, store.deleteKey(other)).isOk());
        QCOMPARE(store.pendingCount(), 0);
    }

    // The one lookup the console and the CLI share: the environment first, else the keychain,
    // else a message naming both.
    void findApiKeyEnvironmentThenKeychain() {
        SecretStore store;
        const QString label = m_label + QStringLiteral("-find");
        const QString stored = QStringLiteral("sk-ant-"
                                              "api03-FAKE-FIND-KEYCHAIN-3333");
        const QString fromEnv = QStringLiteral("sk-ant-"
                                               "api03-FAKE-FIND-ENVIRONMENT-4444");
        const QByteArray saved = qgetenv("ANTHROPIC_API_KEY");
        auto restore = qScopeGuard([&] {
            if (saved.isNull())
                qunsetenv("ANTHROPIC_API_KEY");
            else
                qputenv("ANTHROPIC_API_KEY", saved);
        });

        // Neither: NotFound, and the message says where a key can come from.
        qunsetenv("ANTHROPIC_API_KEY");
        auto r = run(store, store.findApiKey(label));
        QCOMPARE(r.status, SecretStore::Status::NotFound);
        QVERIFY(r.secret.isEmpty());
        QVERIFY2(r.message.contains(QStringLiteral("ANTHROPIC_API_KEY")), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("batchscope-cli key set")),
                 qPrintable(r.message));
        QVERIFY2(r.message.contains(label), qPrintable(r.message));

        // The keychain's key when the environment has none (a blank variable counts as none).
        QVERIFY(run(store, store.writeKey(label, stored)).isOk());
        qputenv("ANTHROPIC_API_KEY", "  ");
        r = run(store, store.findApiKey(label));
        QVERIFY2(r.isOk(), qPrintable(r.message));
        QCOMPARE(r.secret, stored);
        QVERIFY(!r.fromEnvironment);

        // The environment wins over the keychain (trimmed), and answers from the event loop.
        qputenv("ANTHROPIC_API_KEY", (QLatin1Char(' ') + fromEnv + QLatin1Char('\n')).toUtf8());
        bool called = false;
        QObject context;
        const quint64 id = store.findApiKey(label, &context, [&](const SecretStore::Result& got) {
            called = true;
            QCOMPARE(got.secret, fromEnv);
        });
        QVERIFY(!called);
        r = run(store, id);
        QVERIFY(called);
        QVERIFY(r.isOk());
        QCOMPARE(r.secret, fromEnv);
        QVERIFY(r.fromEnvironment);

        QVERIFY(run(store, store.deleteKey(label)).isOk());
    }

    void callbackWithContext() {
        SecretStore store;
        QObject context;
        SecretStore::Result got;
        bool called = false;
        store.readKey(m_label + QStringLiteral("-cb"), &context, [&](const SecretStore::Result& r) {
            called = true;
            got = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
        QCOMPARE(got.status, SecretStore::Status::NotFound);
        QCOMPARE(got.operation, SecretStore::Operation::Read);

        // A destroyed context gets no call.
        bool calledAfterDeath = false;
        auto* dying = new QObject;
        const quint64 id =
            store.readKey(m_label + QStringLiteral("-cb"), dying,
                          [&](const SecretStore::Result&) { calledAfterDeath = true; });
        delete dying;
        QCOMPARE(run(store, id).status, SecretStore::Status::NotFound);
        QVERIFY(!calledAfterDeath);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestSecretStore t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_secretstore.moc"
