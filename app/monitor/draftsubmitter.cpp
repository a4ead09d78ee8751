#include "draftsubmitter.h"

#include "api/apiclient.h"
#include "api/batchjob.h"
#include "core/redactor.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "monitor/createbodyfile.h"

#include <QTimer>

#include <memory>

namespace bs {

// One draft on its way: the body being built into a temporary file, then the create call.
class DraftSubmitter::Submission : public QObject {
public:
    using QObject::QObject;
    Result result;
    std::unique_ptr<CreateBodyFile> body;
    qint64 lastSeq = 0;
    QPointer<BatchJob> job;
    bool cancelled = false;
    bool sentWhole = false; // when cancelled: the whole body had been sent, no answer yet
};

DraftSubmitter::DraftSubmitter(ApiClient* client, Ledger* ledger, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_ledger(ledger) {
    qRegisterMetaType<bs::DraftSubmitter::Result>();
}

DraftSubmitter::~DraftSubmitter() {
    // A create still running is stopped without a word (nobody listens any more); the draft
    // stays as it is ("creating" ones are reconciled by the list).
    for (Submission* s : std::as_const(m_running)) {
        if (s->job) {
            s->job->disconnect(this);
            s->job->abort();
        }
    }
}

void DraftSubmitter::fail(Result result) {
    result.ok = false;
    result.message = Redactor::redact(result.message);
    // Never from inside submit(): callers connect after calling.
    QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
}

void DraftSubmitter::end(Submission* s, Result result) {
    m_running.removeOne(s);
    result.message = Redactor::redact(result.message);
    // The file goes after the network reply that read it (deleted later, in order).
    s->deleteLater();
    if (!s->cancelled) {
        Q_EMIT finished(result);
        return;
    }
    // From inside cancel() (an abort finishes its job at once): never re-enter the caller.
    QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
}

void DraftSubmitter::submit(const QString& localId) {
    submit(localId, nullptr);
}

void DraftSubmitter::submit(const QString& localId, std::unique_ptr<CreateBodyFile> body) {
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
    auto* s = new Submission(this);
    s->result = result;
    if (body) { // built while the requests were stored: sent as it is
        s->body = std::move(body);
        m_running.append(s);
        QTimer::singleShot(0, s, [this, s] {
            if (m_running.contains(s) && !s->cancelled)
                startCreate(s);
        });
        return;
    }
    s->body = CreateBodyFile::open(m_ledger->path(), &result.message);
    if (!s->body) {
        delete s;
        fail(result);
        return;
    }
    m_running.append(s);
    QTimer::singleShot(0, s, [this, s] { buildSlice(s); });
}

void DraftSubmitter::buildSlice(Submission* s) {
    if (!m_running.contains(s) || s->cancelled)
        return;
    Result result = s->result;
    if (!m_ledger) {
        result.message = tr("Internal error: no API client or ledger.");
        end(s, result);
        return;
    }
    QString buildError;
    int read = 0;
    const bool ok = DraftStore(*m_ledger).forEachRequest(
        result.localId, s->lastSeq, kSliceRequests,
        [&](const StoredRequest& r) {
            ++read;
            if (!s->body->append(r.customId, r.params)) {
                buildError = s->body->errorString();
                return false;
            }
            return true;
        },
        &s->lastSeq);
    if (ok && buildError.isEmpty() && read == kSliceRequests) {
        QTimer::singleShot(0, s, [this, s] { buildSlice(s); }); // the next slice, next turn
        return;
    }
    if (ok && buildError.isEmpty() && !s->body->finish())
        buildError = s->body->errorString();
    const bool empty = ok && buildError.isEmpty() && s->body->count() == 0;
    if (!ok || !buildError.isEmpty() || empty) {
        result.message = !buildError.isEmpty() ? buildError
                         : !ok                 ? m_ledger->lastError()
                               : tr("Draft %1 holds no requests.").arg(result.localId);
        DraftStore(*m_ledger).abandon(result.localId, Redactor::redact(result.message));
        end(s, result);
        return;
    }
    startCreate(s);
}

void DraftSubmitter::startCreate(Submission* s) {
    Result result = s->result;
    if (!m_client) {
        result.message = tr("Internal error: no API client or ledger.");
        end(s, result);
        return;
    }
    if (!DraftStore(*m_ledger).markCreating(result.localId)) {
        result.message = m_ledger->lastError();
        end(s, result);
        return;
    }
    const qint64 size = s->body->file()->size();
    s->job = m_client->createBatch(s->body->file(), size);
    Q_EMIT uploadProgress(0, size);
    connect(s->job, &ApiJob::uploadProgress, this, &DraftSubmitter::uploadProgress);
    connect(s->job, &BatchJob::finished, this,
            [this, s](const ApiError& error) { createFinished(s, error); });
}

void DraftSubmitter::createFinished(Submission* s, const ApiError& error) {
    Result result = s->result;
    if (error.isOk()) {
        result.batch = s->job->batch();
        if (!m_ledger || !DraftStore(*m_ledger).attach(result.localId, result.batch)) {
            result.message =
                tr("Batch %1 was created but could not be recorded: %2")
                    .arg(result.batch.id, m_ledger ? m_ledger->lastError() : QString());
            end(s, result);
            return;
        }
        result.ok = true;
        end(s, result);
        return;
    }
    result.error = error;
    result.message = error.toString();
    if (s->cancelled) {
        result.cancelled = true;
        if (s->sentWhole) {
            result.mayHaveBeenCreated = true;
            result.message = tr("Canceled after the whole request body was sent: the batch may "
                                "have been created; the next refresh of the batch list "
                                "reconciles it.");
        } else {
            result.message = tr("Canceled before the request body was sent whole: no batch was "
                                "created.");
            if (m_ledger)
                DraftStore(*m_ledger).abandon(result.localId, tr("canceled before it was sent"));
        }
    } else if (error.mayHaveSucceeded) {
        result.mayHaveBeenCreated = true;
    } else if (m_ledger) {
        DraftStore(*m_ledger).abandon(result.localId, Redactor::redact(error.toString()));
    }
    end(s, result);
}

void DraftSubmitter::cancel() {
    const QList<Submission*> running = m_running;
    for (Submission* s : running) {
        if (!m_running.contains(s) || s->cancelled)
            continue;
        s->cancelled = true;
        if (s->job) {
            // Only the attempt on the wire can have reached the server whole; between attempts
            // the last one was answered (an answer that failed it for sure).
            s->sentWhole = s->job->isSending() && s->job->bytesUploaded() >= s->job->uploadSize();
            s->job->abort(); // createFinished() follows
            continue;
        }
        Result result = s->result;
        result.cancelled = true;
        result.message = tr("Canceled before the request body was sent: no batch was created.");
        if (m_ledger)
            DraftStore(*m_ledger).abandon(result.localId, tr("canceled before it was sent"));
        end(s, result);
    }
}

} // namespace bs
