#pragma once

#include "cli/command.h"

namespace bs::cli {

// `key set|clear`: the API key in the OS keychain. `set` reads the key from stdin, never from
// the command line; on a terminal, typing is not echoed (TerminalEcho).
class KeyCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::KeyCommand)

public:
    QString name() const override { return QStringLiteral("key"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
