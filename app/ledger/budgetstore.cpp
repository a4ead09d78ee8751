#include "budgetstore.h"

#include "ledger/ledgervalues.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bs {

using namespace ledgervalues;

namespace {

// The drafts whose reservations still count (see the class comment).
const QString kInFlight = QStringLiteral(
    "SELECT r.model, SUM(r.requests), SUM(r.input_tokens), SUM(r.max_output_tokens), "
    "SUM(r.worst_case_micros), MAX(r.unpriced) FROM draft_reservations r "
    "JOIN drafts d ON d.local_id = r.local_id "
    "LEFT JOIN batches b ON b.id = d.batch_id "
    "WHERE d.state IN ('stored', 'creating') OR (d.state = 'created' AND "
    "(b.id IS NULL OR (b.results_ingested_at IS NULL AND b.gone_at IS NULL AND "
    "b.archived_at IS NULL))) "
    "GROUP BY r.model ORDER BY r.model");

BudgetStore::Reservation reservationFrom(const QSqlQuery& q) {
    BudgetStore::Reservation r;
    r.model = q.value(0).toString();
    r.requests = q.value(1).toLongLong();
    r.inputTokens = q.value(2).toLongLong();
    r.maxOutputTokens = q.value(3).toLongLong();
    r.worstCaseMicros = q.value(4).toLongLong();
    r.unpriced = q.value(5).toLongLong() != 0;
    return r;
}

} // namespace

bool BudgetStore::addReservations(const QString& localId, const QList<Reservation>& reservations) {
    if (!ensureThread("BudgetStore::addReservations"))
        return false;
    if (!beginWrite())
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO draft_reservations(local_id, model, requests, input_tokens, "
        "max_output_tokens, worst_case_micros, unpriced) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    for (const Reservation& r : reservations) {
        q.bindValue(0, localId);
        q.bindValue(1, r.model);
        q.bindValue(2, r.requests);
        q.bindValue(3, r.inputTokens);
        q.bindValue(4, r.maxOutputTokens);
        q.bindValue(5, r.worstCaseMicros);
        q.bindValue(6, r.unpriced ? 1 : 0);
        if (!run(q)) {
            rollback();
            return false;
        }
    }
    notify(Change::Requests);
    return commit();
}

QList<BudgetStore::Reservation> BudgetStore::inFlight() {
    QList<Reservation> list;
    if (!ensureThread("BudgetStore::inFlight"))
        return list;
    QSqlQuery& q = prepared(kInFlight);
    if (!run(q))
        return list;
    while (q.next())
        list.append(reservationFrom(q));
    q.finish();
    return list;
}

QList<BudgetStore::Reservation> BudgetStore::ofDraft(const QString& localId) {
    QList<Reservation> list;
    if (!ensureThread("BudgetStore::ofDraft"))
        return list;
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT model, requests, input_tokens, max_output_tokens, worst_case_micros, unpriced "
        "FROM draft_reservations WHERE local_id = ? ORDER BY requests DESC, model"));
    q.bindValue(0, localId);
    if (!run(q))
        return list;
    while (q.next())
        list.append(reservationFrom(q));
    q.finish();
    return list;
}

QHash<QString, QList<BudgetStore::Reservation>> BudgetStore::ofDrafts() {
    QHash<QString, QList<Reservation>> all;
    if (!ensureThread("BudgetStore::ofDrafts"))
        return all;
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT model, requests, input_tokens, max_output_tokens, worst_case_micros, unpriced, "
        "local_id FROM draft_reservations ORDER BY local_id, requests DESC, model"));
    if (!run(q))
        return all;
    while (q.next())
        all[q.value(6).toString()].append(reservationFrom(q));
    q.finish();
    return all;
}

BudgetStore::Reservation BudgetStore::total(const QList<Reservation>& reservations) {
    Reservation sum;
    for (const Reservation& r : reservations) {
        sum.requests += r.requests;
        sum.inputTokens += r.inputTokens;
        sum.maxOutputTokens += r.maxOutputTokens;
        sum.worstCaseMicros += r.worstCaseMicros;
        sum.unpriced = sum.unpriced || r.unpriced;
    }
    return sum;
}

QList<BudgetStore::Actual> BudgetStore::actualSince(QDate since) {
    QList<Actual> list;
    if (!ensureThread("BudgetStore::actualSince"))
        return list;
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT model, SUM(cost_micros), SUM(input_tokens + cache_creation_input_tokens + "
        "cache_read_input_tokens) FROM day_model_costs WHERE day >= ? GROUP BY model "
        "ORDER BY model"));
    // A null day: every day ("0000-00-00" sorts before any date).
    q.bindValue(0, since.isValid() ? since.toString(Qt::ISODate) : QStringLiteral("0000-00-00"));
    if (!run(q))
        return list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    q.finish();
    return list;
}

QHash<QString, BudgetStore::OutputHistory> BudgetStore::outputHistory() {
    QHash<QString, OutputHistory> map;
    if (!ensureThread("BudgetStore::outputHistory"))
        return map;
    // Batches made from a one-model draft only: batch_costs sums a batch over all its models.
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT r.model, SUM(c.output_tokens), SUM(r.max_output_tokens) "
        "FROM draft_reservations r JOIN drafts d ON d.local_id = r.local_id "
        "AND d.state = 'created' JOIN batches b ON b.id = d.batch_id "
        "AND b.results_ingested_at IS NOT NULL JOIN batch_costs c ON c.batch_id = b.id "
        "WHERE NOT EXISTS (SELECT 1 FROM draft_reservations o WHERE o.local_id = r.local_id "
        "AND o.model <> r.model) GROUP BY r.model"));
    if (!run(q))
        return map;
    while (q.next())
        map.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toLongLong()});
    q.finish();
    return map;
}

qint64 BudgetStore::recordOverride(const Override& entry) {
    if (!ensureThread("BudgetStore::recordOverride"))
        return -1;
    if (entry.reason.trimmed().isEmpty()) {
        fail(tr("An override needs a reason."));
        return -1;
    }
    QSqlQuery& q = prepared(QStringLiteral("INSERT INTO budget_overrides(at, user, reason, "
                                           "local_ids, figures) VALUES(?, ?, ?, ?, ?)"));
    q.bindValue(0, entry.at.isValid() ? timeValue(entry.at) : QVariant(nowText()));
    q.bindValue(1, entry.user.isNull() ? QStringLiteral("") : entry.user); // NOT NULL
    q.bindValue(2, entry.reason.trimmed());
    q.bindValue(3, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(entry.localIds))
                                         .toJson(QJsonDocument::Compact)));
    q.bindValue(4, QString::fromUtf8(QJsonDocument(entry.figures).toJson(QJsonDocument::Compact)));
    if (!run(q))
        return -1;
    const qint64 id = q.lastInsertId().toLongLong();
    notify(Change::Settings);
    return id;
}

QList<BudgetStore::Override> BudgetStore::overrides() {
    QList<Override> list;
    if (!ensureThread("BudgetStore::overrides"))
        return list;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT id, at, user, reason, local_ids, figures FROM "
                               "budget_overrides ORDER BY id"))) {
        failQuery(q);
        return list;
    }
    while (q.next()) {
        Override o;
        o.id = q.value(0).toLongLong();
        o.at = timeFrom(q.value(1));
        o.user = q.value(2).toString();
        o.reason = q.value(3).toString();
        for (const QJsonValue& v : QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array())
            o.localIds.append(v.toString());
        o.figures = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        list.append(o);
    }
    return list;
}

} // namespace bs
