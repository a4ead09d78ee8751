#pragma once

#include "api/apiconfig.h"
#include "api/apierror.h"
#include "api/retrypolicy.h"
#include "cost/money.h"
#include "cost/pricebook.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Plain records of the ResultIngestor: what it is told, what it reports while running and what
// it reports at the end.

namespace bs {

// How one ingestion runs. Copied into the worker thread.
struct IngestOptions {
    ApiConfig api;           // base URL, key, timeouts (a client is created on the worker)
    RetryPolicy retryPolicy; // per-call retries (429, 5xx, ...); tests set timeScale tiny
    QString ledgerPath;      // the ledger file; the worker opens its own connection on it
    // Downloads in all: a download that breaks part-way (connection reset, truncated last
    // line) is started again from the beginning (the results endpoint has no Range support);
    // the ledger's idempotent insert makes the re-read harmless.
    int maxDownloads = 4;
    // Result rows handed to the writer thread at a time. The writer commits each in a
    // transaction of its own, or, when it falls behind, those that queued up together (up to
    // 20,000 rows: ResultWriter).
    int rowsPerTransaction = 5000;
    int progressIntervalMs = 200; // at most one progress() per interval (plus one per commit)
    // The ingestion claims its batch in the ledger first (IngestClaims: a lease renewed every
    // claimTtlMs / 4 while it runs, released at the end), so that another process on the same
    // ledger does not ingest it at the same time; a batch claimed by a live holder ends as
    // HeldElsewhere. onlyIfNotIngested: a batch already marked ingested ends at once as
    // Completed with nothing read (the poller's automatic ingestion; an explicit one re-reads).
    qint64 claimTtlMs = 120000;
    bool onlyIfNotIngested = false;
    // Prices; empty = PriceBook::load() (built-in plus the user's override file).
    std::optional<PriceBook> priceBook;
    // Test hooks (listed in tests/README.md, "Test hooks"; production code leaves them at 0):
    // stop (as if canceled) after this many rows are committed; 0 = never.
    qint64 stopAfterCommittedRows = 0;
    // After this many rows are committed, the writer writes its next chunk into a transaction
    // it never commits and waits there (for a test that kills the process); 0 = never. The hold
    // ends on cancel() (rolled back, Canceled) or after holdTimeoutMs (rolled back, Failed).
    qint64 holdAfterCommittedRows = 0;
    int holdTimeoutMs = 60000;
};

// One line of the results file that could not be used. lineNumber counts from 1.
struct MalformedLine {
    qint64 lineNumber = 0;
    QString message; // translated, says what is wrong (batch id and line number included)

    friend bool operator==(const MalformedLine&, const MalformedLine&) = default;
};

struct IngestProgress {
    QString batchId;
    int download = 1;          // 1 for the first download, +1 per restart
    qint64 linesRead = 0;      // lines parsed in this download
    qint64 bytesRead = 0;      // bytes of complete lines received in this download
    qint64 bytesExpected = -1; // not known in advance (-1)
    qint64 linesCommitted = 0; // lines of this download whose rows are committed to the ledger
    qint64 rowsInserted = 0;   // rows newly inserted by this ingestion (all downloads)
};

struct IngestReport {
    Q_DECLARE_TR_FUNCTIONS(bs::IngestReport)

public:
    enum class Status {
        Completed, // the whole results file was read and stored
        Failed,    // see error / errorMessage; what was committed stays (re-run to finish)
        Canceled,
        HeldElsewhere, // another process holds the batch's claim: it is ingesting it
    };

    QString batchId;
    Status status = Status::Failed;
    ApiError error;       // the API failure, when the download or the retrieve failed
    QString errorMessage; // translated, what failed and what to do (empty when Completed)
    int downloads = 0;    // downloads started (1 + restarts)

    // Of the last (complete) download:
    qint64 lines = 0; // result lines read (malformed ones included)
    qint64 bytes = 0;
    qint64 succeeded = 0;
    qint64 errored = 0;
    qint64 canceled = 0;
    qint64 expired = 0;
    qint64 otherType = 0;       // a result.type this version does not know (stored as is)
    qint64 unpriced = 0;        // succeeded lines whose model has no price: cost unknown, not $0
    Money costMicros = 0;       // sum of the priced lines' cost
    qint64 duplicates = 0;      // lines whose custom_id appeared earlier in the same file
    qint64 rowsInserted = 0;    // rows newly inserted by this ingestion (0 on a re-run)
    qint64 retriesEnqueued = 0; // retry-queue items newly enqueued

    qint64 malformedCount = 0;
    QList<MalformedLine> malformed; // the first kMaxMalformedListed of them

    // Completeness against what the batch was created with.
    bool requestsKnown = false;   // the ledger holds the batch's requests (created by us)
    qint64 requestCount = 0;      // stored requests (requestsKnown), else the batch's total
    qint64 resultCount = 0;       // result rows of the batch in the ledger afterwards
    qint64 missingCount = 0;      // requests without a result (for discovered: total - results)
    QStringList missingCustomIds; // requestsKnown only: the first kMaxMissingListed of them
    bool markedIngested = false;
    bool alreadyIngested = false; // onlyIfNotIngested and it was: nothing was read
    QString claimHolder;          // HeldElsewhere: the holder of the claim

    static constexpr int kMaxMalformedListed = 1000;
    static constexpr int kMaxMissingListed = 10000;

    bool isComplete() const { return status == Status::Completed; }
    // One translated paragraph for logs, the CLI and the status bar.
    QString summary() const;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::IngestProgress)
Q_DECLARE_METATYPE(bs::IngestReport)
Q_DECLARE_METATYPE(bs::MalformedLine)
