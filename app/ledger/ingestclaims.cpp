#include "ingestclaims.h"

#include "ledger/ledgervalues.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSysInfo>

#include <cerrno>
#include <signal.h>

namespace bs {

using namespace ledgervalues;

QString IngestClaims::processHolder() {
    static const QString holder =
        QStringLiteral("%1:%2:%3")
            .arg(QSysInfo::machineHostName())
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    return holder;
}

bool IngestClaims::holderIsGone(const QString& holder) {
    const QStringList parts = holder.split(QLatin1Char(':'));
    if (parts.size() != 3 || parts[0] != QSysInfo::machineHostName())
        return false; // another machine's, or not ours to judge: wait for the expiry
    bool ok = false;
    const qint64 pid = parts[1].toLongLong(&ok);
    if (!ok || pid <= 0 || pid == QCoreApplication::applicationPid())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

IngestClaims::Outcome IngestClaims::claim(const QString& batchId, const QString& holder,
                                          const QDateTime& now, qint64 ttlMs, Claim* current,
                                          bool evenIfIngested) {
    if (!ensureThread("IngestClaims::claim"))
        return Outcome::Failed;
    // The write lock first: what another process claimed before is seen, and nobody can claim
    // in between the read and the write.
    if (!beginWrite())
        return Outcome::Failed;
    const auto failed = [this] {
        rollback();
        return Outcome::Failed;
    };
    QSqlQuery& done =
        prepared(QStringLiteral("SELECT results_ingested_at FROM batches WHERE id = ?"));
    done.bindValue(0, batchId);
    if (!run(done))
        return failed();
    const bool ingested = done.next() && !done.value(0).isNull();
    done.finish();
    if (ingested && !evenIfIngested) {
        rollback();
        return Outcome::AlreadyIngested;
    }
    QSqlQuery& sel = prepared(QStringLiteral(
        "SELECT holder, claimed_at, expires_at FROM ingest_claims WHERE batch_id = ?"));
    sel.bindValue(0, batchId);
    if (!run(sel))
        return failed();
    if (sel.next()) {
        Claim c{batchId, sel.value(0).toString(), timeFrom(sel.value(1)), timeFrom(sel.value(2))};
        sel.finish();
        if (c.holder != holder && c.expiresAt.isValid() && c.expiresAt > now &&
            !holderIsGone(c.holder)) {
            if (current)
                *current = c;
            rollback();
            return Outcome::HeldElsewhere;
        }
    }
    sel.finish();
    QSqlQuery& put = prepared(QStringLiteral(
        "INSERT OR REPLACE INTO ingest_claims(batch_id, holder, claimed_at, expires_at) "
        "VALUES (?, ?, ?, ?)"));
    put.bindValue(0, batchId);
    put.bindValue(1, holder);
    put.bindValue(2, timeValue(now));
    put.bindValue(3, timeValue(now.addMSecs(ttlMs)));
    if (!run(put))
        return failed();
    put.finish();
    if (!commit())
        return Outcome::Failed;
    if (current)
        *current = {batchId, holder, now, now.addMSecs(ttlMs)};
    return Outcome::Claimed;
}

bool IngestClaims::renew(const QString& batchId, const QString& holder, const QDateTime& now,
                         qint64 ttlMs) {
    if (!ensureThread("IngestClaims::renew"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE ingest_claims SET expires_at = ? WHERE batch_id = ? AND holder = ?"));
    q.bindValue(0, timeValue(now.addMSecs(ttlMs)));
    q.bindValue(1, batchId);
    q.bindValue(2, holder);
    if (!run(q))
        return false;
    const bool mine = q.numRowsAffected() > 0;
    q.finish();
    return mine;
}

bool IngestClaims::release(const QString& batchId, const QString& holder) {
    if (!ensureThread("IngestClaims::release"))
        return false;
    QSqlQuery& q =
        prepared(QStringLiteral("DELETE FROM ingest_claims WHERE batch_id = ? AND holder = ?"));
    q.bindValue(0, batchId);
    q.bindValue(1, holder);
    if (!run(q))
        return false;
    q.finish();
    return true;
}

std::optional<IngestClaims::Claim> IngestClaims::find(const QString& batchId) {
    if (!ensureThread("IngestClaims::find"))
        return std::nullopt;
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT holder, claimed_at, expires_at FROM ingest_claims WHERE batch_id = ?"));
    q.bindValue(0, batchId);
    if (!run(q) || !q.next()) {
        q.finish();
        return std::nullopt;
    }
    Claim c{batchId, q.value(0).toString(), timeFrom(q.value(1)), timeFrom(q.value(2))};
    q.finish();
    return c;
}

} // namespace bs
