#include "statscommand.h"

#include "cli/clicontext.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "ledger/ledger.h"
#include "ledger/metricsqueries.h"
#include "metrics/processingstats.h"

#include <QJsonArray>

namespace bs::cli {

namespace {
// 5400 -> "1h30m", 95 -> "1m35s", 12 -> "12s".
QString duration(qint64 secs) {
    if (secs >= 3600)
        return QStringLiteral("%1h%2m")
            .arg(secs / 3600)
            .arg((secs % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (secs >= 60)
        return QStringLiteral("%1m%2s").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1s").arg(secs);
}
} // namespace

QString StatsCommand::summary() const {
    return tr("Processing time of ended batches: P50 and P95 per model and size band.");
}

QString StatsCommand::description() const {
    return tr("How long batches took on this ledger, from creation to end (canceled batches "
              "left out), grouped by model (the model with the most requests in the batch's "
              "draft; 'unknown' for batches of other tools) and size band (requests: 1-99, "
              "100-999, 1000-9999, 10000-100000). P50 and P95 are nearest-rank percentiles: "
              "times that happened. The watcher's metrics export the same figures. No key, no "
              "network.");
}

int StatsCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    if (!expectPositional(parser, 0, QString(), ctx, &rc))
        return rc;
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    Ledger* ledger = ctx.ledger();
    const auto times = MetricsQueries(*ledger).processingTimes();
    if (!ledger->lastError().isEmpty())
        return ctx.out().fail(Exit::LedgerFailure, ledger->lastError());
    const ProcessingStats stats(times);
    QJsonArray groups;
    QStringList human;
    if (stats.groups().isEmpty())
        human << tr("No ended batch yet: nothing to measure.");
    else
        human << tr("%1  %2  %3  %4  %5")
                     .arg(tr("model"), -28)
                     .arg(tr("requests"), -13)
                     .arg(tr("batches"), 8)
                     .arg(tr("P50"), 8)
                     .arg(tr("P95"), 8);
    for (const ProcessingStats::Group& g : stats.groups()) {
        groups.append(QJsonObject{{QStringLiteral("model"), g.model},
                                  {QStringLiteral("size_band"), g.sizeBand},
                                  {QStringLiteral("batches"), g.count},
                                  {QStringLiteral("p50_seconds"), g.p50Seconds},
                                  {QStringLiteral("p95_seconds"), g.p95Seconds}});
        human << QStringLiteral("%1  %2  %3  %4  %5")
                     .arg(g.model, -28)
                     .arg(g.sizeBand, -13)
                     .arg(g.count, 8)
                     .arg(duration(g.p50Seconds), 8)
                     .arg(duration(g.p95Seconds), 8);
    }
    ctx.out().print(QJsonObject{{QStringLiteral("groups"), groups}}, human.join(QLatin1Char('\n')));
    return Exit::Ok;
}

} // namespace bs::cli
