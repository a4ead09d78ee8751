#pragma once

#include "cli/command.h"

namespace bs::cli {

// `alerts [--since DATE] [--limit N]`: the alert log, newest first.
class AlertsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::AlertsCommand)

public:
    QString name() const override { return QStringLiteral("alerts"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
