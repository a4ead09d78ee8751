#pragma once

#include "cli/command.h"
#include "intake/batchsplitter.h"

namespace bs::cli {

// `validate FILE [--split-at N]`: checks a JSONL file as `submit` would, with no API key, no
// network and no ledger, and reports every problem with its line (and, when valid, the batches
// it would be sent as). The check itself is shared with `submit` (check()).
class ValidateCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::ValidateCommand)

public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override;

    // Validates `path` (as the user spelled it: `shown`). Exit::Ok with *requests set when
    // valid; else the problems were printed (human: one line each; --json: a "problems" list)
    // with `verdict` as the last line, and Exit::InputInvalid is returned.
    static int check(CliContext& ctx, const QString& shown, const QString& verdict,
                     qint64* requests);
    // --split-at N, shared with submit: at most N requests per batch (1..100000).
    static QCommandLineOption splitAtOption();
    // The limits for `command`'s --split-at. False: a usage error was printed (*exitCode).
    static bool splitLimits(const Command& command, const QCommandLineParser& parser,
                            CliContext& ctx, BatchSplitter::Limits* limits, int* exitCode);

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
