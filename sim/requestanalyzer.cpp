#include "requestanalyzer.h"

#include "hashing.h"
#include "modelcatalog.h"
#include "pricetable.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace bs::sim {

namespace {

struct Walk {
    double tokens = 0;     // running raw (old tokenizer) estimate
    double cachedUpTo = 0; // tokens before the last breakpoint
    double seg5m = 0, seg1h = 0;
    uint64_t prefixHash = 0xcbf29ce484222325ULL; // of the elements up to `unhashed`
    uint64_t cacheKey = 0;
    // Elements not hashed into prefixHash yet: the hash is only needed where a cache segment
    // closes, so a prompt without cache_control is never hashed (half the work of a create).
    std::vector<QJsonValue> unhashed;
};

double textTokens(const QString& s) {
    return double(s.size()) / 4.0;
}

double jsonTokens(const QJsonValue& v) {
    if (v.isString())
        return textTokens(v.toString());
    const QByteArray j = v.isObject()  ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                         : v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                       : QByteArray();
    return double(j.size()) / 4.0;
}

double blockTokens(const QJsonObject& block) {
    const QString type = block.value(u"type"_s).toString();
    if (type == u"text"_s)
        return textTokens(block.value(u"text"_s).toString());
    if (type == u"image"_s)
        return 1600;
    if (type == u"document"_s) {
        const QJsonObject src = block.value(u"source"_s).toObject();
        if (src.value(u"type"_s).toString() == u"text"_s)
            return textTokens(src.value(u"data"_s).toString());
        return 3000;
    }
    if (type == u"thinking"_s || type == u"redacted_thinking"_s)
        return 0; // previous-turn thinking is not counted
    return jsonTokens(block) + 5;
}

void hashValue(Walk& w, const QJsonValue& v) {
    const QByteArray j = v.isObject()  ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                         : v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                       : v.toString().toUtf8();
    w.prefixHash = Hashing::fnv1a(std::string_view(j.constData(), size_t(j.size())), w.prefixHash);
}

// prefixHash over every element added so far.
void hashAll(Walk& w) {
    for (const QJsonValue& v : w.unhashed)
        hashValue(w, v);
    w.unhashed.clear();
}

// Adds one prompt element; when it carries cache_control, closes a cache segment.
void addElement(Walk& w, const QJsonValue& element, double tokens) {
    w.tokens += tokens;
    w.unhashed.push_back(element);
    const QJsonObject obj = element.toObject();
    if (obj.contains(u"cache_control"_s)) {
        hashAll(w);
        const QJsonObject cc = obj.value(u"cache_control"_s).toObject();
        const double seg = w.tokens - w.cachedUpTo;
        if (cc.value(u"ttl"_s).toString() == u"1h"_s)
            w.seg1h += seg;
        else
            w.seg5m += seg;
        w.cachedUpTo = w.tokens;
        w.cacheKey = w.prefixHash | 1;
    }
}

void walkContent(Walk& w, const QJsonValue& content) {
    if (content.isString()) {
        addElement(w, content, textTokens(content.toString()));
        return;
    }
    for (const QJsonValue& b : content.toArray())
        addElement(w, b, blockTokens(b.toObject()));
}

Walk walkPrompt(const QJsonObject& p, uint8_t* flags) {
    Walk w;
    w.tokens = 3;
    const QJsonArray tools = p.value(u"tools"_s).toArray();
    for (const QJsonValue& t : tools) {
        const QString type = t.toObject().value(u"type"_s).toString();
        if (flags) {
            if (type.startsWith(u"web_search"_s))
                *flags |= RequestRecord::WebSearch;
            else if (type.startsWith(u"web_fetch"_s))
                *flags |= RequestRecord::WebFetch;
            else if (type.startsWith(u"code_execution"_s))
                *flags |= RequestRecord::CodeExecution;
            else
                *flags |= RequestRecord::ClientTools;
        }
        addElement(w, t, jsonTokens(t) + 10);
    }
    const QJsonValue system = p.value(u"system"_s);
    if (!system.isUndefined() && !system.isNull())
        walkContent(w, system);
    for (const QJsonValue& m : p.value(u"messages"_s).toArray()) {
        w.tokens += 4;
        walkContent(w, m.toObject().value(u"content"_s));
    }
    // Automatic caching: a top-level cache_control caches the whole prompt.
    if (p.contains(u"cache_control"_s) && w.tokens > w.cachedUpTo) {
        hashAll(w);
        const double seg = w.tokens - w.cachedUpTo;
        if (p.value(u"cache_control"_s).toObject().value(u"ttl"_s).toString() == u"1h"_s)
            w.seg1h += seg;
        else
            w.seg5m += seg;
        w.cachedUpTo = w.tokens;
        w.cacheKey = w.prefixHash | 1;
    }
    return w;
}

int scaled(double raw, int modelIndex) {
    double f = 1.0;
    if (modelIndex >= 0 && ModelCatalog::instance().at(modelIndex).newTokenizer)
        f = 1.3;
    return int(std::ceil(raw * f));
}

} // namespace

int RequestAnalyzer::countTokens(const QJsonObject& body, int modelIndex) {
    return std::max(1, scaled(walkPrompt(body, nullptr).tokens, modelIndex));
}

RequestRecord RequestAnalyzer::analyze(const QJsonObject& p, bool output300kBeta) {
    RequestRecord r;
    const auto& catalog = ModelCatalog::instance();
    auto invalid = [&r](RequestRecord::Invalid why, const QString& detail = {}) {
        if (r.invalid == RequestRecord::Valid) {
            r.invalid = why;
            r.detail = detail.toStdString();
        }
    };

    const QJsonValue model = p.value(u"model"_s);
    if (!model.isString() || model.toString().isEmpty()) {
        invalid(RequestRecord::NoModel);
    } else {
        r.model = int16_t(catalog.find(model.toString().toStdString()));
        if (r.model < 0)
            invalid(RequestRecord::UnknownModel, model.toString());
        else if (catalog.at(r.model).retired)
            invalid(RequestRecord::RetiredModel, model.toString());
    }

    const QJsonValue mt = p.value(u"max_tokens"_s);
    if (mt.isUndefined() || mt.isNull()) {
        invalid(RequestRecord::NoMaxTokens);
    } else {
        const double v = mt.toDouble(-1);
        if (!mt.isDouble() || v != std::floor(v) || v < 1) {
            invalid(RequestRecord::MaxTokensTooSmall);
        } else {
            r.maxTokens = int32_t(std::min(v, 2.0e9));
            if (r.model >= 0) {
                const auto& m = catalog.at(r.model);
                const int limit = (output300kBeta && m.batch300k) ? 300000 : m.maxOutput;
                if (r.maxTokens > limit)
                    invalid(RequestRecord::MaxTokensTooLarge, QString::number(limit));
            }
        }
    }
    if (p.value(u"stream"_s).toBool(false))
        invalid(RequestRecord::Streaming);
    for (const QString& key : {u"speed"_s, u"store"_s, u"previous_thread_event_id"_s,
                               u"cache_hint"_s, u"context_hint"_s}) {
        if (p.contains(key))
            invalid(RequestRecord::ForbiddenParam, key);
    }
    if (p.value(u"research_preview_2026_02"_s).toString() == u"active"_s)
        invalid(RequestRecord::ForbiddenParam, u"research_preview_2026_02"_s);
    // inference_geo (data residency): "us" or "global" on Claude 4.6+ models; earlier models
    // reject the parameter altogether (reference/pricing.md §5).
    const QJsonValue geo = p.value(u"inference_geo"_s);
    if (!geo.isUndefined() && !geo.isNull()) {
        const QString g = geo.toString();
        const PriceTable::Entry* e =
            r.model >= 0 ? PriceTable::find(catalog.at(r.model).id) : nullptr;
        if (!geo.isString() || (g != u"us"_s && g != u"global"_s))
            invalid(RequestRecord::GeoInvalid, geo.isString() ? g : u"(not a string)"_s);
        else if (r.model >= 0 && (!e || !e->geoEligible))
            invalid(RequestRecord::GeoUnsupported, QString::fromStdString(catalog.at(r.model).id));
        else if (g == u"us"_s)
            r.flags |= RequestRecord::GeoUs;
    }
    const QJsonValue messages = p.value(u"messages"_s);
    if (!messages.isArray() || messages.toArray().isEmpty())
        invalid(RequestRecord::NoMessages);

    Walk w = walkPrompt(p, &r.flags);
    r.inputTokens = std::max(1, scaled(w.tokens, r.model));
    if (r.model >= 0) {
        const auto& m = catalog.at(r.model);
        if (r.inputTokens > m.contextWindow)
            invalid(RequestRecord::PromptTooLong, QString::number(m.contextWindow));
        const int c5 = scaled(w.seg5m, r.model), c1 = scaled(w.seg1h, r.model);
        if (w.cacheKey != 0 && c5 + c1 >= m.minCacheable) {
            r.cacheKey = Hashing::combine(w.cacheKey, uint64_t(r.model));
            r.cache5m = std::min(c5, r.inputTokens);
            r.cache1h = std::min(c1, r.inputTokens - r.cache5m);
        }
    }
    const QJsonObject tc = p.value(u"tool_choice"_s).toObject();
    const QString tct = tc.value(u"type"_s).toString();
    if (tct == u"any"_s || tct == u"tool"_s)
        r.flags |= RequestRecord::ToolChoiceForced;
    const QJsonArray stops = p.value(u"stop_sequences"_s).toArray();
    if (!stops.isEmpty() && r.invalid == RequestRecord::Valid) {
        r.flags |= RequestRecord::StopSequences;
        r.detail = stops.first().toString().toStdString();
    }
    const QJsonObject thinking = p.value(u"thinking"_s).toObject();
    const QString tt = thinking.value(u"type"_s).toString();
    if (tt == u"enabled"_s)
        r.thinkingBudget = std::max(1, thinking.value(u"budget_tokens"_s).toInt(1024));
    else if (tt == u"adaptive"_s)
        r.thinkingBudget = std::max(1, r.maxTokens / 4);
    return r;
}

std::string RequestAnalyzer::invalidMessage(const RequestRecord& r) {
    const std::string& d = r.detail;
    switch (r.invalid) {
    case RequestRecord::NoModel:
        return "model: Field required";
    case RequestRecord::UnknownModel:
        return "model: unknown model '" + d + "'";
    case RequestRecord::RetiredModel:
        return "model: '" + d + "' has been retired and is no longer available";
    case RequestRecord::NoMaxTokens:
        return "max_tokens: Field required";
    case RequestRecord::MaxTokensTooSmall:
        return "max_tokens: must be an integer greater than or equal to 1 in a message batch";
    case RequestRecord::MaxTokensTooLarge:
        return "max_tokens: " + std::to_string(r.maxTokens) + " > " + d +
               ", which is the maximum allowed number of output tokens for this model";
    case RequestRecord::Streaming:
        return "stream: streaming is not supported in message batches";
    case RequestRecord::ForbiddenParam:
        return d + ": not supported in message batches";
    case RequestRecord::NoMessages:
        return "messages: at least one message is required";
    case RequestRecord::PromptTooLong:
        return "prompt is too long: " + std::to_string(r.inputTokens) + " tokens > " + d +
               " maximum";
    case RequestRecord::GeoUnsupported:
        return "inference_geo: not supported for model '" + d +
               "'; inference_geo is available on Claude 4.6 and later models";
    case RequestRecord::GeoInvalid:
        return "inference_geo: Input should be 'global' or 'us' (got '" + d + "')";
    default:
        return "invalid request";
    }
}

} // namespace bs::sim
