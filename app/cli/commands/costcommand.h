#pragma once

#include "cli/command.h"

namespace bs::cli {

// `cost [--since DATE] [--by model|day|batch]`: spend from the ledger (no key, no network).
class CostCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::CostCommand)

public:
    QString name() const override { return QStringLiteral("cost"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
