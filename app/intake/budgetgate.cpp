#include "budgetgate.h"

#include "cost/budget.h"
#include "cost/money.h"
#include "cost/pricebook.h"
#include "ledger/batchrecord.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/profilespend.h"
#include "ledger/settingsstore.h"

#include <QJsonArray>
#include <QLocale>

namespace bs {

namespace {
__extension__ typedef __int128 Wide;
using Kind = BudgetSetting::Kind;
using Period = BudgetSetting::Period;
} // namespace

QString BudgetGate::Line::amount(qint64 value) const {
    if (kind == Kind::Usd)
        return formatMoney(value);
    return tr("%1 tokens").arg(QLocale::c().toString(value));
}

QJsonObject BudgetGate::Line::toJson() const {
    return QJsonObject{{QStringLiteral("budget"), budget},
                       {QStringLiteral("kind"), BudgetSetting::kindName(kind)},
                       {QStringLiteral("period"), BudgetSetting::periodName(period)},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("limit"), limit},
                       {QStringLiteral("spent"), spent},
                       {QStringLiteral("in_flight"), inFlight},
                       {QStringLiteral("this_file"), thisFile},
                       {QStringLiteral("remaining"), remaining()},
                       {QStringLiteral("unpriced"), unpriced},
                       {QStringLiteral("blocked"), blocked}};
}

QString BudgetGate::Line::toText() const {
    const QString what = kind == Kind::Usd ? tr("USD") : tr("input tokens");
    const QString per = periodText(period);
    const QString scope = model.isEmpty() ? tr("all models") : model;
    QString text = tr("%1 (%2 %3, %4): spent %5, in flight %6, this file %7, limit %8")
                       .arg(budget, what, per, scope, amount(spent), amount(inFlight),
                            amount(thisFile), amount(limit));
    if (unpriced)
        text += QLatin1Char(' ') + tr("(the file uses a model without a price: its cost cannot "
                                      "be bounded)");
    return text;
}

QString BudgetGate::Line::toRetryText() const {
    const QString what = kind == Kind::Usd ? tr("USD") : tr("input tokens");
    const QString scope = model.isEmpty() ? tr("all models") : model;
    QString text = tr("%1 (%2 %3, %4): spent %5, in flight %6, this retry %7, limit %8")
                       .arg(budget, what, periodText(period), scope, amount(spent),
                            amount(inFlight), amount(thisFile), amount(limit));
    if (unpriced)
        text += QLatin1Char(' ') + tr("(the retry uses a model without a price: its cost cannot "
                                      "be bounded)");
    return text;
}

bool BudgetGate::Verdict::blocked() const {
    for (const Line& l : lines)
        if (l.blocked)
            return true;
    return false;
}

QList<BudgetGate::Line> BudgetGate::Verdict::blockingLines() const {
    QList<Line> out;
    for (const Line& l : lines)
        if (l.blocked)
            out.append(l);
    return out;
}

QJsonObject BudgetGate::Verdict::toJson() const {
    QJsonArray list;
    for (const Line& l : lines)
        list.append(l.toJson());
    return QJsonObject{{QStringLiteral("blocked"), blocked()}, {QStringLiteral("budgets"), list}};
}

BudgetGate::BudgetGate(Ledger& ledger, const PriceBook& prices)
    : m_ledger(ledger)
    , m_prices(prices) {}

QString BudgetGate::canonical(const QString& model) const {
    const ModelPricing* p = m_prices.find(model);
    return p ? p->modelId : model;
}

bool BudgetGate::covers(const BudgetSetting& budget, const QString& model) const {
    return budget.model.isEmpty() || canonical(budget.model) == canonical(model);
}

QString BudgetGate::periodText(Period period) {
    switch (period) {
    case Period::Day:
        return tr("per UTC day");
    case Period::Month:
        return tr("per UTC month");
    case Period::Total:
        break;
    }
    return tr("in total");
}

QDate BudgetGate::periodStart(Period period, const QDateTime& now) {
    const QDate today = now.toUTC().date();
    switch (period) {
    case Period::Day:
        return today;
    case Period::Month:
        return QDate(today.year(), today.month(), 1);
    case Period::Total:
        break;
    }
    return {};
}

BudgetGate::Verdict BudgetGate::evaluate(const QList<JsonlScanner::ModelEstimate>& estimate,
                                         const QDateTime& now) {
    return evaluate(estimate, now, QString());
}

BudgetGate::Verdict BudgetGate::evaluate(const QList<JsonlScanner::ModelEstimate>& estimate,
                                         const QDateTime& now, const QString& profile) {
    Verdict verdict;
    const QList<BudgetSetting> budgets = SettingsStore(m_ledger).budgets();
    if (!m_ledger.lastError().isEmpty() || budgets.isEmpty())
        return verdict;
    const QList<BudgetStore::Reservation> inFlight = profile.isEmpty()
                                                         ? BudgetStore(m_ledger).inFlight()
                                                         : ProfileSpend(m_ledger).inFlight(profile);
    if (!m_ledger.lastError().isEmpty())
        return verdict;
    // Actual figures per period start, read once each.
    QHash<QDate, QList<BudgetStore::Actual>> actual;
    for (const BudgetSetting& b : budgets) {
        const QDate since = periodStart(b.period, now);
        if (actual.contains(since))
            continue;
        actual.insert(since, profile.isEmpty()
                                 ? BudgetStore(m_ledger).actualSince(since)
                                 : ProfileSpend(m_ledger).actualSince(profile, since));
        if (!m_ledger.lastError().isEmpty())
            return verdict;
    }
    for (const BudgetSetting& b : budgets) {
        const bool usd = b.kind == Kind::Usd;
        Line line;
        line.budget = b.name;
        line.kind = b.kind;
        line.period = b.period;
        line.model = b.model;
        line.limit = b.limit();
        for (const BudgetStore::Actual& a : actual.value(periodStart(b.period, now)))
            if (covers(b, a.model))
                line.spent += usd ? a.micros : a.inputTokens;
        for (const BudgetStore::Reservation& r : inFlight)
            if (covers(b, r.model))
                line.inFlight += usd ? r.worstCaseMicros : r.inputTokens;
        for (const JsonlScanner::ModelEstimate& e : estimate) {
            if (!covers(b, e.model))
                continue;
            line.thisFile += usd ? e.worstCaseMicros : e.inputTokens;
            if (usd && !e.priced && e.requests > 0)
                line.unpriced = true;
        }
        line.blocked = line.unpriced ||
                       Budget(line.limit, line.spent + line.inFlight).wouldExceed(line.thisFile);
        verdict.lines.append(line);
    }
    return verdict;
}

QList<JsonlScanner::ModelEstimate>
BudgetGate::merged(const QList<QList<JsonlScanner::ModelEstimate>>& parts) {
    QList<JsonlScanner::ModelEstimate> out;
    for (const auto& part : parts) {
        for (const JsonlScanner::ModelEstimate& e : part) {
            auto it =
                std::find_if(out.begin(), out.end(), [&](const JsonlScanner::ModelEstimate& o) {
                    return o.model == e.model;
                });
            if (it == out.end()) {
                out.append(e);
                continue;
            }
            it->requests += e.requests;
            it->inputTokens += e.inputTokens;
            it->maxOutputTokens += e.maxOutputTokens;
            it->worstCaseMicros += e.worstCaseMicros;
            it->worstCaseOutputMicros += e.worstCaseOutputMicros;
            it->expectedMicros += e.expectedMicros;
        }
    }
    return out;
}

BudgetGate::Reservation BudgetGate::reserve(const BatchLocal& local,
                                            const QList<QList<JsonlScanner::ModelEstimate>>& parts,
                                            const QString& overrideReason, const QString& user,
                                            const QDateTime& now) {
    Reservation res;
    const QString reason = overrideReason.trimmed();
    // BEGIN IMMEDIATE: the write lock is taken before the figures are read, so a second
    // process waits here and then sees this one's reservations.
    if (!m_ledger.beginTransaction()) {
        res.error = m_ledger.lastError();
        return res;
    }
    const auto failed = [&] {
        res.error = m_ledger.lastError();
        m_ledger.rollbackTransaction();
        res.localIds.clear();
        res.overrideId = -1;
        return res;
    };
    res.verdict = evaluate(merged(parts), now);
    if (!m_ledger.lastError().isEmpty())
        return failed();
    if (res.verdict.blocked() && reason.isEmpty()) {
        m_ledger.rollbackTransaction();
        res.blocked = true;
        return res;
    }
    for (const auto& part : parts) {
        const QString id = DraftStore(m_ledger).create(local);
        if (id.isEmpty())
            return failed();
        QList<BudgetStore::Reservation> rows;
        for (const JsonlScanner::ModelEstimate& e : part)
            rows.append({e.model, e.requests, e.inputTokens, e.maxOutputTokens, e.worstCaseMicros,
                         !e.priced});
        if (!BudgetStore(m_ledger).addReservations(id, rows))
            return failed();
        res.localIds.append(id);
    }
    if (res.verdict.blocked()) {
        BudgetStore::Override entry;
        entry.at = now;
        entry.user = user;
        entry.reason = reason;
        entry.localIds = res.localIds;
        entry.figures = res.verdict.toJson();
        res.overrideId = BudgetStore(m_ledger).recordOverride(entry);
        if (res.overrideId < 0)
            return failed();
    }
    if (!m_ledger.commitTransaction())
        return failed();
    res.ok = true;
    return res;
}

qint64 BudgetGate::expectedMicros(const JsonlScanner::ModelEstimate& e,
                                  const BudgetStore::OutputHistory& history) {
    if (history.maxOutputTokens <= 0)
        return e.worstCaseMicros;
    // The ratio never goes above 1: a batch cannot produce more than its max_tokens.
    const Wide used = qMin(history.outputTokens, history.maxOutputTokens);
    const Wide output = (Wide(e.worstCaseOutputMicros) * used + history.maxOutputTokens / 2) /
                        history.maxOutputTokens;
    return e.worstCaseMicros - e.worstCaseOutputMicros + qint64(output);
}

void BudgetGate::addExpected(QList<JsonlScanner::ModelEstimate>* estimates) {
    const QHash<QString, BudgetStore::OutputHistory> history =
        BudgetStore(m_ledger).outputHistory();
    for (JsonlScanner::ModelEstimate& e : *estimates)
        e.expectedMicros = expectedMicros(e, history.value(e.model));
}

} // namespace bs
