#include "alertstate.h"

#include "ledger/alertlog.h"
#include "ledger/ledgervalues.h"

#include <QSet>

namespace bs {

using namespace ledgervalues;

namespace {
// Key parts are NOT NULL: an empty part is stored as '' (a null QString would bind as NULL).
QString part(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

QString keyText(const AlertKey& k) {
    return k.rule + QChar(0x1f) + k.subject + QChar(0x1f) + k.period;
}
} // namespace

bool AlertState::apply(const QList<AlertCondition>& holding, const QStringList& evaluatedRules,
                       const QDateTime& now, bool withDelivery, QList<Fired>* fired) {
    if (!ensureThread("AlertState::apply"))
        return false;
    QList<Fired> out;
    // The state is read inside the write lock: what another watcher committed before is seen,
    // and nobody else can commit in between.
    if (!beginWrite())
        return false;

    QSet<QString> holdingKeys;
    for (const AlertCondition& c : holding) {
        const QString k = keyText(c.key);
        if (holdingKeys.contains(k))
            continue; // the same condition twice in one evaluation fires once
        holdingKeys.insert(k);

        QSqlQuery& sel = prepared(QStringLiteral(
            "SELECT active FROM alert_state WHERE rule = ? AND subject = ? AND period = ?"));
        sel.bindValue(0, part(c.key.rule));
        sel.bindValue(1, part(c.key.subject));
        sel.bindValue(2, part(c.key.period));
        if (!run(sel))
            break;
        const bool known = sel.next();
        const bool active = known && sel.value(0).toInt() == 1;
        sel.finish();
        if (active)
            continue; // fired before and still holding: nothing new

        AlertRecord a = c.alert;
        a.at = now;
        a.kind = c.key.rule;
        a.subject = c.key.subject;
        a.period = c.key.period;
        a.delivery = withDelivery ? AlertRecord::Delivery::Pending : AlertRecord::Delivery::None;
        qint64 id = 0;
        if (!c.quiet) {
            id = AlertLog(ledger()).append(a);
            if (id < 0)
                break;
        }

        QSqlQuery& up = prepared(QStringLiteral(
            "INSERT INTO alert_state(rule, subject, period, active, fired_at, cleared_at, "
            "fire_count, alert_id) VALUES(?, ?, ?, 1, ?, NULL, 1, ?) "
            "ON CONFLICT(rule, subject, period) DO UPDATE SET active = 1, "
            "fired_at = excluded.fired_at, cleared_at = NULL, fire_count = fire_count + 1, "
            "alert_id = excluded.alert_id"));
        up.bindValue(0, part(c.key.rule));
        up.bindValue(1, part(c.key.subject));
        up.bindValue(2, part(c.key.period));
        up.bindValue(3, timeValue(now));
        up.bindValue(4, id > 0 ? QVariant(id) : QVariant());
        if (!run(up))
            break;
        if (c.quiet)
            continue;
        a.id = id;
        out.append({AlertCondition{c.key, a, false}, id});
    }

    // Clear what no longer holds, for the rules this evaluation looked at.
    if (!evaluatedRules.isEmpty()) {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT rule, subject, period FROM alert_state WHERE active = 1"));
        if (run(q)) {
            QList<AlertKey> toClear;
            while (q.next()) {
                AlertKey k{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
                if (evaluatedRules.contains(k.rule) && !holdingKeys.contains(keyText(k)))
                    toClear.append(k);
            }
            q.finish();
            for (const AlertKey& k : toClear) {
                QSqlQuery& clr =
                    prepared(QStringLiteral("UPDATE alert_state SET active = 0, cleared_at = ? "
                                            "WHERE rule = ? AND subject = ? AND period = ?"));
                clr.bindValue(0, timeValue(now));
                clr.bindValue(1, part(k.rule));
                clr.bindValue(2, part(k.subject));
                clr.bindValue(3, part(k.period));
                if (!run(clr))
                    break;
            }
        }
    }

    if (!commit())
        return false;
    if (fired)
        *fired = out;
    return true;
}

QList<AlertKey> AlertState::active() {
    QList<AlertKey> list;
    if (!ensureThread("AlertState::active"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT rule, subject, period FROM alert_state WHERE active = 1 "
                               "ORDER BY rule, subject, period"))) {
        failQuery(q);
        return list;
    }
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return list;
}

} // namespace bs
