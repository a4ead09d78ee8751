#pragma once

#include "api/batchrequestsbuilder.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace bs {

class JsonlInput;

// Splits a stream of requests, in file order, into the batches they will be sent as: a new batch
// starts when the next request would take the current one past maxRequests requests or
// maxBodyBytes bytes of create body. Order is kept: batch 1 holds the first requests of the
// file, batch 2 the next ones, and so on (no packing out of order), so that "line N" and
// "batch K" stay easy to relate.
//
// Pure bookkeeping: it stores nothing and sends nothing. `submit` asks place() for each request
// and opens a new ledger draft whenever a batch starts; the console's submit dialog can ask
// plan() how many batches a file will make before anything is written.
class BatchSplitter {
public:
    // What the create body of one request costs, at most: {"custom_id":"…","params":…} and its
    // comma take customId + params + 28 bytes; 32 is the bound BatchRequestsBuilder checks too.
    static qint64 requestBytes(qint64 customIdBytes, qint64 paramsBytes) {
        return paramsBytes + customIdBytes + 32;
    }
    static qint64 requestBytes(const QString& customId, const QByteArray& params) {
        return requestBytes(customId.size(), params.size());
    }
    // Kept free below the API's 256 MB: the builder's own head and tail, and a body that the
    // server measures a little differently (headers, MB vs bytes) must not tip a full batch over.
    static constexpr qint64 kMarginBytes = 64 * 1024;

    struct Limits {
        qsizetype maxRequests = BatchRequestsBuilder::kMaxRequests;
        qint64 maxBodyBytes = BatchRequestsBuilder::kMaxBodyBytes - kMarginBytes;
    };

    struct Part {
        qsizetype requests = 0;
        qint64 bodyBytes = 0; // upper bound of its create body
    };

    BatchSplitter() = default;
    explicit BatchSplitter(const Limits& limits)
        : m_limits(limits) {}

    // Places the next request of the file. True when it opens a new batch (the first request
    // always does). A request too large for any batch gets one of its own (the API refuses it
    // with a clear message; validation is the place to catch it earlier).
    bool place(const QString& customId, const QByteArray& params);
    bool place(qint64 requestBytes); // the same, given requestBytes()

    const QList<Part>& parts() const { return m_parts; }
    qsizetype partCount() const { return m_parts.size(); }
    const Limits& limits() const { return m_limits; }

    // The batches a (valid) file will be sent as, read once from disk. Empty when the file
    // cannot be read.
    static QList<Part> plan(JsonlInput& input, const Limits& limits);
    static QList<Part> plan(JsonlInput& input);

private:
    // {"requests":[ and ]} around the requests.
    static constexpr qint64 kBodyFrame = 16;

    Limits m_limits;
    QList<Part> m_parts;
};

} // namespace bs
