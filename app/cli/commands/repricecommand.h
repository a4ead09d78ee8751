#pragma once

#include "cli/command.h"

namespace bs::cli {

// `reprice [--since DATE]`: prices again the results that were ingested while their model was
// missing from the price table, with the current PriceBook (built-in table plus the user's
// pricing.json). Idempotent: a second run finds nothing left to price and says so. No key, no
// network.
class RepriceCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::RepriceCommand)

public:
    QString name() const override { return QStringLiteral("reprice"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
