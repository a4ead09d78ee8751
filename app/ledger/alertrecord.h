#pragma once

#include <QDateTime>
#include <QString>

namespace bs {

// One entry of the alert log (AlertLog).
struct AlertRecord {
    enum class Delivery { None, Pending, Delivered, Failed };

    qint64 id = 0;
    QDateTime at;
    QString severity; // "info" | "warning" | "critical"
    QString kind;     // the rule, e.g. "budget", "errored_share", "expiry_near"
    QString batchId;  // may be empty
    QString message;  // already redacted, user-visible text
    // For an alert raised by a rule (AlertState): what it is about and in which period.
    QString subject;
    QString period;
    // How its delivery to a sink (Slack) went; None when no sink was configured.
    Delivery delivery = Delivery::None;
    int deliveryAttempts = 0;
    QString deliveryNote; // why it failed (status, network error); redacted, never the URL
    QDateTime deliveredAt;

    static QString deliveryName(Delivery d);
    static Delivery deliveryFromName(const QString& name);
};

} // namespace bs
