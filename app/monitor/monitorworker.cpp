#include "monitorworker.h"

#include "api/apiclient.h"
#include "cost/pricebook.h"
#include "ledger/ledger.h"

namespace bs {

MonitorWorker::MonitorWorker() = default;

MonitorWorker::~MonitorWorker() {
    stop();
}

void MonitorWorker::start(const ApiConfig& config, const QString& ledgerPath,
                          const PollSchedule::Policy& policy) {
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
    m_poller->setSchedule(PollSchedule(policy));
    IngestOptions ingest;
    ingest.api = config;
    ingest.retryPolicy = m_client->retryPolicy();
    ingest.ledgerPath = ledgerPath;
    m_poller->enableIngestion(ingest);
    connect(m_poller.get(), &Poller::cycleFinished, this, &MonitorWorker::cycleFinished);
    connect(m_poller.get(), &Poller::errorOccurred, this, &MonitorWorker::pollFailed);
    connect(m_poller.get(), &Poller::ingestionDone, this, &MonitorWorker::ingestionDone);
    m_poller->start();
    m_submitter = std::make_unique<FileSubmitter>(m_client.get(), m_ledger.get());
    connect(m_submitter.get(), &FileSubmitter::progress, this, &MonitorWorker::submitProgress);
    connect(m_submitter.get(), &FileSubmitter::partSending, this,
            &MonitorWorker::submitPartSending);
    connect(m_submitter.get(), &FileSubmitter::draftsReserved, this,
            &MonitorWorker::submitDraftsReserved);
    connect(m_submitter.get(), &FileSubmitter::finished, this, &MonitorWorker::submitFinished);
    m_submitterForCancel = m_submitter.get();
    Q_EMIT started(true, QString());
}

void MonitorWorker::pollNow() {
    if (m_poller)
        m_poller->pollNow();
}

void MonitorWorker::calibrateFile(const QString& path) {
    if (!m_client) {
        TokenCalibrator::Result result;
        result.message = tr("The estimate was not calibrated: the console is not connected to "
                            "the API (no key, or the ledger could not be opened).");
        Q_EMIT calibrationFinished(path, result);
        return;
    }
    m_calibrator.reset(); // a calibration under way is replaced (its answer is dropped)
    m_calibrator = std::make_unique<TokenCalibrator>(m_client.get());
    m_calibrating = path;
    connect(m_calibrator.get(), &TokenCalibrator::finished, this,
            [this](const TokenCalibrator::Result& result) {
                Q_EMIT calibrationFinished(m_calibrating, result);
            });
    m_calibrationPrices = std::make_unique<PriceBook>(PriceBook::load());
    JsonlScanner::Options options; // as the Submit dialog's scan: the same models, same order
    options.prices = m_calibrationPrices.get();
    m_calibrator->calibrate(path, options);
}

void MonitorWorker::submitFile(const QString& path, const FileSubmitter::Options& options) {
    if (!m_submitter) {
        FileSubmitter::Result result;
        result.message = tr("Nothing was sent: the console is not connected to the API (no key, "
                            "or the ledger could not be opened).");
        Q_EMIT submitFinished(result);
        return;
    }
    m_submitter->submit(path, options);
    if (m_cancelPending.exchange(false))
        m_submitter->cancel();
}

void MonitorWorker::cancelSubmit() {
    m_cancelPending = true;
    if (FileSubmitter* submitter = m_submitterForCancel.load())
        submitter->cancel();
}

void MonitorWorker::stop() {
    // The submitter and the poller (and its ingestion) go before the client and the ledger they
    // use.
    m_submitterForCancel = nullptr;
    m_submitter.reset();
    m_calibrator.reset();
    m_poller.reset();
    m_client.reset();
    m_ledger.reset();
}

} // namespace bs
