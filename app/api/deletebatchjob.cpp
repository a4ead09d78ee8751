#include "deletebatchjob.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bs {

DeleteBatchJob::DeleteBatchJob(ApiClient* client, const QUrl& url, const QString& operation)
    : ApiJob(client, Method::Delete, url, QByteArray(), operation) {}

ApiError DeleteBatchJob::handleSuccess(const QByteArray& body) {
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.value(QLatin1String("type")).toString() != QLatin1String("message_batch_deleted"))
        return ApiError::make(ApiError::Kind::Parse,
                              ApiError::tr("the answer is not a message_batch_deleted object"));
    m_deletedId = o.value(QLatin1String("id")).toString();
    return {};
}

} // namespace bs
