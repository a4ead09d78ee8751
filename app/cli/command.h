#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace bs::cli {

class CliContext;

// One batchscope-cli command: its name, its own QCommandLineParser (so `batchscope-cli NAME
// --help` prints that command's help, and an unknown option or a missing value is reported as
// every Qt tool does, with Exit::Usage), and run().
//
// A new command (e.g. the coming `watch`) is one subclass in commands/ plus one line in
// CliApp::commands(); docs/cli.md gets its section.
class Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::Command)

public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    // One line, for the command list of `batchscope-cli --help`.
    virtual QString summary() const = 0;

    // Parses `args` (the words after the command's name), answers --help, reports parse errors,
    // applies the global options given after the command, then run()s. Returns the exit code.
    int execute(const QStringList& args, CliContext& ctx);

    // The global options, for the main parser and every command's own (so they work before and
    // after the command's name).
    static QCommandLineOption baseUrlOption();
    static QCommandLineOption ledgerOption();
    static QCommandLineOption jsonOption();
    static QCommandLineOption profileOption();
    // Qt's help text with argv[0] in its usage line replaced by "batchscope-cli [COMMAND]".
    static QString helpText(const QString& qtHelp, const QString& commandName = QString());

    // A usage error of this command: the message, a pointer to --help, Exit::Usage.
    int usageError(CliContext& ctx, const QString& message) const;

protected:
    // Text after the usage line of this command's --help (what it does, in more than a line).
    virtual QString description() const { return summary(); }
    // The command's options and positional arguments (QCommandLineParser::addOption,
    // addPositionalArgument).
    virtual void addOptions(QCommandLineParser& parser) = 0;
    virtual int run(const QCommandLineParser& parser, CliContext& ctx) = 0;

    // Exactly `count` positional arguments, else a usage error naming `what` (e.g. "FILE").
    bool expectPositional(const QCommandLineParser& parser, qsizetype count, const QString& what,
                          CliContext& ctx, int* exitCode) const;
    // For `COMMAND BATCH`: exactly one batch id (*batchId), valid, with the client and the
    // ledger ready (CliContext::prepareBatchCommand). False: *exitCode says why.
    bool batchArgument(const QCommandLineParser& parser, CliContext& ctx, QString* batchId,
                       int* exitCode) const;
    // A YYYY-MM-DD option value (null when the option is absent). False: a usage error was
    // printed and *exitCode holds it.
    bool dateOption(const QCommandLineParser& parser, const QString& option, CliContext& ctx,
                    QDate* date, int* exitCode) const;
};

} // namespace bs::cli
