#pragma once

#include "apijob.h"
#include "messagebatch.h"

namespace bs {

// Create, retrieve and cancel: calls answered by one MessageBatch.
class BatchJob : public ApiJob {
    Q_OBJECT

public:
    enum class Kind { Create, Retrieve, Cancel };

    Kind kind() const { return m_kind; }
    // Valid after a successful finished().
    const MessageBatch& batch() const { return m_batch; }

    // Parses a MessageBatch object; Parse error when it is not one.
    static MessageBatch parse(const QByteArray& body, ApiError* error);

Q_SIGNALS:
    void batchReceived(const bs::MessageBatch& batch);

protected:
    ApiError handleSuccess(const QByteArray& body) override;

private:
    friend class ApiClient;
    BatchJob(ApiClient* client, Kind kind, Method method, const QUrl& url, const QByteArray& body,
             const QString& operation);

    Kind m_kind;
    MessageBatch m_batch;
};

} // namespace bs
