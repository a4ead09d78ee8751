#pragma once

#include "cli/command.h"

namespace bs::cli {

// `cancel BATCH`: asks the API to cancel a batch and stores its answer.
class CancelCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::CancelCommand)

public:
    QString name() const override { return QStringLiteral("cancel"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
