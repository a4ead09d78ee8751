#include "exportcommand.h"

#include "api/apiclient.h"
#include "cli/clicontext.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "export/resultexporter.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

namespace bs::cli {

QString ExportCommand::summary() const {
    return tr("Write the stored results of a batch as JSONL or CSV.");
}

QString ExportCommand::description() const {
    return tr("Writes the results of a batch that are stored in the ledger (run `results BATCH` "
              "first) to FILE, or to stdout. JSONL has the shape of the API's results file, "
              "rebuilt from the ledger (the message content is not stored). CSV has one row per "
              "item: batch_id, custom_id, type, model, tokens by class, cost_usd (exact), "
              "error_type, error_message. A file is written under a temporary name and renamed "
              "at the end: an interrupted export leaves no partial file.");
}

void ExportCommand::addOptions(QCommandLineParser& parser) {
    parser.addPositionalArgument(QStringLiteral("BATCH"), tr("A batch id (msgbatch_...)."));
    parser.addOption(QCommandLineOption(QStringLiteral("csv"), tr("Write CSV instead of JSONL.")));
    parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                                        tr("Write to FILE instead of stdout."),
                                        QStringLiteral("FILE")));
}

int ExportCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    if (!expectPositional(parser, 1, QStringLiteral("BATCH"), ctx, &rc))
        return rc;
    const QString id = parser.positionalArguments().first();
    if (!ApiClient::isValidBatchId(id))
        return usageError(ctx, tr("\"%1\" is not a batch id (msgbatch_...).").arg(id));
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    Ledger& ledger = *ctx.ledger();
    const auto record = BatchStore(ledger).find(id);
    if (!record) {
        if (!ledger.lastError().isEmpty())
            return ctx.out().fail(Exit::LedgerFailure, ledger.lastError());
        return ctx.out().fail(Exit::Usage, tr("Batch %1 is not in the ledger %2. Check the id, or "
                                              "run `batchscope-cli status %1` first.")
                                               .arg(id, ctx.ledgerPath()));
    }
    const auto format = parser.isSet(QStringLiteral("csv")) ? ResultExporter::Format::Csv
                                                            : ResultExporter::Format::Jsonl;
    ResultExporter exporter(ledger);
    const QString path = parser.value(QStringLiteral("output"));
    ResultExporter::Outcome outcome;
    if (path.isEmpty() || path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return ctx.out().fail(Exit::Usage, tr("Cannot write to stdout."));
        outcome = exporter.exportTo({id}, format, out, tr("stdout"));
        out.flush();
        if (!outcome.ok)
            return ctx.out().fail(Exit::LedgerFailure, outcome.message);
        return Exit::Ok; // the data is the answer: nothing else on stdout
    }
    outcome = exporter.exportTo({id}, format, path);
    if (!outcome.ok)
        return ctx.out().fail(Exit::LedgerFailure, outcome.message);
    QJsonObject json{{QStringLiteral("batch_id"), id},
                     {QStringLiteral("file"), path},
                     {QStringLiteral("rows"), outcome.rows},
                     {QStringLiteral("cost_usd"), ResultExporter::decimalUsd(outcome.micros)},
                     {QStringLiteral("unpriced"), outcome.unpriced},
                     {QStringLiteral("rebuilt_lines"), outcome.rebuilt}};
    if (!record->resultsIngestedAt.isValid())
        ctx.out().warn(tr("The results of %1 are not all stored yet; run `batchscope-cli results "
                          "%1` for the rest.")
                           .arg(id));
    ctx.out().print(json, outcome.summary(path));
    return Exit::Ok;
}

} // namespace bs::cli
