#include "alertlog.h"

#include "core/redactor.h"
#include "ledger/ledgervalues.h"

namespace bs {

using namespace ledgervalues;

QString AlertRecord::deliveryName(Delivery d) {
    switch (d) {
    case Delivery::None:
        return QStringLiteral("none");
    case Delivery::Pending:
        return QStringLiteral("pending");
    case Delivery::Delivered:
        return QStringLiteral("delivered");
    case Delivery::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("none");
}

AlertRecord::Delivery AlertRecord::deliveryFromName(const QString& name) {
    if (name == QLatin1String("pending"))
        return Delivery::Pending;
    if (name == QLatin1String("delivered"))
        return Delivery::Delivered;
    if (name == QLatin1String("failed"))
        return Delivery::Failed;
    return Delivery::None;
}

qint64 AlertLog::append(const AlertRecord& alert) {
    if (!ensureThread("AlertLog::append"))
        return -1;
    QSqlQuery& q = prepared(
        QStringLiteral("INSERT INTO alerts(at, severity, kind, batch_id, message, subject, "
                       "period, delivery) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, timeValue(alert.at.isValid() ? alert.at : QDateTime::currentDateTimeUtc()));
    q.bindValue(1, alert.severity.isEmpty() ? QStringLiteral("info") : alert.severity);
    q.bindValue(2, alert.kind);
    q.bindValue(3, textValue(alert.batchId));
    // The log is shown and exported: nothing secret goes in, whoever wrote the message.
    q.bindValue(4, Redactor::redact(alert.message));
    q.bindValue(5, textValue(alert.subject));
    q.bindValue(6, textValue(alert.period));
    q.bindValue(7, AlertRecord::deliveryName(alert.delivery));
    if (!run(q))
        return -1;
    const qint64 id = q.lastInsertId().toLongLong();
    notify(Change::Alerts, alert.batchId.isEmpty() ? QStringList() : QStringList{alert.batchId});
    return id;
}

bool AlertLog::setDelivery(qint64 id, AlertRecord::Delivery delivery, int attempts,
                           const QString& note) {
    if (!ensureThread("AlertLog::setDelivery"))
        return false;
    QSqlQuery& q = prepared(
        QStringLiteral("UPDATE alerts SET delivery = ?, delivery_attempts = ?, delivery_note = ?, "
                       "delivered_at = ? WHERE id = ?"));
    q.bindValue(0, AlertRecord::deliveryName(delivery));
    q.bindValue(1, attempts);
    q.bindValue(2, textValue(Redactor::redact(note)));
    q.bindValue(3, delivery == AlertRecord::Delivery::Delivered
                       ? timeValue(QDateTime::currentDateTimeUtc())
                       : QVariant());
    q.bindValue(4, id);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1) {
        fail(QStringLiteral("AlertLog::setDelivery: no alert %1").arg(id));
        return false;
    }
    notify(Change::Alerts);
    return true;
}

QList<AlertRecord> AlertLog::recent(const QDateTime& since, int limit) {
    if (!ensureThread("AlertLog::recent"))
        return {};
    return select(QStringLiteral("WHERE (? IS NULL OR at >= ?) ORDER BY at DESC, id DESC LIMIT ?"),
                  {timeValue(since), timeValue(since), limit});
}

std::optional<AlertRecord> AlertLog::find(qint64 id) {
    if (!ensureThread("AlertLog::find"))
        return std::nullopt;
    const auto list = select(QStringLiteral("WHERE id = ?"), {id});
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<AlertRecord> AlertLog::select(const QString& where, const QVariantList& binds) {
    QList<AlertRecord> list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, severity, kind, batch_id, message, subject, period, "
                             "delivery, delivery_attempts, delivery_note, delivered_at "
                             "FROM alerts ") +
              where);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!run(q))
        return list;
    while (q.next()) {
        AlertRecord a;
        a.id = q.value(0).toLongLong();
        a.at = timeFrom(q.value(1));
        a.severity = q.value(2).toString();
        a.kind = q.value(3).toString();
        a.batchId = q.value(4).toString();
        a.message = q.value(5).toString();
        a.subject = q.value(6).toString();
        a.period = q.value(7).toString();
        a.delivery = AlertRecord::deliveryFromName(q.value(8).toString());
        a.deliveryAttempts = q.value(9).toInt();
        a.deliveryNote = q.value(10).toString();
        a.deliveredAt = timeFrom(q.value(11));
        list.append(a);
    }
    return list;
}

} // namespace bs
