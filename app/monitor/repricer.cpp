#include "repricer.h"

#include "cost/costcalculator.h"
#include "cost/pricebook.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"

namespace bs {

qint64 Repricer::Report::rows() const {
    qint64 n = 0;
    for (const auto& [model, change] : repriced)
        n += change.rows;
    return n;
}

Money Repricer::Report::micros() const {
    Money sum = 0;
    for (const auto& [model, change] : repriced)
        sum += change.micros;
    return sum;
}

qint64 Repricer::Report::unpricedRows() const {
    qint64 n = 0;
    for (const auto& [model, count] : stillUnpriced)
        n += count;
    return n;
}

Repricer::Report Repricer::run(Ledger& ledger, const PriceBook& book, QDate since) {
    Report report;
    bool written = true;
    if (!ledger.beginTransaction()) {
        report.error = ledger.lastError();
        return report;
    }
    const bool read = ResultStore(ledger).forEach(QString(), [&](const ResultRow& row) {
        if (row.priced || (since.isValid() && row.day.isValid() && row.day < since))
            return true;
        // Priced as the ingestion prices it: the row's spend day selects effective-dated prices.
        const CostResult cost =
            CostCalculator::costOfResult(book, row.type, row.model, row.usage, row.day);
        if (!cost.priced) {
            ++report.stillUnpriced[row.model];
            return true;
        }
        written = ResultStore(ledger).updateCost(row.batchId, row.customId, cost.micros, true);
        ModelChange& change = report.repriced[row.model];
        ++change.rows;
        change.micros += cost.micros;
        return written;
    });
    if (!read || !written) {
        report.error = tr("Repricing failed, nothing was changed: %1").arg(ledger.lastError());
        ledger.rollbackTransaction();
        report.repriced.clear();
        return report;
    }
    if (!ledger.commitTransaction()) { // rolls back on failure
        report.error = tr("Repricing failed, nothing was changed: %1").arg(ledger.lastError());
        report.repriced.clear();
        return report;
    }
    report.ok = true;
    return report;
}

} // namespace bs
