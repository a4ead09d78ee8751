#pragma once

#include <QObject>
#include <QStringList>

namespace bs {

// One process-wide object that repeats every Ledger's change signal, whichever thread the
// Ledger connection lives on. It belongs to the main (GUI) thread. A worker's Ledger emits on it
// from the worker thread; receivers in the GUI thread connected with the default (auto) connection
// therefore get the signal queued into their own thread. Never touch a Ledger from another thread
// than its own.
class LedgerNotifier : public QObject {
    Q_OBJECT

public:
    // What changed. Signals name the kind and, where it applies, the batch ids concerned
    // (empty list: not tied to batches, e.g. settings).
    enum class Change {
        Batches,    // batch rows inserted or their server fields changed
        Requests,   // write-ahead requests / drafts stored, attached or abandoned
        Results,    // results inserted (and so costs and missing items)
        RetryQueue, // items enqueued, drafted for retry, re-sent or dismissed
        Alerts,     // alert log appended
        Settings,   // data settings / budgets
    };
    Q_ENUM(Change)

    static LedgerNotifier* instance();

Q_SIGNALS:
    // `path` is the ledger file the change was made in.
    void changed(bs::LedgerNotifier::Change what, const QStringList& batchIds, const QString& path);

private:
    LedgerNotifier();
};

} // namespace bs
