#include "filescan.h"

#include "cost/pricebook.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"

namespace bs::ui {

void FileScan::run(QPromise<Result>& promise, const QString& path, const QString& ledgerPath,
                   const StopFlag& stop, const Ratios& ratios) {
    promise.setProgressRange(0, kProgressRange);
    Result result;
    const PriceBook prices = PriceBook::load();
    JsonlScanner::Options options;
    options.prices = &prices;
    options.maxProblems = kMaxProblems;
    options.inputRatios = ratios;
    options.progress = [&promise, &stop](qint64 done, qint64 total) {
        if (total > 0)
            promise.setProgressValue(
                int(qMin<qint64>(kProgressRange, done * kProgressRange / total)));
        return !stop->load();
    };
    // This thread's own connection to the console's ledger, opened when first needed.
    std::unique_ptr<Ledger> ledger;
    const auto openLedger = [&]() -> Ledger* {
        if (!ledger && result.ledgerError.isEmpty() && !ledgerPath.isEmpty()) {
            QString error;
            ledger = Ledger::openForThisThread(ledgerPath, &error);
            if (!ledger)
                result.ledgerError = error;
        }
        return ledger.get();
    };
    if (!ledgerPath.isEmpty()) {
        options.usedCustomIds = [&](const QSet<QString>& ids) {
            if (!openLedger())
                return QSet<QString>();
            const QSet<QString> used = DraftStore(*ledger).usedCustomIds(ids);
            if (!ledger->lastError().isEmpty())
                result.ledgerError = ledger->lastError();
            return used;
        };
    }
    JsonlScanner scanner(path, options);
    result.readOk = scanner.scan() || scanner.cancelled();
    result.cancelled = scanner.cancelled();
    result.valid = scanner.valid() && !result.cancelled;
    result.requests = scanner.requestCount();
    result.bytes = scanner.bytesRead();
    result.errors = scanner.errorCount();
    result.warnings = scanner.warningCount();
    result.infos = scanner.infoCount();
    result.problems = scanner.problems();
    result.estimates = scanner.estimates();
    if (result.valid)
        result.batches = scanner.batches();
    if (result.valid && openLedger()) {
        BudgetGate gate(*ledger, prices);
        gate.addExpected(&result.estimates);
        result.verdict = gate.evaluate(result.estimates);
        result.budgetsRead = ledger->lastError().isEmpty();
        if (!result.budgetsRead)
            result.ledgerError = ledger->lastError();
    }
    promise.setProgressValue(kProgressRange);
    promise.addResult(result);
}

} // namespace bs::ui
