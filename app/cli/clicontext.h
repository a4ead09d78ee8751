#pragma once

#include "api/apierror.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace bs {
class ApiClient;
class BatchJob;
class Ledger;
struct BatchRecord;
struct IngestReport;
} // namespace bs

namespace bs::cli {

class CliOutput;

// What every command shares: the global options (--base-url, --ledger, --json), the output, and
// the two expensive things a command may need, each made on first use only:
// - the ledger (opened, created or migrated) — commands that only read a file never open it;
// - the API client — made only when something is about to be sent, since making it reads the
//   key (SecretStore::findApiKey: ANTHROPIC_API_KEY, else the keychain).
//
// Ledger calls live here and in the commands (see docs/cli.md, "Adding a command").
class CliContext {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::CliContext)

public:
    explicit CliContext(CliOutput& out);
    ~CliContext();
    CliContext(const CliContext&) = delete;
    CliContext& operator=(const CliContext&) = delete;

    CliOutput& out() { return m_out; }

    // Global options; an empty value keeps the default.
    void setBaseUrl(const QString& url) { m_baseUrl = url; }
    void setLedgerPath(const QString& path) { m_ledgerPath = path; }
    QString ledgerPath() const; // --ledger, else the app's ledger
    QString baseUrl() const { return m_baseUrl; }
    // --profile: a profile of Settings → Profiles (QSettings), or "default". False (printed,
    // Exit::Usage) for a name that is invalid or not a profile. The profile gives the base URL
    // (unless --base-url), the keychain entry of the key and the profile batches are recorded
    // under.
    bool setProfile(const QString& name);
    QString profile() const { return m_profile; }

    // Opens the ledger once. False when it cannot be opened: the failure was printed, the
    // command returns Exit::LedgerFailure.
    bool openLedger();
    Ledger* ledger() const { return m_ledger.get(); }

    // Checks the base URL, finds the key and makes the client. Exit::Ok, or the exit code of
    // the failure it printed. Call it right before the first request, after every check that
    // needs no key (a bad file must be reported without any key).
    int prepareApi();
    ApiClient* client() const { return m_client.get(); }

    // The exit code for an API failure: AuthMissing for a refused key, else ApiFailure.
    static int apiExit(const ApiError& error);

    // For `COMMAND BATCH`: checks the id, opens the ledger, prepares the API.
    int prepareBatchCommand(const QString& batchId);
    // Runs a retrieve/cancel job to its end and stores the batch it answered in the ledger
    // (as discovered when the ledger did not know it). Exit::Ok fills *record.
    int storeBatchAnswer(BatchJob* job, const QString& batchId, BatchRecord* record);
    // Ingests one ended batch (ResultIngestor on its worker thread) and waits for the end.
    bool ingest(const QString& batchId, IngestReport* report);

private:
    CliOutput& m_out;
    QString m_baseUrl;
    QString m_ledgerPath;
    QString m_profile = QStringLiteral("default");
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ApiClient> m_client;
};

} // namespace bs::cli
