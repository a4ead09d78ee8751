#include "monitorworker.h"

#include "api/apiclient.h"
#include "ledger/ledger.h"

namespace bs {

MonitorWorker::MonitorWorker() = default;

MonitorWorker::~MonitorWorker() {
    stop();
}

void MonitorWorker::start(const ApiConfig& config, const QString& ledgerPath) {
    if (m_poller)
        return;
    QString error;
    m_ledger = Ledger::openForThisThread(ledgerPath, &error);
    if (!m_ledger) {
        Q_EMIT started(false, error);
        return;
    }
    m_client = std::make_unique<ApiClient>(config);
    m_poller = std::make_unique<Poller>(m_client.get(), m_ledger.get());
    IngestOptions ingest;
    ingest.api = config;
    ingest.retryPolicy = m_client->retryPolicy();
    ingest.ledgerPath = ledgerPath;
    m_poller->enableIngestion(ingest);
    connect(m_poller.get(), &Poller::cycleFinished, this, &MonitorWorker::cycleFinished);
    connect(m_poller.get(), &Poller::errorOccurred, this, &MonitorWorker::pollFailed);
    connect(m_poller.get(), &Poller::ingestionDone, this, &MonitorWorker::ingestionDone);
    m_poller->start();
    Q_EMIT started(true, QString());
}

void MonitorWorker::pollNow() {
    if (m_poller)
        m_poller->pollNow();
}

void MonitorWorker::stop() {
    // The poller (and its ingestion) goes before the client and the ledger it uses.
    m_poller.reset();
    m_client.reset();
    m_ledger.reset();
}

} // namespace bs
