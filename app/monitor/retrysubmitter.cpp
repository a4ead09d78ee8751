#include "retrysubmitter.h"

#include "api/apiclient.h"
#include "core/redactor.h"
#include "intake/budgetgate.h"
#include "intake/jsonlscanner.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/retryqueue.h"
#include "monitor/draftsubmitter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTemporaryFile>
#include <QTimer>

#include <memory>

namespace bs {

RetrySubmitter::RetrySubmitter(ApiClient* client, Ledger* ledger, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_ledger(ledger)
    , m_drafts(new DraftSubmitter(client, ledger, this)) {
    qRegisterMetaType<bs::RetrySubmitter::Result>();
}

QList<RetryClass> RetrySubmitter::defaultClasses() {
    return {RetryClass::Transient, RetryClass::Expired};
}

bool RetrySubmitter::refuse(const QString& batchId, const QString& message) {
    Result r;
    r.sourceBatchId = batchId;
    r.message = Redactor::redact(message);
    QTimer::singleShot(0, this, [this, r] { Q_EMIT finished(r); });
    return false;
}

QString RetrySubmitter::refusalFor(const QString& batchId) {
    if (!m_ledger || !m_client)
        return tr("Internal error: no API client or ledger.");
    const auto row = BatchStore(*m_ledger).find(batchId);
    if (!row)
        return tr("Batch %1 is not in the ledger. Check the id, or let the poller discover it "
                  "first.")
            .arg(batchId);
    if (row->discovered)
        return tr("Batch %1 was created by another tool, so Batchscope has no stored params for "
                  "its items and cannot re-send them. Attach the JSONL file it was made from "
                  "first (batchscope-cli retry --source FILE).")
            .arg(batchId);
    return {};
}

bool RetrySubmitter::retryClasses(const QString& batchId, const QList<RetryClass>& classes) {
    const QString refusal = refusalFor(batchId);
    if (!refusal.isEmpty())
        return refuse(batchId, refusal);
    const QList<RetryClass> wanted = classes.isEmpty() ? defaultClasses() : classes;
    QList<qint64> ids;
    QStringList customIds;
    for (RetryClass c : wanted) {
        const QList<RetryItem> items = RetryQueue(*m_ledger).items(c, RetryItem::State::Pending);
        for (const RetryItem& item : items) {
            if (item.batchId != batchId)
                continue;
            ids.append(item.id);
            customIds.append(item.customId);
        }
    }
    if (ids.isEmpty()) {
        QStringList names;
        for (RetryClass c : wanted)
            names.append(retryClassName(c));
        return refuse(batchId, tr("Batch %1 has no pending retry items of class %2; nothing "
                                  "to retry.")
                                   .arg(batchId, names.join(QLatin1String(", "))));
    }
    return submitItems(batchId, ids, customIds);
}

bool RetrySubmitter::retryCustomIds(const QString& batchId, const QStringList& customIds) {
    const QString refusal = refusalFor(batchId);
    if (!refusal.isEmpty())
        return refuse(batchId, refusal);
    if (customIds.isEmpty())
        return refuse(batchId, tr("No items chosen to retry."));
    QHash<QString, qint64> pending;
    const QList<RetryItem> items =
        RetryQueue(*m_ledger).items(std::nullopt, RetryItem::State::Pending);
    for (const RetryItem& item : items) {
        if (item.batchId == batchId)
            pending.insert(item.customId, item.id);
    }
    QList<qint64> ids;
    QStringList notPending;
    for (const QString& cid : customIds) {
        if (pending.contains(cid))
            ids.append(pending.value(cid));
        else
            notPending.append(cid);
    }
    if (!notPending.isEmpty())
        return refuse(batchId, tr("These items of batch %1 are not waiting for a retry "
                                  "(succeeded, already re-sent or unknown): %2")
                                   .arg(batchId, notPending.join(QLatin1String(", "))));
    return submitItems(batchId, ids, customIds);
}

QString RetrySubmitter::attachSourceFile(const QString& batchId, const QString& jsonlPath) {
    if (!m_ledger)
        return tr("Internal error: no API client or ledger.");
    const auto row = BatchStore(*m_ledger).find(batchId);
    if (!row)
        return tr("Batch %1 is not in the ledger.").arg(batchId);
    if (!row->discovered)
        return tr("Batch %1 already has its requests stored; nothing to attach.").arg(batchId);
    const QString path = QFileInfo(jsonlPath).absoluteFilePath();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot open %1: %2").arg(jsonlPath, file.errorString());
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sha.addData(&file);
    file.close();

    QSet<QString> needed;
    for (RetryItem::State state : {RetryItem::State::Pending, RetryItem::State::Dismissed}) {
        const QList<RetryItem> items = RetryQueue(*m_ledger).items(std::nullopt, state);
        for (const RetryItem& item : items) {
            if (item.batchId == batchId)
                needed.insert(item.customId);
        }
    }
    // First pass, through the one reader the CLI and the console use: check everything before
    // writing anything.
    JsonlScanner::Options options;
    options.maxProblems = 100;
    QSet<QString> ids;
    {
        JsonlScanner scanner(path, options);
        scanner.scan([&ids](const JsonlScanner::Request& r) {
            ids.insert(QString::fromLatin1(r.customId));
            return true;
        });
        if (scanner.errorCount() > 0) {
            const auto& problems = scanner.problems();
            const auto error = std::find_if(problems.cbegin(), problems.cend(), [](const auto& p) {
                return p.severity == JsonlScanner::Severity::Error;
            });
            return error != problems.cend() ? error->toString(jsonlPath)
                                            : tr("%1 cannot be read.").arg(jsonlPath);
        }
    }
    const qint64 total = row->batch.requestCounts.total();
    if (total > 0 && ids.size() != total)
        return tr("%1 holds %2 requests but batch %3 has %4: it is not the file the batch was "
                  "made from.")
            .arg(jsonlPath)
            .arg(ids.size())
            .arg(batchId)
            .arg(total);
    for (const QString& cid : std::as_const(needed)) {
        if (!ids.contains(cid))
            return tr("%1 has no line for custom_id \"%2\" of batch %3: it is not the file the "
                      "batch was made from.")
                .arg(jsonlPath, cid, batchId);
    }

    BatchLocal local = row->local;
    local.sourceFile = path;
    local.sourceSha256 = QString::fromLatin1(sha.result().toHex());
    DraftStore drafts(*m_ledger);
    const QString localId = drafts.create(local);
    if (localId.isEmpty())
        return m_ledger->lastError();
    // Second pass: the params go to the ledger as the exact bytes of the file.
    QList<StoredRequest> chunk;
    bool ok = true;
    JsonlScanner(path, options).scan([&](const JsonlScanner::Request& r) {
        chunk.append(StoredRequest{QString::fromLatin1(r.customId), r.params.toByteArray(), 1});
        if (chunk.size() >= 2000) {
            ok = drafts.storeRequests(localId, chunk);
            chunk.clear();
        }
        return ok;
    });
    if (ok && !chunk.isEmpty())
        ok = drafts.storeRequests(localId, chunk);
    if (ok)
        ok = drafts.attach(localId, row->batch);
    if (!ok) {
        const QString why = m_ledger->lastError();
        drafts.abandon(localId, tr("attaching the source file failed"));
        return why;
    }
    return {};
}

bool RetrySubmitter::submitItems(const QString& batchId, const QList<qint64>& itemIds,
                                 const QStringList& customIds) {
    BatchLocal local;
    local.retryOf = batchId;
    local.submittedBy = qEnvironmentVariable("USER");
    if (const auto row = BatchStore(*m_ledger).find(batchId)) {
        local.sourceFile = row->local.sourceFile;
        local.sourceSha256 = row->local.sourceSha256;
        local.workspace = row->local.workspace;
        local.profile = row->local.profile;
    }
    // The budget gate: estimate the stored params as a submission's, then check, draft and
    // reserve in one write transaction (BEGIN IMMEDIATE: another process sees the reservation).
    QList<BudgetStore::Reservation> reservations;
    const bool gated = m_prices != nullptr;
    bool overBudget = false; // blocked, and sent with the override reason
    QJsonObject figures;
    if (gated) {
        const QHash<QString, StoredRequest> stored =
            DraftStore(*m_ledger).requestsOfBatch(batchId, customIds);
        QTemporaryFile file;
        if (!file.open())
            return refuse(
                batchId,
                tr("Cannot estimate the retry: no temporary file (%1).").arg(file.errorString()));
        for (const StoredRequest& r : stored)
            file.write(QByteArrayLiteral("{\"custom_id\":\"") + r.customId.toUtf8() +
                       QByteArrayLiteral("\",\"params\":") + r.params + QByteArrayLiteral("}\n"));
        file.flush();
        JsonlScanner::Options options;
        options.prices = m_prices;
        JsonlScanner scanner(file.fileName(), options);
        scanner.scan();
        QList<JsonlScanner::ModelEstimate> estimates = scanner.estimates();
        if (!m_ledger->beginTransaction())
            return refuse(batchId, m_ledger->lastError());
        BudgetGate gate(*m_ledger, *m_prices);
        const BudgetGate::Verdict verdict = gate.evaluate(estimates);
        if (!m_ledger->lastError().isEmpty()) {
            const QString error = m_ledger->lastError();
            m_ledger->rollbackTransaction();
            return refuse(batchId, error);
        }
        if (verdict.blocked() && m_overrideReason.isEmpty()) {
            m_ledger->rollbackTransaction();
            QStringList lines;
            for (const BudgetGate::Line& line : verdict.blockingLines())
                lines << line.toRetryText();
            Result r;
            r.sourceBatchId = batchId;
            r.overBudget = true;
            r.budgetLines = lines;
            r.budgetFigures = verdict.toJson();
            r.message = tr("Nothing was sent: re-sending these %n item(s) of %1 could pass a "
                           "budget (%2). Raise the budget (batchscope-cli budget set), retry "
                           "fewer items, or override with a reason.",
                           nullptr, int(stored.size()))
                            .arg(batchId, lines.join(QStringLiteral("; ")));
            QTimer::singleShot(0, this, [this, r] { Q_EMIT finished(r); });
            return false;
        }
        overBudget = verdict.blocked();
        figures = verdict.toJson();
        for (const JsonlScanner::ModelEstimate& e : std::as_const(estimates))
            reservations.append({e.model, e.requests, e.inputTokens, e.maxOutputTokens,
                                 e.worstCaseMicros, !e.priced});
    }
    QStringList skipped;
    const QString localId = RetryQueue(*m_ledger).createDraft(itemIds, local, &skipped);
    if (localId.isEmpty()) {
        const QString error = m_ledger->lastError();
        if (gated)
            m_ledger->rollbackTransaction();
        return refuse(batchId, error);
    }
    qint64 overrideId = -1;
    if (gated && overBudget) {
        BudgetStore::Override entry;
        entry.at = QDateTime::currentDateTimeUtc();
        entry.user = local.submittedBy;
        entry.reason = m_overrideReason;
        entry.localIds = {localId};
        entry.figures = figures;
        overrideId = BudgetStore(*m_ledger).recordOverride(entry);
    }
    if (gated && ((overBudget && overrideId < 0) ||
                  !BudgetStore(*m_ledger).addReservations(localId, reservations) ||
                  !m_ledger->commitTransaction())) {
        const QString error = m_ledger->lastError();
        m_ledger->rollbackTransaction();
        return refuse(batchId, error);
    }

    QStringList sent;
    for (const QString& cid : customIds) {
        if (!skipped.contains(batchId + QLatin1Char('/') + cid))
            sent.append(cid);
    }
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(
        m_drafts, &DraftSubmitter::finished, this,
        [this, conn, batchId, localId, sent, skipped, overrideId](const DraftSubmitter::Result& d) {
            if (d.localId != localId)
                return;
            disconnect(*conn);
            Result r;
            r.sourceBatchId = batchId;
            r.localId = localId;
            r.customIds = sent;
            r.skipped = skipped;
            r.ok = d.ok;
            r.newBatchId = d.batch.id;
            r.error = d.error;
            r.message = d.message;
            r.overrideId = overrideId;
            Q_EMIT finished(r);
        });
    m_drafts->submit(localId);
    return true;
}

} // namespace bs
