#pragma once

#include "cli/command.h"

namespace bs::cli {

// `status [BATCH]`: refreshes one batch (retrieve), or every tracked one (one poll cycle, which
// also discovers batches made by other tools), and shows them.
class StatusCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::StatusCommand)

public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
