#include "keycommand.h"

#include "cli/clicontext.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "cli/terminalecho.h"
#include "core/profiles.h"
#include "core/redactor.h"
#include "secrets/secretstore.h"

#include <QEventLoop>
#include <QFile>
#include <QUrl>

#include <cstdio>
#include <unistd.h>

namespace bs::cli {

QString KeyCommand::summary() const {
    return tr("Store the API key (or the Slack webhook URL) in the OS keychain, or remove it.");
}

QString KeyCommand::description() const {
    return tr("'key set' reads the API key from stdin (a pipe, or typed at a prompt that does not "
              "show it) and stores it in the OS keychain; it is never taken from the command "
              "line. 'key clear' removes it. ANTHROPIC_API_KEY, when set, is used before the "
              "keychain.\n"
              "With --slack-webhook the same is done for the Slack incoming-webhook URL that "
              "alerts are posted to (the URL is a secret: it is never shown). "
              "BATCHSCOPE_SLACK_WEBHOOK_URL, when set, is used before the keychain.\n"
              "With --admin the same is done for the Admin API key that 'reconcile' uses "
              "(ANTHROPIC_ADMIN_KEY, when set, is used before the keychain).");
}

void KeyCommand::addOptions(QCommandLineParser& parser) {
    parser.addPositionalArgument(QStringLiteral("ACTION"), tr("set or clear."),
                                 QStringLiteral("set|clear"));
    parser.addOption(QCommandLineOption(
        QStringLiteral("slack-webhook"),
        tr("The Slack incoming-webhook URL for alerts instead of the API key.")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("admin"),
                           tr("The Admin API key (for 'reconcile') instead of the API key.")));
}

int KeyCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    if (!expectPositional(parser, 1, QStringLiteral("set|clear"), ctx, &rc))
        return rc;
    const QString action = parser.positionalArguments().first();
    if (action != QLatin1String("set") && action != QLatin1String("clear"))
        return usageError(ctx,
                          tr("Unknown action \"%1\": write 'key set' or 'key clear'.").arg(action));
    const bool set = action == QLatin1String("set");
    const bool webhook = parser.isSet(QStringLiteral("slack-webhook"));
    const bool admin = !webhook && parser.isSet(QStringLiteral("admin"));
    SecretStore store;
    QEventLoop loop;
    SecretStore::Result result;
    auto done = [&](const SecretStore::Result& r) {
        result = r;
        loop.quit();
    };
    if (set) {
        QString key;
        {
            // On a terminal the key is typed: not shown, and echo restored however this ends.
            TerminalEcho echo(STDIN_FILENO);
            if (echo.isTerminal()) {
                std::fputs(qPrintable(webhook ? tr("Slack webhook URL (typing is not shown): ")
                                      : admin ? tr("Admin API key (typing is not shown): ")
                                              : tr("API key (typing is not shown): ")),
                           stderr);
                std::fflush(stderr);
            }
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly))
                return ctx.out().fail(Exit::Usage, tr("Cannot read the key from stdin."));
            key = QString::fromUtf8(in.readLine(64 * 1024)).trimmed();
        }
        if (key.isEmpty())
            return ctx.out().fail(
                Exit::Usage, webhook ? tr("No URL on stdin. Pipe it in, e.g. 'batchscope-cli key "
                                          "set --slack-webhook < urlfile'.")
                                     : tr("No key on stdin. Pipe it in, e.g. "
                                          "'batchscope-cli key set < keyfile'."));
        if (webhook) {
            Redactor::addSecret(key);
            const QUrl url(key, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
                return ctx.out().fail(Exit::Usage,
                                      tr("That is not a webhook URL: it must start with "
                                         "https:// (e.g. https://hooks.slack.com/services/...)."));
            store.writeSlackWebhook(key, &loop, done);
        } else if (admin) {
            Redactor::addSecret(key);
            store.writeAdminKey(key, &loop, done);
        } else {
            store.writeKey(Profiles::keyLabel(ctx.profile()), key, &loop, done);
        }
    } else if (webhook) {
        store.deleteSlackWebhook(&loop, done);
    } else if (admin) {
        store.deleteAdminKey(&loop, done);
    } else {
        store.deleteKey(Profiles::keyLabel(ctx.profile()), &loop, done);
    }
    loop.exec();
    if (!result.isOk() && !(!set && result.isNotFound()))
        return ctx.out().fail(Exit::AuthMissing, result.message);
    QJsonObject out;
    out[QLatin1String("action")] = action;
    out[QLatin1String("secret")] = webhook ? QStringLiteral("slack_webhook")
                                   : admin ? QStringLiteral("admin_key")
                                           : QStringLiteral("api_key");
    if (webhook)
        ctx.out().print(out, set ? tr("Slack webhook URL stored in the keychain.")
                                 : tr("Slack webhook URL removed from the keychain."));
    else if (admin)
        ctx.out().print(out, set ? tr("Admin API key stored in the keychain.")
                                 : tr("Admin API key removed from the keychain."));
    else
        ctx.out().print(out, set ? tr("API key stored in the keychain.")
                                 : tr("API key removed from the keychain."));
    return Exit::Ok;
}

} // namespace bs::cli
