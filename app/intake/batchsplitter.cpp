#include "batchsplitter.h"

#include "intake/jsonlinput.h"

namespace bs {

bool BatchSplitter::place(const QString& customId, const QByteArray& params) {
    return place(requestBytes(customId, params));
}

bool BatchSplitter::place(qint64 size) {
    const bool opens = m_parts.isEmpty() || m_parts.last().requests + 1 > m_limits.maxRequests ||
                       m_parts.last().bodyBytes + size > m_limits.maxBodyBytes;
    if (opens)
        m_parts.append(Part{0, kBodyFrame});
    Part& part = m_parts.last();
    ++part.requests;
    part.bodyBytes += size;
    return opens;
}

QList<BatchSplitter::Part> BatchSplitter::plan(JsonlInput& input, const Limits& limits) {
    BatchSplitter splitter(limits);
    const bool read = input.forEach([&](const QString& customId, const QByteArray& params) {
        splitter.place(customId, params);
        return true;
    });
    return read ? splitter.parts() : QList<Part>();
}

QList<BatchSplitter::Part> BatchSplitter::plan(JsonlInput& input) {
    return plan(input, Limits());
}

} // namespace bs
