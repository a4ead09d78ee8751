#include "alertrules.h"

#include "cost/money.h"

#include <QLocale>

namespace bs {

namespace {

__extension__ typedef __int128 Wide; // exact intermediate, no -Wpedantic noise

// spent reaches `percent` % of limit, exactly (no floating point). A $0 limit is reached by
// any spend at all, and by nothing while nothing is spent.
bool reached(Money spent, Money limit, int percent) {
    if (limit <= 0)
        return spent > 0;
    return static_cast<Wide>(spent) * 100 >= static_cast<Wide>(limit) * percent;
}

QString severityFor(int percent) {
    if (percent >= 100)
        return QStringLiteral("critical");
    if (percent >= 80)
        return QStringLiteral("warning");
    return QStringLiteral("info");
}

AlertCondition condition(const QString& rule, const QString& subject, const QString& period,
                         const QString& severity, const QString& batchId, const QString& message) {
    AlertCondition c;
    c.key = {rule, subject, period};
    c.alert.kind = rule;
    c.alert.severity = severity;
    c.alert.batchId = batchId;
    c.alert.message = message;
    return c;
}

QString hoursText(qint64 secs) {
    return QString::number(double(secs) / 3600.0, 'f', 1);
}

// A budget figure in its unit: "$12.34" or "1,234,567 input tokens".
QString amountText(const BudgetSetting& b, qint64 value) {
    if (b.kind == BudgetSetting::Kind::Usd)
        return formatMoney(value, 2);
    QLocale grouped = QLocale::c(); // digits grouped by thousands whatever the user's locale
    grouped.setNumberOptions(QLocale::DefaultNumberOptions);
    return AlertRules::tr("%1 input tokens").arg(grouped.toString(value));
}

} // namespace

QString AlertRules::budgetPeriodKey(BudgetSetting::Period period, const QDateTime& now) {
    const QDate day = now.toUTC().date();
    switch (period) {
    case BudgetSetting::Period::Month:
        return day.toString(QStringLiteral("yyyy-MM"));
    case BudgetSetting::Period::Day:
        return day.toString(Qt::ISODate);
    case BudgetSetting::Period::Total:
        return QStringLiteral("total");
    }
    return QStringLiteral("total");
}

AlertRules::Evaluation AlertRules::evaluate(const AlertSnapshot& s, const AlertConfig& config) {
    Evaluation e;
    const QDateTime now = s.now.toUTC();

    // Budgets: each threshold once per budget and period. Only the highest threshold reached
    // is announced; the lower ones are held quietly so they do not fire afterwards.
    e.evaluatedRules << budgetRule();
    for (const AlertSnapshot::BudgetUse& b : s.budgets) {
        const QString period = budgetPeriodKey(b.setting.period, now);
        int highest = -1;
        for (int p : config.budgetPercents)
            if (reached(b.spent, b.setting.limitMicros, p))
                highest = qMax(highest, p);
        for (int p : config.budgetPercents) {
            if (!reached(b.spent, b.setting.limitMicros, p))
                continue;
            const QString name = b.setting.name, spent = amountText(b.setting, b.spent),
                          limit = amountText(b.setting, b.setting.limitMicros),
                          periodName = BudgetSetting::periodName(b.setting.period);
            QString msg =
                p >= 100 ? tr("Budget \"%1\" is used up: %2 spent of %3 (%4 period %5).")
                               .arg(name, spent, limit, periodName, period)
                         : tr("Budget \"%1\" passed %6 %: %2 spent of %3 (%4 period %5).")
                               .arg(name, spent, limit, periodName, period, QString::number(p));
            if (!b.setting.model.isEmpty())
                msg += QLatin1Char(' ') + tr("It counts model %1 only.").arg(b.setting.model);
            if (b.inFlight > 0)
                msg += QLatin1Char(' ') + tr("Batches in flight may add up to %1 (worst case).")
                                              .arg(amountText(b.setting, b.inFlight));
            msg += QLatin1Char(' ') +
                   (p >= 100 ? tr("New batches are blocked by the budget gate; raise the budget "
                                  "or cancel batches still in progress.")
                             : tr("Check the batches in progress and the spend by model "
                                  "('batchscope-cli cost')."));
            AlertCondition c =
                condition(budgetRule(), b.setting.name + QStringLiteral("@") + QString::number(p),
                          period, severityFor(p), QString(), msg);
            c.quiet = p != highest;
            e.holding.append(c);
        }
    }

    // Errored share of an ended batch (recent ends only: an old ledger does not flood).
    e.evaluatedRules << erroredShareRule();
    const QDateTime lookback = now.addDays(-config.erroredLookbackDays);
    for (const BatchRecord& r : s.ended) {
        const RequestCounts& n = r.batch.requestCounts;
        const qint64 total = n.total();
        if (total <= 0 || !r.batch.endedAt.isValid() || r.batch.endedAt < lookback)
            continue;
        if (n.errored * 100 <= static_cast<qint64>(config.erroredPercent) * total)
            continue;
        const QString msg =
            tr("Batch %1 ended with %2 of %3 items errored (%4 %, above %5 %). Look at the "
               "errors with 'batchscope-cli results %1' and re-send what can be retried with "
               "'batchscope-cli retry %1'.")
                .arg(r.batch.id)
                .arg(n.errored)
                .arg(total)
                .arg(QString::number(double(n.errored) * 100.0 / double(total), 'f', 1))
                .arg(config.erroredPercent);
        e.holding.append(condition(erroredShareRule(), r.batch.id, QString(),
                                   QStringLiteral("warning"), r.batch.id, msg));
    }

    // A batch still in progress close to its 24 h expiry.
    e.evaluatedRules << expiryNearRule();
    for (const BatchRecord& r : s.unended) {
        if (r.batch.processingStatus != MessageBatch::Status::InProgress ||
            !r.batch.expiresAt.isValid())
            continue;
        const qint64 left = now.secsTo(r.batch.expiresAt);
        if (left < 0 || left > qint64(config.expiryHours) * 3600)
            continue;
        const QString msg =
            tr("Batch %1 is still in progress and expires in %2 h (at %3 UTC); %4 items are "
               "not done. What is not done by then expires: plan to re-send it with "
               "'batchscope-cli retry %1' after it ends.")
                .arg(r.batch.id, hoursText(left),
                     r.batch.expiresAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                .arg(r.batch.requestCounts.processing);
        e.holding.append(condition(expiryNearRule(), r.batch.id, QString(),
                                   QStringLiteral("warning"), r.batch.id, msg));
    }

    // A batch in progress longer than batches like it took at P95 (this ledger's history).
    e.evaluatedRules << overdueRule();
    for (const AlertSnapshot::Expectation& x : s.expectations) {
        if (x.samples < config.overdueMinSamples || !x.createdAt.isValid())
            continue;
        const qint64 elapsed = x.createdAt.secsTo(now);
        if (elapsed <= x.p95Seconds)
            continue;
        const QString msg =
            tr("Batch %1 (%2, %3 requests) has been in progress for %4 h; batches like it took "
               "%5 h (median) and %6 h at P95 (%7 ended batches of this ledger). It may be "
               "stuck on the server's side: check 'batchscope-cli status %1' and the API's "
               "status page; what is not done at 24 h expires and can be re-sent with "
               "'batchscope-cli retry %1'.")
                .arg(x.batchId, x.model)
                .arg(x.requests)
                .arg(hoursText(elapsed), hoursText(x.medianSeconds), hoursText(x.p95Seconds))
                .arg(x.samples);
        e.holding.append(condition(overdueRule(), x.batchId, QString(), QStringLiteral("warning"),
                                   x.batchId, msg));
    }

    // Results close to the 29-day archive and not ingested.
    e.evaluatedRules << archiveNearRule();
    for (const BatchRecord& r : s.awaitingIngest) {
        if (!r.batch.createdAt.isValid() || r.batch.archivedAt.isValid())
            continue;
        const QDateTime archive = r.batch.createdAt.addDays(kArchiveDays);
        const qint64 left = now.secsTo(archive);
        if (left < 0 || left > qint64(config.archiveDays) * 86400)
            continue;
        const QString msg =
            tr("The results of batch %1 are not in the ledger and will be archived (gone for "
               "good) in %2 h, at %3 UTC. Fetch them now: 'batchscope-cli results %1'.")
                .arg(r.batch.id, hoursText(left),
                     archive.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        e.holding.append(condition(archiveNearRule(), r.batch.id, QString(),
                                   QStringLiteral("critical"), r.batch.id, msg));
    }

    // A model the price table does not know: its cost is unknown, not $0.
    e.evaluatedRules << unpricedModelRule();
    for (const AlertSnapshot::UnpricedModel& m : s.unpricedModels) {
        if (m.results <= 0)
            continue;
        const QString msg =
            tr("Model \"%1\" is not in the price table: %2 results have no cost, so spend and "
               "budgets under-count. Add its price to a user price file, then run "
               "'batchscope-cli reprice'.")
                .arg(m.model)
                .arg(m.results);
        e.holding.append(condition(unpricedModelRule(), m.model, QString(),
                                   QStringLiteral("warning"), QString(), msg));
    }

    // The API unreachable or refusing the key for a while.
    if (s.apiKnown) {
        e.evaluatedRules << apiDownRule();
        if (s.apiProblem != AlertSnapshot::ApiProblem::None && s.apiProblemSince.isValid() &&
            s.apiProblemSince.secsTo(now) >= qint64(config.apiDownMinutes) * 60) {
            const qint64 minutes = s.apiProblemSince.secsTo(now) / 60;
            const bool refused = s.apiProblem == AlertSnapshot::ApiProblem::KeyRefused;
            const QString msg =
                refused ? tr("The API has refused the key for %1 minutes (%2). Nothing is "
                             "polled or ingested: store a valid key with 'batchscope-cli key "
                             "set' or fix ANTHROPIC_API_KEY.")
                              .arg(minutes)
                              .arg(s.apiProblemDetail)
                        : tr("The API has been unreachable for %1 minutes (%2). Batches keep "
                             "running on the server; check the network or the base URL.")
                              .arg(minutes)
                              .arg(s.apiProblemDetail);
            e.holding.append(
                condition(apiDownRule(),
                          refused ? QStringLiteral("key_refused") : QStringLiteral("unreachable"),
                          QString(), QStringLiteral("critical"), QString(), msg));
        }
    }
    return e;
}

} // namespace bs
