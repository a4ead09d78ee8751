#pragma once

#include "requestrecord.h"

#include <QJsonObject>

#include <string>

namespace bs::sim {

// Reads one request's `params` (a Messages API body) into a RequestRecord: token estimate
// (characters / 4, +30 % for the Claude 4.7+ tokenizer), cacheable prefix by TTL, server tools,
// and the first validation problem, which becomes an `errored` result later (as the real
// service validates params asynchronously).
class RequestAnalyzer {
public:
    static RequestRecord analyze(const QJsonObject& params, bool output300kBeta);
    // For POST /v1/messages/count_tokens.
    static int countTokens(const QJsonObject& body, int modelIndex);
    // Error message of an invalid record.
    static std::string invalidMessage(const RequestRecord& record);
};

} // namespace bs::sim
