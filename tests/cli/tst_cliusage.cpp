// batchscope-cli's command line as a user meets it: one parser per command (--help per
// command, unknown options and missing values reported as by every Qt tool, exit 1), global
// options before or after the command, and `validate` / a bad `submit` that need no key.
#include "simclient.h"
#include "simprocess.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

const QStringList kCommands{
    QStringLiteral("validate"), QStringLiteral("submit"),  QStringLiteral("status"),
    QStringLiteral("results"),  QStringLiteral("retry"),   QStringLiteral("cancel"),
    QStringLiteral("cost"),     QStringLiteral("reprice"), QStringLiteral("key")};

} // namespace

class TestCliUsage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString ledgerPath() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }

    // Never a key: nothing here may need one.
    Run cli(const QStringList& args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ANTHROPIC_API_KEY"));
        // An address nothing listens on: a command that tried the network would fail with 3.
        env.insert(QStringLiteral("ANTHROPIC_BASE_URL"), QStringLiteral("http://127.0.0.1:9"));
        // No keychain either (no D-Bus session): a key lookup fails with 4.
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BS_CLI_PATH), args);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString writeFile(const QString& name, const QList<QByteArray>& lines) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (const QByteArray& l : lines)
            f.write(l + '\n');
        return path;
    }

    static QByteArray line(const QString& id, int maxTokens = 16) {
        return QJsonDocument(QJsonObject{{QStringLiteral("custom_id"), id},
                                         {QStringLiteral("params"),
                                          SimClient::params(QStringLiteral("hi"), maxTokens)}})
            .toJson(QJsonDocument::Compact);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void mainHelpListsEveryCommand() {
        const Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("Usage: batchscope-cli [options] COMMAND"), r.out.constData());
        for (const QString& c : kCommands)
            QVERIFY2(r.out.contains(QByteArray("\n  " + c.toUtf8() + ' ')), qPrintable(c));
        QVERIFY(r.out.contains("--base-url") && r.out.contains("--ledger") &&
                r.out.contains("--json"));
        const Run v = cli({QStringLiteral("--version")});
        QCOMPARE(v.code, 0);
        QVERIFY(v.out.startsWith("batchscope-cli "));
    }

    void helpPerCommand_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("validate") << QStringLiteral("validate") << QByteArray("FILE");
        QTest::newRow("submit") << QStringLiteral("submit") << QByteArray("--wait");
        QTest::newRow("status") << QStringLiteral("status") << QByteArray("[BATCH]");
        QTest::newRow("results") << QStringLiteral("results") << QByteArray("BATCH");
        QTest::newRow("retry") << QStringLiteral("retry") << QByteArray("--source");
        QTest::newRow("cancel") << QStringLiteral("cancel") << QByteArray("BATCH");
        QTest::newRow("cost") << QStringLiteral("cost") << QByteArray("--by");
        QTest::newRow("reprice") << QStringLiteral("reprice") << QByteArray("--since");
        QTest::newRow("key") << QStringLiteral("key") << QByteArray("set|clear");
    }

    void helpPerCommand() {
        QFETCH(QString, command);
        QFETCH(QByteArray, mentions);
        for (const QString& help : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run r = cli({command, help});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.startsWith(
                         QByteArray("Usage: batchscope-cli " + command.toUtf8() + " [options]")),
                     r.out.constData());
            QVERIFY2(r.out.contains(mentions), r.out.constData());
            // Global options work after the command too, so its help shows them.
            QVERIFY2(r.out.contains("--ledger"), r.out.constData());
            QVERIFY(r.err.isEmpty());
        }
        QVERIFY(!kCommands.isEmpty());
    }

    void unknownOptionAndMissingValue() {
        const Run unknown = cli({QStringLiteral("cost"), QStringLiteral("--colour")});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains("Unknown option 'colour'") &&
                     unknown.err.contains("batchscope-cli cost --help"),
                 unknown.err.constData());
        const Run missing =
            cli({QStringLiteral("--json"), QStringLiteral("cost"), QStringLiteral("--since")});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("Missing value after '--since'"), missing.err.constData());
        QCOMPARE(missing.json()[u"ok"].toBool(), false);
        QCOMPARE(missing.json()[u"exit_code"].toInt(), 1);
        QCOMPARE(cli({QStringLiteral("--ledger")}).code, 1); // a global one too
        QCOMPARE(cli({QStringLiteral("--frobnicate"), QStringLiteral("cost")}).code, 1);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 1);
        QCOMPARE(cli({}).code, 1);
        QCOMPARE(cli({QStringLiteral("submit")}).code, 1); // FILE missing
        QCOMPARE(cli({QStringLiteral("cost"), QStringLiteral("extra")}).code, 1);
        QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("show")}).code, 1);
        QCOMPARE(cli({QStringLiteral("validate"), QStringLiteral("x.jsonl"),
                      QStringLiteral("--split-at"), QStringLiteral("0")})
                     .code,
                 1);
    }

    void globalOptionsBeforeOrAfterTheCommand() {
        const QString before = m_dir.filePath(QStringLiteral("before.sqlite"));
        const QString after = m_dir.filePath(QStringLiteral("after.sqlite"));
        const Run b = cli(
            {QStringLiteral("--ledger"), before, QStringLiteral("--json"), QStringLiteral("cost")});
        QCOMPARE(b.code, 0);
        QCOMPARE(b.json()[u"ok"].toBool(), true);
        QVERIFY(QFile::exists(before));
        const Run a = cli(
            {QStringLiteral("cost"), QStringLiteral("--json"), QStringLiteral("--ledger"), after});
        QCOMPARE(a.code, 0);
        QCOMPARE(a.json()[u"ok"].toBool(), true);
        QVERIFY(QFile::exists(after));
        // Exact money in cost's JSON: an integer and a decimal string.
        QVERIFY2(a.out.contains("\"cost_micros\":0,") &&
                     a.out.contains("\"cost_usd\":\"0.000000\""),
                 a.out.constData());
    }

    // validate: no key, no network, no ledger; every problem with its line.
    void validateNeedsNoKey() {
        const QString good = writeFile(
            QStringLiteral("good.jsonl"),
            {line(QStringLiteral("a")), line(QStringLiteral("b")), line(QStringLiteral("c"))});
        const Run ok = cli({QStringLiteral("--json"), QStringLiteral("validate"), good,
                            QStringLiteral("--split-at"), QStringLiteral("2")});
        QVERIFY2(ok.code == 0, ok.err.constData());
        QCOMPARE(ok.json()[u"valid"].toBool(), true);
        QCOMPARE(ok.json()[u"requests"].toInteger(), 3);
        QCOMPARE(ok.json()[u"batches"].toArray().size(), 2);
        // The estimate per model: exact micro-dollars, an integer in the JSON text.
        const QJsonObject haiku = ok.json()[u"estimate"].toObject()[u"claude-haiku-5-5"].toObject();
        QCOMPARE(haiku[u"requests"].toInteger(), 3);
        QCOMPARE(haiku[u"max_output_tokens"].toInteger(), 48);
        QVERIFY(haiku[u"input_tokens"].toInteger() > 0);
        QVERIFY2(ok.out.contains("\"worst_case_micros\":"), ok.out.constData());
        const Run human = cli({QStringLiteral("validate"), good});
        QCOMPARE(human.code, 0);
        QVERIFY2(human.out.contains("is valid: 3 requests"), human.out.constData());

        const QString bad = writeFile(QStringLiteral("bad.jsonl"),
                                      {line(QStringLiteral("a")), QByteArray("{oops"),
                                       line(QStringLiteral("a")), line(QStringLiteral("z"), 0)});
        const Run r = cli({QStringLiteral("validate"), bad});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QByteArray(bad.toUtf8() + ":2:2: error: Not valid JSON")),
                 r.err.constData());
        QVERIFY2(r.err.contains(QByteArray(bad.toUtf8() + ":3:custom_id:")), r.err.constData());
        QVERIFY2(r.err.contains(QByteArray(bad.toUtf8() + ":4:params.max_tokens:")),
                 r.err.constData());
        const Run j = cli({QStringLiteral("--json"), QStringLiteral("validate"), bad});
        QCOMPARE(j.code, 2);
        const QJsonObject jo = j.json();
        QCOMPARE(jo[u"ok"].toBool(), false);
        QCOMPARE(jo[u"exit_code"].toInt(), 2);
        QCOMPARE(jo[u"valid"].toBool(), false);
        QCOMPARE(jo[u"problem_count"].toInteger(), 3);
        const QJsonArray problems = jo[u"problems"].toArray();
        QCOMPARE(problems.size(), 3);
        QCOMPARE(problems.at(0)[u"line"].toInteger(), 2);
        QCOMPARE(problems.at(0)[u"column"].toInteger(), 2);
        QCOMPARE(problems.at(0)[u"severity"].toString(), QStringLiteral("error"));
        QCOMPARE(problems.at(1)[u"field"].toString(), QStringLiteral("custom_id"));
        QCOMPARE(problems.at(2)[u"field"].toString(), QStringLiteral("params.max_tokens"));
        // No ledger was created.
        QVERIFY(!QFile::exists(ledgerPath()));
    }

    // submit of a bad file: the validation message, exit 2, without any key (none in the
    // environment, no keychain) and nothing stored.
    void badSubmitNeedsNoKey() {
        const QString bad = writeFile(QStringLiteral("bad-submit.jsonl"),
                                      {line(QStringLiteral("a")), QByteArray("[]")});
        const Run r =
            cli({QStringLiteral("--ledger"), ledgerPath(), QStringLiteral("submit"), bad});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QByteArray(bad.toUtf8() + ":2:")) &&
                     r.err.contains("nothing was sent"),
                 r.err.constData());
        QVERIFY2(!r.err.contains("API key"), r.err.constData());
        QVERIFY(!QFile::exists(ledgerPath()));
        // The same valid file does need the key: it is read when something is to be sent.
        const QString good =
            writeFile(QStringLiteral("good-submit.jsonl"), {line(QStringLiteral("a"))});
        const Run k =
            cli({QStringLiteral("--ledger"), ledgerPath(), QStringLiteral("submit"), good});
        QCOMPARE(k.code, 4);
        QVERIFY2(k.err.contains("ANTHROPIC_API_KEY"), k.err.constData());
    }

    // Warnings stop submit until they are accepted; validate reports them and exits 0.
    void warningsNeedAcceptance() {
        const QByteArray unknown =
            QJsonDocument(QJsonObject{{QStringLiteral("custom_id"), QStringLiteral("w1")},
                                      {QStringLiteral("params"),
                                       SimClient::params(QStringLiteral("hi"), 16,
                                                         QStringLiteral("claude-imaginary-9"))}})
                .toJson(QJsonDocument::Compact);
        const QString file = writeFile(QStringLiteral("warn.jsonl"), {unknown});
        const Run v = cli({QStringLiteral("--json"), QStringLiteral("validate"), file});
        QCOMPARE(v.code, 0);
        QCOMPARE(v.json()[u"warning_count"].toInteger(), 1);
        QCOMPARE(v.json()[u"problems"].toArray().first()[u"severity"].toString(),
                 QStringLiteral("warning"));
        QVERIFY(
            v.json()[u"estimate"].toObject()[u"claude-imaginary-9"][u"worst_case_micros"].isNull());
        const Run stopped =
            cli({QStringLiteral("--ledger"), ledgerPath(), QStringLiteral("submit"), file});
        QCOMPARE(stopped.code, 2);
        QVERIFY2(stopped.err.contains("warning: ") && stopped.err.contains("--accept-warnings"),
                 stopped.err.constData());
        QVERIFY2(!stopped.err.contains("ANTHROPIC_API_KEY"), stopped.err.constData());
        // Accepted: it goes on to the key (none here: exit 4), the warning still printed.
        const Run accepted =
            cli({QStringLiteral("--ledger"), ledgerPath(), QStringLiteral("submit"), file,
                 QStringLiteral("--accept-warnings")});
        QCOMPARE(accepted.code, 4);
        QVERIFY2(accepted.err.contains("unpriced"), accepted.err.constData());
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestCliUsage t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_cliusage.moc"
