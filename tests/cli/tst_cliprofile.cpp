// Issue 11 through batchscope-cli: every budget change made by `budget set|clear` is logged in
// the ledger (budget_changes: when, who, before, after), and `--profile NAME` records the profile
// on the batches it submits (batches.profile), with the profile's own keychain entry and base URL.
#include "core/profiles.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"
#include "simclient.h"
#include "simprocess.h"
#include "testenv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

const QString kKey = SimProcess::fakeKey();

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliProfile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;

    Run cli(const QStringList& args, const QString& ledger, const QString& user = QString()) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ANTHROPIC_BASE_URL"));
        env.insert(QStringLiteral("ANTHROPIC_API_KEY"), kKey);
        if (!user.isEmpty())
            env.insert(QStringLiteral("USER"), user);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BS_CLI_PATH),
                QStringList{QStringLiteral("--ledger"), ledger} + args);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString writeFile(int count, const QString& prefix) {
        const QString path = m_dir.filePath(prefix + QStringLiteral(".jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < count; ++i)
            f.write(QJsonDocument(
                        QJsonObject{{QStringLiteral("custom_id"),
                                     QStringLiteral("%1-%2").arg(prefix).arg(i)},
                                    {QStringLiteral("params"),
                                     SimClient::params(QStringLiteral("question %1").arg(i), 100)}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start({QStringLiteral("--api-key"), kKey, QStringLiteral("--speed"),
                              QStringLiteral("0"), QStringLiteral("--quiet")}),
                 qPrintable(m_sim.errorString()));
    }

    // set (new), set (replaced), set (same: nothing to log), clear: three rows, with the OS user
    // and the budget before and after.
    void budgetChangesAreLogged() {
        const QString ledger = m_dir.filePath(QStringLiteral("changes.sqlite"));
        const QStringList set{QStringLiteral("budget"), QStringLiteral("set"),
                              QStringLiteral("daily"),  QStringLiteral("--period"),
                              QStringLiteral("day"),    QStringLiteral("--usd")};
        QCOMPARE(cli(set + QStringList{QStringLiteral("5")}, ledger, QStringLiteral("alice")).code,
                 0);
        QCOMPARE(cli(set + QStringList{QStringLiteral("7.5")}, ledger, QStringLiteral("bob")).code,
                 0);
        QCOMPARE(cli(set + QStringList{QStringLiteral("7.5")}, ledger, QStringLiteral("bob")).code,
                 0);
        QCOMPARE(cli({QStringLiteral("budget"), QStringLiteral("clear"), QStringLiteral("daily")},
                     ledger, QStringLiteral("carol"))
                     .code,
                 0);
        Ledger l;
        QVERIFY2(l.open(ledger), qPrintable(l.lastError()));
        const auto changes = SettingsStore(l).budgetChanges();
        QCOMPARE(changes.size(), 3);
        const auto limitOf = [](const QString& json) {
            return QJsonDocument::fromJson(json.toUtf8()).object()[u"limit"].toInteger(-1);
        };
        QCOMPARE(changes[0].user, QStringLiteral("alice"));
        QCOMPARE(changes[0].name, QStringLiteral("daily"));
        QCOMPARE(changes[0].oldValue, QString());
        QCOMPARE(limitOf(changes[0].newValue), 5'000'000);
        QVERIFY(changes[0].at.isValid());
        QCOMPARE(changes[1].user, QStringLiteral("bob"));
        QCOMPARE(limitOf(changes[1].oldValue), 5'000'000);
        QCOMPARE(limitOf(changes[1].newValue), 7'500'000);
        QCOMPARE(changes[2].user, QStringLiteral("carol"));
        QCOMPARE(limitOf(changes[2].oldValue), 7'500'000);
        QCOMPARE(changes[2].newValue, QString());
    }

    // A batch submitted under --profile staging records "staging"; one without records
    // "default"; an unknown profile is a usage error that names the profiles.
    void profileRecordedOnSubmittedBatches() {
        {
            // The CLI's QSettings file (organization and application "Batchscope") in the
            // test's private XDG_CONFIG_HOME (TestEnv::isolate; the CLI runs without Qt's test
            // mode, so the file is named, not found through QStandardPaths).
            QSettings settings(qEnvironmentVariable("XDG_CONFIG_HOME") +
                                   QStringLiteral("/Batchscope/Batchscope.conf"),
                               QSettings::IniFormat);
            Profiles::save(settings, {QStringLiteral("staging"), m_sim.baseUrl()});
        }
        const QString ledger = m_dir.filePath(QStringLiteral("profiles.sqlite"));
        Run r = cli({QStringLiteral("--profile"), QStringLiteral("nosuch"),
                     QStringLiteral("submit"), writeFile(2, QStringLiteral("x"))},
                    ledger);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("staging"), r.err.constData());
        // The profile's base URL is the sim's: no --base-url needed.
        r = cli({QStringLiteral("--profile"), QStringLiteral("staging"), QStringLiteral("submit"),
                 writeFile(2, QStringLiteral("s"))},
                ledger);
        QVERIFY2(r.code == 0, QByteArray(r.err + r.out).constData());
        r = cli({QStringLiteral("--base-url"), m_sim.baseUrl().toString(), QStringLiteral("submit"),
                 writeFile(3, QStringLiteral("d"))},
                ledger);
        QVERIFY2(r.code == 0, QByteArray(r.err + r.out).constData());

        Ledger l;
        QVERIFY2(l.open(ledger), qPrintable(l.lastError()));
        BatchStore batches(l);
        QCOMPARE(batches.profiles(),
                 (QStringList{QStringLiteral("default"), QStringLiteral("staging")}));
        const auto staging = batches.byProfile(QStringLiteral("staging"));
        QCOMPARE(staging.size(), 1);
        QCOMPARE(staging[0].batch.requestCounts.total(), qint64(2));
        QCOMPARE(staging[0].local.profile, QStringLiteral("staging"));
        const auto def = batches.byProfile(QStringLiteral("default"));
        QCOMPARE(def.size(), 1);
        QCOMPARE(def[0].batch.requestCounts.total(), qint64(3));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestCliProfile test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_cliprofile.moc"
