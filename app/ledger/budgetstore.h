#pragma once

#include "cost/money.h"
#include "ledger/ledgerstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace bs {

// The figures of the budget gate (BudgetGate, app/intake) and what it writes (schema version
// 7): the reservation of each write-ahead draft per model, the overrides, and the sums the gate
// compares against its budgets. Errors: Ledger::lastError() (figures are then empty).
//
// "In flight": a draft that is stored or creating, or created and whose batch has not had its
// results ingested completely (batches.results_ingested_at NULL) and is neither gone nor
// archived (results that will never be ingested: as BatchStore::awaitingIngest). An abandoned
// draft, or a batch whose results are in, commits nothing more here: from then on its actual
// cost counts, from the summaries (day_model_costs).
class BudgetStore : public LedgerStore {
    Q_DECLARE_TR_FUNCTIONS(bs::BudgetStore)

public:
    explicit BudgetStore(Ledger& ledger)
        : LedgerStore(ledger) {}

    // What one draft commits for one model: its worst case.
    struct Reservation {
        QString model;
        qint64 requests = 0;
        qint64 inputTokens = 0;     // local estimate (characters / 4)
        qint64 maxOutputTokens = 0; // the sum of max_tokens
        Money worstCaseMicros = 0;  // input + max output at batch prices
        bool unpriced = false;      // the model has no price: worstCaseMicros is not a figure
    };

    // Actual figures of ingested results per model ('' for results without one), from the
    // summaries, for the spend days from `since` (null: all).
    struct Actual {
        QString model;
        Money micros = 0;
        // input_tokens + cache_creation_input_tokens + cache_read_input_tokens: every token of
        // the prompt, cached or not, as the local estimate (characters / 4) counts it.
        qint64 inputTokens = 0;
    };

    // Output seen per model: actual output tokens of fully ingested batches made from a
    // one-model draft, over the max_tokens reserved for them.
    struct OutputHistory {
        qint64 outputTokens = 0;
        qint64 maxOutputTokens = 0;
    };

    struct Override {
        qint64 id = 0;
        QDateTime at;
        QString user;
        QString reason;
        QStringList localIds;
        QJsonObject figures;
    };

    // Adds the reservations of a draft (inside the caller's transaction when one is open).
    bool addReservations(const QString& localId, const QList<Reservation>& reservations);
    // The reservations of the drafts in flight, summed per model.
    QList<Reservation> inFlight();
    // A draft's reservations, the model with the most requests first (a batch's models, as the
    // batch table shows them).
    QList<Reservation> ofDraft(const QString& localId);
    // ofDraft() of every draft, by local id, in one read (the batch table's complete reads).
    QHash<QString, QList<Reservation>> ofDrafts();
    // The reservations summed over models (model empty; unpriced when any is).
    static Reservation total(const QList<Reservation>& reservations);
    QList<Actual> actualSince(QDate since);
    QHash<QString, OutputHistory> outputHistory();

    // Records an override; returns its id, -1 on error.
    qint64 recordOverride(const Override& entry);
    QList<Override> overrides();
};

} // namespace bs
