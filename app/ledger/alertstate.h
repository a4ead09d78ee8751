#pragma once

#include "ledger/alertrecord.h"
#include "ledger/ledgerstore.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace bs {

// What identifies one firing of an alert: the rule, what it is about (a budget's name, a batch
// id, a model id) and the period it counts in (a budget's month or day; empty when the rule has
// none).
struct AlertKey {
    QString rule;
    QString subject;
    QString period;

    friend bool operator==(const AlertKey&, const AlertKey&) = default;
};

// A condition that holds now, with the log entry to write should it fire.
struct AlertCondition {
    AlertKey key;
    AlertRecord alert; // kind, severity, batch id, message; at/subject/period are filled in
    // Held but not announced: its state is recorded (so it will not fire later) without a log
    // entry or a delivery. A budget that jumps past 50 % and 80 % at once announces 80 % only.
    bool quiet = false;
};

// Edge-triggered alert state: one row per (rule, subject, period) that has fired. Errors:
// Ledger::lastError().
class AlertState : public LedgerStore {
public:
    explicit AlertState(Ledger& ledger)
        : LedgerStore(ledger) {}

    struct Fired {
        AlertCondition condition;
        qint64 alertId = 0; // its entry in the alert log
    };

    // One evaluation's outcome, applied in ONE write transaction (BEGIN IMMEDIATE), so that two
    // watchers on one ledger never both fire the same alert:
    // - a condition of `holding` that is not active fires: its state row becomes active and its
    //   alert is appended to the log (delivery Pending when `withDelivery`, else None), unless
    //   it is quiet;
    // - an active row of one of `evaluatedRules` whose key is not in `holding` is cleared, so
    //   that it may fire again once its condition returns. Rules not evaluated are left alone.
    // Returns what fired (possibly nothing), or false with lastError() on failure (nothing
    // changed then).
    bool apply(const QList<AlertCondition>& holding, const QStringList& evaluatedRules,
               const QDateTime& now, bool withDelivery, QList<Fired>* fired);

    // The keys active now (for tests and the console).
    QList<AlertKey> active();
};

} // namespace bs
