#pragma once

#include "requestrecord.h"

#include <string>
#include <string_view>
#include <vector>

namespace bs::sim {

class CreateStream;

// The per-request part of a create: each item of "requests" (its JSON text, found by the
// caller's walk of the body) checked the way the API checks it (custom_id, params) and analysed
// (RequestAnalyzer). The items are independent, so they are analysed on several threads (a
// 256 MB body: 100,000 requests); the answer is the one a walk in order gives: the records in
// order, or the problem of the first item that has one.
class CreateRequests {
public:
    // `items`: the text of each item, in order, readable for simdjson::SIMDJSON_PADDING bytes
    // past its end. Fills `records` (items.size()) and returns "" when every item is valid, else
    // the first problem ("requests.N.field: ...").
    // `ready`: items analysed while the body arrived (taken where they match), or null.
    static std::string analyze(const std::vector<std::string_view>& items, bool output300kBeta,
                               std::vector<RequestRecord>* records,
                               const CreateStream* ready = nullptr);

    static bool validCustomId(std::string_view id);

    // One item: FastAnalyzer when it takes it, else analyzeGeneral (the same answer).
    static std::string analyzeOne(std::string_view raw, size_t index, bool output300kBeta,
                                  RequestRecord* record);
    // One item through a QJsonObject and RequestAnalyzer: every shape.
    static std::string analyzeGeneral(std::string_view raw, size_t index, bool output300kBeta,
                                      RequestRecord* record);
};

} // namespace bs::sim
