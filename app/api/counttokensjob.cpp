#include "counttokensjob.h"

#include <QJsonDocument>

namespace bs {

CountTokensJob::CountTokensJob(ApiClient* client, const QUrl& url, const QByteArray& body,
                               const QString& operation)
    : ApiJob(client, Method::Post, url, body, operation) {}

QByteArray CountTokensJob::bodyFromParams(const QJsonObject& params) {
    static const char* const kept[] = {"model",         "messages",      "system",
                                       "tools",         "tool_choice",   "thinking",
                                       "output_config", "cache_control", "user_profile_id"};
    QJsonObject body;
    for (const char* key : kept) {
        const QString k = QString::fromLatin1(key);
        if (params.contains(k))
            body.insert(k, params.value(k));
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ApiError CountTokensJob::handleSuccess(const QByteArray& body) {
    const QJsonValue v =
        QJsonDocument::fromJson(body).object().value(QLatin1String("input_tokens"));
    if (!v.isDouble())
        return ApiError::make(ApiError::Kind::Parse,
                              ApiError::tr("the answer has no input_tokens"));
    m_inputTokens = v.toInteger();
    return {};
}

} // namespace bs
