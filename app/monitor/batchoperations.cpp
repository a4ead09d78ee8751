#include "batchoperations.h"

#include "api/apiclient.h"
#include "api/batchjob.h"
#include "api/deletebatchjob.h"
#include "core/redactor.h"
#include "cost/pricebook.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/retryqueue.h"
#include "monitor/monitorworker.h"
#include "monitor/poller.h"
#include "monitor/retrysubmitter.h"

#include <QDateTime>

namespace bs {

qint64 BatchOperations::RetrySummary::total() const {
    qint64 n = 0;
    for (qint64 v : pending)
        n += v;
    return n;
}

BatchOperations::BatchOperations(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<bs::BatchOperations::Result>();
}

BatchOperations::~BatchOperations() = default;

void BatchOperations::setMonitor(MonitorWorker* monitor) {
    m_monitor = monitor;
}

void BatchOperations::setWorker(LedgerWorker* worker) {
    m_worker = worker;
}

bool BatchOperations::canCallApi() const {
    return m_monitor != nullptr;
}

BatchOperations::Result BatchOperations::resultOf(Kind kind, const QString& batchId, bool ok) {
    Result r;
    r.kind = kind;
    r.batchId = batchId;
    r.ok = ok;
    return r;
}

void BatchOperations::answer(const Result& result) {
    Result r = result;
    r.message = Redactor::redact(r.message);
    // Posted to this object's thread; ConsoleSession stops the monitor thread before it destroys
    // this object, so no job can post to a destroyed one.
    QMetaObject::invokeMethod(
        this, [this, r] { Q_EMIT finished(r); }, Qt::QueuedConnection);
}

void BatchOperations::onMonitor(Kind kind, const QString& batchId,
                                std::function<void(MonitorWorker&)> job) {
    MonitorWorker* monitor = m_monitor;
    if (!monitor) {
        Result r;
        r.kind = kind;
        r.batchId = batchId;
        r.message = tr("Batches are not watched yet (no API key was found, or the ledger is not "
                       "open), so nothing can be sent to the API. Set a key with "
                       "`batchscope-cli key set` and start the console again.");
        answer(r);
        return;
    }
    QMetaObject::invokeMethod(
        monitor,
        [monitor, job = std::move(job)] {
            if (monitor->client() && monitor->ledger())
                job(*monitor);
        },
        Qt::QueuedConnection);
}

void BatchOperations::cancelBatch(const QString& batchId) {
    onMonitor(Kind::Cancel, batchId, [this, batchId](MonitorWorker& m) {
        Result r = resultOf(Kind::Cancel, batchId);
        if (!ApiClient::isValidBatchId(batchId)) {
            r.message = tr("%1 is not a batch id.").arg(batchId);
            answer(r);
            return;
        }
        BatchJob* job = m.client()->cancelBatch(batchId);
        Ledger* ledger = m.ledger();
        Poller* poller = m.poller();
        connect(job, &ApiJob::finished, job, [this, r, job, ledger, poller](const ApiError& e) {
            Result out = r;
            if (e.isError()) {
                out.message = tr("Could not cancel %1: %2").arg(r.batchId, e.toString());
            } else if (!BatchStore(*ledger).upsert(job->batch())) {
                out.message = tr("The API accepted the cancel of %1, but the ledger could not "
                                 "store it: %2")
                                  .arg(r.batchId, ledger->lastError());
            } else {
                out.ok = true;
                out.message = tr("Cancel of %1 requested: the API stops the requests not yet "
                                 "processed; those already done keep their results.")
                                  .arg(r.batchId);
                if (poller)
                    poller->pollNow(); // the new state sets the pace (canceling ends quickly)
            }
            answer(out);
        });
    });
}

void BatchOperations::deleteBatch(const QString& batchId) {
    onMonitor(Kind::Delete, batchId, [this, batchId](MonitorWorker& m) {
        Result r = resultOf(Kind::Delete, batchId);
        Ledger* ledger = m.ledger();
        const auto row = BatchStore(*ledger).find(batchId);
        if (!row) {
            r.message = tr("Batch %1 is not in the ledger.").arg(batchId);
            answer(r);
            return;
        }
        if (!row->batch.isEnded()) {
            r.message = tr("Batch %1 has not ended: only an ended batch can be deleted. Cancel it "
                           "first and wait for it to end.")
                            .arg(batchId);
            answer(r);
            return;
        }
        if (!row->resultsIngestedAt.isValid() && !row->isOffServer()) {
            r.message = tr("The results of %1 are not stored yet, and they cannot be fetched once "
                           "the batch is deleted. Ingest its results first (Ingest Results Now).")
                            .arg(batchId);
            answer(r);
            return;
        }
        DeleteBatchJob* job = m.client()->deleteBatch(batchId);
        connect(job, &ApiJob::finished, job, [this, r, ledger](const ApiError& e) {
            Result out = r;
            // 404: already gone on the server; the ledger is brought in line all the same.
            if (e.isError() && e.httpStatus != 404) {
                out.message = tr("Could not delete %1: %2").arg(r.batchId, e.toString());
            } else if (!BatchStore(*ledger).markDeleted(r.batchId,
                                                        QDateTime::currentDateTimeUtc())) {
                out.message = tr("%1 was deleted on the server, but the ledger could not mark it: "
                                 "%2")
                                  .arg(r.batchId, ledger->lastError());
            } else {
                out.ok = true;
                out.message = tr("%1 was deleted on the server; its results and costs stay in the "
                                 "ledger.")
                                  .arg(r.batchId);
            }
            answer(out);
        });
    });
}

void BatchOperations::ingestNow(const QString& batchId) {
    onMonitor(Kind::IngestNow, batchId, [this, batchId](MonitorWorker& m) {
        Result r = resultOf(Kind::IngestNow, batchId);
        const auto row = BatchStore(*m.ledger()).find(batchId);
        if (!row) {
            r.message = tr("Batch %1 is not in the ledger.").arg(batchId);
        } else if (!row->batch.isEnded()) {
            r.message =
                tr("Batch %1 has not ended: its results are not available yet.").arg(batchId);
        } else if (row->isOffServer()) {
            r.message = tr("Batch %1 is no longer on the server: its results cannot be fetched.")
                            .arg(batchId);
        } else if (!m.poller() || !m.poller()->ingestNow(batchId)) {
            r.message = tr("Results cannot be ingested: monitoring is not running.");
        } else {
            r.ok = true;
            r.message = tr("Fetching the results of %1…").arg(batchId);
        }
        answer(r);
    });
}

void BatchOperations::attachSourceFile(const QString& batchId, const QString& jsonlPath) {
    onMonitor(Kind::AttachSource, batchId, [this, batchId, jsonlPath](MonitorWorker& m) {
        Result r = resultOf(Kind::AttachSource, batchId);
        RetrySubmitter submitter(m.client(), m.ledger());
        const QString error = submitter.attachSourceFile(batchId, jsonlPath);
        r.ok = error.isEmpty();
        r.message = r.ok ? tr("%1 is attached to %2: its failed items can now be retried.")
                               .arg(jsonlPath, batchId)
                         : error;
        answer(r);
    });
}

void BatchOperations::retryClasses(const QString& batchId, const QList<RetryClass>& classes) {
    startRetry(batchId,
               [batchId, classes](RetrySubmitter& s) { s.retryClasses(batchId, classes); });
}

void BatchOperations::retryCustomIds(const QString& batchId, const QStringList& customIds) {
    startRetry(batchId,
               [batchId, customIds](RetrySubmitter& s) { s.retryCustomIds(batchId, customIds); });
}

void BatchOperations::startRetry(const QString& batchId,
                                 std::function<void(RetrySubmitter&)> start) {
    onMonitor(Kind::Retry, batchId, [this, start = std::move(start)](MonitorWorker& m) {
        // One submitter per retry, a child of the monitor (gone with it), deleted once it answered.
        auto* submitter = new RetrySubmitter(m.client(), m.ledger(), &m);
        // Through the budget gate, like a submission (the price table loaded once per thread).
        static thread_local const PriceBook prices = PriceBook::load();
        submitter->setBudgetGate(&prices);
        Poller* poller = m.poller();
        connect(submitter, &RetrySubmitter::finished, submitter,
                [this, submitter, poller](const RetrySubmitter::Result& sr) {
                    Result r = resultOf(Kind::Retry, sr.sourceBatchId, sr.ok);
                    r.newBatchId = sr.newBatchId;
                    r.customIds = sr.customIds;
                    r.message = sr.ok ? tr("%n item(s) of %1 re-sent as batch %2.", nullptr,
                                           int(sr.customIds.size()))
                                            .arg(sr.sourceBatchId, sr.newBatchId)
                                      : sr.message;
                    if (sr.ok && poller)
                        poller->pollNow(); // the new batch is tracked: the pace quickens
                    answer(r);
                    submitter->deleteLater();
                });
        start(*submitter);
    });
}

void BatchOperations::retrySummary(const QString& batchId, QObject* context,
                                   std::function<void(RetrySummary)> done) {
    if (!m_worker) {
        RetrySummary empty;
        empty.batchId = batchId;
        QMetaObject::invokeMethod(
            context, [done, empty] { done(empty); }, Qt::QueuedConnection);
        return;
    }
    m_worker->run<RetrySummary>(
        context,
        [batchId](Ledger& ledger) {
            RetrySummary s;
            s.batchId = batchId;
            if (const auto row = BatchStore(ledger).find(batchId)) {
                s.found = true;
                s.discovered = row->discovered;
                s.ended = row->batch.isEnded();
                s.pending = RetryQueue(ledger).pendingCounts(batchId);
            }
            return s;
        },
        std::move(done), LedgerWorker::Lane::Interactive);
}

} // namespace bs
