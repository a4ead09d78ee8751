#pragma once

// A large generated ledger for the benchmarks (bench_console, bench_dashboard): `batches` ended
// batches of `resultsPerBatch` results each, written through the stores in large transactions
// (so the summaries are kept as the console's ingestion keeps them). Header-only: the benchmark
// links bs_core.
#include "api/messagebatch.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/resultrow.h"
#include "ledger/resultstore.h"

#include <QDateTime>
#include <QStringList>

namespace bs::test {

struct BenchLedgerSpec {
    int batches = 10000;
    int resultsPerBatch = 100;
    QDateTime start{QDate(2026, 10, 1), QTime(0, 0), Qt::UTC};
    qint64 intervalSecs = 300;   // between two batches' creation
    bool varyProcessing = false; // false: every batch takes an hour
    QStringList models{QStringLiteral("claude-haiku-4-5"), QStringLiteral("claude-sonnet-4-5"),
                       QStringLiteral("claude-opus-4-5")};
};

inline bool generateBenchLedger(const QString& path, const BenchLedgerSpec& spec, QString* error) {
    Ledger ledger;
    if (!ledger.open(path) || !ledger.tuneForBulkInserts()) {
        *error = ledger.lastError();
        return false;
    }
    QList<MessageBatch> batches;
    for (int i = 0; i < spec.batches; ++i) {
        MessageBatch b;
        b.id = QStringLiteral("msgbatch_bench_%1").arg(i, 6, 10, QLatin1Char('0'));
        b.processingStatus = MessageBatch::Status::Ended;
        b.createdAt = spec.start.addSecs(qint64(i) * spec.intervalSecs);
        // Varied: 10 minutes to 26 hours (a few past the 24 h limit).
        b.endedAt =
            b.createdAt.addSecs(spec.varyProcessing ? 600 + (qint64(i) * 7919) % 93000 : 3600);
        b.expiresAt = b.createdAt.addDays(1);
        b.requestCounts.succeeded = spec.resultsPerBatch - spec.resultsPerBatch / 20;
        b.requestCounts.errored = spec.resultsPerBatch / 20;
        b.resultsUrl =
            QStringLiteral("https://api.anthropic.com/v1/messages/batches/%1/results").arg(b.id);
        batches.append(b);
    }
    if (!BatchStore(ledger).upsert(batches)) {
        *error = ledger.lastError();
        return false;
    }
    QList<ResultRow> rows;
    rows.reserve(20000);
    const auto flush = [&] {
        const bool ok = ResultStore(ledger).insert(rows) == rows.size();
        rows.clear();
        return ok;
    };
    if (!ledger.beginTransaction()) {
        *error = ledger.lastError();
        return false;
    }
    const int commitEvery = qMax(1, 200000 / spec.resultsPerBatch);
    for (int i = 0; i < spec.batches; ++i) {
        const MessageBatch& b = batches.at(i);
        for (int j = 0; j < spec.resultsPerBatch; ++j) {
            ResultRow r;
            r.batchId = b.id;
            r.customId = QStringLiteral("req-%1").arg(j, 4, 10, QLatin1Char('0'));
            r.day = b.endedAt.date();
            if (j % 20 == 7) {
                r.type = QStringLiteral("errored");
                r.errorType = QStringLiteral("overloaded_error");
                r.errorMessage = QStringLiteral("Overloaded");
            } else {
                r.type = QStringLiteral("succeeded");
                r.model = spec.models.at((i + j) % spec.models.size());
                r.messageId = QStringLiteral("msg_%1_%2").arg(i).arg(j);
                r.stopReason = QStringLiteral("end_turn");
                r.usage.inputTokens = 1000 + j;
                r.usage.outputTokens = 300 + j;
                r.usage.cacheReadInputTokens = (j % 4) * 500;
                r.costMicros = 2000 + j;
            }
            rows.append(std::move(r));
            if (rows.size() == 20000 && !flush()) {
                *error = ledger.lastError();
                ledger.rollbackTransaction();
                return false;
            }
        }
        // Commit every ~200,000 rows: big transactions, a bounded WAL.
        if ((i + 1) % commitEvery == 0) {
            if ((!rows.isEmpty() && !flush()) || !ledger.commitTransaction() ||
                !ledger.beginTransaction()) {
                *error = ledger.lastError();
                return false;
            }
            for (const MessageBatch& done : batches.mid(i + 1 - commitEvery, commitEvery))
                BatchStore(ledger).markResultsIngested(done.id, done.endedAt.addSecs(60));
        }
    }
    if ((!rows.isEmpty() && !flush()) || !ledger.commitTransaction()) {
        *error = ledger.lastError();
        return false;
    }
    return ledger.checkpoint();
}

} // namespace bs::test
