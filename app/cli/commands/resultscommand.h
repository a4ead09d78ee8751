#pragma once

#include "cli/command.h"

namespace bs::cli {

// `results BATCH`: ingests the results of an ended batch now (idempotent: a second run inserts
// nothing).
class ResultsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::ResultsCommand)

public:
    QString name() const override { return QStringLiteral("results"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
