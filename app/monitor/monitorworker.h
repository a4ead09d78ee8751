#pragma once

#include "api/apiconfig.h"
#include "api/apierror.h"
#include "monitor/ingestrecords.h"
#include "monitor/poller.h"

#include <QObject>

#include <memory>

namespace bs {

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
    void start(const bs::ApiConfig& config, const QString& ledgerPath);
    void pollNow();
    // Stops polling and tears everything down on this thread (the running ingestion is canceled;
    // what it committed stays).
    void stop();

Q_SIGNALS:
    void started(bool ok, const QString& error);
    void cycleFinished(const bs::Poller::CycleReport& report);
    void pollFailed(const bs::ApiError& error);
    void ingestionDone(const bs::IngestReport& report);

private:
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<Poller> m_poller;
};

} // namespace bs
