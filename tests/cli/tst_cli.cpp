// batchscope-cli as a user runs it: a real process against a real batchscope-sim, a real SQLite
// ledger and (under ./dev test) a real Secret Service. Checks exit codes, --json keys, that
// nothing is sent for a bad file, that cost totals equal the ledger's, and that a key never
// leaks into output, the ledger or HOME.
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/retryqueue.h"
#include "simclient.h"
#include "simprocess.h"
#include "testenv.h"
#include "testskip.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <vector>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

const QString kKey = QStringLiteral("sk-ant-"
                                    "api03-FAKE-cli-test-0123456789abcdefABCDEF_xyz");

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SimProcess m_sim;
    QByteArray m_allOutput;

    QString ledgerPath() const { return m_dir.filePath(QStringLiteral("ledger.sqlite")); }

    Run cli(const QStringList& args, bool withKey = true, const QByteArray& stdinData = {},
            const QString& baseUrl = QString()) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ANTHROPIC_API_KEY"));
        env.remove(QStringLiteral("ANTHROPIC_BASE_URL"));
        if (withKey)
            env.insert(QStringLiteral("ANTHROPIC_API_KEY"), kKey);
        p.setProcessEnvironment(env);
        QStringList all{QStringLiteral("--base-url"),
                        baseUrl.isEmpty() ? m_sim.baseUrl().toString() : baseUrl,
                        QStringLiteral("--ledger"), ledgerPath()};
        all << args;
        p.start(QStringLiteral(BS_CLI_PATH), all);
        p.waitForStarted();
        if (!stdinData.isNull())
            p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        m_allOutput += r.out + r.err;
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

    static QByteArray line(const QString& id, const QJsonObject& params) {
        return QJsonDocument(QJsonObject{{QStringLiteral("custom_id"), id},
                                         {QStringLiteral("params"), params}})
            .toJson(QJsonDocument::Compact);
    }

    struct TtyRun {
        int code = -1;
        QByteArray screen; // everything the terminal showed
        bool promptSeen = false;
        bool echoAfter = false;
    };

    // Runs the CLI on a new pseudo-terminal (its stdin, stdout and stderr), types `input` once
    // the prompt has shown (or after a while, if it never does), and reads the screen to the end.
    TtyRun cliOnTerminal(const std::vector<const char*>& args, const QByteArray& input) {
        TtyRun run;
        const QByteArray url = m_sim.baseUrl().toString().toUtf8();
        const QByteArray ledger = ledgerPath().toUtf8();
        std::vector<const char*> argv{"batchscope-cli", "--base-url", url.constData(), "--ledger",
                                      ledger.constData()};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.push_back(nullptr);
        // The environment without ANTHROPIC_API_KEY, made before the fork.
        QList<QByteArray> envText;
        for (const QString& e : QProcessEnvironment::systemEnvironment().toStringList()) {
            if (!e.startsWith(QLatin1String("ANTHROPIC_API_KEY=")))
                envText.append(e.toLocal8Bit());
        }
        std::vector<const char*> envp;
        for (const QByteArray& e : std::as_const(envText))
            envp.push_back(e.constData());
        envp.push_back(nullptr);
        int master = -1;
        const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
        if (pid < 0)
            return run;
        if (pid == 0) {
            execve(BS_CLI_PATH, const_cast<char* const*>(argv.data()),
                   const_cast<char* const*>(envp.data()));
            _exit(127);
        }
        auto readSome = [&](int timeoutMs) {
            pollfd p{master, POLLIN, 0};
            if (poll(&p, 1, timeoutMs) <= 0)
                return false;
            char buf[4096];
            const ssize_t n = read(master, buf, sizeof buf);
            if (n <= 0)
                return false; // EIO: the child closed the terminal
            run.screen.append(buf, n);
            return true;
        };
        // Wait for the prompt (a program that echoes shows none: type after 10 s anyway).
        QDeadlineTimer promptDeadline(10000);
        while (!run.screen.contains("API key") && !promptDeadline.hasExpired())
            readSome(100);
        run.promptSeen = run.screen.contains("API key");
        if (write(master, input.constData(), size_t(input.size())) != input.size())
            return run;
        while (readSome(30000)) {
        }
        int status = 0;
        waitpid(pid, &status, 0);
        run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -2;
        termios after{};
        run.echoAfter = tcgetattr(master, &after) == 0 && (after.c_lflag & ECHO);
        close(master);
        return run;
    }

    bool keyringAvailable() const { return qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start({QStringLiteral("--api-key"), kKey, QStringLiteral("--speed"),
                              QStringLiteral("0"), QStringLiteral("--seed"), QStringLiteral("5"),
                              QStringLiteral("--error-rate"), QStringLiteral("0.4"),
                              QStringLiteral("--quiet")}),
                 qPrintable(m_sim.errorString()));
    }

    void helpDocumentsExitCodes() {
        const Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char* s : {"0  ok", "1  usage", "2  input file invalid", "3  API", "4  API key",
                              "5  ledger", "6  partial", "7  over budget"})
            QVERIFY2(r.out.contains(s), s);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 1);
        QCOMPARE(
            cli({QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("color")}).code, 1);
    }

    void badInputFileSendsNothing() {
        const QString path = writeFile(
            QStringLiteral("bad.jsonl"),
            {line(QStringLiteral("ok-1"), SimClient::params(QStringLiteral("hi"), 16)),
             QByteArray("{\"custom_id\": \"broken\", "),
             line(QStringLiteral("no-max"),
                  QJsonObject{
                      {QStringLiteral("model"), QStringLiteral("claude-haiku-5-5")},
                      {QStringLiteral("messages"),
                       SimClient::params(QStringLiteral("x")).value(QLatin1String("messages"))}}),
             line(QStringLiteral("ok-1"), SimClient::params(QStringLiteral("dup"), 16)),
             line(QStringLiteral("bad id!"), SimClient::params(QStringLiteral("x"), 16))});
        const Run r = cli({QStringLiteral("submit"), path});
        QCOMPARE(r.code, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(path + QStringLiteral(":2:")), qPrintable(err));
        QVERIFY2(err.contains(path + QStringLiteral(":3:params.max_tokens: error: Missing")),
                 qPrintable(err));
        QVERIFY2(err.contains(path + QStringLiteral(":4:custom_id:")) &&
                     err.contains(QLatin1String("line 1")),
                 qPrintable(err));
        QVERIFY2(err.contains(path + QStringLiteral(":5:custom_id:")), qPrintable(err));
        QVERIFY(err.contains(QLatin1String("nothing was sent")));
        // Nothing sent, ledger unchanged (not even created).
        SimClient sc(m_sim.baseUrl(), kKey);
        QCOMPARE(sc.get(QStringLiteral("/v1/messages/batches")).json()[u"data"].toArray().size(),
                 0);
        QVERIFY(!QFile::exists(ledgerPath()));
        // --json: a stable error object.
        const Run j = cli({QStringLiteral("--json"), QStringLiteral("submit"), path});
        QCOMPARE(j.code, 2);
        QCOMPARE(j.json()[u"ok"].toBool(), false);
        QCOMPARE(j.json()[u"exit_code"].toInt(), 2);
        QVERIFY(j.json()[u"error"].toString().contains(QLatin1String(":3:params.max_tokens")));
    }

    void missingKeyIsExplained() {
        if (keyringAvailable())
            QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("clear")}, false).code, 0);
        const Run r = cli({QStringLiteral("status")}, false);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("key set") && r.err.contains("ANTHROPIC_API_KEY"),
                 r.err.constData());
        // A refused key is exit 4 too.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("wrong-key"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BS_CLI_PATH),
                {QStringLiteral("--base-url"), m_sim.baseUrl().toString(),
                 QStringLiteral("--ledger"), ledgerPath(), QStringLiteral("status")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 4);
    }

    void submitWaitResultsStatusCostRetry() {
        QList<QByteArray> lines;
        for (int i = 0; i < 12; ++i)
            lines.append(line(QStringLiteral("q-%1").arg(i),
                              SimClient::params(QStringLiteral("question number %1").arg(i), 64)));
        // Valid for the file check, refused by the API later (unknown model).
        lines.append(
            line(QStringLiteral("q-bad"),
                 SimClient::params(QStringLiteral("x"), 16, QStringLiteral("claude-nope-1"))));
        const QString path = writeFile(QStringLiteral("good.jsonl"), lines);

        const Run s =
            cli({QStringLiteral("--json"), QStringLiteral("submit"), path, QStringLiteral("--wait"),
                 QStringLiteral("--accept-warnings")}); // the unpriced model is a warning
        QVERIFY2(s.code == 6, s.err.constData());       // partial: some items errored
        const QJsonObject sj = s.json();
        QCOMPARE(sj[u"ok"].toBool(), true);
        QCOMPARE(sj[u"requests"].toInt(), 13);
        QCOMPARE(sj[u"partial"].toBool(), true);
        const QJsonArray batches = sj[u"batches"].toArray();
        QCOMPARE(batches.size(), 1);
        const QJsonObject b = batches.first().toObject();
        const QString id = b[u"id"].toString();
        QCOMPARE(b[u"processing_status"].toString(), QStringLiteral("ended"));
        for (const char* k :
             {"request_counts", "created_at", "expires_at", "ended_at", "cancel_initiated_at",
              "discovered", "retry_of", "source_file", "results_ingested"})
            QVERIFY2(b.contains(QLatin1String(k)), k);
        QCOMPARE(b[u"results_ingested"].toBool(), true);
        const QJsonObject res = sj[u"results"].toArray().first().toObject();
        QCOMPARE(res[u"batch_id"].toString(), id);
        QCOMPARE(res[u"succeeded"].toInt() + res[u"errored"].toInt(), 13);
        QVERIFY(res[u"errored"].toInt() >= 1);

        // results again: idempotent, nothing new inserted.
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("results"), id});
        QCOMPARE(r.code, 6);
        QCOMPARE(r.json()[u"rows_inserted"].toInt(), 0);
        // Money is exact: an integer of micro-dollars and a decimal string, never a double.
        for (const QByteArray& text : {s.out, r.out}) {
            const QString t = QString::fromUtf8(text);
            QVERIFY2(t.contains(QRegularExpression(QStringLiteral("\"cost_micros\":\\d+[,}]"))),
                     text.constData());
            QVERIFY2(t.contains(
                         QRegularExpression(QStringLiteral("\"cost_usd\":\"\\d+\\.\\d{6}\"[,}]"))),
                     text.constData());
        }
        QCOMPARE(r.json()[u"cost_usd"].toString(),
                 QStringLiteral("%1.%2")
                     .arg(r.json()[u"cost_micros"].toInteger() / 1000000)
                     .arg(r.json()[u"cost_micros"].toInteger() % 1000000, 6, 10, QLatin1Char('0')));
        QCOMPARE(r.json()[u"succeeded"].toInt(), res[u"succeeded"].toInt());

        // export: the CSV has one row per item and its cost column adds up, exactly, to the
        // results' cost; JSONL (stdout) one line per item in the results file's shape.
        const QString csvPath = m_dir.filePath(QStringLiteral("export.csv"));
        const Run e = cli({QStringLiteral("--json"), QStringLiteral("export"), id,
                           QStringLiteral("--csv"), QStringLiteral("-o"), csvPath});
        QVERIFY2(e.code == 0, e.err.constData());
        QCOMPARE(e.json()[u"rows"].toInt(), 13);
        QCOMPARE(e.json()[u"cost_usd"].toString(), r.json()[u"cost_usd"].toString());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> csvLines = csv.readAll().split('\n');
        QCOMPARE(csvLines.first(), QByteArray("batch_id,custom_id,type,model,input_tokens,"
                                              "output_tokens,cache_write_tokens,cache_read_tokens,"
                                              "cost_usd,error_type,error_message\r"));
        qint64 csvMicros = 0;
        int csvRows = 0;
        for (qsizetype i = 1; i < csvLines.size(); ++i) {
            if (csvLines.at(i).isEmpty())
                continue;
            ++csvRows;
            const QList<QByteArray> f = csvLines.at(i).split(',');
            QCOMPARE(f.at(0), id.toUtf8());
            const QByteArray cost = f.at(8);
            QVERIFY2(cost.isEmpty() || QRegularExpression(QStringLiteral("^\\d+\\.\\d{6}$"))
                                           .match(QString::fromLatin1(cost))
                                           .hasMatch(),
                     cost.constData());
            if (!cost.isEmpty())
                csvMicros += cost.left(cost.indexOf('.')).toLongLong() * 1000000 +
                             cost.mid(cost.indexOf('.') + 1).toLongLong();
        }
        QCOMPARE(csvRows, 13);
        QCOMPARE(csvMicros, r.json()[u"cost_micros"].toInteger());
        const Run j = cli({QStringLiteral("export"), id});
        QVERIFY2(j.code == 0, j.err.constData());
        const QList<QByteArray> jsonLines = j.out.trimmed().split('\n');
        QCOMPARE(jsonLines.size(), 13);
        for (const QByteArray& l : jsonLines) {
            const QJsonObject o = QJsonDocument::fromJson(l).object();
            QVERIFY2(o[u"custom_id"].toString().startsWith(u"q-"), l.constData());
            const QString type = o[u"result"].toObject()[u"type"].toString();
            QVERIFY2(type == u"succeeded" || type == u"errored", l.constData());
        }
        const Run unknown = cli({QStringLiteral("export"), QStringLiteral("msgbatch_nope")});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains("not in the ledger"), unknown.err.constData());
        for (const char* k : {"batch_id", "complete", "succeeded", "errored", "canceled", "expired",
                              "unpriced", "cost_micros", "cost_usd", "rows_inserted",
                              "retries_enqueued", "missing", "malformed", "partial"})
            QVERIFY2(r.json().contains(QLatin1String(k)), k);

        // status: all, and one.
        const Run st = cli({QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(st.code, 0);
        QCOMPARE(st.json()[u"batches"].toArray().size(), 1);
        const Run st1 = cli({QStringLiteral("--json"), QStringLiteral("status"), id});
        QCOMPARE(st1.code, 0);
        QCOMPARE(st1.json()[u"batches"].toArray().first().toObject()[u"id"].toString(), id);
        QVERIFY(cli({QStringLiteral("status"), id}).out.contains(id.toUtf8()));

        // cost: totals equal the ledger's, groups add up.
        Ledger ledger;
        QVERIFY(ledger.open(ledgerPath()));
        const CostTotals total = CostQueries(ledger).total();
        QVERIFY(total.micros > 0);
        for (const QString& by :
             {QStringLiteral("model"), QStringLiteral("day"), QStringLiteral("batch")}) {
            const Run c =
                cli({QStringLiteral("--json"), QStringLiteral("cost"), QStringLiteral("--by"), by},
                    false);
            QCOMPARE(c.code, 0);
            const QJsonObject cj = c.json();
            QCOMPARE(cj[u"by"].toString(), by);
            QCOMPARE(cj[u"total"].toObject()[u"cost_micros"].toInteger(), total.micros);
            QVERIFY2(c.out.contains(QByteArray(QByteArray("\"cost_micros\":") +
                                               QByteArray::number(total.micros) + ',')),
                     c.out.constData());
            QCOMPARE(cj[u"total"].toObject()[u"results"].toInt(), int(total.results));
            qint64 sum = 0;
            for (const QJsonValue& g : cj[u"groups"].toArray()) {
                // Only errored/canceled/expired rows have no model (and cost nothing).
                if (g.toObject()[u"key"].toString().isEmpty()) {
                    QCOMPARE(by, QStringLiteral("model"));
                    QCOMPARE(g.toObject()[u"succeeded"].toInt(), 0);
                }
                sum += g.toObject()[u"cost_micros"].toInteger();
            }
            QCOMPARE(sum, total.micros);
            const auto groups = CostQueries(ledger).groupedBy(
                by == QLatin1String("model") ? CostQueries::Grouping::Model
                : by == QLatin1String("day") ? CostQueries::Grouping::Day
                                             : CostQueries::Grouping::Batch);
            QCOMPARE(cj[u"groups"].toArray().size(), groups.size());
        }
        const Run since = cli({QStringLiteral("--json"), QStringLiteral("cost"),
                               QStringLiteral("--since"), QStringLiteral("2999-01-01")},
                              false);
        QCOMPARE(since.code, 0);
        QCOMPARE(since.json()[u"total"].toObject()[u"results"].toInt(), 0);

        // retry: the fix_required item (unknown model) on purpose, then transient ones.
        const Run rt = cli({QStringLiteral("--json"), QStringLiteral("retry"), id,
                            QStringLiteral("--class"), QStringLiteral("fix_required")});
        QVERIFY2(rt.code == 0, rt.err.constData());
        QCOMPARE(rt.json()[u"custom_ids"].toArray(), QJsonArray{QStringLiteral("q-bad")});
        QCOMPARE(rt.json()[u"retry_of"].toString(), id);
        const QJsonObject nb = rt.json()[u"batches"].toArray().first().toObject();
        QCOMPARE(nb[u"retry_of"].toString(), id);
        QVERIFY(nb[u"id"].toString() != id);
        // Nothing left of that class: refused with exit 1 and a message.
        const Run again = cli({QStringLiteral("retry"), id, QStringLiteral("--class"),
                               QStringLiteral("fix_required")});
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains("nothing"));
        const Run badClass = cli(
            {QStringLiteral("retry"), id, QStringLiteral("--class"), QStringLiteral("sometimes")});
        QCOMPARE(badClass.code, 1);
        ledger.close();
        QVERIFY(ledger.open(ledgerPath()));
        const auto transient = RetryQueue(ledger).items(RetryClass::Transient);
        if (!transient.isEmpty()) {
            const Run tr = cli({QStringLiteral("--json"), QStringLiteral("retry"), id});
            QVERIFY2(tr.code == 0, tr.err.constData());
            QCOMPARE(tr.json()[u"custom_ids"].toArray().size(), transient.size());
        }
    }

    void splitsAndCancels() {
        SimProcess slow;
        QVERIFY(slow.start({QStringLiteral("--api-key"), kKey, QStringLiteral("--speed"),
                            QStringLiteral("1"), QStringLiteral("--quiet")}));
        QList<QByteArray> lines;
        for (int i = 0; i < 10; ++i)
            lines.append(
                line(QStringLiteral("s-%1").arg(i), SimClient::params(QStringLiteral("x"), 16)));
        const QString path = writeFile(QStringLiteral("split.jsonl"), lines);
        const Run s = cli({QStringLiteral("--json"), QStringLiteral("--split-at"),
                           QStringLiteral("4"), QStringLiteral("submit"), path},
                          true, {}, slow.baseUrl().toString());
        QVERIFY2(s.code == 0, s.err.constData());
        const QJsonArray batches = s.json()[u"batches"].toArray();
        QCOMPARE(batches.size(), 3);
        QCOMPARE(batches.at(0).toObject()[u"request_counts"].toObject()[u"processing"].toInt(), 4);
        QCOMPARE(batches.at(2).toObject()[u"request_counts"].toObject()[u"processing"].toInt(), 2);
        const QString id = batches.at(0).toObject()[u"id"].toString();
        const Run c = cli({QStringLiteral("--json"), QStringLiteral("cancel"), id}, true, {},
                          slow.baseUrl().toString());
        QVERIFY2(c.code == 0, c.err.constData());
        QCOMPARE(c.json()[u"batches"].toArray().first().toObject()[u"processing_status"].toString(),
                 QStringLiteral("canceling"));
        // Cancel of an unknown batch: API error, exit 3.
        const Run u =
            cli({QStringLiteral("cancel"), QStringLiteral("msgbatch_0000000000000000000000nope")},
                true, {}, slow.baseUrl().toString());
        QCOMPARE(u.code, 3);
    }

    void discoveredBatchNeedsItsSource() {
        // A batch made by another client: status discovers it, retry refuses it until its
        // source file is attached.
        SimClient other(m_sim.baseUrl(), kKey);
        const QList<QByteArray> lines{
            line(QStringLiteral("o-1"),
                 SimClient::params(QStringLiteral("x"), 8, QStringLiteral("claude-nope-1")))};
        const auto reply =
            other.create(QJsonArray{QJsonDocument::fromJson(lines.first()).object()});
        QCOMPARE(reply.status, 200);
        const QString id = reply.json()[u"id"].toString();
        QCOMPARE(cli({QStringLiteral("status")}).code, 0);
        QCOMPARE(cli({QStringLiteral("results"), id}).code, 6); // its item errored
        const Run refused = cli({QStringLiteral("retry"), id, QStringLiteral("--class"),
                                 QStringLiteral("fix_required")});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains("--source"), refused.err.constData());
        const QString wrong =
            writeFile(QStringLiteral("wrong-source.jsonl"),
                      {line(QStringLiteral("zz"), SimClient::params(QStringLiteral("x"), 8))});
        QCOMPARE(cli({QStringLiteral("retry"), id, QStringLiteral("--class"),
                      QStringLiteral("fix_required"), QStringLiteral("--source"), wrong})
                     .code,
                 2);
        const QString source = writeFile(QStringLiteral("source.jsonl"), lines);
        const Run ok =
            cli({QStringLiteral("--json"), QStringLiteral("retry"), id, QStringLiteral("--class"),
                 QStringLiteral("fix_required"), QStringLiteral("--source"), source});
        QVERIFY2(ok.code == 0, ok.err.constData());
        QCOMPARE(ok.json()[u"custom_ids"].toArray(), QJsonArray{QStringLiteral("o-1")});
    }

    void keySetAndClearThroughTheKeychain() {
        if (!keyringAvailable())
            BS_SKIP_OR_FAIL("no D-Bus session with a Secret Service (./dev test provides one)");
        const Run set =
            cli({QStringLiteral("key"), QStringLiteral("set")}, false, kKey.toUtf8() + '\n');
        QVERIFY2(set.code == 0, set.err.constData());
        const Run st = cli({QStringLiteral("--json"), QStringLiteral("status")}, false);
        QVERIFY2(st.code == 0, st.err.constData()); // the key from the keychain works
        QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("clear")}, false).code, 0);
        QCOMPARE(cli({QStringLiteral("status")}, false).code, 4);
        const Run empty =
            cli({QStringLiteral("key"), QStringLiteral("set")}, false, QByteArray(""));
        QCOMPARE(empty.code, 1);
    }

    // `key set` typed at a terminal (a real pseudo-terminal): the prompt shows, the key does not
    // come back in what the terminal prints, echo is on again afterwards, also after an error.
    void keySetHidesTheKeyOnATerminal() {
        if (!keyringAvailable())
            BS_SKIP_OR_FAIL("no D-Bus session with a Secret Service (./dev test provides one)");
        const QByteArray typed = kKey.toUtf8(); // the simulator's key, so it can be checked

        const TtyRun set = cliOnTerminal({"key", "set"}, typed + '\n');
        QVERIFY2(!set.screen.contains(typed), "the terminal showed the key");
        QVERIFY2(!set.screen.contains("FAKE-cli-test"), "the terminal showed part of the key");
        QVERIFY2(set.promptSeen, set.screen.constData());
        QCOMPARE(set.code, 0);
        QVERIFY2(set.screen.contains("stored in the keychain"), set.screen.constData());
        QVERIFY(set.echoAfter);
        // The key typed is the key stored: status works with it (ANTHROPIC_API_KEY unset).
        const Run st = cli({QStringLiteral("status")}, false);
        QVERIFY2(st.code == 0, st.err.constData());
        QCOMPARE(cli({QStringLiteral("key"), QStringLiteral("clear")}, false).code, 0);
        // An empty line: refused, and the terminal echoes again all the same.
        const TtyRun empty = cliOnTerminal({"key", "set"}, "\n");
        QCOMPARE(empty.code, 1);
        QVERIFY(empty.echoAfter);
        m_allOutput += set.screen + empty.screen;
    }

    void keyNeverLeaks() {
        // Self-contained: the commands that handle the key run here too, so there is output,
        // a ledger and a HOME to search even when this slot runs alone or first.
        const QString path = writeFile(
            QStringLiteral("leak.jsonl"),
            {line(QStringLiteral("leak-1"), SimClient::params(QStringLiteral("hi"), 16))});
        const Run submitted = cli(
            {QStringLiteral("--json"), QStringLiteral("submit"), path, QStringLiteral("--wait")});
        QVERIFY2(submitted.code == 0 || submitted.code == 6, submitted.err.constData());
        QCOMPARE(cli({QStringLiteral("status")}).code, 0);
        QCOMPARE(cli({QStringLiteral("cost")}).code, 0);
        QVERIFY(!m_allOutput.isEmpty());
        QVERIFY(!m_allOutput.contains(kKey.toUtf8()));
        QVERIFY(!m_allOutput.contains("sk-ant-api03-FAKE"));
        // Neither the ledger (and its WAL) nor anything under HOME holds it.
        const QStringList roots{m_dir.path(), bs::test::TestEnv::root()};
        int files = 0;
        for (const QString& root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString f = it.next();
                QFile file(f);
                if (!file.open(QIODevice::ReadOnly))
                    continue;
                ++files;
                QVERIFY2(!file.readAll().contains("sk-ant-api03-FAKE"), qPrintable(f));
            }
        }
        QVERIFY(files > 0);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestCli t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_cli.moc"
