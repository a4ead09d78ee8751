#pragma once

#include "ledger/ledgerstore.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace bs {

// Who is ingesting which batch (schema version 10): a lease per batch, so that two watchers
// (or a watcher and the console) on one ledger never ingest the same batch at once. A claim is
// taken in one write transaction (BEGIN IMMEDIATE) that also checks the batch still needs its
// results; the holder renews it while it works and releases it when it ends. A holder that dies
// leaves a claim that expires: after `expiresAt` anybody may take it over (at once when the
// holder was a process of this machine that no longer runs). Times are passed in
// (no clock here), so that expiry can be tested. Errors: Ledger::lastError().
class IngestClaims : public LedgerStore {
public:
    explicit IngestClaims(Ledger& ledger)
        : LedgerStore(ledger) {}

    struct Claim {
        QString batchId;
        QString holder;
        QDateTime claimedAt;
        QDateTime expiresAt;
    };

    enum class Outcome {
        Claimed,         // this holder has it now (taken, renewed or taken over after expiry)
        HeldElsewhere,   // another holder's claim has not expired: `current` says whose
        AlreadyIngested, // results_ingested_at is set: nothing to do
        Failed,          // the ledger failed (lastError())
    };

    // Takes or renews the claim of batchId for `holder` until now + ttlMs. evenIfIngested: a
    // batch already marked ingested is claimed too (an explicit re-ingestion), instead of
    // AlreadyIngested.
    Outcome claim(const QString& batchId, const QString& holder, const QDateTime& now, qint64 ttlMs,
                  Claim* current = nullptr, bool evenIfIngested = false);
    // Extends holder's own claim to now + ttlMs. False when it does not hold it any more.
    bool renew(const QString& batchId, const QString& holder, const QDateTime& now, qint64 ttlMs);
    // Drops holder's claim (nothing when another holder has it). False on a ledger error.
    bool release(const QString& batchId, const QString& holder);
    std::optional<Claim> find(const QString& batchId);

    // This process's holder name: "host:pid:random", new per process.
    static QString processHolder();
    // A holder of this machine whose process no longer exists (a crash, a SIGKILL): its claim
    // is taken over at once instead of after its expiry.
    static bool holderIsGone(const QString& holder);
};

} // namespace bs
