#pragma once

#include "alerts/alertconfig.h"
#include "alerts/alertsnapshot.h"
#include "ledger/alertstate.h"

#include "cost/pricebook.h"

#include <QList>

#include <optional>

namespace bs {

class Ledger;

// One evaluation of the alert rules against a ledger: read a snapshot (through the stores),
// evaluate (AlertRules, pure), and claim what fires (AlertState::apply, one transaction). What
// it returns is what this caller must deliver; another watcher on the same ledger gets nothing
// for the same firing. Use on the Ledger's thread.
class AlertEngine {
public:
    // The price book tells which model a per-model budget covers (as the budget gate does);
    // without one, PriceBook::load() is read when a snapshot is.
    explicit AlertEngine(Ledger& ledger)
        : m_ledger(ledger) {}
    AlertEngine(Ledger& ledger, const PriceBook& prices)
        : m_ledger(ledger)
        , m_prices(prices) {}

    // The ledger's side of the snapshot at `now` (the API fields are left as given in `api`).
    // False: a ledger read failed (Ledger::lastError()).
    bool readSnapshot(const QDateTime& now, AlertSnapshot* snapshot);

    // readSnapshot + evaluate + apply. `api` carries the API status fields (apiKnown, ...).
    // withDelivery: the fired alerts are logged as delivery Pending (a sink will report).
    bool run(const QDateTime& now, const AlertSnapshot& api, bool withDelivery,
             QList<AlertState::Fired>* fired);

    // Evaluate + apply for a snapshot built elsewhere (tests, the console).
    bool apply(const AlertSnapshot& snapshot, const AlertConfig& config, bool withDelivery,
               QList<AlertState::Fired>* fired);

private:
    Ledger& m_ledger;
    std::optional<PriceBook> m_prices;
};

} // namespace bs
