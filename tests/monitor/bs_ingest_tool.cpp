// Test-only: ingests one batch into a ledger file and prints progress lines on stdout, so that a
// test can SIGKILL it part-way (after a "committed" line) and run it again.
//
//   bs_ingest_tool --ledger FILE --base URL --key KEY --batch ID [--rows-per-tx N]
//                  [--hold-after N]
//
// stdout: "progress download=D lines=L committed=C inserted=I" after each commit, then
// "done status=completed|failed|canceled lines=L inserted=I missing=M". Exit 0 when completed.
#include "ingesttesthelpers.h"
#include "monitor/resultingestor.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace bs;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("ledger"), QStringLiteral("ledger file"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("base"), QStringLiteral("API base URL"), QStringLiteral("URL")});
    p.addOption({QStringLiteral("key"), QStringLiteral("API key"), QStringLiteral("KEY")});
    p.addOption({QStringLiteral("batch"), QStringLiteral("batch id"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("rows-per-tx"), QStringLiteral("rows per transaction"),
                 QStringLiteral("N"), QStringLiteral("5000")});
    p.addOption({QStringLiteral("hold-after"),
                 QStringLiteral("once N rows are committed, write the next chunk and never "
                                "commit it (wait to be killed)"),
                 QStringLiteral("N"), QStringLiteral("0")});
    p.process(app);

    IngestOptions options;
    options.api = test::simConfig(QUrl(p.value(QStringLiteral("base"))));
    options.api.apiKey = p.value(QStringLiteral("key"));
    options.retryPolicy = test::fastRetryPolicy();
    options.ledgerPath = p.value(QStringLiteral("ledger"));
    options.rowsPerTransaction = p.value(QStringLiteral("rows-per-tx")).toInt();
    options.holdAfterCommittedRows = p.value(QStringLiteral("hold-after")).toLongLong();
    options.progressIntervalMs = 1000000; // one line per commit only

    ResultIngestor ingestor(options);
    qint64 lastCommitted = -1;
    QObject::connect(&ingestor, &ResultIngestor::progress, &app,
                     [&lastCommitted](const IngestProgress& pr) {
                         if (pr.linesCommitted == lastCommitted)
                             return;
                         lastCommitted = pr.linesCommitted;
                         std::printf("progress download=%d lines=%lld committed=%lld "
                                     "inserted=%lld\n",
                                     pr.download, static_cast<long long>(pr.linesRead),
                                     static_cast<long long>(pr.linesCommitted),
                                     static_cast<long long>(pr.rowsInserted));
                         std::fflush(stdout);
                     });
    ingestor.start(p.value(QStringLiteral("batch")));
    ingestor.waitForFinished();
    const IngestReport& r = ingestor.report();
    const char* status = r.status == IngestReport::Status::Completed  ? "completed"
                         : r.status == IngestReport::Status::Canceled ? "canceled"
                                                                      : "failed";
    std::printf("done status=%s lines=%lld inserted=%lld missing=%lld\n", status,
                static_cast<long long>(r.lines), static_cast<long long>(r.rowsInserted),
                static_cast<long long>(r.missingCount));
    if (!r.isComplete())
        std::fprintf(stderr, "%s\n", qPrintable(r.summary()));
    std::fflush(stdout);
    return r.isComplete() ? 0 : 1;
}
