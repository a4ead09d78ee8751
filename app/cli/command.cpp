#include "command.h"

#include "clicontext.h"
#include "clioutput.h"
#include "exitcode.h"

#include <QDate>
#include <QFileInfo>

namespace bs::cli {

QCommandLineOption Command::baseUrlOption() {
    return QCommandLineOption(
        QStringLiteral("base-url"),
        tr("API base URL (default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com)."),
        QStringLiteral("URL"));
}

QCommandLineOption Command::ledgerOption() {
    return QCommandLineOption(QStringLiteral("ledger"),
                              tr("Ledger file (default: the app's ledger)."),
                              QStringLiteral("FILE"));
}

QCommandLineOption Command::profileOption() {
    return QCommandLineOption(QStringLiteral("profile"),
                              tr("The named profile (workspace) to use: its base URL, its key in "
                                 "the keychain, and the profile new batches are recorded under "
                                 "(default: \"default\")."),
                              QStringLiteral("NAME"));
}

QCommandLineOption Command::jsonOption() {
    return QCommandLineOption(QStringLiteral("json"),
                              tr("Machine-readable output: one JSON object on stdout."));
}

QString Command::helpText(const QString& qtHelp, const QString& commandName) {
    // Qt writes "Usage: <argv[0]> [options] ..."; the help names the program (and command).
    QString text = qtHelp;
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    QString first = text.left(end);
    const QString exe = QCoreApplication::arguments().value(0);
    for (const QString& spelled : {exe, QFileInfo(exe).fileName()}) {
        if (!spelled.isEmpty() && first.contains(spelled)) {
            first.replace(first.indexOf(spelled), spelled.size(),
                          commandName.isEmpty() ? QStringLiteral("batchscope-cli")
                                                : QStringLiteral("batchscope-cli ") + commandName);
            break;
        }
    }
    return first + text.mid(end);
}

int Command::execute(const QStringList& args, CliContext& ctx) {
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption baseUrl = baseUrlOption();
    const QCommandLineOption ledger = ledgerOption();
    const QCommandLineOption json = jsonOption();
    const QCommandLineOption profile = profileOption();
    parser.addOptions({baseUrl, ledger, json, profile});
    addOptions(parser);

    const bool parsed = parser.parse(QStringList{QCoreApplication::arguments().value(0)} + args);
    if (parser.isSet(json))
        ctx.out().setJson(true);
    if (!parsed)
        return usageError(ctx, parser.errorText());
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        ctx.out().text(helpText(parser.helpText(), name()));
        return Exit::Ok;
    }
    if (parser.isSet(baseUrl))
        ctx.setBaseUrl(parser.value(baseUrl));
    if (parser.isSet(ledger))
        ctx.setLedgerPath(parser.value(ledger));
    if (parser.isSet(profile) && !ctx.setProfile(parser.value(profile)))
        return Exit::Usage;
    return run(parser, ctx);
}

int Command::usageError(CliContext& ctx, const QString& message) const {
    return ctx.out().fail(Exit::Usage,
                          message + QLatin1Char(' ') +
                              tr("Run 'batchscope-cli %1 --help' for its usage.").arg(name()));
}

bool Command::expectPositional(const QCommandLineParser& parser, qsizetype count,
                               const QString& what, CliContext& ctx, int* exitCode) const {
    const QStringList positional = parser.positionalArguments();
    if (positional.size() == count)
        return true;
    *exitCode =
        usageError(ctx, positional.size() < count
                            ? tr("'%1' needs %2.").arg(name(), what)
                            : tr("Unexpected argument \"%1\".").arg(positional.value(count)));
    return false;
}

bool Command::batchArgument(const QCommandLineParser& parser, CliContext& ctx, QString* batchId,
                            int* exitCode) const {
    if (!expectPositional(parser, 1, QStringLiteral("BATCH"), ctx, exitCode))
        return false;
    *batchId = parser.positionalArguments().first();
    *exitCode = ctx.prepareBatchCommand(*batchId);
    return *exitCode == Exit::Ok;
}

bool Command::dateOption(const QCommandLineParser& parser, const QString& option, CliContext& ctx,
                         QDate* date, int* exitCode) const {
    *date = QDate();
    if (!parser.isSet(option))
        return true;
    const QString text = parser.value(option);
    *date = QDate::fromString(text, Qt::ISODate);
    if (date->isValid())
        return true;
    *exitCode = usageError(ctx, tr("\"%1\" is not a date; write YYYY-MM-DD.").arg(text));
    return false;
}

} // namespace bs::cli
