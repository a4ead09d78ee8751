#pragma once

#include "intake/jsonlscanner.h"
#include "ledger/budgetsetting.h"
#include "ledger/budgetstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace bs {

class Ledger;
class PriceBook;
struct BatchLocal;

// Stops spend before it passes a budget. A budget (SettingsStore, ledger schema 7) limits USD or
// input tokens per UTC day or UTC month, over all models or one. Against each, the gate adds up:
//   spent     the actual figures of ingested results in the budget's current period (from the
//             summaries: day_model_costs; input tokens count cache writes and reads too);
//   in flight the worst case every write-ahead draft reserved while its batch is in flight
//             (BudgetStore: not abandoned, results not yet ingested) — counted in the current
//             period of every budget, since its spend day is not known yet;
//   this file the worst case of the file (its input estimate and max_tokens at batch prices).
// A line is blocked when spent + in flight + this file would pass the limit (reaching it
// exactly is allowed; $0 or 0 tokens is a real limit: see Budget), or when a USD budget would
// count requests of a model without a price (their cost cannot be bounded).
//
// reserve() does the check and creates the drafts with their reservations in one write
// transaction (BEGIN IMMEDIATE), so two processes submitting at once on one ledger cannot both
// slip under a limit: the second one reads the first one's reservations.
//
// Use it on the Ledger's thread, like a store.
class BudgetGate {
    Q_DECLARE_TR_FUNCTIONS(bs::BudgetGate)

public:
    struct Line {
        QString budget;
        BudgetSetting::Kind kind = BudgetSetting::Kind::Usd;
        BudgetSetting::Period period = BudgetSetting::Period::Day;
        QString model; // empty: all models
        // Micro-dollars for a USD budget, tokens for an input-token budget.
        qint64 limit = 0, spent = 0, inFlight = 0, thisFile = 0;
        bool blocked = false;
        bool unpriced = false; // this file has requests of an unpriced model under this budget

        qint64 remaining() const { return limit - spent - inFlight; }
        QString amount(qint64 value) const; // "$1.234567" or "1,234 tokens"
        QJsonObject toJson() const;
        // "daily-usd (USD per day, all models): spent $1, in flight $2, this file $3, limit $5"
        QString toText() const;
        // The same for a retry: "... this retry $3 ..." (thisFile holds the retry's figure).
        QString toRetryText() const;
    };

    struct Verdict {
        QList<Line> lines;
        bool blocked() const;
        QList<Line> blockingLines() const;
        QJsonObject toJson() const; // {"blocked": bool, "budgets": [line...]}
    };

    struct Reservation {
        bool ok = false;      // drafts made (with an override when the verdict is blocked)
        bool blocked = false; // nothing written: a budget would be passed and no override given
        Verdict verdict;
        QStringList localIds; // one draft per batch part, in file order
        qint64 overrideId = -1;
        QString error; // when neither ok nor blocked: the ledger failed (nothing written)
    };

    BudgetGate(Ledger& ledger, const PriceBook& prices);

    // Read-only: the lines for these estimates (the whole file), for a dialog's budget bar and
    // `budget list` (an empty estimate: what stands now). On a ledger error the lines are empty
    // and Ledger::lastError() says why.
    Verdict evaluate(const QList<JsonlScanner::ModelEstimate>& estimate,
                     const QDateTime& now = QDateTime::currentDateTimeUtc());
    // The same lines with spent and in flight of one profile's batches and drafts only
    // (ProfileSpend), for the budgets editor filtered by profile. Display only: the gate itself
    // counts every profile (the budgets are global). An empty profile: evaluate().
    Verdict evaluate(const QList<JsonlScanner::ModelEstimate>& estimate, const QDateTime& now,
                     const QString& profile);

    // Checks `parts` (JsonlScanner::partEstimates(): one list per batch) and, unless blocked,
    // creates one draft per part with its reservation, in one transaction. With a non-empty
    // (trimmed) overrideReason a blocked verdict does not stop it: the override is recorded
    // (user, now, reason, the drafts, the verdict's figures) in the same transaction.
    Reservation reserve(const BatchLocal& local,
                        const QList<QList<JsonlScanner::ModelEstimate>>& parts,
                        const QString& overrideReason, const QString& user,
                        const QDateTime& now = QDateTime::currentDateTimeUtc());

    // Fills each estimate's expectedMicros: input cost + worst-case output cost x the ratio of
    // actual output tokens to max_tokens this ledger has seen for the model (BudgetStore::
    // outputHistory; no history: ratio 1, the worst case).
    void addExpected(QList<JsonlScanner::ModelEstimate>* estimates);
    static qint64 expectedMicros(const JsonlScanner::ModelEstimate& e,
                                 const BudgetStore::OutputHistory& history);

    // The sum of per-part estimates per model (what reserve() counts as "this file").
    static QList<JsonlScanner::ModelEstimate>
    merged(const QList<QList<JsonlScanner::ModelEstimate>>& parts);
    // "per UTC day", "per UTC month", "in total" (translated).
    static QString periodText(BudgetSetting::Period period);
    // The first day of the budget's current period (UTC), null for "total".
    static QDate periodStart(BudgetSetting::Period period, const QDateTime& now);

private:
    QString canonical(const QString& model) const;
    bool covers(const BudgetSetting& budget, const QString& model) const;

    Ledger& m_ledger;
    const PriceBook& m_prices;
};

} // namespace bs
