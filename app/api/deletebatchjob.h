#pragma once

#include "apijob.h"

namespace bs {

// DELETE /v1/messages/batches/{id}: answered by {"id": ..., "type": "message_batch_deleted"}.
class DeleteBatchJob : public ApiJob {
    Q_OBJECT

public:
    QString deletedId() const { return m_deletedId; }

protected:
    ApiError handleSuccess(const QByteArray& body) override;

private:
    friend class ApiClient;
    DeleteBatchJob(ApiClient* client, const QUrl& url, const QString& operation);

    QString m_deletedId;
};

} // namespace bs
