#include "submitcommand.h"

#include "cli/batchwaiter.h"
#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "intake/batchsplitter.h"
#include "intake/jsonlscanner.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "monitor/filesubmitter.h"
#include "validatecommand.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>

namespace bs::cli {

int SubmitCommand::overBudget(CliContext& ctx, const QString& shown,
                              const BudgetGate::Verdict& verdict) {
    QStringList lines{tr("%1 was not sent: its worst case would pass a budget.").arg(shown)};
    for (const BudgetGate::Line& l : verdict.blockingLines())
        lines.append(QStringLiteral("  ") + l.toText());
    lines.append(tr("To send it: raise the budget ('batchscope-cli budget set'), wait until "
                    "batches in flight are ingested or the period turns, or submit again with "
                    "--override-budget REASON (recorded in the ledger with your name)."));
    return ctx.out().fail(Exit::OverBudget, lines.join(QLatin1Char('\n')), verdict.toJson());
}

QString SubmitCommand::summary() const {
    return tr("Validate a JSONL file, store every request, create the batch(es).");
}

QString SubmitCommand::description() const {
    return tr("Validates a JSONL file of {\"custom_id\", \"params\"} lines (nothing is sent and no "
              "key is needed when it is invalid), stores every request in the ledger, then "
              "creates the batch(es): a file above 100,000 requests or 256 MB is split, in file "
              "order. Before anything is stored the budget gate compares its worst case with "
              "every budget (exit 7 when one would be passed, unless --override-budget). --wait "
              "polls until they end and ingests the results.");
}

void SubmitCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("wait"),
                                        tr("Wait until the batches end and ingest the results.")));
    parser.addOption(ValidateCommand::splitAtOption());
    parser.addOption(QCommandLineOption(
        QStringLiteral("accept-warnings"),
        tr("Send the file although the check found warnings (they are printed either way).")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("override-budget"),
        tr("Send the file although its worst case would pass a budget; REASON is recorded in "
           "the ledger with your name and the figures."),
        QStringLiteral("REASON")));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The JSONL file to submit."));
}

int SubmitCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    BatchSplitter::Limits limits;
    if (!expectPositional(parser, 1, QStringLiteral("FILE"), ctx, &rc) ||
        !ValidateCommand::splitLimits(*this, parser, ctx, &limits, &rc))
        return rc;
    if (parser.isSet(QStringLiteral("override-budget")) &&
        parser.value(QStringLiteral("override-budget")).trimmed().isEmpty())
        return usageError(ctx, tr("--override-budget needs a reason, e.g. --override-budget "
                                  "\"quarter-end report, approved by Kim\"."));
    const QString shown = parser.positionalArguments().first();
    const QString path = QFileInfo(shown).absoluteFilePath();
    qint64 requests = 0;
    FileSubmitter::Checked checked;
    // Validation first: a bad file is reported without a key, a ledger or the network.
    // Errors always stop it; warnings stop it unless --accept-warnings; notes never do.
    rc = ValidateCommand::check(
        ctx, shown, tr("%1: nothing was sent. Fix the lines above and submit again.").arg(shown),
        limits,
        parser.isSet(QStringLiteral("accept-warnings"))
            ? ValidateCommand::Purpose::SubmitAcceptWarnings
            : ValidateCommand::Purpose::Submit,
        &requests, nullptr, &checked);
    if (rc != Exit::Ok)
        return rc;
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    if (rc = ctx.prepareApi(); rc != Exit::Ok)
        return rc;
    Ledger* ledger = ctx.ledger();

    // The flow shared with the console: scan again, budget gate + write-ahead drafts, store,
    // create each part (FileSubmitter, app/monitor).
    FileSubmitter::Options options;
    options.limits = limits;
    options.acceptWarnings = parser.isSet(QStringLiteral("accept-warnings"));
    options.overrideReason = parser.value(QStringLiteral("override-budget"));
    options.expectedRequests = requests;
    // The check above was the reading pass (its estimate, the file's digest).
    options.checked = checked;
    options.profile = ctx.profile();
    FileSubmitter submitter(ctx.client(), ledger);
    FileSubmitter::Result result;
    {
        QEventLoop loop;
        QObject::connect(&submitter, &FileSubmitter::finished, &loop,
                         [&](const FileSubmitter::Result& r) {
                             result = r;
                             loop.quit();
                         });
        submitter.submit(path, options);
        loop.exec();
    }
    if (result.blocked)
        return overBudget(ctx, shown, result.verdict);
    if (!result.ok) {
        const int code = result.error.isError() ? CliContext::apiExit(result.error)
                         : result.fileProblem   ? int(Exit::InputInvalid)
                                                : int(Exit::LedgerFailure);
        return ctx.out().fail(code, result.message);
    }
    if (result.overrideId >= 0)
        ctx.out().warn(tr("Sent past the budget (override #%1 recorded): %2")
                           .arg(result.overrideId)
                           .arg(options.overrideReason.trimmed()));
    const QStringList& created = result.createdBatchIds;
    QJsonArray batchesJson;
    QStringList human;
    for (const QString& id : created) {
        if (const auto rec = BatchStore(*ledger).find(id)) {
            batchesJson.append(CliFormat::batch(*rec));
            human.append(CliFormat::batchLine(*rec));
        }
    }
    QJsonObject out;
    out[QLatin1String("file")] = shown;
    out[QLatin1String("requests")] = requests;
    out[QLatin1String("batches")] = batchesJson;
    if (result.overrideId >= 0)
        out[QLatin1String("override_id")] = result.overrideId;
    if (!parser.isSet(QStringLiteral("wait"))) {
        ctx.out().print(
            out, tr("Submitted %1 requests from %2 as %n batch(es):", nullptr, int(created.size()))
                         .arg(requests)
                         .arg(shown) +
                     QLatin1Char('\n') + human.join(QLatin1Char('\n')));
        return Exit::Ok;
    }
    ctx.out().progress(tr("Submitted %1 requests as %2; waiting for the end...")
                           .arg(requests)
                           .arg(created.join(QLatin1String(", "))));
    return BatchWaiter(ctx).waitAndIngest(created, &out);
}

} // namespace bs::cli
