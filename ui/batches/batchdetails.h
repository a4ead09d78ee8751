#pragma once

#include "ledger/batchrecord.h"
#include "ledger/budgetstore.h"
#include "ledger/costtotals.h"
#include "ledger/ledgernotifier.h"

#include <QPointer>
#include <QWidget>

class QTextBrowser;

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

// The details of the selected batch, below the batch table (Overview tab): timings (created,
// ended, processing time, expires), request counts, cost by token class and by model, source
// file, lineage (the batch it retries and its retries) and the API's own fields. Read through the
// LedgerWorker (no SQL here), again when that batch's rows or results change.
class BatchDetails : public QWidget {
    Q_OBJECT

public:
    struct Content {
        bool found = false;
        BatchRecord record;
        CostTotals cost;
        QList<CostGroup> byModel;
        QList<BatchRecord> retries;
        // The estimate made at submission (the budget gate's reservation); none for batches
        // made elsewhere or before the gate.
        BudgetStore::Reservation estimate; // summed over models
        bool estimated = false;
    };

    explicit BatchDetails(QWidget* parent = nullptr);

    void setWorker(LedgerWorker* worker);
    // Shows this batch (empty: nothing selected).
    void showBatch(const QString& batchId);
    QString batchId() const { return m_batchId; }
    // The text shown (plain), for tests.
    QString text() const;

Q_SIGNALS:
    // The content for the current batch was shown.
    void shown(const QString& batchId);

private:
    void onLedgerChanged(bs::LedgerNotifier::Change what, const QStringList& batchIds,
                         const QString& path);
    void load();
    void render(const Content& content);

    QPointer<LedgerWorker> m_worker;
    QString m_batchId;
    QTextBrowser* m_view = nullptr;
    int m_request = 0; // answers for an earlier selection are dropped
};

} // namespace bs::ui
