#pragma once

#include "api/messagebatch.h"
#include "cost/costcalculator.h"
#include "cost/money.h"
#include "cost/usage.h"
#include "ledger/retryclass.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>

// Plain records the Ledger reads and writes. Times are UTC; the ledger stores them as
// ISO 8601 text with milliseconds ("2026-11-28T02:52:23.123Z"), which sorts as time.

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

    friend bool operator==(const BatchLocal&, const BatchLocal&) = default;
};

struct BatchRecord {
    MessageBatch batch; // server fields exactly as last seen
    BatchLocal local;
    bool discovered = false;     // created by another tool: tracked, but no params stored
    QDateTime resultsIngestedAt; // null until the results were ingested completely
    QDateTime updatedAt;         // last time a server field changed
};

// A write-ahead draft: the local batch that exists before the server id is known.
// State machine: stored -> creating -> created (batch id attached)
//                stored|creating -> abandoned (nothing was / will be created)
// After a crash: "stored" was never sent (safe to send); "creating" may or may not exist on
// the server -> reconcile with Ledger::matchDraftForBatch() against the list endpoint.
struct DraftInfo {
    enum class State { Stored, Creating, Created, Abandoned };

    QString localId; // "local_<uuid>"
    State state = State::Stored;
    QString batchId; // set once created
    BatchLocal local;
    qint64 requestCount = 0;
    QDateTime createdAt;  // when the draft was stored
    QDateTime creatingAt; // when the create call was about to be sent
    QString note;         // e.g. why it was abandoned

    static QString stateName(State state);
    static State stateFromName(const QString& name);
};

// How the result rows of a batch cover the requests it was created with
// (Ledger::resultCoverage).
struct ResultCoverage {
    qint64 results = 0;  // result rows of the batch
    qint64 requests = 0; // its stored requests (0: created by another tool, none stored)
    qint64 missing = 0;  // stored requests without a result row
};

// One request as submitted: {custom_id, params}. params are the exact JSON bytes of the
// "params" object (the ledger compresses large ones transparently).
struct StoredRequest {
    QString customId;
    QByteArray params;
    int attempt = 1; // 1 for the first submission, +1 per retry

    friend bool operator==(const StoredRequest&, const StoredRequest&) = default;
};

// One result line, ready for the ledger: identity, outcome, every usage field, and its cost.
struct ResultRow {
    QString batchId;
    QString customId;
    QString type; // "succeeded" | "errored" | "canceled" | "expired"
    QString messageId;
    QString model; // as reported by the message (empty unless succeeded)
    QString stopReason;
    Usage usage;
    QString errorType;    // result.error.error.type (errored only)
    QString errorMessage; // result.error.error.message (errored only)
    QString requestId;    // result.error.request_id (errored only)
    Money costMicros = 0; // CostResult::micros
    bool priced = true;   // false: unknown model; costMicros is then NULL in the ledger
    bool longPromptBand = false;
    QDate day; // spend day for reports; null -> the batch's ended_at (else created_at) day

    // Copies cost, priced flag and band from CostCalculator's answer.
    void setCost(const CostResult& cost) {
        costMicros = cost.micros;
        priced = cost.priced;
        longPromptBand = cost.band == PriceBand::LongPrompt;
    }

    friend bool operator==(const ResultRow&, const ResultRow&) = default;
};

struct RetryItem {
    enum class State { Pending, Drafted, Resent, Dismissed };

    qint64 id = 0;
    QString batchId; // batch the failed item came from
    QString customId;
    RetryClass retryClass = RetryClass::FixRequired;
    QString errorType;
    QString errorMessage;
    int attempt = 1; // attempts made so far (the failed one included)
    State state = State::Pending;
    QString draftLocalId;  // the retry draft, once drafted
    QString resentBatchId; // the new batch, once created
    QDateTime enqueuedAt;
    QDateTime resentAt;

    static QString stateName(State state);
    static State stateFromName(const QString& name);
};

struct AlertRecord {
    qint64 id = 0;
    QDateTime at;
    QString severity; // "info" | "warning" | "critical"
    QString kind;     // e.g. "batch_ended", "budget_exceeded", "errored_items"
    QString batchId;  // may be empty
    QString message;  // already redacted, user-visible text
};

struct BudgetSetting {
    enum class Period { Total, Month, Day };

    QString name;
    Money limitMicros = 0;
    Period period = Period::Month;

    static QString periodName(Period period);
    static Period periodFromName(const QString& name);
};

// Sums over results, all integers.
struct CostTotals {
    Money micros = 0;   // priced, billed cost
    qint64 results = 0; // result rows
    qint64 succeeded = 0;
    qint64 errored = 0;
    qint64 canceled = 0;
    qint64 expired = 0;
    qint64 unpriced = 0; // succeeded rows whose model had no price: their cost is unknown
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cacheCreationInputTokens = 0;
    qint64 cacheReadInputTokens = 0;
    qint64 webSearchRequests = 0;

    friend bool operator==(const CostTotals&, const CostTotals&) = default;
};

struct CostGroup {
    QString key; // model id, "YYYY-MM-DD", or batch id
    CostTotals totals;
};

} // namespace bs
