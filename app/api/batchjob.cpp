#include "batchjob.h"

#include "apiclient.h"

#include <QJsonDocument>

namespace bs {

BatchJob::BatchJob(ApiClient* client, Kind kind, Method method, const QUrl& url,
                   const QByteArray& body, const QString& operation)
    : ApiJob(client, method, url, body, operation)
    , m_kind(kind) {
    setIdempotent(kind != Kind::Create);
}

MessageBatch BatchJob::parse(const QByteArray& body, ApiError* error) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = ApiError::make(
            ApiError::Kind::Parse,
            ApiError::tr("the answer is not a JSON object (%1)").arg(pe.errorString()));
        return {};
    }
    const QJsonObject o = doc.object();
    MessageBatch b = MessageBatch::fromJson(o);
    if (b.id.isEmpty() ||
        o.value(QLatin1String("type")).toString() != QLatin1String("message_batch")) {
        *error = ApiError::make(ApiError::Kind::Parse,
                                ApiError::tr("the answer is not a message_batch object"));
        return {};
    }
    *error = ApiError();
    return b;
}

ApiError BatchJob::handleSuccess(const QByteArray& body) {
    ApiError error;
    m_batch = parse(body, &error);
    if (error.isError())
        return error;
    if (m_kind == Kind::Create && client())
        client()->noteBatchCreated(m_batch.id);
    Q_EMIT batchReceived(m_batch);
    return {};
}

} // namespace bs
