#include "ingestworker.h"

#include "api/apiclient.h"
#include "api/batchjob.h"
#include "api/resultstream.h"
#include "cost/costcalculator.h"
#include "ledger/batchstore.h"
#include "ledger/ingestclaims.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/retryclass.h"
#include "monitor/resultwriter.h"

#include <QRandomGenerator>
#include <QTimer>

namespace bs {

namespace {
// The smallest chunk handed to an idle writer.
constexpr qsizetype kMinChunkRows = 500;

bool isRetryableType(const QString& type) {
    return type == QLatin1String("errored") || type == QLatin1String("expired") ||
           type == QLatin1String("canceled");
}

// A download that broke part-way is worth starting again from the beginning.
bool isRestartable(const ApiError& error) {
    switch (error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Truncated:
        return true;
    case ApiError::Kind::Http:
        return error.retryable;
    default:
        return false;
    }
}
} // namespace

IngestWorker::IngestWorker(const IngestOptions& options, std::shared_ptr<std::atomic_bool> canceled)
    : m_options(options)
    , m_canceled(std::move(canceled)) {
    m_options.maxDownloads = qMax(1, m_options.maxDownloads);
    m_options.rowsPerTransaction = qMax(1, m_options.rowsPerTransaction);
}

IngestWorker::~IngestWorker() {
    // Runs on the worker thread (deleteLater): the stream, the client and the connection are
    // torn down where they were made.
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->abort();
    }
    if (m_retrieve)
        m_retrieve->disconnect(this);
    m_writer.reset();
    // Stopped without finish() (the owner went away): the claim is released all the same, after
    // the writer, so nobody takes the batch over while a chunk may still be committing.
    if (m_claimed && m_ledger)
        IngestClaims(*m_ledger).release(m_report.batchId, IngestClaims::processHolder());
    m_client.reset();
    m_ledger.reset();
}

void IngestWorker::run(const QString& batchId, const MessageBatch& batch) {
    m_report = IngestReport();
    m_report.batchId = batchId.isEmpty() ? batch.id : batchId;
    m_progressTimer.start();

    QString error;
    m_ledger = Ledger::openForThisThread(m_options.ledgerPath, &error);
    if (!m_ledger) {
        fail(tr("Cannot open the ledger %1: %2").arg(m_options.ledgerPath, error));
        return;
    }
    // The writer's checkpoint thread copies the WAL into the file: this connection's few small
    // commits (the batch row, the ingested mark) do not wait for a checkpoint of their own.
    m_ledger->setWalCommitHook([](int) {});
    if (!takeClaim())
        return;
    if (m_options.priceBook) {
        m_book = *m_options.priceBook;
    } else {
        QString bookError;
        m_book = PriceBook::load(&bookError); // a bad override file: built-in prices are used
    }
    m_writer = std::make_unique<ResultWriter>(m_options.ledgerPath,
                                              m_options.stopAfterCommittedRows, m_canceled);
    m_writer->setHoldAfterCommittedRows(m_options.holdAfterCommittedRows, m_options.holdTimeoutMs);
    if (!m_writer->start(&error)) {
        m_writer.reset();
        fail(tr("Cannot open the ledger %1: %2").arg(m_options.ledgerPath, error));
        return;
    }
    m_client = std::make_unique<ApiClient>(m_options.api);
    m_client->setRetryPolicy(m_options.retryPolicy);

    // A batch created moments ago may answer 404 for a while (propagation): give this client
    // the same grace the creating client has.
    QDateTime createdAt = batch.createdAt;
    if (!createdAt.isValid()) {
        if (const auto stored = BatchStore(*m_ledger).find(m_report.batchId))
            createdAt = stored->batch.createdAt;
    }
    if (createdAt.isValid() &&
        createdAt.msecsTo(QDateTime::currentDateTimeUtc()) < m_options.api.notFoundGraceMs)
        m_client->noteBatchCreated(m_report.batchId);

    if (isCanceled()) {
        finish(IngestReport::Status::Canceled);
        return;
    }
    if (batch.isEnded() && !batch.resultsUrl.isEmpty() && batch.id == m_report.batchId) {
        proceed(batch);
        return;
    }
    m_retrieve = m_client->retrieveBatch(m_report.batchId);
    connect(m_retrieve, &BatchJob::finished, this, [this](const ApiError& e) {
        BatchJob* job = m_retrieve;
        m_retrieve = nullptr;
        if (isCanceled()) {
            finish(IngestReport::Status::Canceled);
        } else if (e.isError()) {
            fail(tr("Cannot read batch %1: %2").arg(m_report.batchId, e.toString()), e);
        } else {
            proceed(job->batch());
        }
    });
}

bool IngestWorker::takeClaim() {
    IngestClaims::Claim held;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 ttl = qMax<qint64>(1000, m_options.claimTtlMs);
    switch (IngestClaims(*m_ledger).claim(m_report.batchId, IngestClaims::processHolder(), now, ttl,
                                          &held, !m_options.onlyIfNotIngested)) {
    case IngestClaims::Outcome::Claimed:
        break;
    case IngestClaims::Outcome::AlreadyIngested:
        m_report.alreadyIngested = true;
        m_report.markedIngested = true;
        finish(IngestReport::Status::Completed);
        return false;
    case IngestClaims::Outcome::HeldElsewhere:
        m_report.claimHolder = held.holder;
        m_report.errorMessage =
            tr("Batch %1 is being ingested by another process on this ledger (%2, its claim "
               "runs until %3 UTC); it is left to it.")
                .arg(m_report.batchId, held.holder,
                     held.expiresAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        finish(IngestReport::Status::HeldElsewhere);
        return false;
    case IngestClaims::Outcome::Failed:
        fail(tr("Cannot claim batch %1 in the ledger: %2")
                 .arg(m_report.batchId, m_ledger->lastError()));
        return false;
    }
    m_claimed = true;
    m_claimTimer = new QTimer(this);
    connect(m_claimTimer, &QTimer::timeout, this, &IngestWorker::renewClaim);
    m_claimTimer->start(int(qMin<qint64>(ttl / 4, 60000)));
    return true;
}

void IngestWorker::renewClaim() {
    if (!m_ledger || !m_claimed)
        return;
    IngestClaims(*m_ledger).renew(m_report.batchId, IngestClaims::processHolder(),
                                  QDateTime::currentDateTimeUtc(),
                                  qMax<qint64>(1000, m_options.claimTtlMs));
}

void IngestWorker::cancel() {
    m_canceled->store(true);
    if (m_stream)
        m_stream->abort();
    else if (m_retrieve)
        m_retrieve->abort();
}

void IngestWorker::proceed(const MessageBatch& batch) {
    m_batch = batch;
    // Our own batches have a row (DraftStore::attach); a batch unknown to the ledger comes from
    // another tool and is tracked as discovered.
    BatchStore batches(*m_ledger);
    const bool known = batches.find(batch.id).has_value();
    const bool stored = known ? batches.upsert(batch) : batches.upsertDiscovered({batch});
    if (!stored) {
        fail(tr("Cannot store batch %1 in the ledger: %2").arg(batch.id, m_ledger->lastError()));
        return;
    }
    if (!batch.isEnded() || batch.resultsUrl.isEmpty()) {
        fail(tr("Batch %1 has not ended yet, so it has no results to ingest. Try again when it "
                "has ended.")
                 .arg(batch.id));
        return;
    }
    m_day = CostCalculator::pricingDay(batch.createdAt, batch.endedAt);
    startDownload();
}

void IngestWorker::resetPass() {
    const QString batchId = m_report.batchId;
    const int downloads = m_report.downloads;
    const qint64 inserted = m_report.rowsInserted;
    const qint64 enqueued = m_report.retriesEnqueued;
    m_report = IngestReport();
    m_report.batchId = batchId;
    m_report.downloads = downloads;
    m_report.rowsInserted = inserted;
    m_report.retriesEnqueued = enqueued;
    m_rows.clear();
    m_retryItems.clear();
    m_lineBlock.clear();
    m_lineBlocks.clear();
    m_passLines = 0;
    m_passBytes = 0;
    m_passOkLines = 0;
    m_committedLines = 0;
}

void IngestWorker::startDownload() {
    if (isCanceled()) {
        finish(IngestReport::Status::Canceled);
        return;
    }
    resetPass();
    ++m_report.downloads;
    m_rows.reserve(m_options.rowsPerTransaction);
    m_stream = m_client->streamResults(m_batch);
    connect(m_stream, &ResultStream::dataReady, this, &IngestWorker::onData);
    connect(m_stream, &ResultStream::finished, this, &IngestWorker::onStreamFinished);
    emitProgress(true);
}

void IngestWorker::onData(const QByteArray& lines) {
    if (m_done)
        return;
    if (isCanceled()) {
        // Canceled from outside, or the writer reached stopAfterCommittedRows: stop reading.
        if (!m_cancelScheduled) {
            m_cancelScheduled = true;
            QTimer::singleShot(0, this, &IngestWorker::cancel);
        }
        return;
    }
    const QString& batchId = m_report.batchId;
    m_parser.parseChunk(lines, [&](qint64, bool ok, ResultRow& row, const QString& reason,
                                   QByteArrayView line) {
        const qint64 lineNumber = ++m_passLines;
        if (!ok) {
            ++m_report.malformedCount;
            MalformedLine bad{lineNumber,
                              tr("Batch %1, line %2 of the results file cannot be used: %3. "
                                 "It was not stored; its custom_id will be reported as missing.")
                                  .arg(batchId)
                                  .arg(lineNumber)
                                  .arg(reason)};
            if (m_report.malformed.size() < IngestReport::kMaxMalformedListed)
                m_report.malformed.append(bad);
            if (lineNumber > m_maxReportedMalformed) {
                m_maxReportedMalformed = lineNumber;
                Q_EMIT malformedLine(batchId, bad);
            }
            return true;
        }
        ++m_passOkLines;
        // The line as received, into the current block of lines, packed here (the parse
        // stage) once full, rather than on the writer thread, which only binds the bytes.
        if (m_lineBlock.isFull())
            m_lineBlocks.append(m_lineBlock.seal());
        row.lineBlock = int(m_lineBlocks.size());
        row.lineIndex = m_lineBlock.append(line);
        row.batchId = batchId;
        row.day = m_day;
        const CostResult cost =
            CostCalculator::costOfResult(m_book, row.type, row.model, row.usage, m_day);
        row.priced = cost.priced;
        row.costMicros = cost.priced ? cost.micros : 0;
        row.longPromptBand = cost.band == PriceBand::LongPrompt;
        if (row.type == QLatin1String("succeeded")) {
            ++m_report.succeeded;
        } else if (row.type == QLatin1String("errored")) {
            ++m_report.errored;
        } else if (row.type == QLatin1String("canceled")) {
            ++m_report.canceled;
        } else if (row.type == QLatin1String("expired")) {
            ++m_report.expired;
        } else {
            ++m_report.otherType;
        }
        if (!cost.priced)
            ++m_report.unpriced;
        else
            m_report.costMicros += row.costMicros;
        if (isRetryableType(row.type)) {
            RetryItem item;
            item.batchId = batchId;
            item.customId = row.customId;
            item.retryClass = classifyRetry(row.type, row.errorType, row.errorMessage);
            item.errorType = row.errorType;
            item.errorMessage = row.errorMessage;
            m_retryItems.append(std::move(item));
        }
        m_rows.append(std::move(row));
        return !isCanceled();
    });
    m_passBytes += lines.size();
    // A full chunk goes to the writer; so does a smaller one when the writer has nothing to do
    // (at the start, or when the download is the slower side), so that it never waits idle.
    const qsizetype minChunk = qMin<qsizetype>(m_options.rowsPerTransaction, kMinChunkRows);
    if (m_rows.size() >= m_options.rowsPerTransaction ||
        (m_rows.size() >= minChunk && m_writer->isIdle())) {
        if (!submitRows())
            return;
    } else if (!checkWriter()) {
        return;
    }
    emitProgress(false);
}

// Hands the rows parsed so far to the writer (blocks while its queue is full).
bool IngestWorker::submitRows() {
    if (!m_rows.isEmpty() || !m_retryItems.isEmpty()) {
        ResultWriter::Batch batch;
        batch.pass = m_report.downloads;
        batch.lineMark = m_passLines;
        batch.rows = std::move(m_rows);
        batch.retryItems = std::move(m_retryItems);
        // A block never spans two batches: it is written with the rows that point into it.
        if (!m_lineBlock.isEmpty())
            m_lineBlocks.append(m_lineBlock.seal());
        batch.lineBlocks = std::move(m_lineBlocks);
        m_lineBlocks = QList<ResultLineBlock>();
        m_rows = m_writer->spareRows();
        m_retryItems = QList<RetryItem>();
        m_rows.reserve(m_options.rowsPerTransaction);
        m_writer->submit(std::move(batch)); // not queued: failed or stopped, see checkWriter()
    }
    return checkWriter();
}

// Takes in what the writer has committed; false (and the ingestion failed) when it failed.
bool IngestWorker::checkWriter() {
    const ResultWriter::Stats st = m_writer->stats();
    m_report.rowsInserted = st.rowsInserted;
    m_report.retriesEnqueued = st.retriesEnqueued;
    m_rowsCommittedTotal = st.rowsCommitted;
    if (st.failed) {
        fail(st.failedOnRetries ? tr("Cannot add failed items of batch %1 to the retry queue: %2")
                                      .arg(m_report.batchId, st.error)
                                : tr("Cannot store results of batch %1 in the ledger: %2")
                                      .arg(m_report.batchId, st.error));
        return false;
    }
    if (st.pass == m_report.downloads && st.lineMark != m_committedLines) {
        m_committedLines = st.lineMark;
        emitProgress(true);
    }
    if (st.stopped && !m_cancelScheduled) {
        m_cancelScheduled = true;
        QTimer::singleShot(0, this, &IngestWorker::cancel);
    }
    return true;
}

// Everything parsed so far is committed when this returns true.
bool IngestWorker::flush() {
    if (!m_writer)
        return true;
    if (!submitRows())
        return false;
    m_writer->drain();
    if (!checkWriter())
        return false;
    // Lines without a row (malformed ones) are done too, unless the writer stopped early.
    if (!m_writer->stats().stopped && m_committedLines != m_passLines) {
        m_committedLines = m_passLines;
        emitProgress(true);
    }
    return true;
}

void IngestWorker::onStreamFinished(const ApiError& error) {
    if (m_done)
        return;
    ResultStream* stream = m_stream;
    m_stream = nullptr;
    if (stream)
        stream->disconnect(this);
    // What was parsed is valid whatever happened next: commit it.
    if (!flush())
        return;
    if (isCanceled()) {
        finish(IngestReport::Status::Canceled);
        return;
    }
    if (error.isOk()) {
        m_report.lines = m_passLines;
        m_report.bytes = m_passBytes;
        complete();
        return;
    }
    if (isRestartable(error) && m_report.downloads < m_options.maxDownloads) {
        Q_EMIT downloadRestarted(m_report.batchId, m_report.downloads + 1, error);
        const RetryPolicy& policy = m_client->retryPolicy();
        const qint64 delay = policy.scaled(
            policy.backoffMs(m_report.downloads - 1, QRandomGenerator::global()->generateDouble()));
        QTimer::singleShot(delay, this, &IngestWorker::startDownload);
        return;
    }
    m_report.lines = m_passLines;
    m_report.bytes = m_passBytes;
    fail(tr("The results of batch %1 could not be downloaded completely (%n download(s)): %2 "
            "What was read is stored; ingest again to finish.",
            nullptr, m_report.downloads)
             .arg(m_report.batchId, error.toString()),
         error);
}

void IngestWorker::complete() {
    const QString& id = m_report.batchId;
    // Everything is committed: the checkpoint thread copies it into the file while the counts
    // below are read.
    m_writer->requestCheckpoint();
    const std::optional<ResultCoverage> coverage = ResultStore(*m_ledger).coverage(id);
    if (!coverage) {
        fail(tr("Cannot count the results of batch %1: %2").arg(id, m_ledger->lastError()));
        return;
    }
    m_report.resultCount = coverage->results;
    m_report.duplicates = qMax<qint64>(0, m_passOkLines - m_report.resultCount);
    if (coverage->requests > 0) {
        m_report.requestsKnown = true;
        m_report.requestCount = coverage->requests;
        m_report.missingCount = coverage->missing;
        if (coverage->missing > 0)
            m_report.missingCustomIds =
                ResultStore(*m_ledger).missingCustomIds(id).mid(0, IngestReport::kMaxMissingListed);
    } else {
        // Created by another tool: no requests stored, only the server's counts to compare.
        m_report.requestsKnown = false;
        m_report.requestCount = m_batch.requestCounts.total();
        m_report.missingCount = qMax<qint64>(0, m_report.requestCount - m_report.resultCount);
    }
    // The whole file was read: mark it even when lines were malformed or results are missing
    // (reading it again would give the same answer); the report says what is wrong.
    m_report.markedIngested =
        BatchStore(*m_ledger).markResultsIngested(id, QDateTime::currentDateTimeUtc());
    if (!m_report.markedIngested) {
        fail(tr("Cannot mark batch %1 as ingested: %2").arg(id, m_ledger->lastError()));
        return;
    }
    finish(IngestReport::Status::Completed);
}

void IngestWorker::fail(const QString& message, const ApiError& error) {
    if (m_done)
        return;
    m_report.errorMessage = message;
    m_report.error = error;
    finish(IngestReport::Status::Failed);
}

void IngestWorker::finish(IngestReport::Status status) {
    if (m_done)
        return;
    m_done = true;
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->abort();
        m_stream = nullptr;
    }
    if (m_report.lines == 0) {
        m_report.lines = m_passLines;
        m_report.bytes = m_passBytes;
    }
    m_report.status = status;
    if (status == IngestReport::Status::Canceled && m_report.errorMessage.isEmpty())
        m_report.errorMessage =
            tr("Ingesting batch %1 was canceled. What was stored stays; ingest again to finish.")
                .arg(m_report.batchId);
    emitProgress(true);
    m_writer.reset(); // what is still queued (only after a failure) is not written
    if (m_claimTimer)
        m_claimTimer->stop();
    if (m_claimed && m_ledger) // after the writer: its last commit is in when others may claim
        IngestClaims(*m_ledger).release(m_report.batchId, IngestClaims::processHolder());
    m_claimed = false;
    // The connection is closed here, on its thread, before anyone is told. The client may be
    // inside one of its jobs' signals right now: it goes at the next turn of the event loop.
    if (m_client)
        m_client.release()->deleteLater();
    m_ledger.reset();
    Q_EMIT finished(m_report);
}

void IngestWorker::emitProgress(bool force) {
    if (!force && m_progressTimer.elapsed() < m_options.progressIntervalMs)
        return;
    m_progressTimer.restart();
    IngestProgress p;
    p.batchId = m_report.batchId;
    p.download = qMax(1, m_report.downloads);
    p.linesRead = m_passLines;
    p.bytesRead = m_passBytes;
    p.linesCommitted = m_committedLines;
    p.rowsInserted = m_report.rowsInserted;
    Q_EMIT progress(p);
}

} // namespace bs
