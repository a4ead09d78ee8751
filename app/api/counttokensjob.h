#pragma once

#include "apijob.h"

#include <QJsonObject>

namespace bs {

// POST /v1/messages/count_tokens (reference §12): {"input_tokens": N}.
class CountTokensJob : public ApiJob {
    Q_OBJECT

public:
    qint64 inputTokens() const { return m_inputTokens; }

    // A count_tokens body from the params of a batch request: keeps only the fields the
    // endpoint accepts (model, messages, system, tools, tool_choice, thinking, output_config,
    // cache_control, user_profile_id), drops generation controls such as max_tokens.
    static QByteArray bodyFromParams(const QJsonObject& params);

protected:
    ApiError handleSuccess(const QByteArray& body) override;

private:
    friend class ApiClient;
    CountTokensJob(ApiClient* client, const QUrl& url, const QByteArray& body,
                   const QString& operation);

    qint64 m_inputTokens = -1;
};

} // namespace bs
