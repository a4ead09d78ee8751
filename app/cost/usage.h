#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace bs {

// The `usage` object of one Message (batches-api.md §7), with every field the cost rules need.
// Counts that the API sends as null or leaves out are 0 here.
struct Usage {
    qint64 inputTokens = 0;              // uncached input only
    qint64 outputTokens = 0;             // includes thinking tokens
    qint64 cacheCreationInputTokens = 0; // 5m + 1h cache writes
    qint64 cacheReadInputTokens = 0;
    qint64 ephemeral5mInputTokens = 0;      // cache_creation.ephemeral_5m_input_tokens
    qint64 ephemeral1hInputTokens = 0;      // cache_creation.ephemeral_1h_input_tokens
    bool hasCacheCreationBreakdown = false; // false: the `cache_creation` object was absent
    qint64 webSearchRequests = 0;           // server_tool_use.web_search_requests
    qint64 webFetchRequests = 0;            // server_tool_use.web_fetch_requests
    QString serviceTier;                    // "batch", "standard", "priority" or empty (null)
    QString inferenceGeo;                   // "global", "us" or empty (null)

    // input + cache writes + cache reads: the request's prompt size (Haiku 5.5 band).
    qint64 promptTokens() const;

    static Usage fromJson(const QJsonObject& usage);
    QJsonObject toJson() const;

    friend bool operator==(const Usage&, const Usage&) = default;
};

} // namespace bs
