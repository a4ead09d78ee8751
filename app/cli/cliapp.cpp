#include "cliapp.h"

#include "clicontext.h"
#include "clioutput.h"
#include "command.h"
#include "commands/alertscommand.h"
#include "commands/budgetcommand.h"
#include "commands/cancelcommand.h"
#include "commands/costcommand.h"
#include "commands/exportcommand.h"
#include "commands/keycommand.h"
#include "commands/reconcilecommand.h"
#include "commands/repricecommand.h"
#include "commands/resultscommand.h"
#include "commands/retrycommand.h"
#include "commands/statscommand.h"
#include "commands/statuscommand.h"
#include "commands/submitcommand.h"
#include "commands/validatecommand.h"
#include "commands/watchcommand.h"
#include "core/appinfo.h"
#include "exitcode.h"
#include "ledger/ledger.h"

#include <QCommandLineParser>

namespace bs::cli {

namespace {

// --split-at before the command (as older scripts wrote it) is handed to the command.
QCommandLineOption legacySplitAtOption() {
    QCommandLineOption o(QStringLiteral("split-at"), QString(), QStringLiteral("N"));
    o.setFlags(QCommandLineOption::HiddenFromHelp);
    return o;
}

struct MainParser {
    QCommandLineParser parser;
    QCommandLineOption help;
    QCommandLineOption version;
    QCommandLineOption baseUrl = Command::baseUrlOption();
    QCommandLineOption ledger = Command::ledgerOption();
    QCommandLineOption json = Command::jsonOption();
    QCommandLineOption profile = Command::profileOption();
    QCommandLineOption splitAt = legacySplitAtOption();

    MainParser()
        : help(parser.addHelpOption())
        , version(parser.addVersionOption()) {
        parser.setApplicationDescription(CliApp::helpText());
        parser.addOptions({baseUrl, ledger, json, profile, splitAt});
        parser.addPositionalArgument(QStringLiteral("COMMAND"),
                                     CliApp::tr("The command to run (see Commands above)."),
                                     QStringLiteral("COMMAND [ARGS]"));
        // Everything after the command's name is the command's (its own parser reads it).
        parser.setOptionsAfterPositionalArgumentsMode(
            QCommandLineParser::ParseAsPositionalArguments);
    }
};

} // namespace

CliApp::CliApp() = default;
CliApp::~CliApp() = default;

std::vector<std::unique_ptr<Command>> CliApp::commands() {
    std::vector<std::unique_ptr<Command>> list;
    list.push_back(std::make_unique<ValidateCommand>());
    list.push_back(std::make_unique<SubmitCommand>());
    list.push_back(std::make_unique<StatusCommand>());
    list.push_back(std::make_unique<ResultsCommand>());
    list.push_back(std::make_unique<RetryCommand>());
    list.push_back(std::make_unique<CancelCommand>());
    list.push_back(std::make_unique<ExportCommand>());
    list.push_back(std::make_unique<CostCommand>());
    list.push_back(std::make_unique<BudgetCommand>());
    list.push_back(std::make_unique<RepriceCommand>());
    list.push_back(std::make_unique<ReconcileCommand>());
    list.push_back(std::make_unique<KeyCommand>());
    list.push_back(std::make_unique<WatchCommand>());
    list.push_back(std::make_unique<AlertsCommand>());
    list.push_back(std::make_unique<StatsCommand>());
    return list;
}

QString CliApp::helpText() {
    QString commandList;
    for (const auto& c : commands())
        commandList += QStringLiteral("  %1%2\n").arg(c->name(), -10).arg(c->summary());
    return tr("Headless Batchscope: submit, watch and account Message Batches with the same "
              "ledger as the app.\n"
              "\n"
              "Commands ('batchscope-cli COMMAND --help' tells more):\n"
              "%1"
              "\n"
              "The global options below may also follow the command.\n"
              "Ledger: --ledger, else the app's (%2).\n"
              "API key: $ANTHROPIC_API_KEY when set, else the key stored with 'key set'. It is "
              "read only when something is about to be sent.\n"
              "\n"
              "Exit codes:\n"
              "  0  ok\n"
              "  1  usage error (unknown command or option, missing value)\n"
              "  2  input file invalid (nothing was sent)\n"
              "  3  API or network error\n"
              "  4  API key missing or refused, keychain unavailable\n"
              "  5  ledger error\n"
              "  6  partial: some items errored, expired or were canceled\n"
              "  7  over budget: a budget would be passed, nothing was sent\n"
              "  8  reconcile: the ledger and Anthropic's cost report differ")
        .arg(commandList, Ledger::defaultPath());
}

int CliApp::run(const QStringList& arguments) {
    CliOutput out;
    CliContext ctx(out);
    MainParser main;
    const bool parsed = main.parser.parse(arguments);
    if (main.parser.isSet(main.json))
        out.setJson(true);
    if (!parsed)
        return out.fail(Exit::Usage, main.parser.errorText() + QLatin1Char(' ') +
                                         tr("Run 'batchscope-cli --help' for the usage."));
    if (main.parser.isSet(main.help) || main.parser.isSet(QStringLiteral("help-all"))) {
        out.text(Command::helpText(main.parser.helpText()));
        return Exit::Ok;
    }
    if (main.parser.isSet(main.version)) {
        out.text(QStringLiteral("batchscope-cli ") + AppInfo::version() + QLatin1Char('\n'));
        return Exit::Ok;
    }
    ctx.setBaseUrl(main.parser.value(main.baseUrl));
    ctx.setLedgerPath(main.parser.value(main.ledger));
    if (main.parser.isSet(main.profile) && !ctx.setProfile(main.parser.value(main.profile)))
        return Exit::Usage;

    QStringList words = main.parser.positionalArguments();
    if (words.isEmpty())
        return out.fail(Exit::Usage, tr("No command given. Run 'batchscope-cli --help' for the "
                                        "list of commands."));
    const QString name = words.takeFirst();
    if (main.parser.isSet(main.splitAt))
        words << QStringLiteral("--split-at") << main.parser.value(main.splitAt);
    for (const auto& command : commands()) {
        if (command->name() == name)
            return command->execute(words, ctx);
    }
    return out.fail(Exit::Usage,
                    tr("Unknown command \"%1\". Run 'batchscope-cli --help' for the list of "
                       "commands.")
                        .arg(name));
}

} // namespace bs::cli
