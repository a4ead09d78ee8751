#pragma once

#include "cli/command.h"

namespace bs::cli {

// `watch [--once] [--metrics-listen HOST:PORT] [--statsd HOST:PORT]`: the headless watcher
// (WatchSession).
class WatchCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::WatchCommand)

public:
    QString name() const override { return QStringLiteral("watch"); }
    QString summary() const override;

protected:
    QString description() const override;
    void addOptions(QCommandLineParser& parser) override;
    int run(const QCommandLineParser& parser, CliContext& ctx) override;
};

} // namespace bs::cli
