#pragma once

#include "cli/command.h"
#include "intake/batchsplitter.h"
#include "intake/tokencalibrator.h"
#include "monitor/filesubmitter.h"

namespace bs::cli {

// `validate FILE [--split-at N] [--calibrate]`: checks a JSONL file as `submit` would, with no
// API key and no network (except --calibrate: count_tokens on a sample, TokenCalibrator), and
// reports every problem with its line, column, field and severity; for a file without errors also
// the batches it would be sent as and the estimate per model. It reads an existing ledger (never
// creates one) only to warn about custom_ids used before. The check itself is shared with `submit`
// (check()).
class ValidateCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::ValidateCommand)

public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override;

    enum class Purpose {
        Validate, // report everything; exit 0 with warnings, 2 with errors
        Submit,   // errors and (unaccepted) warnings stop; notes never do
        SubmitAcceptWarnings,
    };
    // Scans `path` (as the user spelled it: `shown`) once with the JsonlScanner. Exit::Ok with
    // *requests set when it may go on (validate: the report was printed); else the problems
    // were printed (human: one line each on stderr; --json: a "problems" list) with `verdict`
    // as the last line, and Exit::InputInvalid is returned.
    // `calibration` (validate --calibrate): count_tokens ratios applied to the estimate.
    // `checked` (submit): the scan's estimate per part and the file's SHA-256, taken in the same
    // pass, for FileSubmitter (which then does not read the file a third time).
    static int check(CliContext& ctx, const QString& shown, const QString& verdict,
                     const BatchSplitter::Limits& limits, Purpose purpose, qint64* requests,
                     const TokenCalibrator::Result* calibration = nullptr,
                     FileSubmitter::Checked* checked = nullptr);
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
