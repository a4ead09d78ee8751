#pragma once

#include "cli/command.h"

namespace bs::cli {

// `stats [--json]`: processing time of the ledger's ended batches, P50 / P95 per model and size
// band (no key, no network).
class StatsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::StatsCommand)

public:
    QString name() const override { return QStringLiteral("stats"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser&) override {}
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
