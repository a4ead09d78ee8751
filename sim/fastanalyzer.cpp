#include "fastanalyzer.h"

#include "createrequests.h"
#include "hashing.h"
#include "modelcatalog.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace bs::sim {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// A large item gets a parser of its own, so a thread does not keep its buffers for good.
constexpr size_t kReuseBytes = 1 << 20;

// False when a key appears twice: the general path (Qt) decides which value counts.
bool uniqueKeys(object o) {
    std::string_view seen[16];
    size_t n = 0;
    for (auto field : o) {
        if (n == std::size(seen))
            return false; // not the common shape: let the general path do it
        for (size_t i = 0; i < n; ++i) {
            if (seen[i] == field.key)
                return false;
        }
        seen[n++] = field.key;
    }
    return true;
}

double textTokens(std::string_view s) {
    return double(FastAnalyzer::utf16Length(s)) / 4.0;
}

// The tokens of a string or of an array of "text" blocks without cache_control, added one
// element at a time as RequestAnalyzer's walk adds them. False: another shape.
bool addContent(element content, double* tokens) {
    if (content.type() == element_type::STRING) {
        *tokens += textTokens(std::string_view(content));
        return true;
    }
    if (content.type() != element_type::ARRAY)
        return false;
    for (element block : simdjson::dom::array(content)) {
        if (block.type() != element_type::OBJECT)
            return false;
        const object b(block);
        if (!uniqueKeys(b))
            return false;
        std::string_view type, text;
        bool hasText = false;
        for (auto field : b) {
            if (field.key == "cache_control")
                return false;
            if (field.key == "type") {
                if (field.value.get(type))
                    return false;
            } else if (field.key == "text") {
                if (field.value.get(text))
                    return false;
                hasText = true;
            }
        }
        if (type != "text" || !hasText)
            return false;
        *tokens += textTokens(text);
    }
    return true;
}

int scaled(double raw, int modelIndex) {
    double f = 1.0;
    if (modelIndex >= 0 && ModelCatalog::instance().at(modelIndex).newTokenizer)
        f = 1.3;
    return int(std::ceil(raw * f));
}

FastAnalyzer::Outcome analyzeParams(object p, bool output300kBeta, RequestRecord* out) {
    using Outcome = FastAnalyzer::Outcome;
    if (!uniqueKeys(p))
        return Outcome::Declined;
    element model, maxTokens, messages, system, stops;
    bool hasModel = false, hasMaxTokens = false, hasMessages = false, hasSystem = false;
    bool hasStops = false, streaming = false;
    for (auto field : p) {
        const std::string_view k = field.key;
        if (k == "model") {
            model = field.value;
            hasModel = true;
        } else if (k == "max_tokens") {
            maxTokens = field.value;
            hasMaxTokens = true;
        } else if (k == "messages") {
            messages = field.value;
            hasMessages = true;
        } else if (k == "system") {
            system = field.value;
            hasSystem = true;
        } else if (k == "stop_sequences") {
            stops = field.value;
            hasStops = true;
        } else if (k == "stream") {
            streaming = field.value.type() == element_type::BOOL && bool(field.value);
        } else if (k != "temperature" && k != "top_p" && k != "top_k" && k != "metadata") {
            return Outcome::Declined; // tools, thinking, cache_control, forbidden params, ...
        }
    }
    if (!hasMessages || messages.type() != element_type::ARRAY)
        return Outcome::Declined;
    if (hasSystem && system.type() != element_type::NULL_VALUE &&
        system.type() != element_type::STRING && system.type() != element_type::ARRAY)
        return Outcome::Declined;
    if (hasStops && stops.type() != element_type::ARRAY)
        return Outcome::Declined;

    RequestRecord r;
    const auto& catalog = ModelCatalog::instance();
    auto invalid = [&r](RequestRecord::Invalid why, std::string detail = {}) {
        if (r.invalid == RequestRecord::Valid) {
            r.invalid = why;
            r.detail = std::move(detail);
        }
    };
    std::string_view modelId;
    if (!hasModel || model.get(modelId) || modelId.empty()) {
        invalid(RequestRecord::NoModel);
    } else {
        r.model = int16_t(catalog.find(modelId));
        if (r.model < 0)
            invalid(RequestRecord::UnknownModel, std::string(modelId));
        else if (catalog.at(r.model).retired)
            invalid(RequestRecord::RetiredModel, std::string(modelId));
    }
    if (!hasMaxTokens || maxTokens.type() == element_type::NULL_VALUE) {
        invalid(RequestRecord::NoMaxTokens);
    } else {
        double v = -1;
        switch (maxTokens.type()) {
        case element_type::INT64:
            v = double(int64_t(maxTokens));
            break;
        case element_type::UINT64:
            v = double(uint64_t(maxTokens));
            break;
        case element_type::DOUBLE:
            v = double(maxTokens);
            break;
        default:
            return Outcome::Declined;
        }
        if (v != std::floor(v) || v < 1) {
            invalid(RequestRecord::MaxTokensTooSmall);
        } else {
            r.maxTokens = int32_t(std::min(v, 2.0e9));
            if (r.model >= 0) {
                const auto& m = catalog.at(r.model);
                const int limit = (output300kBeta && m.batch300k) ? 300000 : m.maxOutput;
                if (r.maxTokens > limit)
                    invalid(RequestRecord::MaxTokensTooLarge, std::to_string(limit));
            }
        }
    }
    if (streaming)
        invalid(RequestRecord::Streaming);
    const simdjson::dom::array messageList(messages);
    if (messageList.size() == 0)
        invalid(RequestRecord::NoMessages);

    // The walk of RequestAnalyzer, in its order: 3, the system prompt, 4 + content per message.
    double tokens = 3;
    if (hasSystem && system.type() != element_type::NULL_VALUE && !addContent(system, &tokens))
        return Outcome::Declined;
    for (element m : messageList) {
        if (m.type() != element_type::OBJECT || !uniqueKeys(object(m)))
            return Outcome::Declined;
        tokens += 4;
        element content;
        if (object(m)["content"].get(content) == simdjson::SUCCESS && !addContent(content, &tokens))
            return Outcome::Declined;
    }
    r.inputTokens = std::max(1, scaled(tokens, r.model));
    if (r.model >= 0) {
        const auto& m = catalog.at(r.model);
        if (r.inputTokens > m.contextWindow)
            invalid(RequestRecord::PromptTooLong, std::to_string(m.contextWindow));
    }
    if (hasStops && simdjson::dom::array(stops).size() > 0 && r.invalid == RequestRecord::Valid) {
        std::string_view first;
        if (simdjson::dom::array(stops).at(0).get(first))
            return Outcome::Declined;
        r.flags |= RequestRecord::StopSequences;
        r.detail = std::string(first);
    }
    *out = std::move(r);
    return Outcome::Done;
}

} // namespace

size_t FastAnalyzer::utf16Length(std::string_view utf8) {
    // One unit per character, two for a 4-byte sequence: every byte that does not continue a
    // sequence, plus every byte that starts a 4-byte one.
    size_t n = 0;
    for (unsigned char c : utf8)
        n += size_t((c & 0xC0) != 0x80) + size_t(c >= 0xF0);
    return n;
}

FastAnalyzer::Outcome FastAnalyzer::analyze(std::string_view raw, size_t index, bool output300kBeta,
                                            RequestRecord* record, std::string* problem) {
    thread_local simdjson::dom::parser reused;
    std::unique_ptr<simdjson::dom::parser> own;
    if (raw.size() > kReuseBytes)
        own = std::make_unique<simdjson::dom::parser>();
    simdjson::dom::parser& parser = own ? *own : reused;
    element root;
    if (parser.parse(raw.data(), raw.size(), false).get(root) ||
        root.type() != element_type::OBJECT)
        return Outcome::Declined;
    const object item(root);
    if (!uniqueKeys(item))
        return Outcome::Declined;
    std::string_view customId;
    element params;
    if (item["custom_id"].get(customId) || item["params"].get(params))
        return Outcome::Declined;
    if (!CreateRequests::validCustomId(customId)) {
        *problem = "requests." + std::to_string(index) +
                   ".custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'";
        return Outcome::Done;
    }
    if (params.type() != element_type::OBJECT)
        return Outcome::Declined;
    RequestRecord r;
    if (analyzeParams(object(params), output300kBeta, &r) == Outcome::Declined)
        return Outcome::Declined;
    r.customId = std::string(customId);
    r.hash = Hashing::fnv1a(raw);
    *record = std::move(r);
    problem->clear();
    return Outcome::Done;
}

} // namespace bs::sim
