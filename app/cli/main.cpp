// batchscope-cli: the headless face of the Batchscope core (docs/cli.md).
#include "cliapp.h"

#include "core/appinfo.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    bs::AppInfo::applyToApplication();
    bs::cli::CliApp cli;
    return cli.run(QCoreApplication::arguments());
}
