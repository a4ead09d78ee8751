#pragma once

#include <QDateTime>
#include <QString>

namespace bs {

// One entry of the alert log (AlertLog).
struct AlertRecord {
    qint64 id = 0;
    QDateTime at;
    QString severity; // "info" | "warning" | "critical"
    QString kind;     // e.g. "batch_ended", "budget_exceeded", "errored_items"
    QString batchId;  // may be empty
    QString message;  // already redacted, user-visible text
};

} // namespace bs
