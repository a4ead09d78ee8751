#pragma once

#include "api/apiclient.h"
#include "api/messagebatch.h"
#include "cost/money.h"
#include "cost/pricebook.h"
#include "ledger/storedrequest.h"
#include "monitor/ingestrecords.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

// Shared by tests/monitor, tests/e2e and tests/bench: create a batch against a simulator the way
// the app does (write-ahead first), wait for it to end, ingest it, and check the ledger with
// means independent of the ingestion path.
namespace bs::test {

// n requests "req-000001".. of mixed shapes: plain, cached prefix (5m and 1h), web search, and
// every `invalidEvery`-th one with an unknown model (an errored invalid_request_error result).
// maxTokens 600 gives result lines of about 2 KB.
// varied = false: plain requests only (small create bodies, for 100k-request benchmarks).
QList<StoredRequest> makeRequests(int n, int maxTokens = 64, int invalidEvery = 0,
                                  bool varied = true);

// A client for the simulator at `base` with tiny retry delays (timeScale) and a short grace.
ApiConfig simConfig(const QUrl& base);
RetryPolicy fastRetryPolicy(int maxRetries = 6);

// Write-ahead (draft, requests, creating) in the ledger at ledgerPath, create through `client`,
// attach, then retrieve until ended. sendCount >= 0: only the first sendCount requests are
// sent (the others stay stored: they are the batch's missing results). Empty on failure (*error
// says why).
std::optional<MessageBatch> createAndWaitEnded(ApiClient& client, const QString& ledgerPath,
                                               const QList<StoredRequest>& requests, QString* error,
                                               int sendCount = -1, bool waitEnded = true);
// Asks the simulator to move its clock forward (POST /_sim/clock).
bool advanceSimClock(const QUrl& base, qint64 seconds);
// A control call to the simulator (/_sim/faults, /_sim/clock): the answer's body, or a null
// QByteArray when it failed.
QByteArray simControl(const QUrl& base, const QByteArray& method, const QString& path,
                      const QByteArray& body = {});

// Runs a ResultIngestor to the end (with its own event loop) and returns its report.
IngestReport ingest(const IngestOptions& options, const MessageBatch& batch,
                    int timeoutMs = 240000);

// The independent check: downloads the results with a plain QNetworkAccessManager, parses each
// line with QJsonDocument, prices it with CostCalculator on `day`.
struct IndependentTotals {
    qint64 lines = 0;
    qint64 distinctIds = 0;
    Money micros = 0;
    qint64 unpriced = 0;
    qint64 succeeded = 0;
    qint64 notSucceeded = 0;
    bool ok = false;
    QString error;
};
IndependentTotals independentTotals(const ApiConfig& config, const MessageBatch& batch,
                                    const PriceBook& book);

// The ledger's own SQL totals for one batch, read through a separate plain connection.
struct LedgerTotals {
    qint64 rows = 0;
    Money micros = 0; // SUM(cost_micros)
    qint64 unpriced = 0;
    qint64 retryItems = 0;
    bool ingested = false;
};
LedgerTotals ledgerTotals(const QString& ledgerPath, const QString& batchId);

// Every results row (ordered by batch_id, custom_id; every column, ingested_at only when
// withIngestedAt) and every retry-queue row (without its id and enqueued_at), one text line
// each, for comparing two ledgers.
QStringList dumpLedger(const QString& ledgerPath, bool withIngestedAt);

QDate spendDay(const MessageBatch& batch);

// The batch's results file as the server sends it (a plain GET of results_url, a few attempts);
// empty on failure.
QByteArray fetchResultsFile(const ApiConfig& config, const MessageBatch& batch);

} // namespace bs::test
