#include "draftsubmitter.h"

#include "api/apiclient.h"
#include "api/batchjob.h"
#include "api/batchrequestsbuilder.h"
#include "core/redactor.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"

#include <QTimer>

namespace bs {

DraftSubmitter::DraftSubmitter(ApiClient* client, Ledger* ledger, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_ledger(ledger) {
    qRegisterMetaType<bs::DraftSubmitter::Result>();
}

void DraftSubmitter::fail(Result result) {
    result.ok = false;
    result.message = Redactor::redact(result.message);
    // Never from inside submit(): callers connect after calling.
    QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
}

void DraftSubmitter::submit(const QString& localId) {
    Result result;
    result.localId = localId;
    if (!m_client || !m_ledger) {
        result.message = tr("Internal error: no API client or ledger.");
        fail(result);
        return;
    }
    const auto draft = DraftStore(*m_ledger).find(localId);
    if (!draft) {
        result.message = tr("No draft %1 in the ledger.").arg(localId);
        fail(result);
        return;
    }
    if (draft->state != DraftInfo::State::Stored) {
        result.message = tr("Draft %1 is %2; only a stored draft can be sent.")
                             .arg(localId, DraftInfo::stateName(draft->state));
        fail(result);
        return;
    }
    BatchRequestsBuilder builder;
    QString buildError;
    const bool read = DraftStore(*m_ledger).forEachRequest(localId, [&](const StoredRequest& r) {
        if (!builder.append(r.customId, r.params)) {
            buildError = builder.errorString();
            return false;
        }
        return true;
    });
    if (!read || !buildError.isEmpty() || builder.count() == 0) {
        result.message = !buildError.isEmpty() ? buildError
                         : !read               ? m_ledger->lastError()
                                               : tr("Draft %1 holds no requests.").arg(localId);
        DraftStore(*m_ledger).abandon(localId, result.message);
        fail(result);
        return;
    }
    const QByteArray body = builder.take();
    if (!DraftStore(*m_ledger).markCreating(localId)) {
        result.message = m_ledger->lastError();
        fail(result);
        return;
    }
    BatchJob* job = m_client->createBatch(body);
    connect(job, &BatchJob::finished, this, [this, job, result](const ApiError& error) mutable {
        if (error.isOk()) {
            result.batch = job->batch();
            if (!m_ledger || !DraftStore(*m_ledger).attach(result.localId, result.batch)) {
                result.message =
                    tr("Batch %1 was created but could not be recorded: %2")
                        .arg(result.batch.id, m_ledger ? m_ledger->lastError() : QString());
                result.message = Redactor::redact(result.message);
                Q_EMIT finished(result);
                return;
            }
            result.ok = true;
            Q_EMIT finished(result);
            return;
        }
        result.error = error;
        result.message = error.toString();
        if (error.mayHaveSucceeded) {
            result.mayHaveBeenCreated = true;
        } else if (m_ledger) {
            DraftStore(*m_ledger).abandon(result.localId, Redactor::redact(error.toString()));
        }
        result.message = Redactor::redact(result.message);
        Q_EMIT finished(result);
    });
}

} // namespace bs
