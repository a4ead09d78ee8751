#pragma once

#include "cli/command.h"
#include "intake/budgetgate.h"

namespace bs::cli {

// `submit FILE [--wait] [--split-at N] [--accept-warnings] [--override-budget REASON]`: checks
// the file with the same scan as validate (no key needed for that; errors stop it, warnings too
// unless accepted), then FileSubmitter: the budget gate, every request in the ledger
// (write-ahead), then the batch(es), split by BatchSplitter.
// --wait polls until they end and ingests their results (BatchWaiter).
class SubmitCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::SubmitCommand)

public:
    QString name() const override { return QStringLiteral("submit"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;

private:
    // Prints the blocking lines and what to do; returns Exit::OverBudget.
    static int overBudget(CliContext& ctx, const QString& shown,
                          const BudgetGate::Verdict& verdict);
};

} // namespace bs::cli
