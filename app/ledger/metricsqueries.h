#pragma once

#include "ledger/ledgerstore.h"

#include <QList>
#include <QString>

namespace bs {

// Counts the metrics exporter needs that no other store has: batches by status and results by
// type and error class, each one GROUP BY over the ledger. Errors: Ledger::lastError().
class MetricsQueries : public LedgerStore {
public:
    explicit MetricsQueries(Ledger& ledger)
        : LedgerStore(ledger) {}

    struct Count {
        QString key;    // batch status ("in_progress", "ended", "gone", ...) or result type
        QString subKey; // error class for errored results (error_type, "" when none)
        qint64 count = 0;
    };
    // Batches by processing_status; gone batches count as "gone".
    QList<Count> batchesByStatus();
    // Results by type ("succeeded", "errored", ...) and, for errored ones, error_type.
    QList<Count> resultsByTypeAndError();

    // One ended batch's processing time (created_at to ended_at). Canceled batches are left
    // out (their time says nothing about how long a batch takes).
    struct ProcessingTime {
        QString model;       // the model with the most requests in its draft; "" when unknown
        qint64 requests = 0; // request_counts' total
        qint64 seconds = 0;
    };
    QList<ProcessingTime> processingTimes();
};

} // namespace bs
