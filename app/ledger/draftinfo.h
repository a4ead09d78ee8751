#pragma once

#include "ledger/batchrecord.h"

#include <QDateTime>
#include <QString>

namespace bs {

// A write-ahead draft: the local batch that exists before the server id is known.
// State machine: stored -> creating -> created (batch id attached)
//                stored|creating -> abandoned (nothing was / will be created)
// After a crash: "stored" was never sent (safe to send); "creating" may or may not exist on
// the server -> reconcile with DraftStore::matchForBatch() against the list endpoint.
struct DraftInfo {
    enum class State { Stored, Creating, Created, Abandoned };

    QString localId; // "local_<uuid>"
    State state = State::Stored;
    QString batchId; // set once created
    BatchLocal local;
    qint64 requestCount = 0;
    QDateTime createdAt;  // when the draft was stored
    QDateTime creatingAt; // when the create call was about to be sent
    QString note;         // e.g. why it was abandoned

    static QString stateName(State state);
    static State stateFromName(const QString& name);
};

} // namespace bs
