#include "costcommand.h"

#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"

#include <QJsonArray>

#include <optional>

namespace bs::cli {

QString CostCommand::summary() const {
    return tr("Spend from the ledger, in total or by model, day or batch.");
}

QString CostCommand::description() const {
    return tr("Adds up the cost of the ingested results (integer micro-dollars, exact). Results "
              "of models the price table does not know are counted as unpriced, not as $0 "
              "('reprice' prices them once the table knows the model). No key, no network.");
}

void CostCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("since"),
                                        tr("Only results of this UTC day and later."),
                                        QStringLiteral("YYYY-MM-DD")));
    parser.addOption(QCommandLineOption(QStringLiteral("by"), tr("Group by model, day or batch."),
                                        QStringLiteral("model|day|batch")));
}

int CostCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    QDate since;
    if (!expectPositional(parser, 0, QString(), ctx, &rc) ||
        !dateOption(parser, QStringLiteral("since"), ctx, &since, &rc))
        return rc;
    const QString by = parser.value(QStringLiteral("by"));
    std::optional<CostQueries::Grouping> grouping;
    if (by == QLatin1String("model"))
        grouping = CostQueries::Grouping::Model;
    else if (by == QLatin1String("day"))
        grouping = CostQueries::Grouping::Day;
    else if (by == QLatin1String("batch"))
        grouping = CostQueries::Grouping::Batch;
    else if (!by.isEmpty())
        return usageError(ctx, tr("--by must be model, day or batch, not \"%1\".").arg(by));
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    Ledger* ledger = ctx.ledger();
    const CostTotals total = CostQueries(*ledger).total(since);
    if (!ledger->lastError().isEmpty())
        return ctx.out().fail(Exit::LedgerFailure, ledger->lastError());
    QJsonObject out;
    out[QLatin1String("since")] = CliFormat::date(since);
    out[QLatin1String("by")] = CliFormat::text(by);
    out[QLatin1String("total")] = CliFormat::totals(total);
    QStringList human;
    human.append(
        tr("Total: %1 over %2 results (%3 succeeded, %4 errored)%5")
            .arg(formatMoney(total.micros))
            .arg(total.results)
            .arg(total.succeeded)
            .arg(total.errored)
            .arg(total.unpriced > 0
                     ? tr("; %1 results of unpriced models are not counted").arg(total.unpriced)
                     : QString()));
    QJsonArray groups;
    if (grouping) {
        const QList<CostGroup> list = CostQueries(*ledger).groupedBy(*grouping, since);
        if (!ledger->lastError().isEmpty())
            return ctx.out().fail(Exit::LedgerFailure, ledger->lastError());
        for (const CostGroup& g : list) {
            QJsonObject o = CliFormat::totals(g.totals);
            o[QLatin1String("key")] = g.key;
            groups.append(o);
            human.append(
                QStringLiteral("  %1  %2  (%3 results)")
                    .arg(g.key.isEmpty() ? tr("(none)") : g.key, formatMoney(g.totals.micros))
                    .arg(g.totals.results));
        }
    }
    out[QLatin1String("groups")] = groups;
    ctx.out().print(out, human.join(QLatin1Char('\n')));
    return Exit::Ok;
}

} // namespace bs::cli
