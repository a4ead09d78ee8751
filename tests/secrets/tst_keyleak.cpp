// Secrets acceptance: after an end-to-end session (key stored in and read from the real
// keychain, used against batchscope-sim for create / retrieve / list / results, a 401 with a
// wrong key, every log line at debug level written to a log file under HOME), the key's bytes
// appear in no file under the test's HOME/XDG/TMP folders and in no message.
#include "api/apiclient.h"
#include "api/batchjob.h"
#include "api/batchlistjob.h"
#include "api/batchrequestsbuilder.h"
#include "api/resultstream.h"
#include "apijobwait.h"
#include "secrets/secretstore.h"
#include "simprocess.h"
#include "testenv.h"
#include "testskip.h"

#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace bs;
using bs::test::SimProcess;
using bs::test::TestEnv;

namespace {
const QString kKey = QStringLiteral("sk-ant-"
                                    "api03-FAKE-TEST-KEY-0000000000000000");
const QString kWrongKey = QStringLiteral("sk-ant-"
                                         "api03-FAKE-WRONG-KEY-1111111111111111");

QMutex g_logMutex;
QStringList g_messages;
QFile* g_logFile = nullptr;

void captureMessages(QtMsgType, const QMessageLogContext& context, const QString& message) {
    QMutexLocker lock(&g_logMutex);
    const QString line = QString::fromLatin1(context.category ? context.category : "default") +
                         QStringLiteral(": ") + message;
    g_messages.append(line);
    if (g_logFile && g_logFile->isOpen()) {
        g_logFile->write(line.toUtf8() + '\n');
        g_logFile->flush();
    }
    fprintf(stderr, "%s\n", qPrintable(line));
}

// Every file under root holding one of the needles (UTF-8 or UTF-16), as "path: needle".
QStringList filesContaining(const QString& root, const QStringList& needles, int* scanned) {
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++*scanned;
        const QByteArray data = f.readAll();
        for (const QString& n : needles) {
            const QByteArray utf16(reinterpret_cast<const char*>(n.utf16()), n.size() * 2);
            if (data.contains(n.toUtf8()) || data.contains(utf16))
                hits << path + QStringLiteral(": ") + n.left(14);
        }
    }
    return hits;
}

SecretStore::Result runSecret(SecretStore& store, quint64 id) {
    QSignalSpy spy(&store, &SecretStore::finished);
    spy.wait(store.timeoutMs() + 5000);
    for (const auto& args : std::as_const(spy))
        if (args.at(0).toULongLong() == id)
            return args.at(1).value<SecretStore::Result>();
    return {};
}
} // namespace

class TestKeyLeak : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            BS_SKIP_OR_FAIL(
                "No D-Bus session: run under ./dev test (private session, unlocked keyring)");
        const QString logDir =
            QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
        QDir().mkpath(logDir);
        g_logFile = new QFile(logDir + QStringLiteral("/batchscope.log"));
        QVERIFY(g_logFile->open(QIODevice::WriteOnly | QIODevice::Append));
        QVERIFY(logDir.startsWith(TestEnv::root()));
        qInstallMessageHandler(captureMessages);
    }

    void scannerFindsPlantedKey() {
        // Positive control of the scanner, outside the scanned tree.
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("planted")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x-api-key: " + kKey.toUtf8());
        f.close();
        int scanned = 0;
        QCOMPARE(filesContaining(dir.path(), {kKey}, &scanned).size(), 1);
    }

    void endToEndLeavesNoKeyBytes() {
        // 1. The key goes into the keychain and comes back.
        SecretStore store;
        const QString label =
            QStringLiteral("keyleak-") + QString::number(QCoreApplication::applicationPid());
        QVERIFY(runSecret(store, store.writeKey(label, kKey)).isOk());
        const SecretStore::Result read = runSecret(store, store.readKey(label));
        QVERIFY2(read.isOk(), qPrintable(read.message));
        QCOMPARE(read.secret, kKey);

        // 2. A session against the simulator, which accepts only this key.
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--api-key"), kKey, QStringLiteral("--speed"),
                       QStringLiteral("0"), QStringLiteral("--error-rate"), QStringLiteral("0.3")}),
            qPrintable(sim.errorString()));
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.apiKey = read.secret;
        ApiClient client(config);

        BatchRequestsBuilder b;
        for (int i = 0; i < 10; ++i)
            QVERIFY(b.append(QStringLiteral("r") + QString::number(i),
                             QByteArray("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":32,"
                                        "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
        BatchJob* create = client.createBatch(b.take());
        QVERIFY(bs::test::waitForJob(create).isOk());
        const QString id = create->batch().id;
        delete create;
        MessageBatch ended;
        for (int i = 0; i < 50 && !ended.isEnded(); ++i) {
            BatchJob* r = client.retrieveBatch(id);
            QVERIFY(bs::test::waitForJob(r).isOk());
            ended = r->batch();
            delete r;
        }
        QVERIFY(ended.isEnded());
        // Results are stored under HOME, as the ingestor would.
        QFile results(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                      QStringLiteral("/results.jsonl"));
        QVERIFY(results.open(QIODevice::WriteOnly));
        ResultStream* stream = client.streamResults(ended);
        connect(stream, &ResultStream::dataReady, this,
                [&results](const QByteArray& lines) { results.write(lines); });
        QVERIFY(bs::test::waitForJob(stream).isOk());
        QCOMPARE(stream->linesDelivered(), 10);
        delete stream;
        results.close();
        BatchListJob* list = client.listAllBatches();
        QVERIFY(bs::test::waitForJob(list).isOk());
        delete list;

        // Errors of every kind, logged the way the app logs them.
        for (const QString& key : QStringList{kWrongKey, QString(kKey + QStringLiteral("x"))}) {
            client.setApiKey(key);
            BatchListJob* denied = client.listBatches();
            const ApiError e = bs::test::waitForJob(denied);
            delete denied;
            QCOMPARE(e.httpStatus, 401);
            qWarning().noquote() << "API error:" << e.toString() << e.message;
        }
        client.setApiKey(kKey);
        ResultStream* bad = client.streamResults(QUrl(QStringLiteral("http://example.com/r")));
        qWarning().noquote() << bs::test::waitForJob(bad).toString();
        delete bad;
        // Settings the app would keep: never the key.
        {
            QSettings settings;
            settings.setValue(QStringLiteral("api/baseUrl"), config.baseUrl);
            settings.setValue(QStringLiteral("api/keyLabel"), label);
        }
        sim.stop();

        QVERIFY(runSecret(store, store.deleteKey(label)).isOk());

        // 3. No key bytes anywhere under the test's HOME/XDG/TMP tree, nor in any message.
        g_logFile->flush();
        int scanned = 0;
        const QStringList hits = filesContaining(
            TestEnv::root(), {kKey, kWrongKey, QStringLiteral("FAKE-TEST-KEY")}, &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
        QVERIFY2(scanned >= 3, "the scan found the log, the results and the settings");
        QMutexLocker lock(&g_logMutex);
        QVERIFY(!g_messages.isEmpty());
        for (const QString& m : std::as_const(g_messages))
            QVERIFY2(!m.contains(QStringLiteral("FAKE-TEST-KEY")) &&
                         !m.contains(QStringLiteral("FAKE-WRONG-KEY")),
                     qPrintable(m));
    }

    void cleanupTestCase() {
        qInstallMessageHandler(nullptr);
        delete g_logFile;
        g_logFile = nullptr;
    }
};

int main(int argc, char** argv) {
    TestEnv::isolate();
    // Everything the session writes, the simulator's temporary files included, stays in the
    // scanned tree.
    const QString tmp = TestEnv::root() + QStringLiteral("/tmp");
    QDir().mkpath(tmp);
    qputenv("TMPDIR", tmp.toLocal8Bit());
    qputenv("QT_LOGGING_RULES", "bs.*=true");
    QCoreApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("Batchscope"));
    app.setApplicationName(QStringLiteral("Batchscope"));
    TestKeyLeak t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_keyleak.moc"
