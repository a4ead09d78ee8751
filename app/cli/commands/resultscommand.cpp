#include "resultscommand.h"

#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "monitor/ingestrecords.h"

namespace bs::cli {

QString ResultsCommand::summary() const {
    return tr("Ingest the results of an ended batch now.");
}

QString ResultsCommand::description() const {
    return tr("Downloads and ingests the results of an ended batch: usage, cost, and failed "
              "items into the retry queue. Idempotent: a second run inserts nothing.");
}

void ResultsCommand::addOptions(QCommandLineParser& parser) {
    parser.addPositionalArgument(QStringLiteral("BATCH"), tr("A batch id (msgbatch_...)."));
}

int ResultsCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    QString id;
    if (!batchArgument(parser, ctx, &id, &rc))
        return rc;
    IngestReport report;
    if (!ctx.ingest(id, &report))
        return ctx.out().fail(
            report.error.isError() ? CliContext::apiExit(report.error) : Exit::LedgerFailure,
            report.errorMessage.isEmpty() ? report.summary() : report.errorMessage);
    QJsonObject out = CliFormat::ingest(report);
    const bool partial = CliFormat::hasFailures(report);
    out[QLatin1String("partial")] = partial;
    ctx.out().print(out, report.summary());
    return partial ? Exit::Partial : Exit::Ok;
}

} // namespace bs::cli
