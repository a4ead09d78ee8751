#pragma once

#include "api/apierror.h"
#include "api/messagebatch.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

namespace bs {

class ApiClient;
class Ledger;

// Sends one write-ahead draft: builds the create body from the requests the ledger holds for
// it (streamed out of SQLite into one buffer, BatchRequestsBuilder), marks the draft
// "creating", sends the create and attaches the server's answer. A create that failed for sure
// abandons the draft (its retry items go back to pending); one whose answer was lost
// (ApiError::mayHaveSucceeded) stays "creating" so the Poller can reconcile it against the
// list instead of sending it twice.
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
    };

    DraftSubmitter(ApiClient* client, Ledger* ledger, QObject* parent = nullptr);

    // Asynchronous; finished() follows exactly once (also for local failures).
    void submit(const QString& localId);

Q_SIGNALS:
    void finished(const bs::DraftSubmitter::Result& result);

private:
    void fail(Result result);

    QPointer<ApiClient> m_client;
    QPointer<Ledger> m_ledger;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::DraftSubmitter::Result)
