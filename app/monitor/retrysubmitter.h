#pragma once

#include "api/apierror.h"
#include "ledger/retryclass.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace bs {

class ApiClient;
class DraftSubmitter;
class Ledger;
class PriceBook;

// One click (or one CLI command) to re-send failed items: picks the pending retry-queue items
// of a batch (by class, or by explicit custom_id), writes a retry draft with their stored
// params (same custom_id, attempt + 1, retry_of = the batch; RetryQueue::createDraft) and
// creates a new batch from it (DraftSubmitter): write-ahead first, then the HTTP create.
//
// Refused with a clear message, before anything is written or sent: unknown batch, a batch
// created by another tool (discovered: Batchscope holds no params for it), nothing pending in
// the chosen classes, custom_ids that are not pending retry items of the batch.
class RetrySubmitter : public QObject {
    Q_OBJECT

public:
    struct Result {
        bool ok = false;
        QString sourceBatchId;
        QString newBatchId;    // the batch created, when ok
        QString localId;       // the retry draft
        QStringList customIds; // sent
        QStringList skipped;   // chosen but without stored params
        QString message;       // user-readable, translated, redacted; empty when ok
        ApiError error;        // when the create call failed
        // Refused by the budget gate: nothing was written or sent. budgetLines: the blocking
        // budgets (BudgetGate::Line::toRetryText), budgetFigures: the verdict's JSON.
        bool overBudget = false;
        QStringList budgetLines;
        QJsonObject budgetFigures;
        qint64 overrideId = -1; // sent past a budget with setOverrideReason(): the override
    };

    RetrySubmitter(ApiClient* client, Ledger* ledger, QObject* parent = nullptr);

    // Classes retried when none are named: transient and expired (both succeed unchanged).
    // Never billing (money first), fix_required (the params must change) or access_denied (the
    // key or the workspace must change): those are re-sent only when named on purpose.
    static QList<RetryClass> defaultClasses();

    // Asynchronous; finished() follows exactly once. Returns false when refused at once
    // (finished() still follows, with the message).
    bool retryClasses(const QString& batchId, const QList<RetryClass>& classes = {});
    bool retryCustomIds(const QString& batchId, const QStringList& customIds);

    // Routes retries through the budget gate (BudgetGate, with these prices; not owned, must
    // outlive this object; null: not gated): the items' stored params are estimated as a
    // submission's are (JsonlScanner), and the check, the retry draft and its reservation are one
    // write transaction. A retry that would pass a budget is refused, saying which.
    void setBudgetGate(const PriceBook* prices) { m_prices = prices; }
    // A retry the gate blocks is sent all the same when this (trimmed) reason is not empty: the
    // override (user, time, reason, the retry draft, the figures) is recorded in the same
    // transaction as the draft (`batchscope-cli retry --override-budget REASON`).
    void setOverrideReason(const QString& reason) { m_overrideReason = reason.trimmed(); }

    // The check alone: empty when batchId may be retried, else why not.
    QString refusalFor(const QString& batchId);

    // Makes a discovered batch (created by another tool) re-sendable: the {custom_id, params}
    // lines of its source JSONL file are read (streamed) and stored as the batch's write-ahead
    // requests, in a draft linked to the batch (DraftStore::attach), so it is no longer
    // "discovered". The file must hold the batch's number of requests, unique custom_ids, and
    // every custom_id of the batch's retry items. Synchronous; nothing is sent. Returns an empty
    // string on success, else what is wrong (file:line where it applies).
    QString attachSourceFile(const QString& batchId, const QString& jsonlPath);

Q_SIGNALS:
    void finished(const bs::RetrySubmitter::Result& result);

private:
    bool submitItems(const QString& batchId, const QList<qint64>& itemIds,
                     const QStringList& customIds);
    bool refuse(const QString& batchId, const QString& message);

    QPointer<ApiClient> m_client;
    QPointer<Ledger> m_ledger;
    DraftSubmitter* m_drafts = nullptr;
    const PriceBook* m_prices = nullptr;
    QString m_overrideReason;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::RetrySubmitter::Result)
