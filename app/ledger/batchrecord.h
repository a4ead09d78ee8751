#pragma once

#include "api/messagebatch.h"

#include <QDateTime>
#include <QString>

// Times are UTC; the ledger stores them as ISO 8601 text with milliseconds
// ("2026-11-28T02:52:23.123Z"), which sorts as time.

namespace bs {

// Local fields of a batch that the API does not know.
struct BatchLocal {
    QString sourceFile;   // the JSONL file it was built from (absolute path)
    QString sourceSha256; // hex sha256 of that file
    QString submittedBy;  // operator (user name) who submitted it
    QDateTime submittedAt;
    QString retryOf;   // batch id this batch re-sends items of (lineage); empty if none
    QString workspace; // anthropic-workspace-id it lives in, if known
    QString localId;   // the write-ahead draft it was created from; empty for discovered ones
    // The named profile (Profiles: base URL and keychain entry) it was submitted under; empty
    // means Profiles::defaultName() ("default"), what every older row holds.
    QString profile;

    friend bool operator==(const BatchLocal&, const BatchLocal&) = default;
};

// A batch as the ledger holds it (BatchStore).
struct BatchRecord {
    MessageBatch batch; // server fields exactly as last seen
    BatchLocal local;
    bool discovered = false;     // created by another tool: tracked, but no params stored
    QDateTime resultsIngestedAt; // null until the results were ingested completely
    QDateTime updatedAt;         // last time a server field changed
    // Set when the server answered 404 for it on two polling cycles (deleted elsewhere, or
    // another workspace): no longer polled. Cleared if the server shows it again.
    QDateTime goneAt;
    // Set when this console (or the CLI) deleted it on the server (BatchOperations): its
    // results and costs stay in the ledger.
    QDateTime deletedAt;

    bool isGone() const { return goneAt.isValid(); }
    bool isDeleted() const { return deletedAt.isValid(); }
    // Gone or deleted: the server has nothing more of it to poll or fetch.
    bool isOffServer() const { return isGone() || isDeleted(); }
};

} // namespace bs
