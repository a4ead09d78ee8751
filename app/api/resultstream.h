#pragma once

#include "apijob.h"

namespace bs {

// GET results_url (Accept: application/binary), read as a stream: dataReady() hands over
// chunks made of complete, '\n'-terminated JSONL lines as they arrive; nothing holds the whole
// file. The results endpoint has no Range support, so a broken download cannot be resumed:
// finished() then reports the failure (Network/Timeout, retryable) with linesDelivered(), and
// the consumer starts a new stream from the beginning and relies on its idempotent ingestion.
// Failures before the first line is delivered are retried like any call.
//
// The last line of the file is held back until the end and checked: a last line that is not
// complete JSON (truncated, with or without a trailing newline) is not delivered; finished()
// reports ApiError::Kind::Truncated instead. A valid last line without a trailing newline is
// delivered with one added.
class ResultStream : public ApiJob {
    Q_OBJECT

public:
    QString batchId() const { return m_batchId; }
    qint64 linesDelivered() const { return m_linesDelivered; }
    qint64 bytesDelivered() const { return m_bytesDelivered; }
    qint64 bytesReceived() const { return m_bytesReceived; }

Q_SIGNALS:
    // One or more complete lines, each ending with '\n'.
    void dataReady(const QByteArray& lines);

protected:
    ApiError handleSuccess(const QByteArray&) override { return {}; }
    bool isStreaming() const override { return true; }
    void streamStarted() override;
    void streamData(const QByteArray& data) override;
    ApiError streamFinished(const ApiError& transportError) override;
    bool streamCanRetry() const override { return m_linesDelivered == 0; }

private:
    friend class ApiClient;
    ResultStream(ApiClient* client, const QUrl& url, const QString& batchId,
                 const QString& operation);
    void deliver(const QByteArray& lines, qint64 count);

    QString m_batchId;
    QByteArray m_pending; // the last complete line (held back) + an incomplete tail
    qint64 m_linesDelivered = 0;
    qint64 m_bytesDelivered = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace bs
