#pragma once

#include "cost/money.h"

#include <QMetaType>
#include <QString>

namespace bs {

// One desktop notification, as NotificationCenter posts it: an alert this console claimed in the
// ledger (its alert log entry is alertId), for the presenter (tray balloon, or recorded only).
struct Notification {
    qint64 alertId = 0;
    QString rule;     // AlertKey::rule ("batch_ended", "budget", ...)
    QString subject;  // AlertKey::subject
    QString severity; // "info" | "warning" | "critical"
    QString batchId;  // the batch to open when it is clicked; may be empty
    QString title;    // short, translated
    QString message;  // the alert log's text
};

// What the tray icon shows (tooltip and badge), read with each evaluation.
struct NotificationStatus {
    int inFlight = 0;       // batches not ended (gone ones left out)
    qint64 failedItems = 0; // errored + expired items of the ended batches
    int budgetPercent = -1; // the most used USD budget, % of its limit; -1: no budget
    QString budgetName;     // which one
    bool operator==(const NotificationStatus&) const = default;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::Notification)
Q_DECLARE_METATYPE(bs::NotificationStatus)
