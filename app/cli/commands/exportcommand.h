#pragma once

#include "cli/command.h"

namespace bs::cli {

// `export BATCH [--csv] [-o FILE]`: the stored results of a batch as JSONL (the results file's
// shape, reconstructed from the ledger) or CSV (ResultExporter), to a file or stdout.
class ExportCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::ExportCommand)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
