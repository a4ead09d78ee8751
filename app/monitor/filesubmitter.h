#pragma once

#include "api/apierror.h"
#include "intake/batchsplitter.h"
#include "intake/budgetgate.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace bs {

class ApiClient;
class CreateBodyFile;
class DraftSubmitter;
class Ledger;
class PriceBook;

// Submits one JSONL file, the way `batchscope-cli submit` and the console's submit dialog both
// do it:
//  1. Reading (unless Options::checked): scans the file again (JsonlScanner: the problems, the
//  split, the estimate per
//     batch); errors stop it, warnings too unless accepted, a request count other than the one
//     the caller checked (expectedRequests) means the file changed;
//  2. the budget gate (BudgetGate::reserve): check and write-ahead drafts with their
//     reservations in one write transaction; blocked = nothing written (unless overridden);
//  3. Storing: every request into its draft, in chunks, params as the exact bytes of the file
//     (a file whose SHA-256 differs from the reading pass's = changed: nothing sent);
//     Each part's create body is written to a temporary file in the same pass;
//  4. Sending: DraftSubmitter for each draft in order (with the body built while storing); a
//     failure abandons the drafts after it.
// Lives on the thread that owns its ApiClient and Ledger; steps 1 and 3 run on it in one go
// (a worker thread in the console), reporting progress().
class FileSubmitter : public QObject {
    Q_OBJECT

public:
    // A scan of the file the caller made already, with the same options (prices, limits,
    // input ratios, the ledger's custom_ids; errors and unaccepted warnings stopped it), and the
    // file's SHA-256 taken in that scan: the reading pass is skipped (the CLI's check is that
    // pass). The storing pass still compares the digest, so a file changed since is caught.
    struct Checked {
        qint64 requests = -1;
        QString sha256;
        QList<QList<JsonlScanner::ModelEstimate>> parts;
    };

    struct Options {
        BatchSplitter::Limits limits;
        bool acceptWarnings = false;
        QString overrideReason;       // non-empty (trimmed): send past a budget, recorded
        QString submittedBy;          // empty: $USER
        QString profile;              // the profile the batches are recorded under (Profiles)
        qint64 expectedRequests = -1; // from the check; a different count = the file changed
        // count_tokens calibration per model (TokenCalibrator::Result::ratios()): the estimate
        // and the reservation use it, as the check that showed them did. Empty: local.
        QHash<QString, JsonlScanner::Options::InputRatio> inputRatios;
        std::optional<Checked> checked; // set: no reading pass (see Checked)
    };

    struct Result {
        bool ok = false;
        bool blocked = false; // a budget would be passed: nothing written (see verdict)
        bool cancelled = false;
        bool mayHaveBeenCreated = false; // a create's answer was lost: the draft is reconciled
        bool fileProblem = false;        // invalid, unreadable or changed: nothing sent
        BudgetGate::Verdict verdict;
        QStringList localIds;        // the drafts made (empty when nothing was written)
        QStringList createdBatchIds; // in file order
        qint64 requests = 0;
        qint64 overrideId = -1; // the recorded override, when one was needed
        ApiError error;         // when a create failed
        QString message;        // translated, redacted; empty when ok
    };

    enum class Stage { Reading, Storing, Sending };
    Q_ENUM(Stage)

    FileSubmitter(ApiClient* client, Ledger* ledger, QObject* parent = nullptr);
    ~FileSubmitter() override;

    // Asynchronous: finished() follows exactly once (also for failures found at once). One
    // submission at a time.
    void submit(const QString& path, const Options& options);
    // Stops reading or storing (the drafts are abandoned, their reservations released). During
    // sending, the create being built or uploaded stops: its draft is abandoned when the server
    // cannot have it whole, or left "creating" for reconciliation with the list when its body
    // was sent (Result::mayHaveBeenCreated); the drafts after it are abandoned. A create already
    // answered is kept. Thread-safe: may be called from any thread.
    void cancel();

Q_SIGNALS:
    // Reading: bytes of the file read; Storing: requests stored; Sending: bytes of the current
    // part's create body uploaded (partSending says which part).
    void progress(bs::FileSubmitter::Stage stage, qint64 done, qint64 total);
    // Part `index` (0-based) of `count` is being built and uploaded.
    void partSending(int index, int count);
    // The write-ahead rows exist: a view can show them at once.
    void draftsReserved(const QStringList& localIds);
    void finished(const bs::FileSubmitter::Result& result);

private:
    void run();
    bool read(Result* result, QList<QList<JsonlScanner::ModelEstimate>>* parts);
    bool store(Result* result);
    void sendNext();
    void abandonFrom(qsizetype index, const QString& note);
    void finish(Result result);

    QPointer<ApiClient> m_client;
    QPointer<Ledger> m_ledger;
    std::unique_ptr<PriceBook> m_prices; // loaded once per submission
    DraftSubmitter* m_drafts = nullptr;
    std::vector<std::unique_ptr<CreateBodyFile>> m_bodies; // per part, built while storing
    QString m_path;
    QString m_sha256; // of the file as the reading pass saw it
    Options m_options;
    Result m_result;
    qsizetype m_next = 0;
    bool m_busy = false;
    std::atomic<bool> m_cancel{false};
};

} // namespace bs

Q_DECLARE_METATYPE(bs::FileSubmitter::Result)
