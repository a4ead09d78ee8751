#include "watchsession.h"

#include "alerts/alertengine.h"
#include "alerts/slacksink.h"
#include "api/apiclient.h"
#include "cli/clicontext.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "cli/signalwatcher.h"
#include "core/redactor.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"
#include "metrics/metricscollector.h"
#include "metrics/metricsformat.h"
#include "metrics/metricsserver.h"
#include "metrics/statsdpusher.h"
#include "monitor/ingestrecords.h"
#include "monitor/poller.h"
#include "secrets/secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <csignal>

namespace bs::cli {

WatchSession::WatchSession(CliContext& ctx, const Options& options)
    : m_ctx(ctx)
    , m_options(options) {}

WatchSession::~WatchSession() = default;

void WatchSession::event(const QString& kind, const QString& text, const QJsonObject& fields) {
    const QString at =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    QString line;
    if (m_ctx.out().isJson()) {
        QJsonObject o = fields;
        o[QLatin1String("at")] = at;
        o[QLatin1String("event")] = kind;
        o[QLatin1String("message")] = text;
        line = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    } else {
        line = at + QLatin1Char(' ') + kind + QLatin1Char(' ') + text;
    }
    m_ctx.out().text(line + QLatin1Char('\n')); // redacted on its way out
}

int WatchSession::exec() {
    Ledger& ledger = *m_ctx.ledger();
    {
        QString error;
        m_prices = PriceBook::load(&error); // a bad override file: the built-in prices
        if (!error.isEmpty())
            m_ctx.out().warn(error);
    }

    // The Slack webhook: the environment, else the keychain; none means alerts go to the log
    // only (said once).
    {
        SecretStore secrets;
        SecretStore::Result found;
        QEventLoop wait;
        secrets.findSlackWebhook(&wait, [&](const SecretStore::Result& r) {
            found = r;
            wait.quit();
        });
        wait.exec();
        m_sink = std::make_unique<SlackSink>();
        m_sink->setLedger(&ledger);
        if (found.isOk()) {
            const QUrl url(found.secret, QUrl::StrictMode);
            if (url.isValid() && !url.host().isEmpty())
                m_sink->setWebhookUrl(url);
            else
                m_ctx.out().warn(tr("The Slack webhook URL is not a URL; alerts go to the alert "
                                    "log only."));
        } else if (!found.isNotFound()) {
            m_ctx.out().warn(found.message);
        }
        // Test hook (tests/README.md): RetryPolicy::timeScale for the Slack retries.
        const double scale = qEnvironmentVariable("BS_TEST_SLACK_TIME_SCALE").toDouble();
        if (scale > 0)
            m_sink->retryPolicy().timeScale = scale;
        connect(m_sink.get(), &SlackSink::finished, this,
                [this](qint64 id, bool ok, int attempts, const QString& note) {
                    QJsonObject f{{QStringLiteral("alert_id"), id},
                                  {QStringLiteral("attempts"), attempts}};
                    if (ok)
                        event(
                            QStringLiteral("alert_delivered"),
                            tr("alert %1 delivered to Slack (attempts: %2)").arg(id).arg(attempts),
                            f);
                    else
                        event(QStringLiteral("alert_delivery_failed"),
                              tr("alert %1 not delivered to Slack after %2 attempts: %3")
                                  .arg(id)
                                  .arg(attempts)
                                  .arg(note),
                              f);
                    maybeFinish();
                });
    }

    if (m_options.metrics) {
        m_server = std::make_unique<MetricsServer>([this] { return scrape(); });
        if (!m_server->listen(m_options.metricsAddress, m_options.metricsPort))
            return m_ctx.out().fail(Exit::Usage, tr("Cannot serve metrics on %1:%2: %3")
                                                     .arg(m_options.metricsAddress.toString())
                                                     .arg(m_options.metricsPort)
                                                     .arg(m_server->errorString()));
        // The contract: the metrics URL is the first line on stdout.
        m_ctx.out().text(m_server->url().toString() + QLatin1Char('\n'));
    }
    if (m_options.statsd)
        m_statsd = std::make_unique<StatsdPusher>(m_options.statsdAddress, m_options.statsdPort);

    m_signals = std::make_unique<SignalWatcher>();
    connect(m_signals.get(), &SignalWatcher::received, this, &WatchSession::stop);

    PollSchedule::Policy policy;
    policy.pauseAfterConnectionErrors = 0; // a watcher keeps trying, with backoff
    // Test hook (tests/README.md): BS_TEST_WATCH_TIME_SCALE scales the polling intervals and
    // the API's retry delays, so that a test sees a storm of faults through in seconds.
    const double timeScale = qEnvironmentVariable("BS_TEST_WATCH_TIME_SCALE").toDouble();
    if (timeScale > 0) {
        for (qint64* ms : {&policy.freshMs, &policy.youngMs, &policy.steadyMs, &policy.idleMs,
                           &policy.errorBaseMs, &policy.maxBackoffMs, &policy.pausedProbeMs})
            *ms = qMax<qint64>(1, qint64(double(*ms) * timeScale));
        RetryPolicy retry = m_ctx.client()->retryPolicy();
        retry.timeScale = timeScale;
        m_ctx.client()->setRetryPolicy(retry);
    }
    m_poller = std::make_unique<Poller>(m_ctx.client(), &ledger);
    m_poller->setSchedule(PollSchedule(policy));
    m_poller->setWatchReachability(!m_options.once);
    IngestOptions ingest;
    ingest.api = m_ctx.client()->config();
    ingest.retryPolicy = m_ctx.client()->retryPolicy();
    ingest.ledgerPath = ledger.path();
    // Test hook (tests/README.md): hold the ingestion's writer after this many committed rows
    // (IngestOptions::holdAfterCommittedRows), for a test that stops the watcher there.
    ingest.holdAfterCommittedRows =
        qEnvironmentVariable("BS_TEST_INGEST_HOLD_AFTER_ROWS").toLongLong();
    m_poller->enableIngestion(ingest);
    connect(m_poller.get(), &Poller::batchEnded, this, [this](const QString& id) {
        event(QStringLiteral("batch_ended"), tr("batch %1 ended").arg(id),
              {{QStringLiteral("batch_id"), id}});
    });
    connect(m_poller.get(), &Poller::batchDiscovered, this, [this](const QString& id) {
        event(QStringLiteral("batch_discovered"),
              tr("batch %1 of another tool is now tracked").arg(id),
              {{QStringLiteral("batch_id"), id}});
    });
    connect(m_poller.get(), &Poller::batchGone, this, [this](const QString& id) {
        event(QStringLiteral("batch_gone"), tr("batch %1 is no longer known to the server").arg(id),
              {{QStringLiteral("batch_id"), id}});
    });
    connect(m_poller.get(), &Poller::cycleFinished, this, &WatchSession::onCycleFinished);
    connect(m_poller.get(), &Poller::ingestionDone, this, &WatchSession::onIngestionDone);

    event(QStringLiteral("watch_started"),
          tr("watching %1 (Slack alerts: %2)")
              .arg(ledger.path(), m_sink->isConfigured() ? tr("on") : tr("off")));
    m_poller->start();
    m_loop.exec();

    // Stopped: no more cycles; a running ingestion is canceled and waited for (what it
    // committed stays; its open transaction is rolled back) when the poller goes.
    m_poller->stop();
    const bool wasIngesting = m_poller->isIngesting();
    m_poller.reset();
    if (wasIngesting)
        event(QStringLiteral("ingestion_stopped"),
              tr("an ingestion in progress was stopped; the next run resumes it"));
    m_server.reset();
    event(QStringLiteral("watch_stopped"), tr("stopped"));
    return m_exit;
}

void WatchSession::onCycleFinished() {
    if (m_stopping)
        return;
    const Poller::CycleReport& r = m_poller->lastReport();
    ++m_counters.polls;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_api.apiKnown = true;
    // Since when the API fails is kept in the ledger (a data setting), so that `watch --once`
    // from cron, and every watcher of the ledger, count the same outage.
    SettingsStore settings(*m_ctx.ledger());
    const QString key = QStringLiteral("alerts/api_problem");
    if (r.ok) {
        m_api.apiProblem = AlertSnapshot::ApiProblem::None;
        m_api.apiProblemSince = QDateTime();
        m_api.apiProblemDetail.clear();
        if (!settings.value(key).isEmpty())
            settings.setValue(key, QStringLiteral("")); // not a null QString: NOT NULL
    } else {
        ++m_counters.pollErrors;
        m_counters.addApiError(ApiError::kindName(r.error.kind));
        const bool refused = r.error.kind == ApiError::Kind::Http &&
                             (r.error.httpStatus == 401 || r.error.httpStatus == 403);
        const auto problem = refused ? AlertSnapshot::ApiProblem::KeyRefused
                                     : AlertSnapshot::ApiProblem::Unreachable;
        const QString kind =
            refused ? QStringLiteral("key_refused") : QStringLiteral("unreachable");
        // "kind|since" (ISO 8601 UTC); another kind of failure starts a new outage.
        const QStringList stored = settings.value(key).split(QLatin1Char('|'));
        QDateTime since;
        if (stored.size() == 2 && stored[0] == kind)
            since = QDateTime::fromString(stored[1], Qt::ISODateWithMs);
        if (!since.isValid()) {
            since = now;
            settings.setValue(key, kind + QLatin1Char('|') + now.toString(Qt::ISODateWithMs));
        }
        m_api.apiProblem = problem;
        m_api.apiProblemSince = since.toUTC();
        m_api.apiProblemDetail = Redactor::redact(r.error.toString());
        event(QStringLiteral("poll_failed"), r.error.toString(),
              {{QStringLiteral("kind"), ApiError::kindName(r.error.kind)},
               {QStringLiteral("http_status"), r.error.httpStatus}});
        if (m_options.once)
            m_exit = CliContext::apiExit(r.error);
    }
    evaluateAlerts();
    pushStatsd();
    m_cycleDone = true;
    if (m_options.once)
        m_poller->stop();
    maybeFinish();
}

void WatchSession::onIngestionDone(const IngestReport& report) {
    if (m_stopping)
        return;
    const QJsonObject fields{{QStringLiteral("batch_id"), report.batchId}};
    if (report.status == IngestReport::Status::HeldElsewhere) {
        // Another watcher of the ledger (or the console) has it: not an error.
        m_counters.addIngestion(QStringLiteral("held_elsewhere"));
        // Offered again every cycle while the other one works: said once per holder.
        if (m_heldElsewhere.value(report.batchId) != report.claimHolder) {
            m_heldElsewhere.insert(report.batchId, report.claimHolder);
            event(QStringLiteral("ingest_skipped"), report.errorMessage, fields);
        }
    } else if (report.isComplete() && report.alreadyIngested) {
        m_counters.addIngestion(QStringLiteral("already_ingested"));
        event(QStringLiteral("ingest_skipped"), report.summary(), fields);
    } else {
        const bool ok = report.isComplete();
        m_counters.addIngestion(ok ? QStringLiteral("completed")
                                : report.status == IngestReport::Status::Canceled
                                    ? QStringLiteral("canceled")
                                    : QStringLiteral("failed"));
        if (report.error.isError())
            m_counters.addApiError(ApiError::kindName(report.error.kind));
        event(ok ? QStringLiteral("ingested") : QStringLiteral("ingest_failed"),
              ok ? report.summary()
                 : (report.errorMessage.isEmpty() ? report.summary() : report.errorMessage),
              fields);
        if (!ok && m_options.once)
            m_exit =
                report.error.isError() ? CliContext::apiExit(report.error) : Exit::LedgerFailure;
    }
    evaluateAlerts();
    pushStatsd();
    // The poller still counts this ingestion as running while it announces its end.
    QTimer::singleShot(0, this, &WatchSession::maybeFinish);
}

void WatchSession::evaluateAlerts() {
    Ledger& ledger = *m_ctx.ledger();
    QList<AlertState::Fired> fired;
    AlertSnapshot api = m_api;
    if (!AlertEngine(ledger, m_prices)
             .run(QDateTime::currentDateTimeUtc(), api, m_sink->isConfigured(), &fired)) {
        event(QStringLiteral("alerts_failed"),
              tr("the alert rules could not be evaluated: %1").arg(ledger.lastError()));
        if (m_options.once)
            m_exit = Exit::LedgerFailure;
        return;
    }
    for (const AlertState::Fired& f : std::as_const(fired)) {
        const AlertRecord& a = f.condition.alert;
        event(QStringLiteral("alert"),
              QStringLiteral("[%1] %2 %3: %4").arg(a.severity, a.kind, a.subject, a.message),
              {{QStringLiteral("alert_id"), f.alertId},
               {QStringLiteral("rule"), a.kind},
               {QStringLiteral("subject"), a.subject},
               {QStringLiteral("severity"), a.severity}});
        if (m_sink->isConfigured())
            m_sink->deliver(a);
    }
}

bool WatchSession::collect(QList<MetricFamily>* families) {
    return MetricsCollector::collect(*m_ctx.ledger(), m_counters, QDateTime::currentDateTimeUtc(),
                                     m_prices, families);
}

QByteArray WatchSession::scrape() {
    QList<MetricFamily> families;
    if (!collect(&families))
        return QByteArray(); // null: 503
    return MetricsFormat::prometheus(families);
}

void WatchSession::pushStatsd() {
    if (!m_statsd)
        return;
    QList<MetricFamily> families;
    if (collect(&families))
        m_statsd->push(families);
}

void WatchSession::maybeFinish() {
    if (!m_options.once || !m_cycleDone || m_stopping)
        return;
    if (m_poller && m_poller->isIngesting())
        return;
    if (m_sink && m_sink->pendingCount() > 0)
        return;
    m_loop.quit();
}

void WatchSession::stop(int signalNumber) {
    if (m_stopping)
        return;
    m_stopping = true;
    event(QStringLiteral("stopping"),
          signalNumber == SIGTERM ? tr("SIGTERM received") : tr("SIGINT received"));
    m_loop.quit();
}

} // namespace bs::cli
