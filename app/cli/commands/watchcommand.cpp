#include "watchcommand.h"

#include "cli/clicontext.h"
#include "cli/exitcode.h"
#include "cli/watchsession.h"
#include "metrics/metricsserver.h"

namespace bs::cli {

QString WatchCommand::summary() const {
    return tr("Poll, ingest, raise alerts and serve metrics until stopped (or once, for cron).");
}

QString WatchCommand::description() const {
    return tr("Watches every batch of the ledger: polls the API, ingests the results of ended "
              "batches, evaluates the alert rules after each cycle (each alert fires once per "
              "rule, subject and period, across restarts and other watchers of the same "
              "ledger) and posts what fires to Slack when a webhook URL is stored ('key set "
              "--slack-webhook') or BATCHSCOPE_SLACK_WEBHOOK_URL is set. Prints one line per "
              "event (with --json: one JSON object per line). SIGINT or SIGTERM stop it "
              "cleanly.\n"
              "With --metrics-listen the metrics are served at http://HOST:PORT/metrics "
              "(Prometheus text format; port 0 picks a free one) and the URL is the first line "
              "printed. With --statsd they are pushed to a DogStatsD agent after each cycle.");
}

void WatchCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("once"),
                                        tr("Run one cycle (poll, ingest, alerts, deliveries), "
                                           "then exit.")));
    parser.addOption(QCommandLineOption(QStringLiteral("metrics-listen"),
                                        tr("Serve Prometheus metrics on HOST:PORT, e.g. "
                                           "127.0.0.1:9464 (off by default)."),
                                        QStringLiteral("HOST:PORT")));
    parser.addOption(QCommandLineOption(QStringLiteral("statsd"),
                                        tr("Push metrics to a DogStatsD agent at HOST:PORT "
                                           "(UDP), e.g. 127.0.0.1:8125."),
                                        QStringLiteral("HOST:PORT")));
}

int WatchCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    if (!parser.positionalArguments().isEmpty())
        return usageError(ctx, tr("'watch' takes no arguments."));
    WatchSession::Options o;
    o.once = parser.isSet(QStringLiteral("once"));
    if (parser.isSet(QStringLiteral("metrics-listen"))) {
        o.metrics = true;
        if (!MetricsServer::parseHostPort(parser.value(QStringLiteral("metrics-listen")),
                                          &o.metricsAddress, &o.metricsPort))
            return usageError(ctx, tr("--metrics-listen wants HOST:PORT, e.g. 127.0.0.1:9464."));
    }
    if (parser.isSet(QStringLiteral("statsd"))) {
        o.statsd = true;
        if (!MetricsServer::parseHostPort(parser.value(QStringLiteral("statsd")), &o.statsdAddress,
                                          &o.statsdPort) ||
            o.statsdPort == 0)
            return usageError(ctx, tr("--statsd wants HOST:PORT, e.g. 127.0.0.1:8125."));
    }
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    if (const int rc = ctx.prepareApi(); rc != Exit::Ok)
        return rc;
    WatchSession session(ctx, o);
    return session.exec();
}

} // namespace bs::cli
