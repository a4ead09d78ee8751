#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace bs::cli {

class Command;

// batchscope-cli: the headless face of the core (same Ledger, ApiClient, Poller,
// ResultIngestor, RetrySubmitter, SecretStore). run() parses the global options with its own
// QCommandLineParser, picks the command (one class each, under commands/), and returns its exit
// code (exitcode.h). Everything a command shares is in CliContext (options, ledger, API
// client, key lookup) and CliOutput (JSON or text, redaction).
class CliApp {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::CliApp)

public:
    CliApp();
    ~CliApp();

    int run(const QStringList& arguments);

    // Every command, in the order --help lists them. The coming `watch` command (poll until
    // batches end, ingest, alert) goes here; BatchWaiter already does its polling for
    // `submit --wait`.
    static std::vector<std::unique_ptr<Command>> commands();

    // The main --help: global options, the commands, the API key, the exit codes.
    static QString helpText();
};

} // namespace bs::cli
