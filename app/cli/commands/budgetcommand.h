#pragma once

#include "cli/command.h"

namespace bs::cli {

// `budget set NAME (--usd AMOUNT | --input-tokens N) --period day|month [--model MODEL]`,
// `budget list` (spent, in flight and remaining of each, as the budget gate counts them) and
// `budget clear NAME`. The budgets live in the ledger (SettingsStore); submit's budget gate
// (BudgetGate) checks every file against them.
class BudgetCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::BudgetCommand)

public:
    QString name() const override { return QStringLiteral("budget"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;

private:
    int set(const QCommandLineParser& parser, CliContext& ctx);
    int list(CliContext& ctx);
    int clear(const QCommandLineParser& parser, CliContext& ctx);
};

} // namespace bs::cli
