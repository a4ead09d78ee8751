#include "alertlog.h"

#include "ledger/ledgervalues.h"

namespace bs {

using namespace ledgervalues;

qint64 AlertLog::append(const AlertRecord& alert) {
    if (!ensureThread("AlertLog::append"))
        return -1;
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO alerts(at, severity, kind, batch_id, message) VALUES(?, ?, ?, ?, ?)"));
    q.bindValue(0, timeValue(alert.at.isValid() ? alert.at : QDateTime::currentDateTimeUtc()));
    q.bindValue(1, alert.severity.isEmpty() ? QStringLiteral("info") : alert.severity);
    q.bindValue(2, alert.kind);
    q.bindValue(3, textValue(alert.batchId));
    q.bindValue(4, alert.message);
    if (!run(q))
        return -1;
    const qint64 id = q.lastInsertId().toLongLong();
    notify(Change::Alerts, alert.batchId.isEmpty() ? QStringList() : QStringList{alert.batchId});
    return id;
}

QList<AlertRecord> AlertLog::recent(const QDateTime& since, int limit) {
    QList<AlertRecord> list;
    if (!ensureThread("AlertLog::recent"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, severity, kind, batch_id, message FROM alerts "
                             "WHERE (? IS NULL OR at >= ?) ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(timeValue(since));
    q.addBindValue(timeValue(since));
    q.addBindValue(limit);
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
        list.append(a);
    }
    return list;
}

} // namespace bs
