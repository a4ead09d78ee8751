#pragma once

#include "cli/command.h"

namespace bs::cli {

// `retry BATCH [--class C,...] [--source FILE]`: re-sends failed items with their stored
// params (RetrySubmitter). A batch made by another tool needs its JSONL source attached once.
class RetryCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::RetryCommand)

public:
    QString name() const override { return QStringLiteral("retry"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
