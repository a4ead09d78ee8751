#pragma once

#include "ledger/retryclass.h"

#include <QDateTime>
#include <QString>

namespace bs {

// One failed item in the retry queue (RetryQueue).
struct RetryItem {
    enum class State { Pending, Drafted, Resent, Dismissed };

    qint64 id = 0;
    QString batchId; // batch the failed item came from
    QString customId;
    RetryClass retryClass = RetryClass::FixRequired;
    QString errorType;
    QString errorMessage;
    int attempt = 1; // attempts made so far (the failed one included)
    State state = State::Pending;
    QString draftLocalId;  // the retry draft, once drafted
    QString resentBatchId; // the new batch, once created
    QDateTime enqueuedAt;
    QDateTime resentAt;

    static QString stateName(State state);
    static State stateFromName(const QString& name);
};

} // namespace bs
