#include "repricecommand.h"

#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "cost/pricebook.h"
#include "ledger/ledger.h"
#include "monitor/repricer.h"

#include <QJsonArray>

namespace bs::cli {

QString RepriceCommand::summary() const {
    return tr("Price again the results of models the price table did not know.");
}

QString RepriceCommand::description() const {
    return tr("Results ingested while their model was missing from the price table are stored "
              "as unpriced (never as $0). Once the table knows the model (a newer Batchscope, or "
              "your own %1), 'reprice' computes their cost with the current prices and reports "
              "what changed, per model. Running it again changes nothing. No key, no network.")
        .arg(PriceBook::userOverridePath());
}

void RepriceCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("since"),
                                        tr("Only results of this UTC day and later."),
                                        QStringLiteral("YYYY-MM-DD")));
}

int RepriceCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    QDate since;
    if (!expectPositional(parser, 0, QString(), ctx, &rc) ||
        !dateOption(parser, QStringLiteral("since"), ctx, &since, &rc))
        return rc;
    QString bookError;
    const PriceBook book = PriceBook::load(&bookError);
    if (!bookError.isEmpty())
        ctx.out().warn(bookError);
    if (!ctx.openLedger())
        return Exit::LedgerFailure;

    const Repricer::Report report = Repricer::run(*ctx.ledger(), book, since);
    if (!report.ok)
        return ctx.out().fail(Exit::LedgerFailure, report.error);
    const auto& repriced = report.repriced;
    const auto& stillUnpriced = report.stillUnpriced;

    qint64 rows = 0;
    Money added = 0;
    QJsonArray models;
    QStringList human;
    for (const auto& [model, change] : repriced) {
        rows += change.rows;
        added += change.micros;
        QJsonObject o;
        o[QLatin1String("model")] = model;
        o[QLatin1String("repriced")] = change.rows;
        CliFormat::putMoney(o, change.micros);
        models.append(o);
        human.append(tr("  %1: %n result(s), %2", nullptr, int(change.rows))
                         .arg(model, formatMoney(change.micros)));
    }
    qint64 unpricedRows = 0;
    QJsonArray unknown;
    QStringList unknownNames;
    for (const auto& [model, count] : stillUnpriced) {
        unpricedRows += count;
        unknown.append(
            QJsonObject{{QStringLiteral("model"), model}, {QStringLiteral("results"), count}});
        unknownNames.append(QStringLiteral("%1 (%2)").arg(model).arg(count));
    }
    QJsonObject out;
    out[QLatin1String("since")] = CliFormat::date(since);
    out[QLatin1String("price_sources")] =
        QJsonArray::fromStringList(book.source().split(QLatin1Char(';'), Qt::SkipEmptyParts));
    out[QLatin1String("changed")] = rows > 0;
    out[QLatin1String("repriced")] = rows;
    CliFormat::putMoney(out, added);
    out[QLatin1String("models")] = models;
    out[QLatin1String("still_unpriced")] = unpricedRows;
    out[QLatin1String("unpriced_models")] = unknown;

    QString text =
        rows > 0
            ? tr("Repriced %n result(s), adding %1:", nullptr, int(rows)).arg(formatMoney(added)) +
                  QLatin1Char('\n') + human.join(QLatin1Char('\n'))
            : tr("Nothing to reprice: no unpriced result has a price now. "
                 "Nothing was changed.");
    if (unpricedRows > 0)
        text += QLatin1Char('\n') +
                tr("Still unpriced, the price table does not know their model: %1. Add the "
                   "model to %2 and run 'batchscope-cli reprice' again.")
                    .arg(unknownNames.join(QLatin1String(", ")), PriceBook::userOverridePath());
    ctx.out().print(out, text);
    return Exit::Ok;
}

} // namespace bs::cli
