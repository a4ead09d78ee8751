#pragma once

#include "api/apiconfig.h"
#include "api/apierror.h"
#include "intake/tokencalibrator.h"
#include "monitor/filesubmitter.h"
#include "monitor/ingestrecords.h"
#include "monitor/poller.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace bs {

class PriceBook;

class ApiClient;
class Ledger;

// The console's monitoring, on a thread of its own (ConsoleSession makes the thread and moves this
// object there): a Ledger connection, an ApiClient (with its QNetworkAccessManager) and a Poller,
// all created, used and destroyed on that thread, so that polling and its ledger writes (BEGIN
// IMMEDIATE, which may wait for the ingestion's writer) never run on the GUI thread. Talk to it
// through queued calls; its signals arrive queued on the receiver's thread.
class MonitorWorker : public QObject {
    Q_OBJECT

public:
    MonitorWorker();
    ~MonitorWorker() override;

    // What the worker runs, for code running on its thread (BatchOperations); null before
    // start() succeeded and after stop().
    ApiClient* client() const { return m_client.get(); }
    Ledger* ledger() const { return m_ledger.get(); }
    Poller* poller() const { return m_poller.get(); }

public Q_SLOTS:
    // Opens the ledger and starts polling (and ingesting ended batches); answers started().
    void start(const bs::ApiConfig& config, const QString& ledgerPath,
               const bs::PollSchedule::Policy& policy = {});
    void pollNow();
    // Sends a checked file (FileSubmitter: this thread's ApiClient and writing Ledger); answers
    // with submitFinished(), also when polling has not started (then it fails saying why).
    void submitFile(const QString& path, const bs::FileSubmitter::Options& options);
    // Calibrates the input-token estimate of `path` with count_tokens on a sample
    // (TokenCalibrator on this thread's ApiClient); answers with calibrationFinished(), also
    // when polling has not started. One at a time: a second call replaces the first.
    void calibrateFile(const QString& path);
    // Stops polling and tears everything down on this thread (the running ingestion is canceled;
    // what it committed stays).
    void stop();

public:
    // Thread-safe (call from any thread): stops the running submission (FileSubmitter::cancel:
    // reading and storing stop at once; a create under way stops, or is left for reconciliation
    // when its body was sent whole).
    void cancelSubmit();
    // Thread-safe: forgets an earlier cancel (call before queueing submitFile()).
    void clearCancel() { m_cancelPending = false; }

Q_SIGNALS:
    void started(bool ok, const QString& error);
    void cycleFinished(const bs::Poller::CycleReport& report);
    void pollFailed(const bs::ApiError& error);
    void ingestionDone(const bs::IngestReport& report);
    void submitProgress(bs::FileSubmitter::Stage stage, qint64 done, qint64 total);
    void submitDraftsReserved(const QStringList& localIds);
    void submitPartSending(int index, int count);
    void submitFinished(const bs::FileSubmitter::Result& result);
    void calibrationFinished(const QString& path, const bs::TokenCalibrator::Result& result);

private:
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<Poller> m_poller;
    std::unique_ptr<FileSubmitter> m_submitter;
    std::unique_ptr<TokenCalibrator> m_calibrator;
    std::unique_ptr<PriceBook> m_calibrationPrices; // what the calibrating scan prices with
    QString m_calibrating;                          // the file being calibrated
    std::atomic<FileSubmitter*> m_submitterForCancel{nullptr}; // read by cancelSubmit()
    // A cancel that came before the queued submitFile() ran (submit() starts uncancelled).
    std::atomic<bool> m_cancelPending{false};
};

} // namespace bs
