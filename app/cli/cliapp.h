#pragma once

#include "api/apierror.h"
#include "api/messagebatch.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace bs {
class ApiClient;
class BatchJob;
class Ledger;
struct BatchRecord;
struct IngestReport;
} // namespace bs

namespace bs::cli {

// batchscope-cli: the headless face of the core (same Ledger, ApiClient, Poller,
// ResultIngestor, RetrySubmitter, SecretStore). run() parses the arguments, runs one command
// to its end (nested event loops) and returns the process exit code.
class CliApp {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::CliApp)

public:
    // Documented exit codes (--help, README "## batchscope-cli").
    enum Exit {
        Ok = 0,
        Usage = 1,
        InputInvalid = 2,
        ApiFailure = 3,
        AuthMissing = 4,
        LedgerFailure = 5,
        Partial = 6,
    };

    CliApp();
    ~CliApp();

    int run(const QStringList& arguments);

    static QString helpText();

private:
    int cmdSubmit(const QStringList& args);
    int cmdStatus(const QStringList& args);
    int cmdResults(const QStringList& args);
    int cmdRetry(const QStringList& args);
    int cmdCancel(const QStringList& args);
    int cmdCost(const QStringList& args);
    int cmdKey(const QStringList& args);

    bool openLedger();
    // Resolves the key (ANTHROPIC_API_KEY, else the keychain) and makes the client.
    int prepareApi();
    // For `COMMAND BATCH`: one valid batch id in args (*id), the client and the ledger ready.
    int prepareBatchCommand(const QStringList& args, const QString& usage, QString* id);
    // Ingests one ended batch (ResultIngestor on its worker thread); waits for the end.
    bool ingest(const QString& batchId, IngestReport* report);
    // Runs a retrieve/cancel job to its end and stores the batch it answered in the ledger
    // (as discovered when the ledger did not know it). Returns an exit code; Ok fills *record.
    int storeBatchAnswer(BatchJob* job, const QString& batchId, BatchRecord* record);
    int waitAndIngest(const QStringList& batchIds, QJsonObject* out);
    int apiExit(const ApiError& error) const;

    int fail(int code, const QString& message);
    void print(const QJsonObject& json, const QString& human);
    QJsonObject batchJson(const BatchRecord& record) const;
    QString batchLine(const BatchRecord& record) const;

    QString m_baseUrl;
    QString m_ledgerPath;
    bool m_json = false;
    int m_splitAt = 0;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ApiClient> m_client;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace bs::cli
