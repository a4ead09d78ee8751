#include "budgetcommand.h"

#include "cli/clicontext.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "cost/money.h"
#include "cost/pricebook.h"
#include "intake/budgetgate.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"

#include <QJsonArray>

namespace bs::cli {

QString BudgetCommand::summary() const {
    return tr("Set, list or clear the budgets that submit checks every file against.");
}

QString BudgetCommand::description() const {
    return tr("'budget set NAME (--usd AMOUNT | --input-tokens N) --period day|month "
              "[--model MODEL]' limits spend in US dollars (exact to the micro-dollar) or input "
              "tokens per UTC day or UTC month, over all models or one. Setting an existing "
              "NAME replaces it. 'budget list' shows each with what was spent in its current "
              "period (ingested results), what is in flight (the worst case of batches not yet "
              "ingested) and what remains. 'budget clear NAME' removes one. A submission whose "
              "worst case would pass a budget is refused (exit 7) unless --override-budget.");
}

void BudgetCommand::addOptions(QCommandLineParser& parser) {
    parser.addPositionalArgument(QStringLiteral("ACTION"), tr("set, list or clear."),
                                 QStringLiteral("set|list|clear"));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The budget's name (set, clear)."),
                                 QStringLiteral("[NAME]"));
    parser.addOption(QCommandLineOption(QStringLiteral("usd"),
                                        tr("The limit in US dollars, e.g. 25 or 12.50."),
                                        QStringLiteral("AMOUNT")));
    parser.addOption(QCommandLineOption(QStringLiteral("input-tokens"),
                                        tr("The limit in input tokens instead."),
                                        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(QStringLiteral("period"), tr("day or month (UTC)."),
                                        QStringLiteral("day|month")));
    parser.addOption(QCommandLineOption(QStringLiteral("model"),
                                        tr("Only this model's requests (default: all models)."),
                                        QStringLiteral("MODEL")));
}

int BudgetCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action == QLatin1String("set"))
        return set(parser, ctx);
    if (action == QLatin1String("list")) {
        if (args.size() != 1)
            return usageError(ctx, tr("'budget list' takes no NAME."));
        return list(ctx);
    }
    if (action == QLatin1String("clear"))
        return clear(parser, ctx);
    return usageError(ctx, action.isEmpty()
                               ? tr("Missing ACTION: write 'budget set', 'budget list' or "
                                    "'budget clear'.")
                               : tr("Unknown action \"%1\": write 'budget set', 'budget list' "
                                    "or 'budget clear'.")
                                     .arg(action));
}

int BudgetCommand::set(const QCommandLineParser& parser, CliContext& ctx) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || args.at(1).trimmed().isEmpty())
        return usageError(ctx, tr("Write 'budget set NAME (--usd AMOUNT | --input-tokens N) "
                                  "--period day|month [--model MODEL]'."));
    const bool usd = parser.isSet(QStringLiteral("usd"));
    const bool tokens = parser.isSet(QStringLiteral("input-tokens"));
    if (usd == tokens)
        return usageError(ctx, tr("Give exactly one limit: --usd AMOUNT or --input-tokens N."));
    BudgetSetting b;
    b.name = args.at(1).trimmed();
    if (usd) {
        b.kind = BudgetSetting::Kind::Usd;
        if (!parseMoney(parser.value(QStringLiteral("usd")), &b.limitMicros))
            return usageError(ctx, tr("--usd \"%1\" is not an amount of US dollars: write e.g. "
                                      "25 or 12.50 (at most six decimals, no sign).")
                                       .arg(parser.value(QStringLiteral("usd"))));
    } else {
        b.kind = BudgetSetting::Kind::InputTokens;
        bool ok = false;
        b.limitMicros = parser.value(QStringLiteral("input-tokens")).toLongLong(&ok);
        if (!ok || b.limitMicros < 0)
            return usageError(ctx, tr("--input-tokens \"%1\" is not a number of tokens (0 or "
                                      "more).")
                                       .arg(parser.value(QStringLiteral("input-tokens"))));
    }
    const QString period = parser.value(QStringLiteral("period"));
    if (period == QLatin1String("day"))
        b.period = BudgetSetting::Period::Day;
    else if (period == QLatin1String("month"))
        b.period = BudgetSetting::Period::Month;
    else
        return usageError(ctx, period.isEmpty()
                                   ? tr("Missing --period: day or month.")
                                   : tr("--period \"%1\": write day or month.").arg(period));
    if (parser.isSet(QStringLiteral("model"))) {
        // The canonical id when the price table knows the model, so that an alias and the
        // dated id name the same budget.
        const QString written = parser.value(QStringLiteral("model")).trimmed();
        if (written.isEmpty())
            return usageError(ctx, tr("--model needs a model id."));
        const PriceBook prices = PriceBook::load();
        const ModelPricing* p = prices.find(written);
        b.model = p ? p->modelId : written;
        if (!p)
            ctx.out().warn(tr("\"%1\" is not in the price table: a USD budget for it counts "
                              "nothing it can price.")
                               .arg(written));
    }
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    if (!SettingsStore(*ctx.ledger()).setBudget(b))
        return ctx.out().fail(Exit::LedgerFailure, ctx.ledger()->lastError());
    BudgetGate::Line line;
    line.kind = b.kind;
    const QJsonObject out{{QStringLiteral("action"), QStringLiteral("set")},
                          {QStringLiteral("budget"), b.name},
                          {QStringLiteral("kind"), BudgetSetting::kindName(b.kind)},
                          {QStringLiteral("period"), BudgetSetting::periodName(b.period)},
                          {QStringLiteral("model"), b.model},
                          {QStringLiteral("limit"), b.limitMicros}};
    ctx.out().print(out, tr("Budget %1 set: %2 per UTC %3, %4.")
                             .arg(b.name, line.amount(b.limitMicros), period,
                                  b.model.isEmpty() ? tr("all models") : b.model));
    return Exit::Ok;
}

int BudgetCommand::list(CliContext& ctx) {
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    const PriceBook prices = PriceBook::load();
    BudgetGate gate(*ctx.ledger(), prices);
    const BudgetGate::Verdict v = gate.evaluate({});
    if (!ctx.ledger()->lastError().isEmpty())
        return ctx.out().fail(Exit::LedgerFailure, ctx.ledger()->lastError());
    QJsonArray budgets;
    QStringList human;
    for (const BudgetGate::Line& l : v.lines) {
        QJsonObject o = l.toJson();
        o.remove(QStringLiteral("this_file"));
        o.remove(QStringLiteral("blocked"));
        o.remove(QStringLiteral("unpriced"));
        budgets.append(o);
        human.append(tr("%1 (%2 %3, %4): spent %5, in flight %6, remaining %7 of %8")
                         .arg(l.budget,
                              l.kind == BudgetSetting::Kind::Usd ? tr("USD") : tr("input tokens"),
                              BudgetGate::periodText(l.period),
                              l.model.isEmpty() ? tr("all models") : l.model, l.amount(l.spent),
                              l.amount(l.inFlight), l.amount(l.remaining()), l.amount(l.limit)));
    }
    if (human.isEmpty())
        human.append(tr("No budgets. Set one with 'batchscope-cli budget set NAME --usd AMOUNT "
                        "--period day|month'."));
    ctx.out().print(QJsonObject{{QStringLiteral("budgets"), budgets}},
                    human.join(QLatin1Char('\n')));
    return Exit::Ok;
}

int BudgetCommand::clear(const QCommandLineParser& parser, CliContext& ctx) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return usageError(ctx, tr("Write 'budget clear NAME'."));
    const QString name = args.at(1);
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    SettingsStore settings(*ctx.ledger());
    if (!settings.budget(name)) {
        if (!ctx.ledger()->lastError().isEmpty())
            return ctx.out().fail(Exit::LedgerFailure, ctx.ledger()->lastError());
        return usageError(ctx, tr("No budget named \"%1\" ('budget list' shows them).").arg(name));
    }
    if (!settings.removeBudget(name))
        return ctx.out().fail(Exit::LedgerFailure, ctx.ledger()->lastError());
    ctx.out().print(QJsonObject{{QStringLiteral("action"), QStringLiteral("clear")},
                                {QStringLiteral("budget"), name}},
                    tr("Budget %1 removed.").arg(name));
    return Exit::Ok;
}

} // namespace bs::cli
