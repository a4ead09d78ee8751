#include "adminreports.h"

#include "jsonwriter.h"
#include "modelcatalog.h"
#include "pricetable.h"
#include "simclock.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <algorithm>
#include <set>
#include <tuple>

namespace bs::sim {

namespace {

constexpr int64_t kMinuteUs = 60LL * 1000000;
constexpr int64_t kHourUs = 60 * kMinuteUs;
constexpr int64_t kDayUs = 24 * kHourUs;
// 10^-16 $ per cent.
constexpr int64_t kUnitsPerCent = 100000000000000LL;
// The workspace the simulator's keys resolve to (also its anthropic-workspace-id header) and
// the one API key it knows.
const char* const kWorkspace = "wrkspc_01BatchscopeSimulator000";
const char* const kApiKeyId = "apikey_01BatchscopeSimulator000";

std::vector<std::string> values(const AdminReports::Query& q, const std::string& name) {
    std::vector<std::string> out;
    for (const std::string& key : {name + "[]", name}) {
        auto [a, b] = q.params.equal_range(key);
        for (auto it = a; it != b; ++it)
            out.push_back(it->second);
    }
    return out;
}

std::string value(const AdminReports::Query& q, const std::string& name) {
    auto it = q.params.find(name);
    return it == q.params.end() ? std::string() : it->second;
}

bool parseTime(const std::string& s, int64_t& us) {
    const QDateTime t = QDateTime::fromString(QString::fromStdString(s), Qt::ISODateWithMs);
    if (!t.isValid() || s.size() < 20)
        return false;
    us = t.toMSecsSinceEpoch() * 1000;
    return true;
}

int64_t floorTo(int64_t us, int64_t width) {
    return us >= 0 ? us / width * width : -((-us + width - 1) / width) * width;
}

std::string pageToken(int64_t us) {
    return "page_" + QByteArray::fromStdString(SimClock::rfc3339(us)).toBase64().toStdString();
}

bool parsePage(const std::string& token, int64_t& us) {
    if (token.rfind("page_", 0) != 0)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(token.substr(5)),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    return decoded && parseTime(decoded.decoded.toStdString(), us);
}

struct Plan {
    int64_t width = kDayUs;
    int64_t firstBucket = 0;
    int buckets = 0;
    bool hasMore = false;
    int64_t nextBucket = 0;
    std::set<std::string> groupBy;
};

bool makePlan(const AdminReports::Query& q, Plan& plan, std::string& error) {
    const bool cost = q.kind == AdminReports::Kind::Cost;
    const std::string startText = value(q, "starting_at");
    int64_t start = 0;
    if (startText.empty()) {
        error = "starting_at: Field required";
        return false;
    }
    if (!parseTime(startText, start)) {
        error = "starting_at: Input should be a valid RFC 3339 datetime";
        return false;
    }
    std::string width = value(q, "bucket_width");
    if (width.empty())
        width = "1d";
    int defLimit = 7, maxLimit = 31;
    if (width == "1d") {
        plan.width = kDayUs;
    } else if (!cost && width == "1h") {
        plan.width = kHourUs;
        defLimit = 24;
        maxLimit = 168;
    } else if (!cost && width == "1m") {
        plan.width = kMinuteUs;
        defLimit = 60;
        maxLimit = 1440;
    } else {
        error = cost ? "bucket_width: Input should be '1d'"
                     : "bucket_width: Input should be '1d', '1h' or '1m'";
        return false;
    }
    int limit = defLimit;
    const std::string limitText = value(q, "limit");
    if (!limitText.empty()) {
        char* end = nullptr;
        const long l = std::strtol(limitText.c_str(), &end, 10);
        if (*end != '\0' || l < 1 || l > maxLimit) {
            error = "limit: Input should be an integer between 1 and " + std::to_string(maxLimit);
            return false;
        }
        limit = int(l);
    }
    int64_t end = floorTo(q.nowUs, plan.width) + plan.width; // through the current bucket
    const std::string endText = value(q, "ending_at");
    if (!endText.empty()) {
        if (!parseTime(endText, end)) {
            error = "ending_at: Input should be a valid RFC 3339 datetime";
            return false;
        }
        if (end <= start) {
            error = "ending_at: must be after starting_at";
            return false;
        }
    }
    plan.firstBucket = floorTo(start, plan.width);
    const std::string page = value(q, "page");
    if (!page.empty()) {
        int64_t at = 0;
        if (!parsePage(page, at) || at < plan.firstBucket) {
            error = "page: invalid page token";
            return false;
        }
        plan.firstBucket = at;
    }
    const int64_t available =
        end > plan.firstBucket ? (end - plan.firstBucket + plan.width - 1) / plan.width : 0;
    plan.buckets = int(std::min<int64_t>(available, limit));
    plan.hasMore = available > limit;
    plan.nextBucket = plan.firstBucket + int64_t(plan.buckets) * plan.width;

    const std::set<std::string> allowed =
        cost ? std::set<std::string>{"workspace_id", "description"}
             : std::set<std::string>{"api_key_id",   "workspace_id",   "model",
                                     "service_tier", "context_window", "inference_geo",
                                     "speed",        "account_id",     "service_account_id"};
    for (const std::string& g : values(q, "group_by")) {
        if (!allowed.count(g)) {
            error = "group_by: '" + g + "' is not a valid option";
            return false;
        }
        plan.groupBy.insert(g);
    }
    return true;
}

std::string geoOf(const UsageEntry& e, const ModelCatalog::Model& m) {
    const PriceTable::Entry* p = PriceTable::find(m.id);
    if (!p || !p->geoEligible)
        return "not_available";
    return e.geoUs ? "us" : "global";
}

std::string windowOf(const UsageEntry& e) {
    return e.promptTokens() > 200000 ? "200k-1M" : "0-200k";
}

void nullable(JsonWriter& w, const char* key, const std::string& v) {
    w.key(key);
    if (v.empty())
        w.null();
    else
        w.value(v);
}

// One cost line: the grouping dimensions (empty = null) and its amount.
using CostKey = std::tuple<std::string, std::string, std::string, std::string, std::string,
                           std::string, std::string>; // description, cost_type, model,
                                                      // token_type, context_window, geo, ws

void renderCostBucket(const Plan& plan, const std::vector<UsageEntry>& entries, JsonWriter& w) {
    const bool byDescription = plan.groupBy.count("description") > 0;
    const bool byWorkspace = plan.groupBy.count("workspace_id") > 0;
    const auto& catalog = ModelCatalog::instance();
    std::map<CostKey, Wide> lines;
    for (const UsageEntry& e : entries) {
        const ModelCatalog::Model& m = catalog.at(e.model);
        const PriceTable::Entry* pe = PriceTable::find(m.id);
        if (!pe)
            continue;
        const PriceTable::Prices prices = PriceTable::pricesFor(*pe, e.timeUs, e.promptTokens());
        const int64_t geoPercent = e.geoUs ? PriceTable::kGeoUsPercent : 100;
        const int32_t tokens[PriceTable::TokenTypes] = {e.input, e.cache5m, e.cache1h, e.cacheRead,
                                                        e.output};
        const std::string ws = byWorkspace ? kWorkspace : "";
        for (int t = 0; t < PriceTable::TokenTypes; ++t) {
            if (tokens[t] == 0)
                continue;
            const Wide units =
                Wide(tokens[t]) * prices.perMTok[t] * PriceTable::kBatchPercent * geoPercent;
            CostKey key{"", "", "", "", "", "", ws};
            if (byDescription) {
                std::string d = std::string(pe->displayName) + " Batch Usage - " +
                                PriceTable::tokenTypeDescription(t);
                if (e.geoUs)
                    d += " (US)";
                key = {d,           "tokens",    m.id, PriceTable::tokenTypeName(t),
                       windowOf(e), geoOf(e, m), ws};
            }
            lines[key] += units;
        }
        if (e.webSearches > 0) {
            CostKey key{"", "", "", "", "", "", ws};
            if (byDescription)
                key = {"Web Search", "web_search", "", "", "", "", ws};
            lines[key] += Wide(e.webSearches) * PriceTable::kWebSearchCents * kUnitsPerCent;
        }
    }
    for (const auto& [key, units] : lines) {
        const auto& [description, costType, model, tokenType, window, geo, ws] = key;
        w.beginObject();
        w.key("currency").value("USD").key("amount").value(AdminReports::centsString(units));
        nullable(w, "workspace_id", ws);
        nullable(w, "description", description);
        nullable(w, "cost_type", costType);
        nullable(w, "context_window", window);
        nullable(w, "model", model);
        nullable(w, "service_tier", byDescription && costType == "tokens" ? "batch" : "");
        nullable(w, "token_type", tokenType);
        nullable(w, "inference_geo", geo);
        w.endObject();
    }
}

struct UsageSums {
    int64_t input = 0, read = 0, c5 = 0, c1 = 0, output = 0, searches = 0;
};

void renderUsageBucket(const Plan& plan, const std::vector<UsageEntry>& entries,
                       const AdminReports::Query& q, JsonWriter& w) {
    const auto& catalog = ModelCatalog::instance();
    const auto g = [&plan](const char* d) { return plan.groupBy.count(d) > 0; };
    const auto filter = [&q](const char* name, const std::string& v) {
        const std::vector<std::string> allowed = values(q, name);
        return allowed.empty() || std::find(allowed.begin(), allowed.end(), v) != allowed.end();
    };
    using Key = std::tuple<std::string, std::string, std::string, std::string, std::string,
                           std::string, std::string>; // model tier window geo ws key speed
    std::map<Key, UsageSums> lines;
    for (const UsageEntry& e : entries) {
        const ModelCatalog::Model& m = catalog.at(e.model);
        const std::string geo = geoOf(e, m), window = windowOf(e);
        if (!filter("models", m.id) || !filter("service_tiers", "batch") ||
            !filter("inference_geos", geo) || !filter("context_window", window) ||
            !filter("workspace_ids", kWorkspace) || !filter("api_key_ids", kApiKeyId) ||
            !filter("speeds", "standard"))
            continue;
        const Key key{g("model") ? m.id : "",
                      g("service_tier") ? "batch" : "",
                      g("context_window") ? window : "",
                      g("inference_geo") ? geo : "",
                      g("workspace_id") ? kWorkspace : "",
                      g("api_key_id") ? kApiKeyId : "",
                      g("speed") ? "standard" : ""};
        UsageSums& s = lines[key];
        s.input += e.input;
        s.read += e.cacheRead;
        s.c5 += e.cache5m;
        s.c1 += e.cache1h;
        s.output += e.output;
        s.searches += e.webSearches;
    }
    for (const auto& [key, s] : lines) {
        const auto& [model, tier, window, geo, ws, apiKey, speed] = key;
        w.beginObject();
        w.key("uncached_input_tokens").value(s.input);
        w.key("cache_read_input_tokens").value(s.read);
        w.key("cache_creation").beginObject().key("ephemeral_5m_input_tokens").value(s.c5);
        w.key("ephemeral_1h_input_tokens").value(s.c1).endObject();
        w.key("output_tokens").value(s.output);
        w.key("server_tool_use").beginObject().key("web_search_requests").value(s.searches);
        w.endObject();
        nullable(w, "model", model);
        nullable(w, "service_tier", tier);
        nullable(w, "context_window", window);
        nullable(w, "inference_geo", geo);
        nullable(w, "workspace_id", ws);
        nullable(w, "api_key_id", apiKey);
        if (!speed.empty())
            w.key("speed").value(speed);
        w.key("account_id").null().key("service_account_id").null();
        w.endObject();
    }
}

} // namespace

std::string AdminReports::centsString(Wide units) {
    const bool negative = units < 0;
    if (negative)
        units = -units;
    const Wide whole = units / kUnitsPerCent;
    int64_t frac = int64_t(units % kUnitsPerCent);
    std::string out = std::to_string(int64_t(whole));
    if (frac != 0) {
        std::string f = std::to_string(frac);
        f.insert(0, 14 - f.size(), '0');
        while (!f.empty() && f.back() == '0')
            f.pop_back();
        out += "." + f;
    }
    return negative ? "-" + out : out;
}

AdminReports::Answer AdminReports::plan(const Query& q) {
    Answer a;
    Plan p;
    if (!makePlan(q, p, a.errorMessage)) {
        a.status = 400;
        return a;
    }
    a.fromUs = p.firstBucket;
    a.toUs = p.nextBucket;
    return a;
}

void AdminReports::render(const Query& q, const std::vector<UsageEntry>& entries, Answer& a) {
    Plan p;
    if (!makePlan(q, p, a.errorMessage)) {
        a.status = 400;
        return;
    }
    std::string out;
    JsonWriter w(out);
    w.beginObject().key("data").beginArray();
    for (int i = 0; i < p.buckets; ++i) {
        const int64_t from = p.firstBucket + int64_t(i) * p.width, to = from + p.width;
        std::vector<UsageEntry> in;
        for (const UsageEntry& e : entries) {
            if (e.timeUs >= from && e.timeUs < to)
                in.push_back(e);
        }
        w.beginObject();
        w.key("starting_at").value(SimClock::rfc3339(from).substr(0, 19) + "Z");
        w.key("ending_at").value(SimClock::rfc3339(to).substr(0, 19) + "Z");
        w.key("results").beginArray();
        if (q.kind == Kind::Cost)
            renderCostBucket(p, in, w);
        else
            renderUsageBucket(p, in, q, w);
        w.endArray().endObject();
    }
    w.endArray().key("has_more").value(p.hasMore).key("next_page");
    if (p.hasMore)
        w.value(pageToken(p.nextBucket));
    else
        w.null();
    w.endObject();
    a.json = std::move(out);
}

} // namespace bs::sim
