// bench_ingest: ResultIngestor (stream -> simdjson -> cost -> SQLite) on batches of 20,000 and
// 100,000 results of ~2 KB from a local batchscope-sim (--speed 0), into a fresh ledger file.
// Prints results/s, MB/s, the peak RSS of this process during each ingestion (VmHWM, reset
// before each run through /proc/self/clear_refs), and the baseline measured in the same run:
// the official TypeScript SDK iterating batches.results() of the same 100k batch (parse only,
// nothing stored), with the ratio ours/SDK. Goal: >= 100k results/s, >= 2x the SDK, RSS flat
// (what an ingestion adds to the RSS it starts from: 5x the results may not take 1.5x of it; the
// figure varies by a few MB from run to run with the allocator's arenas). Also the ledger's growth
// per 100k results (file + WAL after a final checkpoint, minus what the batch's creation left).
#include "api/apiclient.h"
#include "ingesttesthelpers.h"
#include "monitor/resultingestor.h"
#include "procstatus.h"
#include "simprocess.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

#include <malloc.h>

using namespace bs;
using namespace bs::test;

namespace {

bool resetPeakRss() {
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

// The ledger's size on disk once its WAL is copied back and truncated.
qint64 ledgerBytes(const QString& path) {
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("size"));
        db.setDatabaseName(path);
        if (db.open())
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("size"));
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

struct Figures {
    qint64 ledgerGrowth = 0;
    qint64 results = 0;
    double seconds = 0;
    double mb = 0;
    qint64 hwmKb = -1;
    qint64 rssBeforeKb = -1;
    bool ok = false;
};

Figures runOnce(const SimProcess& sim, QTemporaryDir& dir, int n, MessageBatch* batchOut) {
    Figures f;
    const QString ledger = dir.filePath(QStringLiteral("bench-%1.sqlite").arg(n));
    ApiClient client(simConfig(sim.baseUrl()));
    client.setRetryPolicy(fastRetryPolicy());
    QString error;
    std::optional<MessageBatch> batch;
    {
        const QList<StoredRequest> requests = makeRequests(n, 600, 0, false);
        batch = createAndWaitEnded(client, ledger, requests, &error);
    }
    if (!batch) {
        std::fprintf(stderr, "bench_ingest: create failed: %s\n", qPrintable(error));
        return f;
    }
    *batchOut = *batch;
    IngestOptions o;
    o.api = simConfig(sim.baseUrl());
    o.retryPolicy = fastRetryPolicy();
    o.ledgerPath = ledger;
    o.priceBook = PriceBook::builtIn();
    o.progressIntervalMs = 500;
    // What creating the batch allocated and freed (the requests, the create body) is handed back
    // to the system first, so that the peak below is the ingestion's and not the set-up's.
    malloc_trim(0);
    const qint64 ledgerBefore = ledgerBytes(ledger);
    f.rssBeforeKb = bs::test::procStatusKb(0, "VmRSS:");
    resetPeakRss();
    QElapsedTimer t;
    t.start();
    const IngestReport r = ingest(o, *batch, 600000);
    f.seconds = double(t.nsecsElapsed()) / 1e9;
    f.hwmKb = bs::test::procStatusKb(0, "VmHWM:");
    f.results = r.lines;
    f.mb = double(r.bytes) / 1e6;
    f.ok = r.isComplete() && r.rowsInserted == n && r.missingCount == 0;
    f.ledgerGrowth = ledgerBytes(ledger) - ledgerBefore;
    if (!f.ok)
        std::fprintf(stderr, "bench_ingest: ingestion incomplete: %s\n", qPrintable(r.summary()));
    return f;
}
} // namespace

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    SimProcess sim;
    if (!sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")})) {
        std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(sim.errorString()));
        return 1;
    }
    QTemporaryDir dir;
    MessageBatch small;
    MessageBatch large;
    const Figures f20 = runOnce(sim, dir, 20000, &small);
    const Figures f100 = runOnce(sim, dir, 100000, &large);
    if (!f20.ok || !f100.ok)
        return 1;

    // The SDK on the same 100k batch.
    QString modules = qEnvironmentVariable("BS_NODE_MODULES");
    if (modules.isEmpty())
        modules = QStringLiteral(BS_DEFAULT_NODE_MODULES);
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BS_NODE_MODULES"), modules);
    node.setProcessEnvironment(env);
    node.start(QStringLiteral("node"), {QStringLiteral(BS_SDK_RESULTS_SCRIPT),
                                        sim.baseUrl().toString(), SimProcess::fakeKey(), large.id});
    double sdkRate = -1;
    QString sdkNote;
    if (!node.waitForStarted(10000)) {
        sdkNote = QStringLiteral("SKIP: node is not available");
    } else {
        node.waitForFinished(600000);
        const QByteArray out = node.readAllStandardOutput().trimmed();
        if (node.exitCode() == 77 || out.startsWith("SKIP")) {
            sdkNote = QString::fromUtf8(out);
        } else if (node.exitCode() != 0) {
            sdkNote = QStringLiteral("SDK run failed: ") +
                      QString::fromUtf8(node.readAllStandardError().left(400));
        } else {
            qint64 lines = 0;
            double secs = 0;
            for (const QByteArray& kv : out.split(' ')) {
                if (kv.startsWith("lines="))
                    lines = kv.mid(6).toLongLong();
                else if (kv.startsWith("seconds="))
                    secs = kv.mid(8).toDouble();
            }
            if (lines == large.requestCounts.total() && secs > 0)
                sdkRate = double(lines) / secs;
            else
                sdkNote = QStringLiteral("SDK run gave: ") + QString::fromUtf8(out);
        }
    }

    const auto rate = [](const Figures& f) { return double(f.results) / f.seconds; };
    std::printf("bench_ingest: ResultIngestor, stream -> simdjson -> cost -> SQLite (WAL), "
                "~2 KB result lines, sim on loopback\n");
    for (const Figures* f : {&f20, &f100})
        std::printf("  %6lld results (%.0f MB): %.2f s, %.0f results/s, %.0f MB/s; peak RSS "
                    "during ingestion %.1f MB (RSS before %.1f MB, so +%.1f MB)\n",
                    static_cast<long long>(f->results), f->mb, f->seconds, rate(*f),
                    f->mb / f->seconds, double(f->hwmKb) / 1024.0, double(f->rssBeforeKb) / 1024.0,
                    double(f->hwmKb - f->rssBeforeKb) / 1024.0);
    for (const Figures* f : {&f20, &f100})
        std::printf("  ledger growth: %.1f MB for %lld results (%.1f MB per 100k; the results "
                    "file was %.0f MB)\n",
                    double(f->ledgerGrowth) / 1e6, static_cast<long long>(f->results),
                    double(f->ledgerGrowth) / 1e6 * 100000.0 / double(f->results), f->mb);
    const auto growthKb = [](const Figures& f) { return f.hwmKb - f.rssBeforeKb; };
    std::printf("  RSS growth during ingestion, 20k vs 100k: +%.1f MB vs +%.1f MB\n",
                double(growthKb(f20)) / 1024.0, double(growthKb(f100)) / 1024.0);
    if (sdkRate > 0) {
        std::printf("  baseline: official TS SDK batches.results() (parse only): %.0f results/s "
                    "-> ratio ours/SDK %.2f\n",
                    sdkRate, rate(f100) / sdkRate);
    } else {
        std::printf("  baseline: official TS SDK: %s\n", qPrintable(sdkNote));
    }
    const bool met = rate(f100) >= 100000 && (sdkRate <= 0 || rate(f100) >= 2 * sdkRate) &&
                     growthKb(f100) <= growthKb(f20) * 3 / 2;
    std::printf("  target >= 100k results/s, >= 2x SDK, RSS flat: %s\n", met ? "met" : "NOT met");
    return 0;
}
