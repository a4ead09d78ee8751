#pragma once

#include "api/messagebatch.h"
#include "monitor/ingestrecords.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QThread;

namespace bs {

class IngestWorker;

// Ingests the results of one ended batch into the ledger, off the calling thread.
//
//   ResultIngestor ingestor(options);          // options: API config, retry policy, ledger path
//   connect(&ingestor, &ResultIngestor::finished, ...);
//   ingestor.start(batchId);                   // or start(batch) when it is already retrieved
//
// The work runs on a worker thread of its own that opens its own Ledger connection and its own
// ApiClient: the results file is streamed (never held whole), each chunk of lines is parsed with
// simdjson, each result priced with CostCalculator::costOfResult on the batch's spend day
// (ended_at, else created_at, UTC) and inserted with ResultStore::insert in chunks of
// rowsPerTransaction rows, by a second thread with a connection of its own (ResultWriter; one
// chunk queued at most, so memory stays flat whatever the file's size; chunks that queue up while
// it writes share one transaction). A third thread copies the WAL back into the file
// (WalCheckpointer), so no commit waits for that.
// errored/expired/canceled results are added to the retry queue with their RetryClass
// (RetryQueue::enqueue; ResultStore::insert does not do it). Both are idempotent per (batch id,
// custom_id): ingesting again, or after a crash or a broken download, leaves the identical ledger.
// A download that breaks part-way (reset, truncated last line) is started again from the beginning,
// up to maxDownloads in all.
//
// A malformed line is reported (malformedLine(), with its line number and the batch id) and not
// stored. At the end the batch is compared with its stored requests (custom_ids without a
// result are listed) or, for a batch created by another tool, with its request_counts; when the
// whole file was read the batch is marked ingested (results_ingested_at).
//
// Every signal is delivered on the thread this object lives in (queued). One ingestion at a
// time per object; the object can be reused after finished(). Destroying it cancels a running
// ingestion and waits for the worker to stop (what was committed stays).
class ResultIngestor : public QObject {
    Q_OBJECT

public:
    explicit ResultIngestor(const IngestOptions& options, QObject* parent = nullptr);
    ~ResultIngestor() override;

    const IngestOptions& options() const { return m_options; }
    // Applies to the next start().
    void setOptions(const IngestOptions& options) { m_options = options; }

    // Retrieves the batch first (its id must be valid), then ingests. False when already
    // running.
    bool start(const QString& batchId);
    // Uses `batch` as retrieved when it has ended and has a results_url (the Poller's case);
    // otherwise retrieves it first.
    bool start(const MessageBatch& batch);

    // Stops as soon as possible; finished() follows with Status::Canceled. Rows already
    // committed stay (a later ingestion completes them).
    void cancel();

    bool isRunning() const { return m_running; }
    QString batchId() const { return m_batchId; }
    // The report of the last finished ingestion.
    const IngestReport& report() const { return m_report; }
    const IngestProgress& lastProgress() const { return m_progress; }

    // Runs a local event loop until finished() (for command-line tools; never on a GUI thread).
    // False on timeout (msecs >= 0) or when nothing is running and nothing has finished.
    bool waitForFinished(int msecs = -1);

Q_SIGNALS:
    void started(const QString& batchId);
    // Lines and bytes read in the current download, lines committed; at most one per
    // progressIntervalMs, plus one after every commit.
    void progress(const bs::IngestProgress& progress);
    void malformedLine(const QString& batchId, const bs::MalformedLine& line);
    // A download broke part-way and is started again from the beginning.
    void downloadRestarted(const QString& batchId, int download, const bs::ApiError& cause);
    void finished(const bs::IngestReport& report);

private:
    bool startWorker(const QString& batchId, const MessageBatch& batch);
    void onWorkerFinished(const IngestReport& report);
    void stopThread();

    IngestOptions m_options;
    QThread* m_thread = nullptr;
    QPointer<IngestWorker> m_worker;
    std::shared_ptr<std::atomic_bool> m_canceled;
    bool m_running = false;
    bool m_hasReport = false;
    QString m_batchId;
    IngestReport m_report;
    IngestProgress m_progress;
};

} // namespace bs
