#pragma once

#include "cli/command.h"

namespace bs::cli {

// `reconcile [--since DATE]`: the ledger's cost per day and model against Anthropic's cost report
// (Admin API key: ANTHROPIC_ADMIN_KEY or the keychain). Exit::Discrepancy when a row is flagged.
class ReconcileCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::ReconcileCommand)

public:
    QString name() const override { return QStringLiteral("reconcile"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
