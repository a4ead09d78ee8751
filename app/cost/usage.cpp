#include "usage.h"

namespace bs {

qint64 Usage::promptTokens() const {
    // The total is authoritative; the breakdown only counts when it says more (inconsistent data).
    const qint64 writes =
        qMax(cacheCreationInputTokens, ephemeral5mInputTokens + ephemeral1hInputTokens);
    return inputTokens + writes + cacheReadInputTokens;
}

Usage Usage::fromJson(const QJsonObject& o) {
    const auto count = [](const QJsonObject& obj, const char* name) -> qint64 {
        return obj.value(QLatin1String(name)).toInteger(0);
    };
    Usage u;
    u.inputTokens = count(o, "input_tokens");
    u.outputTokens = count(o, "output_tokens");
    u.cacheCreationInputTokens = count(o, "cache_creation_input_tokens");
    u.cacheReadInputTokens = count(o, "cache_read_input_tokens");
    const QJsonValue breakdown = o.value(QLatin1String("cache_creation"));
    if (breakdown.isObject()) {
        u.hasCacheCreationBreakdown = true;
        u.ephemeral5mInputTokens = count(breakdown.toObject(), "ephemeral_5m_input_tokens");
        u.ephemeral1hInputTokens = count(breakdown.toObject(), "ephemeral_1h_input_tokens");
    }
    const QJsonObject tools = o.value(QLatin1String("server_tool_use")).toObject();
    u.webSearchRequests = count(tools, "web_search_requests");
    u.webFetchRequests = count(tools, "web_fetch_requests");
    u.serviceTier = o.value(QLatin1String("service_tier")).toString();
    u.inferenceGeo = o.value(QLatin1String("inference_geo")).toString();
    return u;
}

QJsonObject Usage::toJson() const {
    QJsonObject o{{QStringLiteral("input_tokens"), inputTokens},
                  {QStringLiteral("output_tokens"), outputTokens},
                  {QStringLiteral("cache_creation_input_tokens"), cacheCreationInputTokens},
                  {QStringLiteral("cache_read_input_tokens"), cacheReadInputTokens}};
    if (hasCacheCreationBreakdown)
        o.insert(
            QStringLiteral("cache_creation"),
            QJsonObject{{QStringLiteral("ephemeral_5m_input_tokens"), ephemeral5mInputTokens},
                        {QStringLiteral("ephemeral_1h_input_tokens"), ephemeral1hInputTokens}});
    o.insert(QStringLiteral("server_tool_use"),
             QJsonObject{{QStringLiteral("web_search_requests"), webSearchRequests},
                         {QStringLiteral("web_fetch_requests"), webFetchRequests}});
    o.insert(QStringLiteral("service_tier"),
             serviceTier.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(serviceTier));
    o.insert(QStringLiteral("inference_geo"),
             inferenceGeo.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(inferenceGeo));
    return o;
}

} // namespace bs
