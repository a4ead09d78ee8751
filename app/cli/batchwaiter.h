#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace bs::cli {

class CliContext;

// Polls the given batches until every one has ended, then ingests their results: `submit
// --wait` today, and the coming `watch` command. Transient failures are retried with backoff;
// a refused key, or ten failed cycles in a row, end the wait (the batches exist: `status` and
// `results` pick them up later).
class BatchWaiter {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::BatchWaiter)

public:
    explicit BatchWaiter(CliContext& ctx)
        : m_ctx(ctx) {}

    // Needs the ledger and the API prepared. Adds "batches", "results" and "partial" to *out and
    // prints it; returns Exit::Ok, Exit::Partial or the exit code of the failure it printed.
    int waitAndIngest(const QStringList& batchIds, QJsonObject* out);

private:
    CliContext& m_ctx;
};

} // namespace bs::cli
