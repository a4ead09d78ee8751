#pragma once

#include "ledger/budgetstore.h"
#include "ledger/costtotals.h"
#include "ledger/ledgerstore.h"

#include <QDate>
#include <QList>
#include <QString>

namespace bs {

// The spend of one profile (schema 9: batches.profile, drafts.profile), for the spend dashboard
// and the budgets editor filtered by profile. The per-day/per-model summaries (day_model_costs)
// carry no profile, so these read the per-batch summaries (batch_costs) joined with the
// profile's batches, a batch dated by its end day (ended_at, else created_at: the day its
// results get by default). A batch counts under its model when its draft reserved exactly one
// model; a batch of several models (or of no known draft) counts under kSeveralModels. No scan
// of `results`. Errors: Ledger::lastError() (the lists are then empty).
class ProfileSpend : public LedgerStore {
public:
    explicit ProfileSpend(Ledger& ledger)
        : LedgerStore(ledger) {}

    // The "model" of a batch whose draft reserved several models (or none known).
    static QString severalModels() { return QStringLiteral("*"); }

    // Per end day and model, from `from` to `to` (inclusive), ordered by day then model.
    QList<DayModelCost> byDayAndModel(const QString& profile, QDate from, QDate to);
    // As BudgetStore::actualSince, for the batches of one profile that ended from `since` (null:
    // all).
    QList<BudgetStore::Actual> actualSince(const QString& profile, QDate since);
    // As BudgetStore::inFlight, for the drafts of one profile.
    QList<BudgetStore::Reservation> inFlight(const QString& profile);
};

} // namespace bs
