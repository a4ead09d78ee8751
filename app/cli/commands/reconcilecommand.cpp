#include "reconcilecommand.h"

#include "api/apiclient.h"
#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "reconcile/reconciliation.h"

#include <QEventLoop>
#include <QJsonArray>

namespace bs::cli {

QString ReconcileCommand::summary() const {
    return tr("Compare the ledger's cost per day and model with Anthropic's cost report.");
}

QString ReconcileCommand::description() const {
    return tr("Fetches the Admin API's cost report (batch tier, grouped by description) from "
              "--since (default: the last 7 days) through today and shows, per UTC day and "
              "model, the ledger's cost, Anthropic's and the difference; web searches get a row "
              "of their own per day. A difference over 1 % (and at least $0.001), or results "
              "the ledger could not price, is flagged and the exit code is 8. Needs the Admin "
              "API key: ANTHROPIC_ADMIN_KEY, else the keychain ('key set --admin').");
}

void ReconcileCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("since"),
                                        tr("From this UTC day (default: 6 days ago)."),
                                        QStringLiteral("YYYY-MM-DD")));
}

int ReconcileCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    QDate since;
    if (!expectPositional(parser, 0, QString(), ctx, &rc) ||
        !dateOption(parser, QStringLiteral("since"), ctx, &since, &rc))
        return rc;
    if (!ctx.openLedger()) // checks (and migrates) the ledger before anything is asked
        return Exit::LedgerFailure;
    ApiConfig config = ApiConfig::fromEnvironment();
    if (!ctx.baseUrl().isEmpty())
        config.baseUrl = QUrl(ctx.baseUrl());
    const ApiError urlError = ApiClient::checkUrl(config.baseUrl);
    if (urlError.isError())
        return ctx.out().fail(
            Exit::Usage,
            tr("Invalid base URL %1: %2").arg(config.displayBaseUrl(), urlError.toString()));

    Reconciliation reconciliation(ctx.ledgerPath(), config);
    QEventLoop loop;
    ReconcileRows rows;
    Reconciliation::Failure failure = Reconciliation::Failure::None;
    QString error;
    int status = 0;
    QObject::connect(
        &reconciliation, &Reconciliation::finished, &loop,
        [&](const ReconcileRows& r, Reconciliation::Failure f, const QString& e, int s) {
            rows = r;
            failure = f;
            error = e;
            status = s;
            loop.quit();
        });
    reconciliation.run(since);
    loop.exec();
    switch (failure) {
    case Reconciliation::Failure::None:
        break;
    case Reconciliation::Failure::NoAdminKey:
        return ctx.out().fail(Exit::AuthMissing, error);
    case Reconciliation::Failure::Api:
        return ctx.out().fail(status == 401 || status == 403 ? Exit::AuthMissing : Exit::ApiFailure,
                              status == 401 || status == 403
                                  ? tr("The Admin API refused the key (%1). Reconciliation "
                                       "needs an Admin API key, not an ordinary API key.")
                                        .arg(error)
                                  : error);
    case Reconciliation::Failure::Ledger:
        return ctx.out().fail(Exit::LedgerFailure, error);
    }

    QJsonArray list;
    QStringList human;
    int flagged = 0;
    human.append(tr("day         model                         ledger        Anthropic     "
                    "difference"));
    for (const ReconcileRow& r : rows) {
        const QString what = r.kind == ReconcileRow::Kind::WebSearch ? tr("(web search)") : r.model;
        QJsonObject o;
        o[QLatin1String("day")] = r.day.toString(Qt::ISODate);
        o[QLatin1String("kind")] = r.kind == ReconcileRow::Kind::WebSearch
                                       ? QStringLiteral("web_search")
                                       : QStringLiteral("model");
        o[QLatin1String("model")] = CliFormat::text(r.model);
        o[QLatin1String("ledger_micros")] = r.ledger;
        o[QLatin1String("anthropic_micros")] = r.anthropic;
        o[QLatin1String("difference_micros")] = r.difference();
        o[QLatin1String("ledger_usd")] = formatMoney(r.ledger).mid(1);
        o[QLatin1String("anthropic_usd")] = formatMoney(r.anthropic).mid(1);
        o[QLatin1String("unpriced")] = r.unpriced;
        o[QLatin1String("flagged")] = r.flagged;
        list.append(o);
        flagged += r.flagged ? 1 : 0;
        human.append(QStringLiteral("%1  %2  %3  %4  %5%6")
                         .arg(r.day.toString(Qt::ISODate), what.leftJustified(28),
                              formatMoney(r.ledger).rightJustified(12),
                              formatMoney(r.anthropic).rightJustified(12),
                              formatMoney(r.difference()).rightJustified(12),
                              r.flagged ? tr("  FLAGGED") : QString()));
    }
    if (rows.isEmpty())
        human.append(tr("Nothing to compare: neither the ledger nor the cost report has batch "
                        "spend in this period."));
    human.append(flagged ? tr("%n difference(s) flagged.", nullptr, flagged)
                         : tr("The ledger and Anthropic agree."));
    QJsonObject out;
    out[QLatin1String("rows")] = list;
    out[QLatin1String("flagged")] = flagged;
    ctx.out().print(out, human.join(QLatin1Char('\n')));
    return flagged ? int(Exit::Discrepancy) : int(Exit::Ok);
}

} // namespace bs::cli
