// The budget gate as a user meets it: `budget set|list|clear`, a submit blocked with its figures
// (exit 7) and nothing sent, an override recorded, a reservation in flight that gives way to the
// actual cost once the results are in, validate's expected cost from history, and two
// batchscope-cli processes submitting at once against a budget that fits only one of them.
#include "ledger/budgetstore.h"
#include "ledger/ledger.h"
#include "simclient.h"
#include "simprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

const QString kKey = QStringLiteral("test-key-budget-not-a-real-secret");

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestCliBudget : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;
    QString m_ledger;
    int m_n = 0;
    QUrl m_baseUrl; // the simulator the CLI talks to (empty: m_sim)

    std::unique_ptr<QProcess> start(const QStringList& args, const QString& ledger) {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ANTHROPIC_BASE_URL"));
        env.insert(QStringLiteral("ANTHROPIC_API_KEY"), kKey);
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(BS_CLI_PATH),
                 QStringList{QStringLiteral("--base-url"),
                             (m_baseUrl.isEmpty() ? m_sim.baseUrl() : m_baseUrl).toString(),
                             QStringLiteral("--ledger"), ledger} +
                     args);
        p->closeWriteChannel();
        return p;
    }
    static Run finish(QProcess& p) {
        p.waitForFinished(120000);
        Run r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    Run cli(const QStringList& args, const QString& ledger = QString()) {
        auto p = start(args, ledger.isEmpty() ? m_ledger : ledger);
        return finish(*p);
    }
    QString freshLedger() { return m_dir.filePath(QStringLiteral("l-%1.sqlite").arg(++m_n)); }

    // `count` haiku-5-5 requests of max_tokens 1000 with ids PREFIX-i.
    QString writeFile(int count, const QString& prefix) {
        const QString path = m_dir.filePath(prefix + QStringLiteral(".jsonl"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < count; ++i)
            f.write(QJsonDocument(QJsonObject{{QStringLiteral("custom_id"),
                                               QStringLiteral("%1-%2").arg(prefix).arg(i)},
                                              {QStringLiteral("params"),
                                               SimClient::params(
                                                   QStringLiteral("question %1").arg(i), 1000)}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
        return path;
    }
    qint64 worstCase(const QString& path) {
        const QJsonObject e = cli({QStringLiteral("--json"), QStringLiteral("validate"), path},
                                  m_dir.filePath(QStringLiteral("none.sqlite")))
                                  .json()[u"estimate"]
                                  .toObject()[u"claude-haiku-5-5"]
                                  .toObject();
        return e[u"worst_case_micros"].toInteger();
    }
    qint64 simBatchCount() {
        SimClient sc(m_sim.baseUrl(), kKey);
        return sc.get(QStringLiteral("/v1/messages/batches?limit=1000"))
            .json()[u"data"]
            .toArray()
            .size();
    }
    QJsonObject budgetLine(const QString& name, const QString& ledger = QString()) {
        const Run r = cli(
            {QStringLiteral("--json"), QStringLiteral("budget"), QStringLiteral("list")}, ledger);
        for (const QJsonValue& v : r.json()[u"budgets"].toArray())
            if (v.toObject()[u"budget"].toString() == name)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_ledger = m_dir.filePath(QStringLiteral("ledger.sqlite"));
        QVERIFY2(m_sim.start({QStringLiteral("--api-key"), kKey, QStringLiteral("--speed"),
                              QStringLiteral("0"), QStringLiteral("--quiet")}),
                 qPrintable(m_sim.errorString()));
    }

    void setListClear() {
        const QString ledger = freshLedger();
        const auto budget = [&](const QStringList& args) {
            return cli(QStringList{QStringLiteral("--json"), QStringLiteral("budget")} + args,
                       ledger);
        };
        Run r =
            budget({QStringLiteral("set"), QStringLiteral("daily"), QStringLiteral("--usd"),
                    QStringLiteral("12.50"), QStringLiteral("--period"), QStringLiteral("day")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.json()[u"limit"].toInteger(), 12'500'000);
        // An alias is stored as the model's dated id, so both spellings count the same.
        r = budget({QStringLiteral("set"), QStringLiteral("haiku"),
                    QStringLiteral("--input-tokens"), QStringLiteral("1000"),
                    QStringLiteral("--period"), QStringLiteral("month"), QStringLiteral("--model"),
                    QStringLiteral("claude-haiku-4-5")});
        QCOMPARE(r.code, 0);
        r = budget({QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        const QJsonArray list = r.json()[u"budgets"].toArray();
        QCOMPARE(list.size(), 2);
        const QJsonObject daily = list.at(0).toObject();
        QCOMPARE(daily[u"budget"].toString(), QStringLiteral("daily"));
        QCOMPARE(daily[u"kind"].toString(), QStringLiteral("usd"));
        QCOMPARE(daily[u"period"].toString(), QStringLiteral("day"));
        QCOMPARE(daily[u"limit"].toInteger(), 12'500'000);
        QCOMPARE(daily[u"spent"].toInteger(), 0);
        QCOMPARE(daily[u"in_flight"].toInteger(), 0);
        QCOMPARE(daily[u"remaining"].toInteger(), 12'500'000);
        const QJsonObject haiku = list.at(1).toObject();
        QCOMPARE(haiku[u"kind"].toString(), QStringLiteral("input_tokens"));
        QCOMPARE(haiku[u"period"].toString(), QStringLiteral("month"));
        QCOMPARE(haiku[u"model"].toString(), QStringLiteral("claude-haiku-4-5-20251001"));
        QCOMPARE(haiku[u"limit"].toInteger(), 1000);
        // Human form.
        const Run human = cli({QStringLiteral("budget"), QStringLiteral("list")}, ledger);
        QVERIFY2(human.out.contains("daily (USD per UTC day, all models): spent $0.000000, in "
                                    "flight $0.000000, remaining $12.500000 of $12.500000"),
                 human.out.constData());

        // Mistakes are usage errors (exit 1) that say what to write.
        for (const QStringList& bad :
             {QStringList{QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("--usd"),
                          QStringLiteral("1.2345678"), QStringLiteral("--period"),
                          QStringLiteral("day")},
              QStringList{QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("--usd"),
                          QStringLiteral("-3"), QStringLiteral("--period"), QStringLiteral("day")},
              QStringList{QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("--usd"),
                          QStringLiteral("3"), QStringLiteral("--input-tokens"),
                          QStringLiteral("5"), QStringLiteral("--period"), QStringLiteral("day")},
              QStringList{QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("--usd"),
                          QStringLiteral("3"), QStringLiteral("--period"), QStringLiteral("week")},
              QStringList{QStringLiteral("set"), QStringLiteral("x"), QStringLiteral("--usd"),
                          QStringLiteral("3")},
              QStringList{QStringLiteral("clear"), QStringLiteral("nope")},
              QStringList{QStringLiteral("frobnicate")}}) {
            const Run b = budget(bad);
            QVERIFY2(b.code == 1, qPrintable(bad.join(QLatin1Char(' ')) + QLatin1String(": ") +
                                             QString::fromUtf8(b.err)));
        }
        QCOMPARE(budget({QStringLiteral("clear"), QStringLiteral("daily")}).code, 0);
        QCOMPARE(budget({QStringLiteral("list")}).json()[u"budgets"].toArray().size(), 1);
    }

    void blockedThenOverridden() {
        const QString ledger = freshLedger();
        const QString path = writeFile(3, QStringLiteral("blocked"));
        const qint64 worst = worstCase(path);
        QVERIFY(worst > 0);
        QCOMPARE(cli({QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("zero"),
                      QStringLiteral("--usd"), QStringLiteral("0"), QStringLiteral("--period"),
                      QStringLiteral("day")},
                     ledger)
                     .code,
                 0);
        const qint64 before = simBatchCount();
        Run r = cli({QStringLiteral("submit"), path}, ledger);
        QCOMPARE(r.code, 7);
        for (const char* s :
             {"zero (USD per UTC day, all models)", "spent $0.000000", "in flight $0.000000",
              "limit $0.000000", "budget set", "--override-budget"})
            QVERIFY2(r.err.contains(s), r.err.constData());
        QVERIFY2(r.err.contains(qPrintable(
                     QStringLiteral("this file $0.%1").arg(worst, 6, 10, QLatin1Char('0')))),
                 r.err.constData());
        r = cli({QStringLiteral("--json"), QStringLiteral("submit"), path}, ledger);
        QCOMPARE(r.code, 7);
        QCOMPARE(r.json()[u"exit_code"].toInt(), 7);
        QCOMPARE(r.json()[u"blocked"].toBool(), true);
        const QJsonObject line = r.json()[u"budgets"].toArray().first().toObject();
        QCOMPARE(line[u"this_file"].toInteger(), worst);
        QCOMPARE(line[u"limit"].toInteger(), 0);
        QCOMPARE(simBatchCount(), before);
        // A reason that is blank is refused as a usage error.
        QCOMPARE(cli({QStringLiteral("submit"), path, QStringLiteral("--override-budget"),
                      QStringLiteral("  ")},
                     ledger)
                     .code,
                 1);

        r = cli({QStringLiteral("--json"), QStringLiteral("submit"), path,
                 QStringLiteral("--override-budget"), QStringLiteral("month-end backfill")},
                ledger);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.json()[u"override_id"].toInteger() > 0);
        QVERIFY2(r.err.contains("month-end backfill"), r.err.constData());
        QCOMPARE(simBatchCount(), before + 1);
        Ledger l;
        QVERIFY(l.open(ledger));
        const auto overrides = BudgetStore(l).overrides();
        QCOMPARE(overrides.size(), 1);
        QCOMPARE(overrides.first().reason, QStringLiteral("month-end backfill"));
        QVERIFY(!overrides.first().user.isEmpty());
        QVERIFY(overrides.first().at.isValid());
        QCOMPARE(overrides.first()
                     .figures[u"budgets"]
                     .toArray()
                     .first()
                     .toObject()[u"this_file"]
                     .toInteger(),
                 worst);
    }

    // `retry` goes through the gate as submit does: blocked with its figures (exit 7) and nothing
    // sent; with --override-budget sent, and the override recorded with the retry's draft.
    void retryBlockedThenOverridden() {
        SimProcess failing; // every request errors (api_error / overloaded_error: transient)
        QVERIFY2(failing.start({QStringLiteral("--api-key"), kKey, QStringLiteral("--speed"),
                                QStringLiteral("0"), QStringLiteral("--error-rate"),
                                QStringLiteral("1"), QStringLiteral("--quiet")}),
                 qPrintable(failing.errorString()));
        m_baseUrl = failing.baseUrl();
        const auto restore = qScopeGuard([this] { m_baseUrl = QUrl(); });
        const QString ledger = freshLedger();
        const QString path = writeFile(3, QStringLiteral("retried"));
        const qint64 worst = worstCase(path);
        Run r = cli({QStringLiteral("--json"), QStringLiteral("submit"), path}, ledger);
        QVERIFY2(r.code == 0, r.err.constData());
        const QString id = r.json()[u"batches"].toArray().first().toObject()[u"id"].toString();
        QCOMPARE(cli({QStringLiteral("status"), id}, ledger).code, 0);
        r = cli({QStringLiteral("results"), id}, ledger);
        QVERIFY2(r.code == 6, r.err.constData()); // every item errored
        QCOMPARE(cli({QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("zero"),
                      QStringLiteral("--usd"), QStringLiteral("0"), QStringLiteral("--period"),
                      QStringLiteral("day")},
                     ledger)
                     .code,
                 0);
        SimClient sc(failing.baseUrl(), kKey);
        const auto batches = [&] {
            return sc.get(QStringLiteral("/v1/messages/batches?limit=1000"))
                .json()[u"data"]
                .toArray()
                .size();
        };
        const qint64 before = batches();
        r = cli({QStringLiteral("retry"), id}, ledger);
        QCOMPARE(r.code, 7);
        for (const char* s : {"zero (USD per UTC day, all models)", "spent $0.000000",
                              "in flight $0.000000", "limit $0.000000", "--override-budget"})
            QVERIFY2(r.err.contains(s), r.err.constData());
        // The same 3 requests: the retry's worst case is the file's.
        QVERIFY2(r.err.contains(qPrintable(
                     QStringLiteral("this retry $0.%1").arg(worst, 6, 10, QLatin1Char('0')))),
                 r.err.constData());
        r = cli({QStringLiteral("--json"), QStringLiteral("retry"), id}, ledger);
        QCOMPARE(r.code, 7);
        QCOMPARE(r.json()[u"blocked"].toBool(), true);
        QCOMPARE(r.json()[u"budgets"].toArray().first().toObject()[u"this_file"].toInteger(),
                 worst);
        QCOMPARE(batches(), before);
        QCOMPARE(cli({QStringLiteral("retry"), id, QStringLiteral("--override-budget"),
                      QStringLiteral(" ")},
                     ledger)
                     .code,
                 1);

        r = cli({QStringLiteral("--json"), QStringLiteral("retry"), id,
                 QStringLiteral("--override-budget"), QStringLiteral("rerun approved")},
                ledger);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.json()[u"override_id"].toInteger() > 0);
        QCOMPARE(r.json()[u"custom_ids"].toArray().size(), 3);
        QCOMPARE(batches(), before + 1);
        Ledger l;
        QVERIFY(l.open(ledger));
        const auto overrides = BudgetStore(l).overrides();
        QCOMPARE(overrides.size(), 1);
        QCOMPARE(overrides.first().reason, QStringLiteral("rerun approved"));
        QCOMPARE(overrides.first().localIds.size(), 1);
    }

    // Submitted: the worst case is in flight. Ingested: the actual cost instead.
    void inFlightThenActual() {
        const QString ledger = freshLedger();
        const QString path = writeFile(4, QStringLiteral("flight"));
        const qint64 worst = worstCase(path);
        QCOMPARE(cli({QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("month"),
                      QStringLiteral("--usd"), QStringLiteral("100"), QStringLiteral("--period"),
                      QStringLiteral("month")},
                     ledger)
                     .code,
                 0);
        const Run s = cli({QStringLiteral("--json"), QStringLiteral("submit"), path}, ledger);
        QVERIFY2(s.code == 0, s.err.constData());
        const QString id = s.json()[u"batches"].toArray().first().toObject()[u"id"].toString();
        QJsonObject line = budgetLine(QStringLiteral("month"), ledger);
        QCOMPARE(line[u"in_flight"].toInteger(), worst);
        QCOMPARE(line[u"spent"].toInteger(), 0);

        // The simulator (speed 0) ends it at once; status records that, results ingests it.
        QCOMPARE(cli({QStringLiteral("status"), id}, ledger).code, 0);
        const Run ingest = cli({QStringLiteral("--json"), QStringLiteral("results"), id}, ledger);
        QVERIFY2(ingest.code == 0 || ingest.code == 6, ingest.err.constData());
        const qint64 actual = ingest.json()[u"cost_micros"].toInteger();
        QVERIFY(actual > 0);
        QVERIFY(actual < worst);
        line = budgetLine(QStringLiteral("month"), ledger);
        QCOMPARE(line[u"in_flight"].toInteger(), 0);
        // Its spend day is the batch's end (the simulator's clock, today's month here).
        const QJsonObject cost =
            cli({QStringLiteral("--json"), QStringLiteral("cost"), QStringLiteral("--since"),
                 QDate::currentDate().toString(QStringLiteral("yyyy-MM-01"))},
                ledger)
                .json();
        QCOMPARE(line[u"spent"].toInteger(), cost[u"total"].toObject()[u"cost_micros"].toInteger());

        // validate now expects less than the worst case: this ledger has seen the output.
        const QString next = writeFile(4, QStringLiteral("next"));
        const QJsonObject e =
            cli({QStringLiteral("--json"), QStringLiteral("validate"), next}, ledger)
                .json()[u"estimate"]
                .toObject()[u"claude-haiku-5-5"]
                .toObject();
        QCOMPARE(e[u"worst_case_micros"].toInteger(), worst);
        QVERIFY2(e[u"expected_micros"].toInteger() < worst,
                 qPrintable(QString::number(e[u"expected_micros"].toInteger())));
        QVERIFY(e[u"expected_micros"].toInteger() > 0);
        // Without a ledger: the worst case, and no ledger is made.
        const QString none = m_dir.filePath(QStringLiteral("never.sqlite"));
        const QJsonObject w =
            cli({QStringLiteral("--json"), QStringLiteral("validate"), next}, none)
                .json()[u"estimate"]
                .toObject()[u"claude-haiku-5-5"]
                .toObject();
        QCOMPARE(w[u"expected_micros"].toInteger(), worst);
        QVERIFY(!QFile::exists(none));
    }

    // Two processes at once, a budget with room for one file: exactly one gets through.
    void twoProcessesOneFits() {
        for (int round = 0; round < 8; ++round) {
            const QString ledger = freshLedger();
            const QString a = writeFile(3, QStringLiteral("a%1").arg(round));
            const QString b = writeFile(3, QStringLiteral("b%1").arg(round));
            const qint64 worst = worstCase(a);
            QCOMPARE(worstCase(b), worst);
            QCOMPARE(cli({QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("one"),
                          QStringLiteral("--usd"),
                          QStringLiteral("0.%1").arg(2 * worst - 1, 6, 10, QLatin1Char('0')),
                          QStringLiteral("--period"), QStringLiteral("day")},
                         ledger)
                         .code,
                     0);
            const qint64 before = simBatchCount();
            auto pa = start({QStringLiteral("submit"), a}, ledger);
            auto pb = start({QStringLiteral("submit"), b}, ledger);
            const Run ra = finish(*pa);
            const Run rb = finish(*pb);
            QList<int> codes{ra.code, rb.code};
            std::sort(codes.begin(), codes.end());
            QVERIFY2(codes == (QList<int>{0, 7}),
                     qPrintable(QStringLiteral("%1 %2\n%3\n%4")
                                    .arg(ra.code)
                                    .arg(rb.code)
                                    .arg(QString::fromUtf8(ra.err), QString::fromUtf8(rb.err))));
            QCOMPARE(simBatchCount(), before + 1);
            const QByteArray loser = ra.code == 7 ? ra.err : rb.err;
            QVERIFY2(loser.contains(qPrintable(
                         QStringLiteral("in flight $0.%1").arg(worst, 6, 10, QLatin1Char('0')))),
                     loser.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliBudget)
#include "tst_clibudget.moc"
