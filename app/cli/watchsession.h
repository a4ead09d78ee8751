#pragma once

#include "alerts/alertsnapshot.h"
#include "cost/pricebook.h"
#include "ledger/alertstate.h"
#include "metrics/metricfamily.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <memory>

namespace bs {
class Poller;
class SlackSink;
class MetricsServer;
class StatsdPusher;
struct IngestReport;
} // namespace bs

namespace bs::cli {

class CliContext;
class SignalWatcher;

// `batchscope-cli watch`: polls, ingests ended batches, evaluates the alert rules after every
// cycle and ingestion, delivers what fires to Slack, serves and pushes metrics. One line per
// event on stdout ("2026-11-29T12:00:00Z EVENT details"; a JSON object per line with --json).
// SIGINT / SIGTERM stop it cleanly: the poller stops, a running ingestion is canceled (what it
// committed stays, the transaction in flight is rolled back; the next run resumes it), the
// ledger is closed; exit 0.
class WatchSession : public QObject {
    Q_OBJECT

public:
    struct Options {
        bool once = false;
        bool metrics = false;
        QHostAddress metricsAddress;
        quint16 metricsPort = 0;
        bool statsd = false;
        QHostAddress statsdAddress;
        quint16 statsdPort = 0;
    };

    WatchSession(CliContext& ctx, const Options& options);
    ~WatchSession() override;

    // Needs the ledger open and the API prepared. Returns the exit code.
    int exec();

private:
    void event(const QString& kind, const QString& text, const QJsonObject& fields = {});
    void onCycleFinished();
    void onIngestionDone(const bs::IngestReport& report);
    void evaluateAlerts();
    void pushStatsd();
    QByteArray scrape();
    bool collect(QList<MetricFamily>* families);
    void maybeFinish();
    void stop(int signalNumber);

    CliContext& m_ctx;
    Options m_options;
    QEventLoop m_loop;
    std::unique_ptr<Poller> m_poller;
    std::unique_ptr<SlackSink> m_sink;
    std::unique_ptr<MetricsServer> m_server;
    std::unique_ptr<StatsdPusher> m_statsd;
    std::unique_ptr<SignalWatcher> m_signals;
    ProcessCounters m_counters;
    PriceBook m_prices;
    QHash<QString, QString> m_heldElsewhere; // batch -> holder of its claim, once logged
    AlertSnapshot m_api; // the API side of the alert snapshot (apiKnown, problem, since)
    bool m_cycleDone = false;
    bool m_stopping = false;
    int m_exit = 0;
};

} // namespace bs::cli
