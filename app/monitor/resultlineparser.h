#pragma once

#include "ledger/resultrow.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

namespace bs {

// Parses lines of a Message Batches results file (batches-api.md §7) into ledger ResultRows
// with simdjson's on-demand parser: identity, result type, message id, model, stop_reason,
// every usage field (cache_creation breakdown, server_tool_use, service_tier, inference_geo)
// and, for errored results, error.error.type/message and request_id. Fields it does not need
// (content, ...) are skipped without being materialised. Cost is not computed here.
//
// A line that is not a JSON object, lacks custom_id/result/result.type, or has a field of the
// wrong type is rejected with a translated reason; nothing of it is returned.
//
// Not thread-safe: one parser per thread (it reuses its buffers).
class ResultLineParser {
    Q_DECLARE_TR_FUNCTIONS(bs::ResultLineParser)

public:
    ResultLineParser();
    ~ResultLineParser();
    ResultLineParser(const ResultLineParser&) = delete;
    ResultLineParser& operator=(const ResultLineParser&) = delete;

    // One line, without its '\n'. Fills *row (batchId and cost fields untouched) or returns
    // false with *reason. Copies the line into a padded buffer.
    bool parseLine(QByteArrayView line, ResultRow* row, QString* reason);

    // Each line of `lines` (complete lines, each ending with '\n', as ResultStream delivers
    // them) is parsed in place from one padded copy of the chunk and handed to the callback
    // with its 0-based index in the chunk. Blank lines are skipped (not counted). The callback
    // returns false to stop. Returns the number of lines handed over.
    using LineCallback = std::function<bool(qint64 index, bool ok, ResultRow& row,
                                            const QString& reason, QByteArrayView line)>;
    qint64 parseChunk(const QByteArray& lines, const LineCallback& callback);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace bs
