#include "statuscommand.h"

#include "api/apiclient.h"
#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "monitor/poller.h"

#include <QEventLoop>
#include <QJsonArray>

namespace bs::cli {

QString StatusCommand::summary() const {
    return tr("Refresh and show one batch, or every tracked batch.");
}

QString StatusCommand::description() const {
    return tr("Refreshes one batch from the API, or every tracked batch with one poll cycle "
              "(which also discovers batches created by other tools), and shows them.");
}

void StatusCommand::addOptions(QCommandLineParser& parser) {
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 tr("A batch id (msgbatch_...); all tracked batches when absent."),
                                 QStringLiteral("[BATCH]"));
}

int StatusCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1)
        return usageError(ctx, tr("Unexpected argument \"%1\".").arg(args.at(1)));
    QList<BatchRecord> records;
    if (args.size() == 1) {
        const QString id = args.first();
        if (const int rc = ctx.prepareBatchCommand(id); rc != Exit::Ok)
            return rc;
        BatchRecord record;
        if (const int rc = ctx.storeBatchAnswer(ctx.client()->retrieveBatch(id), id, &record);
            rc != Exit::Ok)
            return rc;
        records.append(record);
    } else {
        if (!ctx.openLedger())
            return Exit::LedgerFailure;
        if (const int rc = ctx.prepareApi(); rc != Exit::Ok)
            return rc;
        // One poll cycle refreshes every tracked batch (and discovers other tools' batches).
        Poller poller(ctx.client(), ctx.ledger());
        poller.setWatchReachability(false);
        QEventLoop loop;
        Poller::CycleReport report;
        QObject::connect(&poller, &Poller::cycleFinished, &loop, [&](const Poller::CycleReport& r) {
            report = r;
            loop.quit();
        });
        poller.pollNow();
        loop.exec();
        if (!report.ok)
            return ctx.out().fail(CliContext::apiExit(report.error), report.error.toString());
        records = BatchStore(*ctx.ledger()).all();
    }
    QJsonArray arr;
    QStringList human;
    for (const BatchRecord& r : std::as_const(records)) {
        arr.append(CliFormat::batch(r));
        human.append(CliFormat::batchLine(r));
    }
    QJsonObject out;
    out[QLatin1String("batches")] = arr;
    ctx.out().print(out,
                    human.isEmpty() ? tr("No batches tracked.") : human.join(QLatin1Char('\n')));
    return Exit::Ok;
}

} // namespace bs::cli
