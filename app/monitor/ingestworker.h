#pragma once

#include "api/messagebatch.h"
#include "ledger/resultlineblocks.h"
#include "ledger/resultrow.h"
#include "ledger/retryitem.h"
#include "monitor/ingestrecords.h"
#include "monitor/resultlineparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

namespace bs {

class ApiClient;
class BatchJob;
class Ledger;
class ResultStream;
class ResultWriter;

// The part of ResultIngestor that lives on its worker thread: it owns an ApiClient and a Ledger
// connection created on that thread, streams the results file, parses each chunk of lines
// (ResultLineParser), prices each row (CostCalculator, the batch's spend day), hands rows and
// retry-queue items in chunks of IngestOptions::rowsPerTransaction rows to a ResultWriter
// (its own thread and connection; a bounded queue, so a slow disk slows the download instead of
// filling memory), restarts a broken download from the beginning, and reports. Create it, move it
// to the thread, then call run() there (queued). Destroy it on that thread (deleteLater).
class IngestWorker : public QObject {
    Q_OBJECT

public:
    IngestWorker(const IngestOptions& options, std::shared_ptr<std::atomic_bool> canceled);
    ~IngestWorker() override;

public Q_SLOTS:
    // batch: when ended with a results_url it is used as is; otherwise batchId is retrieved.
    void run(const QString& batchId, const bs::MessageBatch& batch);
    // Stops the download; finished() follows with Status::Canceled.
    void cancel();

Q_SIGNALS:
    void progress(const bs::IngestProgress& progress);
    void malformedLine(const QString& batchId, const bs::MalformedLine& line);
    void downloadRestarted(const QString& batchId, int download, const bs::ApiError& cause);
    void finished(const bs::IngestReport& report);

private:
    void proceed(const MessageBatch& batch);
    void startDownload();
    void onData(const QByteArray& lines);
    void onStreamFinished(const ApiError& error);
    bool submitRows();
    bool flush();
    bool checkWriter();
    void complete();
    void fail(const QString& message, const ApiError& error = {});
    void finish(IngestReport::Status status);
    void emitProgress(bool force);
    bool isCanceled() const { return m_canceled->load(std::memory_order_relaxed); }
    void resetPass();
    // Takes the batch's claim; false when the ingestion ended already (finish() was called).
    bool takeClaim();
    void renewClaim();

    IngestOptions m_options;
    std::shared_ptr<std::atomic_bool> m_canceled;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ResultWriter> m_writer; // the inserts, on a thread of their own
    PriceBook m_book;
    ResultLineParser m_parser;
    QPointer<ResultStream> m_stream;
    QPointer<BatchJob> m_retrieve;
    MessageBatch m_batch;
    QDate m_day; // spend day of the batch: ended_at, else created_at (UTC)
    IngestReport m_report;
    bool m_done = false;

    // The current download.
    QList<ResultRow> m_rows;
    QList<RetryItem> m_retryItems;
    ResultLineBlockBuilder m_lineBlock;  // the lines of m_rows not yet in m_lineBlocks
    QList<ResultLineBlock> m_lineBlocks; // sealed blocks m_rows point into
    qint64 m_passLines = 0;
    qint64 m_passBytes = 0;
    qint64 m_passOkLines = 0;
    qint64 m_committedLines = 0;
    qint64 m_rowsCommittedTotal = 0; // rows handed to the ledger (all downloads)
    qint64 m_maxReportedMalformed = 0;
    bool m_cancelScheduled = false;
    QElapsedTimer m_progressTimer;
    QTimer* m_claimTimer = nullptr; // renews the claim while this runs
    bool m_claimed = false;
};

} // namespace bs
