#pragma once

#include "api/apierror.h"
#include "api/messagebatch.h"
#include "monitor/ingestrecords.h"
#include "monitor/pollschedule.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace bs {

class ApiClient;
class Ledger;
class ResultIngestor;

// Keeps the ledger's view of every unfinished batch current, with as few calls as possible.
//
// One cycle: GET /v1/messages/batches?limit=1000 (newest first) refreshes every tracked batch
// that page holds in one call, and shows batches other tools created in the workspace; those
// are recorded as discovered (no params: they cannot be re-sent) unless they match one of our
// drafts caught between "creating" and "created" by a crash (then the draft is attached).
// Tracked unfinished batches that are older than the page are followed by paging on
// (after_id) while more than retrieveThreshold() of them are missing, and the rest by one
// retrieve each. Only rows whose server fields changed are written (BatchStore::upsert).
// A failed ledger write ends the cycle as an error (errorOccurred, backoff): nothing is
// announced (batchEnded, batchesChanged) for rows that were not stored.
//
// A tracked batch that answers 404 is kept as it is; when it answers 404 again on a later
// cycle (and was not seen in between) it is marked gone (BatchStore::markGone): no longer
// polled, so it cannot keep the schedule from going idle.
//
// A batch seen ended (or any ended batch whose results are not ingested yet) is handed to the
// ingest function once (setIngestFunction; ingestionNeeded() is emitted in any case). With
// enableIngestion() the ingestion claims the batch in the ledger first (IngestClaims), so two
// pollers on one ledger never ingest the same batch.
//
// The next cycle is scheduled by PollSchedule from the state after each cycle: quick after a
// create, slower later, exponential backoff on errors, paused while the OS reports no network
// (QNetworkInformation, when a backend loads) or after N connection failures in a row; a
// paused poller still probes every Policy::pausedProbeMs, and pollNow() always polls.
//
// Use from the thread that owns the ApiClient and the Ledger.
class Poller : public QObject {
    Q_OBJECT

public:
    struct CycleReport {
        bool ok = true;
        ApiError error;       // the failure that ended the cycle, when !ok
        int httpRequests = 0; // API calls this cycle made (list pages + retrieves)
        int listPages = 0;
        int retrieves = 0;
        QStringList updated;    // tracked batches whose server fields changed
        QStringList ended;      // batches seen ended this cycle that were not ended before
        QStringList discovered; // batches of other tools seen for the first time
        QStringList reconciled; // drafts attached to a batch found on the server
        QStringList notFound;   // tracked batches the server does not know (404)
        QStringList gone;       // of those, the ones that answered 404 on an earlier cycle too: now
                                // marked gone in the ledger and no longer polled
        qint64 nextIntervalMs = 0;
    };

    using IngestFunction = std::function<void(const QString& batchId)>;

    Poller(ApiClient* client, Ledger* ledger, QObject* parent = nullptr);
    ~Poller() override;

    const PollSchedule& schedule() const { return m_schedule; }
    void setSchedule(const PollSchedule& schedule) { m_schedule = schedule; }
    // Missing tracked batches up to this many are retrieved one by one; more are paged for.
    int retrieveThreshold() const { return m_retrieveThreshold; }
    void setRetrieveThreshold(int n) { m_retrieveThreshold = qMax(0, n); }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int n) { m_pageSize = qBound(1, n, 1000); }
    // Whether batches of other tools are recorded (default true).
    void setDiscoverForeign(bool on) { m_discover = on; }
    // Called once per batch that needs its results ingested (ended, not ingested yet).
    void setIngestFunction(IngestFunction fn) { m_ingest = std::move(fn); }
    // Ingests with a ResultIngestor owned by the poller (one batch at a time, in the order
    // they are found; a failed ingestion is offered again on a later cycle). Replaces any
    // ingest function. options.api / retryPolicy / ledgerPath as for ResultIngestor.
    void enableIngestion(const IngestOptions& options);
    bool isIngesting() const;
    // Hands an ended batch to the ingestion now (queued behind the one running, if any), whether
    // or not it was ingested before (ingesting again leaves the identical ledger). False when no
    // ingestion is set up.
    bool ingestNow(const QString& batchId);
    // The ingestion of batchId finished; a failed one is offered again on a later cycle.
    void ingestionFinished(const QString& batchId, bool ok);
    // Uses QNetworkInformation when a backend can be loaded (default true, read by start()).
    void setWatchReachability(bool on) { m_watchReachability = on; }

    bool isRunning() const { return m_running; }
    bool isPolling() const { return m_polling; }
    bool isPaused() const { return m_schedule.isPaused(m_state); }
    const PollSchedule::State& state() const { return m_state; }
    qint64 currentIntervalMs() const { return m_intervalMs; }
    const CycleReport& lastReport() const { return m_last; }
    // Tells the poller whether the machine is online (normally done by QNetworkInformation).
    void setOnline(bool online);

public Q_SLOTS:
    // Starts timed polling with a cycle right away.
    void start();
    void stop();
    // One cycle now (ignored while one runs; then another follows it at once).
    void pollNow();
    // A batch was just created here: poll quickly again.
    void noteBatchCreated();

Q_SIGNALS:
    void cycleStarted();
    void cycleFinished(const bs::Poller::CycleReport& report);
    void batchesChanged(const QStringList& batchIds);
    void batchEnded(const QString& batchId);
    void batchDiscovered(const QString& batchId);
    // The server no longer knows a tracked batch (deleted elsewhere, or another workspace).
    void batchGone(const QString& batchId);
    void ingestionNeeded(const QString& batchId);
    void pausedChanged(bool paused);
    void errorOccurred(const bs::ApiError& error);
    // enableIngestion(): one batch's ingestion ended (complete or not).
    void ingestionDone(const bs::IngestReport& report);

private:
    void listPage(const QString& afterId);
    void onPage(const QList<MessageBatch>& page, bool hasMore, const QString& lastId);
    void retrieveNext();
    // Stores what the server reported; false when the ledger write failed (lastError()).
    bool absorb(const QList<MessageBatch>& batches);
    ApiError ledgerError() const;
    void finishCycle(const ApiError& error);
    void scheduleNext();
    void offerIngestion();
    void setupReachability();
    void ingestNext();

    QPointer<ApiClient> m_client;
    QPointer<Ledger> m_ledger;
    PollSchedule m_schedule;
    PollSchedule::State m_state;
    QTimer m_timer;
    IngestFunction m_ingest;
    int m_retrieveThreshold = 20;
    int m_pageSize = 1000;
    bool m_discover = true;
    bool m_watchReachability = true;
    bool m_running = false;
    bool m_polling = false;
    bool m_again = false;
    bool m_wasPaused = false;
    qint64 m_intervalMs = 0;
    QDateTime m_lastCreateNoted;

    // per cycle
    CycleReport m_cycle;
    CycleReport m_last;
    QSet<QString> m_trackedUnended; // tracked, not ended, at cycle start
    QSet<QString> m_seen;
    QStringList m_toRetrieve;
    QSet<QString> m_ingestOffered;
    QHash<QString, bool> m_endedStored;
    QSet<QString> m_notFoundBefore; // tracked batches that answered 404 on an earlier cycle //
                                    // ended batches known to be stored as seen -> archived
    ResultIngestor* m_ingestor = nullptr;
    QStringList m_ingestQueue;
    QSet<QString> m_explicitIngest; // queued by ingestNow(): read even when ingested already
};

} // namespace bs

Q_DECLARE_METATYPE(bs::Poller::CycleReport)
