#include "spendseriesbuilder.h"

#include "cost/pricebook.h"
#include "ledger/budgetstore.h"
#include "ledger/ledger.h"
#include "ledger/profilespend.h"
#include "ledger/settingsstore.h"
#include "ledger/spendqueries.h"
#include "ledger/summarystore.h"

#include <QHash>

#include <algorithm>

namespace bs {

namespace {

// The summaries' token figures as the five classes the cost rules price: cache writes reported
// without a breakdown count as 5-minute writes (CostCalculator does the same).
TokenClasses classesOf(const CostTotals& t) {
    TokenClasses c;
    c.input = t.inputTokens;
    c.output = t.outputTokens;
    c.cacheWrite1h = t.cacheCreation1hTokens;
    c.cacheWrite5m = t.cacheCreationInputTokens - t.cacheCreation1hTokens;
    c.cacheRead = t.cacheReadInputTokens;
    return c;
}

void addClasses(TokenClasses& to, const TokenClasses& c) {
    to.input += c.input;
    to.output += c.output;
    to.cacheWrite5m += c.cacheWrite5m;
    to.cacheWrite1h += c.cacheWrite1h;
    to.cacheRead += c.cacheRead;
}

} // namespace

qint64 SpendSeriesBuilder::percentile(const QList<qint64>& sorted, int percent) {
    if (sorted.isEmpty())
        return 0;
    // Nearest rank: the smallest value with at least `percent` % of the values at or below it.
    const qsizetype rank = (sorted.size() * percent + 99) / 100;
    return sorted.at(qBound<qsizetype>(0, rank - 1, sorted.size() - 1));
}

SpendSeries SpendSeriesBuilder::build(Ledger& ledger, const PriceBook& book, QDate from, QDate to,
                                      Source source, const QString& profile) {
    SpendSeries s;
    if (!from.isValid() || !to.isValid())
        return s;
    if (to < from)
        std::swap(from, to);
    s.from = from;
    s.to = to;

    SpendQueries queries(ledger);
    const QList<DayModelCost> rows =
        !profile.isEmpty()            ? ProfileSpend(ledger).byDayAndModel(profile, from, to)
        : source == Source::Summaries ? queries.byDayAndModel(from, to)
                                      : queries.byDayAndModelFromResults(from, to);
    if (!ledger.lastError().isEmpty()) {
        s.error = ledger.lastError();
        return s;
    }
    const QList<SpendQueries::Processing> processing = queries.processingTimes(from, to, profile);

    // Models by spend over the range, largest first ('' holds results without a model: free).
    QHash<QString, Money> modelSpend;
    for (const DayModelCost& r : rows) {
        if (!r.model.isEmpty())
            modelSpend[r.model] += r.totals.micros;
    }
    s.models = modelSpend.keys();
    std::sort(s.models.begin(), s.models.end(), [&](const QString& a, const QString& b) {
        const Money x = modelSpend.value(a), y = modelSpend.value(b);
        return x != y ? x > y : a < b;
    });
    QHash<QString, int> modelIndex;
    for (int i = 0; i < s.models.size(); ++i)
        modelIndex.insert(s.models.at(i), i);

    // Every day of the range, zeros where nothing was spent.
    const qint64 dayCount = from.daysTo(to) + 1;
    s.days.reserve(dayCount);
    for (qint64 i = 0; i < dayCount; ++i) {
        SpendDay d;
        d.day = from.addDays(i);
        d.byModel.fill(0, s.models.size());
        s.days.append(d);
    }

    CostSavings all;
    qsizetype at = 0;
    while (at < rows.size()) {
        const QDate day = rows.at(at).day;
        CostSavings daySavings;
        SpendDay& d = s.days[from.daysTo(day)];
        for (; at < rows.size() && rows.at(at).day == day; ++at) {
            const DayModelCost& r = rows.at(at);
            const TokenClasses c = classesOf(r.totals);
            d.micros += r.totals.micros;
            d.results += r.totals.results;
            d.unpriced += r.totals.unpriced;
            addClasses(d.tokens, c);
            if (!r.model.isEmpty()) {
                d.byModel[modelIndex.value(r.model)] += r.totals.micros;
                daySavings.add(book, r.model, c, day); // an unpriced model saves no figure
            }
        }
        d.batchSavedMicros = daySavings.batchDiscountMicros();
        d.cacheSavedMicros = daySavings.cacheReadMicros();
        all.add(daySavings);
    }
    s.batchSavedMicros = all.batchDiscountMicros();
    s.cacheSavedMicros = all.cacheReadMicros();

    // Processing times per end day.
    at = 0;
    while (at < processing.size()) {
        const QDate day = processing.at(at).day;
        QList<qint64> seconds;
        for (; at < processing.size() && processing.at(at).day == day; ++at)
            seconds.append(processing.at(at).seconds);
        if (day < from || day > to)
            continue;
        std::sort(seconds.begin(), seconds.end());
        SpendDay& d = s.days[from.daysTo(day)];
        d.batchesEnded = int(seconds.size());
        d.p50Seconds = percentile(seconds, 50);
        d.p95Seconds = percentile(seconds, 95);
    }

    // Budgets: the all-model USD ones of a day and of a month.
    for (const BudgetSetting& b : SettingsStore(ledger).budgets()) {
        if (b.kind != BudgetSetting::Kind::Usd || !b.model.isEmpty())
            continue;
        if (b.period == BudgetSetting::Period::Day)
            s.dailyBudgetMicros = b.limitMicros;
        else if (b.period == BudgetSetting::Period::Month)
            s.monthlyBudgetMicros = b.limitMicros;
    }
    // The budget line: within one calendar month, the monthly budget (flat); otherwise the daily
    // one, as an allowance that grows by its limit each day; else the monthly one, growing by its
    // limit at each month the range enters.
    const bool oneMonth = from.year() == to.year() && from.month() == to.month();
    int months = 0;
    for (qsizetype i = 0; i < s.days.size(); ++i) {
        SpendDay& d = s.days[i];
        if (i == 0 || d.day.day() == 1)
            ++months;
        if (s.monthlyBudgetMicros >= 0 && (oneMonth || s.dailyBudgetMicros < 0))
            d.budgetMicros = s.monthlyBudgetMicros * months;
        else if (s.dailyBudgetMicros >= 0)
            d.budgetMicros = s.dailyBudgetMicros * (i + 1);
    }

    Money running = 0;
    for (SpendDay& d : s.days) {
        running += d.micros;
        d.cumulativeMicros = running;
        s.totalMicros += d.micros;
        s.results += d.results;
        s.unpriced += d.unpriced;
        addClasses(s.tokens, d.tokens);
    }

    const BudgetStore::Reservation inFlight =
        BudgetStore::total(profile.isEmpty() ? BudgetStore(ledger).inFlight()
                                             : ProfileSpend(ledger).inFlight(profile));
    s.inFlightMicros = inFlight.worstCaseMicros;
    s.inFlightRequests = inFlight.requests;
    s.inFlightUnpriced = inFlight.unpriced;
    s.ledgerEmpty =
        s.results == 0 && inFlight.requests == 0 && SummaryStore(ledger).total().results == 0;
    if (!ledger.lastError().isEmpty())
        s.error = ledger.lastError();
    return s;
}

} // namespace bs
