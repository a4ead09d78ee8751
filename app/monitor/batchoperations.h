#pragma once

#include "ledger/retryclass.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace bs {

class LedgerWorker;
class MonitorWorker;
class RetrySubmitter;

// What the operator does with batches in the console, asked from the GUI thread and run where
// the work belongs: API calls and their ledger writes on the monitor thread (MonitorWorker's
// ApiClient, Ledger and Poller), reads through the LedgerWorker. Every call returns at once; each
// operation answers exactly once with finished() (on this object's thread), whose message is
// translated and redacted. ConsoleSession owns one and tells it where the monitor is.
//
// Without monitoring (no key yet, or not started) the operations that need the API answer at
// once with a message saying so.
class BatchOperations : public QObject {
    Q_OBJECT

public:
    enum class Kind { Cancel, Delete, IngestNow, AttachSource, Retry };
    Q_ENUM(Kind)

    struct Result {
        Kind kind = Kind::Cancel;
        QString batchId;
        bool ok = false;
        QString message;       // what happened, for the status bar or a dialog (translated)
        QString newBatchId;    // Retry: the batch created
        QStringList customIds; // Retry: the items sent
    };

    // Pending retry items of one batch, per class, for the retry confirmation.
    struct RetrySummary {
        QString batchId;
        bool found = false;      // the batch is in the ledger
        bool discovered = false; // created elsewhere: no stored params until a source is attached
        bool ended = false;
        QMap<RetryClass, qint64> pending;
        qint64 total() const;
    };

    explicit BatchOperations(QObject* parent = nullptr);
    ~BatchOperations() override;

    // Set by ConsoleSession (not owned): the monitor (null while not monitoring) and the worker.
    void setMonitor(MonitorWorker* monitor);
    void setWorker(LedgerWorker* worker);
    bool canCallApi() const;

    // Asks the API to cancel the batch; the answer (canceling, or ended) is stored.
    void cancelBatch(const QString& batchId);
    // Deletes an ended batch on the server. Refused unless the batch has ended and its results
    // were ingested (they could not be fetched afterwards). The ledger keeps its rows; the batch
    // is marked gone (BatchStore::markGone) so nothing polls it any more.
    void deleteBatch(const QString& batchId);
    // Ingests the results of an ended batch now (the Poller's ingestion; again if done before).
    void ingestNow(const QString& batchId);
    // RetrySubmitter::attachSourceFile on the monitor thread.
    void attachSourceFile(const QString& batchId, const QString& jsonlPath);
    // Re-sends the batch's pending retry items of these classes (empty:
    // RetrySubmitter::defaultClasses()), or the named items, through RetrySubmitter.
    void retryClasses(const QString& batchId, const QList<RetryClass>& classes = {});
    void retryCustomIds(const QString& batchId, const QStringList& customIds);

    // Reads the retry summary through the LedgerWorker (interactive lane); `done` runs on
    // `context`'s thread, dropped if it is gone.
    void retrySummary(const QString& batchId, QObject* context,
                      std::function<void(RetrySummary)> done);

Q_SIGNALS:
    void finished(const bs::BatchOperations::Result& result);

private:
    // Runs `job` on the monitor thread; without a monitor answers `kind` with "not watching".
    void onMonitor(Kind kind, const QString& batchId, std::function<void(MonitorWorker&)> job);
    // A RetrySubmitter on the monitor thread, started by `start`; its answer becomes finished().
    void startRetry(const QString& batchId, std::function<void(RetrySubmitter&)> start);
    static Result resultOf(Kind kind, const QString& batchId, bool ok = false);
    // From any thread: finished(result) on this object's thread.
    void answer(const Result& result);

    QPointer<MonitorWorker> m_monitor;
    QPointer<LedgerWorker> m_worker;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::BatchOperations::Result)
