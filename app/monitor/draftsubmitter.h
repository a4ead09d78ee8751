#pragma once

#include "api/apierror.h"
#include "api/messagebatch.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <memory>

namespace bs {

class ApiClient;
class CreateBodyFile;
class Ledger;

// Sends one write-ahead draft: streams the requests the ledger holds for it (a slice per
// event-loop turn) through BatchRequestsBuilder into a temporary file beside the ledger, marks
// the draft "creating", uploads that file as the create body (never the whole body in memory)
// and attaches the server's answer. A create that failed for sure abandons the draft (its retry
// items go back to pending); one whose answer was lost (ApiError::mayHaveSucceeded) stays
// "creating" so the Poller can reconcile it against the list instead of sending it twice.
//
// cancel() stops every submission not yet answered: while its body is being built or uploaded
// the draft is abandoned (the server cannot have a body it did not receive whole); once the
// whole body was sent the draft stays "creating" (it may exist; the list reconciles it).
class DraftSubmitter : public QObject {
    Q_OBJECT

public:
    struct Result {
        QString localId;
        MessageBatch batch; // the created batch, when ok
        ApiError error;     // when the create call failed
        QString message;    // user-readable, translated, redacted; empty when ok
        bool ok = false;
        bool mayHaveBeenCreated = false; // draft left "creating" for reconciliation
        bool cancelled = false;          // cancel() ended it before the create was answered
    };

    // Requests read from the ledger per event-loop turn while the body is built.
    static constexpr int kSliceRequests = 2000;

    DraftSubmitter(ApiClient* client, Ledger* ledger, QObject* parent = nullptr);
    ~DraftSubmitter() override;

    // Asynchronous; finished() follows exactly once (also for local failures). The body is
    // built from the draft's stored requests, unless `body` is given: the finished body of
    // exactly those requests, built while they were stored (FileSubmitter), sent as it is.
    void submit(const QString& localId);
    void submit(const QString& localId, std::unique_ptr<CreateBodyFile> body);

public Q_SLOTS:
    // Cancels every submission not answered yet; each one's finished() says cancelled.
    void cancel();

Q_SIGNALS:
    void finished(const bs::DraftSubmitter::Result& result);
    // Create body bytes sent, of total (the body's size), for the submission being uploaded;
    // (0, total) when its upload starts, (total, total) once it is all sent.
    void uploadProgress(qint64 sent, qint64 total);

private:
    class Submission;
    void fail(Result result);
    void buildSlice(Submission* s);
    void startCreate(Submission* s);
    void createFinished(Submission* s, const ApiError& error);
    void end(Submission* s, Result result);

    QPointer<ApiClient> m_client;
    QPointer<Ledger> m_ledger;
    QList<Submission*> m_running;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::DraftSubmitter::Result)
