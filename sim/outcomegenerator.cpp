#include "outcomegenerator.h"

#include "hashing.h"
#include "jsonwriter.h"
#include "modelcatalog.h"
#include "requestanalyzer.h"

#include <algorithm>
#include <array>

namespace bs::sim {

namespace {

constexpr std::array<const char*, 48> kWords = {
    "the",      "batch",   "result",  "shows",  "that",    "each",    "request",  "was",
    "handled",  "with",    "care",    "and",    "a",       "clear",   "answer",   "follows",
    "from",     "input",   "data",    "model",  "summary", "ticket",  "customer", "issue",
    "resolved", "quickly", "because", "system", "report",  "notes",   "several",  "key",
    "points",   "about",   "cost",    "tokens", "review",  "careful", "analysis", "suggests",
    "further",  "steps",   "may",     "help",   "improve", "quality", "overall",  "team"};

void appendText(std::string& out, uint64_t h, size_t chars) {
    size_t start = out.size();
    bool capital = true;
    int sinceStop = 0;
    while (out.size() - start < chars) {
        h = Hashing::mix(h);
        std::string_view w = kWords[h % kWords.size()];
        if (out.size() > start)
            out.push_back(' ');
        out += w;
        if (capital) {
            char& c = out[out.size() - w.size()];
            c = char(c - 'a' + 'A');
            capital = false;
        }
        if (++sinceStop >= 8 + int((h >> 20) % 9)) {
            out.push_back('.');
            capital = true;
            sinceStop = 0;
        }
    }
    if (!capital)
        out.push_back('.');
}

} // namespace

void OutcomeGenerator::render(std::string& out, const RequestRecord& r, Outcome outcome,
                              Cache cache, UsageEntry* usage) const {
    JsonWriter w(out);
    w.beginObject().key("custom_id").value(r.customId).key("result").beginObject();
    switch (outcome) {
    case Outcome::Succeeded:
        w.key("type").value("succeeded").key("message");
        renderMessage(out, r, cache, usage);
        w.endObject(); // "result" (the message was written by renderMessage)
        break;
    case Outcome::Invalid:
    case Outcome::ApiError:
    case Outcome::Overloaded: {
        const char* type = outcome == Outcome::Invalid    ? "invalid_request_error"
                           : outcome == Outcome::ApiError ? "api_error"
                                                          : "overloaded_error";
        const std::string message = outcome == Outcome::Invalid ? RequestAnalyzer::invalidMessage(r)
                                    : outcome == Outcome::ApiError ? "Internal server error"
                                                                   : "Overloaded";
        w.key("type").value("errored").key("error").beginObject();
        w.key("type").value("error").key("error").beginObject();
        w.key("type").value(type).key("message").value(message).endObject();
        w.key("request_id").value("req_" + Hashing::base62(m_seed, r.hash ^ 0x7265, 24));
        w.endObject().endObject();
        break;
    }
    case Outcome::Canceled:
        w.key("type").value("canceled").endObject();
        break;
    case Outcome::Expired:
        w.key("type").value("expired").endObject();
        break;
    }
    w.endObject();
    out.push_back('\n');
}

void OutcomeGenerator::renderMessage(std::string& out, const RequestRecord& r, Cache cache,
                                     UsageEntry* usage) const {
    const auto& model = ModelCatalog::instance().at(r.model);
    const uint64_t h = Hashing::combine(m_seed, r.hash ^ 0x6f7574);
    const double roll = Hashing::unit(h);
    const int hi = std::max(1, r.maxTokens);

    std::string stopReason = "end_turn";
    bool toolUse = false, stopSeq = false;
    int outTokens;
    if ((r.flags & RequestRecord::ClientTools) &&
        ((r.flags & RequestRecord::ToolChoiceForced) || roll < 0.3)) {
        toolUse = true;
        stopReason = "tool_use";
        outTokens = std::min(hi, 20 + int(Hashing::mix(h) % 60));
    } else if ((r.flags & RequestRecord::StopSequences) && roll < 0.25) {
        stopSeq = true;
        stopReason = "stop_sequence";
        outTokens = std::max(1, int(hi * (0.2 + 0.6 * Hashing::unit(Hashing::mix(h)))));
    } else if (roll < 0.12 || hi < 16) {
        stopReason = "max_tokens";
        outTokens = hi;
    } else {
        outTokens = std::max(1, int(hi * (0.5 + 0.45 * Hashing::unit(Hashing::mix(h)))));
    }
    const int thinkingTokens = r.thinkingBudget > 0 ? std::min(r.thinkingBudget, outTokens / 2) : 0;
    const int textTokens = outTokens - thinkingTokens;
    const int searches =
        (r.flags & RequestRecord::WebSearch) ? 1 + int(Hashing::mix(h ^ 0x5e) % 3) : 0;
    const int fetches = (r.flags & RequestRecord::WebFetch) ? 1 : 0;

    JsonWriter w(out);
    w.beginObject();
    w.key("id").value("msg_" + Hashing::base62(m_seed, r.hash ^ 0x6d7367, 24));
    w.key("type").value("message").key("role").value("assistant").key("model").value(model.id);
    w.key("content").beginArray();
    if (thinkingTokens > 0) {
        w.beginObject().key("type").value("thinking").key("thinking");
        std::string t;
        appendText(t, h ^ 0x7468, std::min<size_t>(size_t(thinkingTokens) * 4, 2000));
        w.value(t).key("signature").value(Hashing::base62(m_seed, r.hash ^ 0x7369, 64));
        w.endObject();
    }
    if (searches > 0) {
        const std::string id = "srvtoolu_" + Hashing::base62(m_seed, r.hash ^ 0x7773, 24);
        w.beginObject().key("type").value("server_tool_use").key("id").value(id);
        w.key("name")
            .value("web_search")
            .key("input")
            .beginObject()
            .key("query")
            .value("batch processing results");
        w.endObject().endObject();
        w.beginObject().key("type").value("web_search_tool_result").key("tool_use_id").value(id);
        w.key("content").beginArray().beginObject().key("type").value("web_search_result");
        w.key("url").value("https://example.com/article").key("title").value("Example article");
        w.key("encrypted_content").value(Hashing::base62(m_seed, r.hash ^ 0x6563, 48));
        w.key("page_age").null().endObject().endArray().endObject();
    }
    {
        std::string text;
        appendText(text, h, std::min<size_t>(size_t(toolUse ? 10 : textTokens) * 4, 64 * 1024));
        w.beginObject().key("type").value("text").key("text").value(text).endObject();
    }
    if (toolUse) {
        w.beginObject().key("type").value("tool_use");
        w.key("id").value("toolu_" + Hashing::base62(m_seed, r.hash ^ 0x746f, 24));
        w.key("name").value("tool").key("input").beginObject().endObject().endObject();
    }
    w.endArray();
    w.key("stop_reason").value(stopReason).key("stop_sequence");
    if (stopSeq)
        w.value(r.detail);
    else
        w.null();

    int input = r.inputTokens, created = 0, read = 0, c5 = 0, c1 = 0;
    if (cache == Cache::Write) {
        c5 = r.cache5m;
        c1 = r.cache1h;
        created = c5 + c1;
        input -= created;
    } else if (cache == Cache::Read) {
        read = r.cache5m + r.cache1h;
        input -= read;
    }
    w.key("usage").beginObject();
    w.key("input_tokens").value(std::max(0, input));
    w.key("cache_creation_input_tokens").value(created);
    w.key("cache_read_input_tokens").value(read);
    w.key("cache_creation").beginObject().key("ephemeral_5m_input_tokens").value(c5);
    w.key("ephemeral_1h_input_tokens").value(c1).endObject();
    w.key("output_tokens").value(outTokens);
    if (searches > 0 || fetches > 0) {
        w.key("server_tool_use").beginObject().key("web_search_requests").value(searches);
        w.key("web_fetch_requests").value(fetches).endObject();
    } else {
        w.key("server_tool_use").null();
    }
    if (thinkingTokens > 0)
        w.key("output_tokens_details")
            .beginObject()
            .key("thinking_tokens")
            .value(thinkingTokens)
            .endObject();
    const bool geoUs = (r.flags & RequestRecord::GeoUs) != 0;
    w.key("service_tier").value("batch").key("inference_geo").value(geoUs ? "us" : "global");
    if (usage) {
        usage->model = r.model;
        usage->geoUs = geoUs;
        usage->input = std::max(0, input);
        usage->cache5m = c5;
        usage->cache1h = c1;
        usage->cacheRead = read;
        usage->output = outTokens;
        usage->webSearches = searches;
    }
    w.endObject();
    w.endObject();
}

} // namespace bs::sim
