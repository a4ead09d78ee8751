#include "retrycommand.h"

#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "cost/pricebook.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "monitor/retrysubmitter.h"

#include <QEventLoop>
#include <QJsonArray>

namespace bs::cli {

QString RetryCommand::summary() const {
    return tr("Re-send failed items of a batch with their stored params.");
}

QString RetryCommand::description() const {
    return tr("Re-sends the failed items of a batch, of the given retry classes, with the params "
              "stored when they were first sent, as a new batch. A batch created by another "
              "tool has no stored params: attach the JSONL file it was made from once with "
              "--source. Like submit, the retry goes through the budget gate first (exit 7 when "
              "its worst case would pass a budget, unless --override-budget).");
}

void RetryCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(
        QStringLiteral("class"),
        tr("Retry classes, comma-separated: transient, billing, fix_required, access_denied, "
           "expired, canceled (default: transient,expired)."),
        QStringLiteral("C,...")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("source"),
        tr("The JSONL file a batch of another tool was made from (needed once)."),
        QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("override-budget"),
        tr("Re-send the items although their worst case would pass a budget; REASON is recorded "
           "in the ledger with your name and the figures."),
        QStringLiteral("REASON")));
    parser.addPositionalArgument(QStringLiteral("BATCH"), tr("A batch id (msgbatch_...)."));
}

int RetryCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    if (!expectPositional(parser, 1, QStringLiteral("BATCH"), ctx, &rc))
        return rc;
    const QString id = parser.positionalArguments().first();
    const QString source = parser.value(QStringLiteral("source"));
    const QString overrideReason = parser.value(QStringLiteral("override-budget")).trimmed();
    if (parser.isSet(QStringLiteral("override-budget")) && overrideReason.isEmpty())
        return usageError(ctx, tr("--override-budget needs a reason, e.g. --override-budget "
                                  "\"month-end rerun approved by J. Kim\"."));
    QList<RetryClass> classes;
    const QStringList names =
        parser.value(QStringLiteral("class")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& n : names) {
        const auto c = retryClassFromName(n.trimmed());
        if (!c)
            return usageError(ctx, tr("Unknown retry class \"%1\". Classes: transient, billing, "
                                      "fix_required, access_denied, expired, canceled.")
                                       .arg(n.trimmed()));
        classes.append(*c);
    }
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    Ledger* ledger = ctx.ledger();
    // Refusals that need no key first (unknown batch, discovered batch without its source).
    const auto rec = BatchStore(*ledger).find(id);
    if (!rec)
        return ctx.out().fail(Exit::Usage, tr("Batch %1 is not in the ledger.").arg(id));
    if (rec->discovered && !source.isEmpty()) {
        RetrySubmitter attacher(nullptr, ledger);
        const QString error = attacher.attachSourceFile(id, source);
        if (!error.isEmpty())
            return ctx.out().fail(Exit::InputInvalid, error);
    } else if (rec->discovered) {
        return ctx.out().fail(Exit::Usage,
                              tr("Batch %1 was created by another tool, so Batchscope has no "
                                 "stored params for its items and cannot re-send them. Attach "
                                 "the JSONL file it was made from: batchscope-cli retry %1 "
                                 "--source FILE")
                                  .arg(id));
    }
    if (rc = ctx.prepareApi(); rc != Exit::Ok)
        return rc;
    RetrySubmitter submitter(ctx.client(), ledger);
    // Through the budget gate, as submit and the console's Retry are.
    QString pricesError;
    const PriceBook prices = PriceBook::load(&pricesError);
    if (!pricesError.isEmpty())
        ctx.out().warn(pricesError);
    submitter.setBudgetGate(&prices);
    submitter.setOverrideReason(overrideReason);
    QEventLoop loop;
    RetrySubmitter::Result result;
    QObject::connect(&submitter, &RetrySubmitter::finished, &loop,
                     [&](const RetrySubmitter::Result& r) {
                         result = r;
                         loop.quit();
                     });
    submitter.retryClasses(id, classes);
    loop.exec();
    if (result.overBudget) {
        QStringList lines{
            tr("Nothing of %1 was re-sent: the retry's worst case would pass a budget.").arg(id)};
        for (const QString& l : std::as_const(result.budgetLines))
            lines.append(QStringLiteral("  ") + l);
        lines.append(tr("To send it: raise the budget ('batchscope-cli budget set'), wait until "
                        "batches in flight are ingested or the period turns, retry fewer classes, "
                        "or retry again with --override-budget REASON (recorded in the ledger "
                        "with your name)."));
        return ctx.out().fail(Exit::OverBudget, lines.join(QLatin1Char('\n')),
                              result.budgetFigures);
    }
    if (!result.ok)
        return ctx.out().fail(result.error.isError() ? CliContext::apiExit(result.error)
                                                     : Exit::Usage,
                              result.message);
    QJsonObject out;
    out[QLatin1String("retry_of")] = id;
    out[QLatin1String("custom_ids")] = QJsonArray::fromStringList(result.customIds);
    out[QLatin1String("skipped")] = QJsonArray::fromStringList(result.skipped);
    QJsonArray arr;
    QString human;
    if (const auto created = BatchStore(*ledger).find(result.newBatchId)) {
        arr.append(CliFormat::batch(*created));
        human = CliFormat::batchLine(*created);
    }
    out[QLatin1String("batches")] = arr;
    if (result.overrideId >= 0) {
        out[QLatin1String("override_id")] = result.overrideId;
        ctx.out().warn(tr("Sent past the budget (override #%1 recorded): %2")
                           .arg(result.overrideId)
                           .arg(overrideReason));
    }
    ctx.out().print(
        out, tr("Re-sent %n item(s) of %1 as:", nullptr, int(result.customIds.size())).arg(id) +
                 QLatin1Char('\n') + human);
    return Exit::Ok;
}

} // namespace bs::cli
