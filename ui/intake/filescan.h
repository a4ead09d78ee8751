#pragma once

#include "intake/batchsplitter.h"
#include "intake/budgetgate.h"
#include "intake/jsonlscanner.h"

#include <QList>
#include <QPromise>
#include <QString>

#include <atomic>
#include <memory>

namespace bs::ui {

// One reading of a JSONL file for the Submit dialog, run off the GUI thread (QtConcurrent with a
// QPromise): the scanner's problems, split plan and estimate per model, and which custom_ids this
// ledger has already seen, the expected cost (at the output/max_tokens ratio this ledger has seen)
// and what the file adds to each budget (BudgetGate::evaluate, read-only). The ledger is read on
// the scanning thread through a connection of its own (never on the GUI thread). Progress is
// reported in thousandths of the file; setting `stop` ends the scan after the chunk being read, and
// the partial result is still delivered.
class FileScan {
public:
    struct Result {
        bool readOk = true;
        bool cancelled = false;
        bool valid = false;
        qint64 requests = 0;
        qint64 bytes = 0;
        qint64 errors = 0, warnings = 0, infos = 0;
        QList<bs::JsonlScanner::Problem> problems; // the first kMaxProblems
        QList<bs::BatchSplitter::Part> batches;    // the split plan (valid files)
        QList<bs::JsonlScanner::ModelEstimate> estimates;
        bs::BudgetGate::Verdict verdict; // the budgets and what this file adds (valid files)
        bool budgetsRead = false;
        QString ledgerError; // the ledger could not be read (used ids and budgets unchecked)

        qint64 problemCount() const { return errors + warnings + infos; }
    };
    static constexpr int kMaxProblems = 1000;
    static constexpr int kProgressRange = 1000;

    // Reads `path`; `ledgerPath` (empty: none) answers "already used in the ledger".
    using StopFlag = std::shared_ptr<std::atomic_bool>;
    // `ratios`: count_tokens calibration per model (TokenCalibrator::Result::ratios()); empty:
    // the local estimate.
    using Ratios = QHash<QString, bs::JsonlScanner::Options::InputRatio>;
    static void run(QPromise<Result>& promise, const QString& path, const QString& ledgerPath,
                    const StopFlag& stop, const Ratios& ratios);
};

} // namespace bs::ui
