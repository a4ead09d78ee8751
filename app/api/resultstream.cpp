#include "resultstream.h"

#include <QJsonDocument>

#include <cstring>

namespace bs {

namespace {
bool isBlank(QByteArrayView line) {
    return line.trimmed().isEmpty();
}

// Lines in a chunk (memchr, which is vectorised, from one newline to the next: QByteArray::count
// goes byte by byte, and the chunks are megabytes).
qint64 countNewlines(QByteArrayView bytes) {
    qint64 n = 0;
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    while (p < end) {
        const void* nl = std::memchr(p, '\n', size_t(end - p));
        if (!nl)
            break;
        ++n;
        p = static_cast<const char*>(nl) + 1;
    }
    return n;
}

bool isCompleteJson(QByteArrayView line) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &pe);
    return pe.error == QJsonParseError::NoError && doc.isObject();
}
} // namespace

ResultStream::ResultStream(ApiClient* client, const QUrl& url, const QString& batchId,
                           const QString& operation)
    : ApiJob(client, Method::Get, url, QByteArray(), operation)
    , m_batchId(batchId) {
    setAccept("application/binary");
    setBatchId(batchId);
}

void ResultStream::streamStarted() {
    // A new attempt starts from the beginning of the file (only when nothing was delivered).
    m_pending.clear();
}

void ResultStream::deliver(const QByteArray& lines, qint64 count) {
    if (lines.isEmpty())
        return;
    m_linesDelivered += count;
    m_bytesDelivered += lines.size();
    Q_EMIT dataReady(lines);
}

void ResultStream::streamData(const QByteArray& data) {
    m_bytesReceived += data.size();
    if (m_pending.isEmpty())
        m_pending = data; // shared, not copied
    else
        m_pending.append(data);
    const qsizetype last = m_pending.lastIndexOf('\n');
    if (last <= 0)
        return;
    // Keep the last complete line back: it may be the last line of the file.
    const qsizetype cut = m_pending.lastIndexOf('\n', last - 1);
    if (cut < 0)
        return;
    // The held-back tail (one line and a partial one) is copied, the delivered lines are not.
    QByteArray out = std::move(m_pending);
    m_pending = out.sliced(cut + 1);
    out.truncate(cut + 1);
    deliver(out, countNewlines(out));
}

ApiError ResultStream::streamFinished(const ApiError& transportError) {
    // m_pending: at most one complete line (held back) and possibly an incomplete tail.
    QByteArray out;
    qint64 count = 0;
    ApiError error = transportError;
    qsizetype pos = 0;
    while (pos < m_pending.size()) {
        const qsizetype nl = m_pending.indexOf('\n', pos);
        const bool complete = nl >= 0;
        const QByteArrayView line(m_pending.constData() + pos,
                                  (complete ? nl : m_pending.size()) - pos);
        pos = complete ? nl + 1 : m_pending.size();
        if (isBlank(line))
            continue;
        if (transportError.isError()) {
            // Broken transfer: deliver complete lines only; the tail is lost anyway.
            if (!complete || !isCompleteJson(line))
                break;
        } else if (!isCompleteJson(line)) {
            error = ApiError::make(
                ApiError::Kind::Truncated,
                ApiError::tr("the last line (%1 bytes) is not complete JSON").arg(line.size()));
            break;
        }
        out.append(line.data(), line.size());
        out.append('\n');
        ++count;
    }
    m_pending.clear();
    deliver(out, count);
    if (error.isError()) {
        error.linesDelivered = m_linesDelivered;
        if (transportError.isError())
            error.message = ApiError::tr("the download broke after %n complete line(s): %1",
                                         nullptr, int(qMin<qint64>(m_linesDelivered, INT_MAX)))
                                .arg(transportError.message);
    }
    return error;
}

} // namespace bs
