#include "consolemetrics.h"

#include "cost/pricebook.h"
#include "ledger/ledger.h"
#include "metrics/metricscollector.h"
#include "metrics/metricsformat.h"
#include "metrics/metricsserver.h"
#include "metrics/statsdpusher.h"

#include <QDateTime>
#include <QThread>

#include <memory>

namespace bs {

// Lives on ConsoleMetrics' thread: its ledger, server and pusher are used there only.
class ConsoleMetricsWorker : public QObject {
    Q_OBJECT

public:
    void open(const QString& path, bool serve, const QHostAddress& address, quint16 port,
              const QString& statsd) {
        m_prices = PriceBook::load();
        m_ledger = std::make_unique<Ledger>();
        if (!m_ledger->open(path)) {
            Q_EMIT failed(tr("The metrics cannot read the ledger: %1").arg(m_ledger->lastError()));
            return;
        }
        if (!statsd.isEmpty()) {
            QHostAddress a;
            quint16 p = 0;
            if (MetricsServer::parseHostPort(statsd, &a, &p))
                m_statsd = std::make_unique<StatsdPusher>(a, p);
            else
                Q_EMIT failed(tr("The DogStatsD target is not HOST:PORT: %1").arg(statsd));
        }
        if (!serve)
            return;
        m_server = std::make_unique<MetricsServer>([this] {
            QList<MetricFamily> families;
            if (!collect(&families))
                return QByteArray(); // null: 503
            return MetricsFormat::prometheus(families);
        });
        if (!m_server->listen(address, port)) {
            Q_EMIT failed(tr("Cannot serve metrics on %1:%2: %3")
                              .arg(address.toString())
                              .arg(port)
                              .arg(m_server->errorString()));
            m_server.reset();
            return;
        }
        Q_EMIT serving(m_server->url());
    }

    void cycle(bool ok, const QString& errorKind) {
        ++m_counters.polls;
        if (!ok) {
            ++m_counters.pollErrors;
            m_counters.addApiError(errorKind);
        }
        if (!m_statsd)
            return;
        QList<MetricFamily> families;
        if (collect(&families))
            m_statsd->push(families);
    }

    void close() {
        m_server.reset();
        m_statsd.reset();
        m_ledger.reset();
    }

Q_SIGNALS:
    void serving(const QUrl& url);
    void failed(const QString& why);

private:
    bool collect(QList<MetricFamily>* families) {
        return m_ledger &&
               MetricsCollector::collect(*m_ledger, m_counters, QDateTime::currentDateTimeUtc(),
                                         m_prices, families);
    }

    PriceBook m_prices;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<MetricsServer> m_server;
    std::unique_ptr<StatsdPusher> m_statsd;
    ProcessCounters m_counters;
};

ConsoleMetrics::ConsoleMetrics(QObject* parent)
    : QObject(parent) {}

ConsoleMetrics::~ConsoleMetrics() {
    if (!m_thread)
        return;
    // Its objects end on their thread (at exit only: the server answers at once, no network).
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void ConsoleMetrics::start(const QString& ledgerPath, bool serve, const QHostAddress& address,
                           quint16 port, const QString& statsd) {
    if (m_thread || (!serve && statsd.isEmpty()))
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("metrics"));
    m_worker = new ConsoleMetricsWorker;
    m_worker->moveToThread(m_thread);
    connect(m_worker, &ConsoleMetricsWorker::serving, this, [this](const QUrl& url) {
        m_url = url;
        Q_EMIT serving(url);
    });
    connect(m_worker, &ConsoleMetricsWorker::failed, this, &ConsoleMetrics::failed);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, ledgerPath, serve, address, port, statsd] {
            w->open(ledgerPath, serve, address, port, statsd);
        },
        Qt::QueuedConnection);
}

void ConsoleMetrics::recordCycle(bool ok, const QString& errorKind) {
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, ok, errorKind] { w->cycle(ok, errorKind); }, Qt::QueuedConnection);
}

} // namespace bs

#include "consolemetrics.moc"
