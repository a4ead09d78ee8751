// `batchscope-cli watch` under stress, as real processes: two watchers on one ledger ingest each
// batch once (the claim in the ledger); SIGINT in the middle of an ingestion leaves only whole
// transactions; a watcher through the simulator's fault matrix (429 storm, 5xx, connection
// resets) ends with the ledger a clean run gives; `stats` reports the processing times.
// Real batchscope-sim processes, real SQLite ledgers.
#include "ledger/batchstore.h"
#include "ledger/ingestclaims.h"
#include "ledger/ledger.h"
#include "simclient.h"
#include "simprocess.h"
#include "summarycheck.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace bs;
using namespace bs::test;

namespace {
struct Run {
    int code = -1;
    QByteArray out;
};

// Every figure of the results, the summaries and the retry queue that does not depend on the
// batch id or the time of ingestion, as sorted text lines (two sims give their batches
// different ids; their outcomes are a function of seed and request).
QStringList ledgerFigures(const QString& path) {
    const QString name = QStringLiteral("figures-") + QUuid::createUuid().toString();
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return {QStringLiteral("cannot open ") + path};
        out << rowsOf(db, QStringLiteral(
                              "SELECT 'result', custom_id, type, model, stop_reason, input_tokens, "
                              "output_tokens, cache_creation_input_tokens, "
                              "cache_read_input_tokens, error_type, cost_micros, priced "
                              "FROM results ORDER BY custom_id"));
        out << rowsOf(
            db, QStringLiteral("SELECT 'model', model, SUM(results), SUM(succeeded), SUM(errored), "
                               "SUM(unpriced), SUM(cost_micros), SUM(input_tokens), "
                               "SUM(output_tokens) FROM day_model_costs GROUP BY model "
                               "ORDER BY model"));
        out << rowsOf(db,
                      QStringLiteral("SELECT 'batch', results, succeeded, errored, cost_micros, "
                                     "input_tokens, output_tokens FROM batch_costs"));
        out << rowsOf(db, QStringLiteral("SELECT 'retry', custom_id, class, error_type FROM "
                                         "retry_queue ORDER BY custom_id"));
        out << rowsOf(db, QStringLiteral("SELECT 'ingested', COUNT(*) FROM batches WHERE "
                                         "results_ingested_at IS NOT NULL"));
        out << rowsOf(db, QStringLiteral("SELECT 'claims', COUNT(*) FROM ingest_claims"));
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}
} // namespace

class TestWatchRobust : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString ledgerPath(const QString& name) const {
        return m_dir.filePath(name + QStringLiteral(".sqlite"));
    }

    QProcess* start(const SimProcess& sim, const QString& ledger, const QStringList& args,
                    const QStringList& env = {}) {
        auto* p = new QProcess(this);
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("ANTHROPIC_API_KEY"), SimProcess::fakeKey());
        e.remove(QStringLiteral("BATCHSCOPE_SLACK_WEBHOOK_URL"));
        for (const QString& kv : env)
            e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        p->setProcessEnvironment(e);
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(QStringLiteral(BS_CLI_PATH),
                 QStringList{QStringLiteral("--base-url"), sim.baseUrl().toString(),
                             QStringLiteral("--ledger"), ledger} +
                     args);
        p->waitForStarted();
        return p;
    }

    Run finish(QProcess* p, int timeoutMs = 180000) {
        if (p->state() != QProcess::NotRunning) {
            QSignalSpy done(p, &QProcess::finished);
            done.wait(timeoutMs);
        }
        Run r;
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(10000);
            r.code = -3;
        } else {
            r.code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
        }
        r.out = p->readAll();
        p->deleteLater();
        return r;
    }

    Run cli(const SimProcess& sim, const QString& ledger, const QStringList& args,
            const QStringList& env = {}) {
        return finish(start(sim, ledger, args, env));
    }

    void submit(const SimProcess& sim, const QString& ledger, int requests) {
        const QString path = m_dir.filePath(QStringLiteral("in-%1.jsonl").arg(requests));
        if (!QFile::exists(path)) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < requests; ++i)
                f.write(
                    QJsonDocument(SimClient::request(
                                      QStringLiteral("q-%1").arg(i),
                                      SimClient::params(QStringLiteral("question %1").arg(i), 64)))
                        .toJson(QJsonDocument::Compact) +
                    '\n');
        }
        const Run r = cli(sim, ledger, {QStringLiteral("submit"), path});
        QVERIFY2(r.code == 0, r.out.constData());
    }

    static bool ingested(const QString& path) {
        Ledger ledger;
        if (!ledger.open(path))
            return false;
        const auto all = BatchStore(ledger).all();
        if (all.isEmpty())
            return false;
        for (const BatchRecord& r : all)
            if (!r.batch.isEnded() || !r.resultsIngestedAt.isValid())
                return false;
        return true;
    }

    // Waits (the event loop running) until every batch of the ledger is ingested.
    bool waitIngested(const QString& path, int seconds) {
        for (int i = 0; i < seconds * 4; ++i) {
            if (ingested(path))
                return true;
            QTest::qWait(250);
        }
        return ingested(path);
    }

    static int pendingFaults(SimClient& client) {
        return int(QJsonDocument::fromJson(client.get(QStringLiteral("/_sim/faults")).body)
                       .object()[u"rules"]
                       .toArray()
                       .size());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Two long-running watchers on one ledger, the results download slowed so that both see
    // the ended batch while it is being ingested: one ingests it, the other says it is held by
    // the first, and the simulator served the results once.
    void twoWatchersIngestOnce() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        SimClient control(sim.baseUrl(), SimProcess::fakeKey());
        const QString l = ledgerPath(QStringLiteral("two"));
        submit(sim, l, 300);
        QCOMPARE(control
                     .addFault(QJsonObject{{QStringLiteral("delay_ms"), 3000},
                                           {QStringLiteral("path"), QStringLiteral("*/results")},
                                           {QStringLiteral("count"), -1}})
                     .status,
                 200);
        const QStringList env{QStringLiteral("BS_TEST_WATCH_TIME_SCALE=0.05")};
        QProcess* a = start(sim, l, {QStringLiteral("watch")}, env);
        QProcess* b = start(sim, l, {QStringLiteral("watch")}, env);
        QVERIFY(waitIngested(l, 120));
        // Both watchers keep polling: each sees the batch ingested by now.
        QTest::qWait(1000); // a few of their (scaled, 250 ms) cycles
        a->terminate();
        b->terminate();
        const Run ra = finish(a), rb = finish(b);
        const QByteArray both = ra.out + rb.out;
        QVERIFY2(ra.code == 0 && rb.code == 0, both.constData());
        QCOMPARE(both.count(" ingested Batch "), 1);
        QVERIFY2(both.count(" ingest_skipped ") >= 1, both.constData());
        QVERIFY2(both.contains("is being ingested by another process"), both.constData());
        const QJsonArray rules =
            QJsonDocument::fromJson(control.get(QStringLiteral("/_sim/faults")).body)
                .object()[u"rules"]
                .toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.first()[u"applied"].toInt(), 1); // one results download in all
        Ledger ledger;
        QVERIFY(ledger.open(l));
        QVERIFY(!IngestClaims(ledger).find(BatchStore(ledger).all().first().batch.id));
        QCOMPARE(summaryMismatches(l), QString());
    }

    // SIGINT while an ingestion holds an uncommitted chunk (test hook): the watcher stops with
    // exit 0, what was committed stays, the open chunk is rolled back (the summaries equal the
    // rows), the claim is released; the next run completes the batch.
    void sigintMidIngestion() {
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")}),
            qPrintable(sim.errorString()));
        const QString l = ledgerPath(QStringLiteral("sigint"));
        // More than two chunks of the writer (5,000 rows each): a second one is always held.
        const int n = 12000;
        submit(sim, l, n);
        QProcess* p = start(sim, l, {QStringLiteral("watch")},
                            {QStringLiteral("BS_TEST_WATCH_TIME_SCALE=0.05"),
                             QStringLiteral("BS_TEST_INGEST_HOLD_AFTER_ROWS=1")});
        QByteArray seen;
        for (int i = 0; i < 240 && !seen.contains("test hook: holding"); ++i) {
            p->waitForReadyRead(500);
            seen += p->readAll();
        }
        QVERIFY2(seen.contains("test hook: holding"), seen.constData());
        ::kill(pid_t(p->processId()), SIGINT);
        Run r = finish(p);
        r.out.prepend(seen);
        QVERIFY2(r.code == 0, r.out.constData());
        QVERIFY2(r.out.contains(" stopping SIGINT received") &&
                     r.out.contains(" ingestion_stopped ") && r.out.contains(" watch_stopped "),
                 r.out.constData());
        {
            Ledger ledger;
            QVERIFY(ledger.open(l));
            const BatchRecord b = BatchStore(ledger).all().first();
            QVERIFY(!b.resultsIngestedAt.isValid());
            QVERIFY(!IngestClaims(ledger).find(b.batch.id)); // released
        }
        const qint64 rows = ledgerFigures(l).filter(QStringLiteral("result|")).size();
        QVERIFY2(rows > 0 && rows < n, qPrintable(QString::number(rows)));
        QCOMPARE(summaryMismatches(l), QString()); // no half chunk anywhere
        const Run again = cli(sim, l, {QStringLiteral("watch"), QStringLiteral("--once")});
        QVERIFY2(again.code == 0, again.out.constData());
        QVERIFY(ingested(l));
        QCOMPARE(summaryMismatches(l), QString());
        QCOMPARE(ledgerFigures(l).filter(QStringLiteral("result|")).size(), n);
    }

    // The fault matrix: a 429 storm, 500 / 503 / 529 answers and two connection resets in the
    // middle of the results download, against one simulator; the same requests through a clean
    // one with the same seed. The watcher rides the storm out (bounded: the batch ingested
    // within the time limit, every fault consumed) and its ledger equals the clean run's.
    void faultMatrixGivesTheCleanLedger() {
        const QStringList args{QStringLiteral("--speed"),      QStringLiteral("0"),
                               QStringLiteral("--seed"),       QStringLiteral("33"),
                               QStringLiteral("--error-rate"), QStringLiteral("0.2"),
                               QStringLiteral("--quiet")};
        SimProcess faulty, clean;
        QVERIFY2(faulty.start(args), qPrintable(faulty.errorString()));
        QVERIFY2(clean.start(args), qPrintable(clean.errorString()));
        const QString lf = ledgerPath(QStringLiteral("faulty")),
                      lc = ledgerPath(QStringLiteral("clean"));
        submit(faulty, lf, 400);
        submit(clean, lc, 400);

        SimClient control(faulty.baseUrl(), SimProcess::fakeKey());
        const QJsonArray matrix{
            QJsonObject{{QStringLiteral("status"), 429},
                        {QStringLiteral("retry_after"), 1},
                        {QStringLiteral("count"), 12}},
            QJsonObject{{QStringLiteral("status"), 500}, {QStringLiteral("count"), 3}},
            QJsonObject{{QStringLiteral("status"), 503}, {QStringLiteral("count"), 2}},
            QJsonObject{{QStringLiteral("status"), 529}, {QStringLiteral("count"), 2}},
            QJsonObject{{QStringLiteral("reset_after_bytes"), 20000}, {QStringLiteral("count"), 2}},
        };
        const auto added = control.postRaw(QStringLiteral("/_sim/faults"),
                                           QJsonDocument(matrix).toJson(QJsonDocument::Compact));
        QCOMPARE(added.status, 200);
        QCOMPARE(pendingFaults(control), 5);

        QProcess* w = start(faulty, lf, {QStringLiteral("watch")},
                            {QStringLiteral("BS_TEST_WATCH_TIME_SCALE=0.01")});
        const bool done = waitIngested(lf, 150);
        w->terminate();
        const Run rw = finish(w);
        QVERIFY2(done, rw.out.constData());
        QVERIFY2(rw.code == 0, rw.out.constData());
        QCOMPARE(pendingFaults(control), 0); // every fault was met
        QVERIFY2(rw.out.contains(" poll_failed "), rw.out.constData());

        const Run rc = cli(clean, lc, {QStringLiteral("watch"), QStringLiteral("--once")});
        QVERIFY2(rc.code == 0, rc.out.constData());
        QVERIFY(ingested(lc));

        const QStringList f1 = ledgerFigures(lf), f2 = ledgerFigures(lc);
        QCOMPARE(f1.filter(QStringLiteral("result|")).size(), 400);
        QVERIFY(!f1.filter(QStringLiteral("retry|")).isEmpty()); // errored items queued
        QCOMPARE(f1, f2);
        QCOMPARE(summaryMismatches(lf), QString());

        // `stats`: the clean ledger's one batch, its processing time as P50 and P95.
        const Run stats = cli(clean, lc, {QStringLiteral("--json"), QStringLiteral("stats")});
        QVERIFY2(stats.code == 0, stats.out.constData());
        const QJsonArray groups = QJsonDocument::fromJson(stats.out).object()[u"groups"].toArray();
        QCOMPARE(groups.size(), 1);
        Ledger ledger;
        QVERIFY(ledger.open(lc));
        const BatchRecord b = BatchStore(ledger).all().first();
        const qint64 secs = b.batch.createdAt.secsTo(b.batch.endedAt);
        const QJsonObject g = groups.first().toObject();
        QCOMPARE(g[u"model"].toString(), QStringLiteral("claude-haiku-5-5"));
        QCOMPARE(g[u"size_band"].toString(), QStringLiteral("100-999"));
        QCOMPARE(g[u"batches"].toInt(), 1);
        QCOMPARE(qint64(g[u"p50_seconds"].toDouble()), secs);
        QCOMPARE(qint64(g[u"p95_seconds"].toDouble()), secs);
        const Run human = cli(clean, lc, {QStringLiteral("stats")});
        QVERIFY2(human.out.contains("claude-haiku-5-5") && human.out.contains("100-999"),
                 human.out.constData());
    }
};

int main(int argc, char** argv) {
    TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestWatchRobust t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_watchrobust.moc"
