#include "apiserver.h"

#include "httphelpers.h"

#include "hashing.h"
#include "jsonwriter.h"
#include "modelcatalog.h"
#include "requestanalyzer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;

namespace bs::sim {

using http::errorTypeFor;
using http::pathOnly;

namespace {

constexpr int kRateLimit = 4000;
const char* const kBatchPath = "/v1/messages/batches";

// Marks a response decided in the pre-routing handler of a request whose body is still unread;
// removed before the response is written.
const char* const kAnsweredEarly = "x-batchscope-sim-answered-early";

// Whether httplib will read a body for this request (it reads one for these methods only) and
// there is one to read.
bool carriesBody(const httplib::Request& req) {
    if (req.method != "POST" && req.method != "PUT" && req.method != "PATCH" &&
        req.method != "DELETE")
        return false;
    if (req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos)
        return true;
    return std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) > 0;
}

bool isLoopback(const std::string& addr) {
    return addr == "127.0.0.1" || addr == "::1" || addr == "::ffff:127.0.0.1" ||
           addr.rfind("127.", 0) == 0;
}

bool validVersion(const std::string& v) {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(v[i])))
            return false;
    }
    const int month = std::stoi(v.substr(5, 2)), day = std::stoi(v.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && v >= "2023-01-01";
}

} // namespace

ApiServer::ApiServer(const Options& options)
    : m_options(options)
    , m_clock(options.speed)
    , m_store(options.statePath.toStdString())
    , m_server(std::make_unique<httplib::Server>()) {
    m_logger.setQuiet(options.quiet);
}

ApiServer::~ApiServer() = default;

void ApiServer::sendJson(httplib::Response& res, const std::string& json) const {
    res.set_content(json, "application/json");
}

void ApiServer::sendError(httplib::Response& res, int status, const std::string& type,
                          const std::string& message) const {
    std::string out;
    JsonWriter w(out);
    w.beginObject().key("type").value("error").key("error").beginObject();
    w.key("type").value(type).key("message").value(message).endObject();
    w.key("request_id").value(res.get_header_value("request-id")).endObject();
    res.status = status;
    res.set_content(out, "application/json");
}

std::string ApiServer::baseFor(const httplib::Request& req) const {
    const std::string host = req.get_header_value("Host");
    return host.empty() ? m_baseUrl : "http://" + host;
}

bool ApiServer::start(std::string& error) {
    if (!m_store.open(m_clock, error))
        return false;
    m_usage.load(m_store.dir() + "/usage.bin"); // absent on a first start
    for (const QString& spec : m_options.faults) {
        if (!m_faults.addSpec(spec, error)) {
            error = "--fault " + spec.toStdString() + ": " + error;
            return false;
        }
    }
    installRoutes();
    const std::string host = m_options.host.toStdString();
    int port = m_options.port;
    if (port == 0) {
        port = m_server->bind_to_any_port(host);
        if (port <= 0) {
            error = "cannot bind to " + host;
            return false;
        }
    } else if (!m_server->bind_to_port(host, port)) {
        error = "cannot bind to " + host + ":" + std::to_string(port);
        return false;
    }
    const bool v6 = host.find(':') != std::string::npos;
    m_baseUrl = "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
    m_logger.first(m_baseUrl);
    m_logger.log("batchscope-sim " BS_VERSION " listening; speed " +
                 std::to_string(m_options.speed) + ", seed " + std::to_string(m_options.seed) +
                 ", files in " + m_store.dir());
    return true;
}

void ApiServer::run() {
    m_server->listen_after_bind();
}

void ApiServer::stop() {
    m_server->stop();
}

void ApiServer::installRoutes() {
    httplib::Server& s = *m_server;
    const int threads = m_options.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    s.set_payload_max_length(size_t(m_options.maxBodyBytes));
    s.set_keep_alive_max_count(1000);
    s.set_keep_alive_timeout(15);
    s.set_read_timeout(30);
    s.set_write_timeout(60);
    s.set_tcp_nodelay(true);

    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!preRoute(req, res))
            return httplib::Server::HandlerResponse::Unhandled;
        // Answered before the body was read (a fault, a bad key, a /_sim call from afar). httplib
        // reads no body for a request its pre-routing handler answers, so the rest of a create
        // body would stay on the keep-alive connection and be parsed as the next request (a 1.5
        // MB create: 429, then 414 for the request after it). A request with a body therefore
        // goes on to its route, which reads the body (or httplib does, for a route without a
        // content reader or for no route at all), keeps this answer and changes nothing.
        if (!carriesBody(req))
            return httplib::Server::HandlerResponse::Handled;
        res.set_header(kAnsweredEarly, "1");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request&, httplib::Response& res) {
            res.headers.erase(kAnsweredEarly); // every early answer is >= 400: it passes here
            if (!res.body.empty() || res.status < 400)
                return httplib::Server::HandlerResponse::Unhandled;
            if (res.get_header_value("request-id").empty())
                res.set_header("request-id", Hashing::randomId("req_", 24));
            const std::string msg = res.status == 404   ? "Not found"
                                    : res.status == 413 ? "Request exceeds the maximum allowed size"
                                    : res.status == 405 ? "Method not allowed"
                                                        : "Internal server error";
            sendError(res, res.status, errorTypeFor(res.status), msg);
            return httplib::Server::HandlerResponse::Handled;
        }));
    s.set_exception_handler(
        [this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "Internal server error";
            try {
                if (ep)
                    std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what += std::string(": ") + e.what();
            } catch (...) {
            }
            sendError(res, 500, "api_error", what);
        });
    s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        m_logger.log(req.method + " " + req.path + " " + std::to_string(res.status) + " " +
                     res.get_header_value("request-id"));
    });

    using R = const httplib::Request&;
    using W = httplib::Response&;
    using Handler = void (ApiServer::*)(R, W);
    // A route keeps an answer given before its body was read (see the pre-routing handler).
    const auto route = [this](Handler h) {
        return [this, h](R req, W res) {
            if (!res.has_header(kAnsweredEarly))
                (this->*h)(req, res);
        };
    };
    s.Post(kBatchPath, [this](R req, W res, const httplib::ContentReader& reader) {
        if (res.has_header(kAnsweredEarly)) {
            reader([](const char*, size_t) { return true; }); // drain it, keep the answer
            return;
        }
        create(req, res, reader);
    });
    s.Get(kBatchPath, route(&ApiServer::list));
    s.Get(R"(/v1/messages/batches/([^/]+)/results)", route(&ApiServer::results));
    s.Post(R"(/v1/messages/batches/([^/]+)/cancel)", route(&ApiServer::cancel));
    s.Get(R"(/v1/messages/batches/([^/]+))", route(&ApiServer::retrieve));
    s.Delete(R"(/v1/messages/batches/([^/]+))", route(&ApiServer::remove));
    s.Post("/v1/messages/count_tokens", route(&ApiServer::countTokens));
    s.Get("/v1/organizations/cost_report", route(&ApiServer::adminReport));
    s.Get("/v1/organizations/usage_report/messages", route(&ApiServer::adminReport));
    s.Get("/_sim/faults", route(&ApiServer::simFaults));
    s.Post("/_sim/faults", route(&ApiServer::simFaults));
    s.Delete("/_sim/faults", route(&ApiServer::simFaults));
    s.Get("/_sim/clock", route(&ApiServer::simClock));
    s.Post("/_sim/clock", route(&ApiServer::simClock));
}

bool ApiServer::preRoute(const httplib::Request& req, httplib::Response& res) {
    res.set_header("request-id", Hashing::randomId("req_", 24));
    const std::string path = pathOnly(req.path);
    if (path.rfind("/_sim/", 0) == 0) {
        if (!isLoopback(req.remote_addr)) {
            sendError(res, 403, "permission_error", "/_sim endpoints answer only on loopback");
            return true;
        }
        return false;
    }
    res.set_header("anthropic-organization-id", "00000000-0000-4000-8000-00000000b5c0");
    res.set_header("anthropic-workspace-id", "wrkspc_01BatchscopeSimulator000");
    // Rate-limit headers of a Scale-tier batch bucket, counted per real minute.
    const int64_t nowUs = SimClock::realNowUs();
    const int64_t window = nowUs / 60000000;
    if (m_rateWindow.exchange(window) != window)
        m_rateUsed = 0;
    const int used = ++m_rateUsed;
    const std::string reset = SimClock::rfc3339((window + 1) * 60000000);
    res.set_header("anthropic-ratelimit-requests-limit", std::to_string(kRateLimit));
    res.set_header("anthropic-ratelimit-requests-remaining",
                   std::to_string(std::max(0, kRateLimit - used)));
    res.set_header("anthropic-ratelimit-requests-reset", reset);
    res.set_header("anthropic-ratelimit-tokens-limit", "4000000");
    res.set_header("anthropic-ratelimit-tokens-remaining", "4000000");
    res.set_header("anthropic-ratelimit-tokens-reset", reset);

    if (auto f = m_faults.takeRequestFault(req.method, path)) {
        if (f->delayMs > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(f->delayMs));
        if (f->status != 0) {
            if (f->retryAfter >= 0) {
                const double ra = f->retryAfter;
                res.set_header("retry-after", ra == double(int64_t(ra))
                                                  ? std::to_string(int64_t(ra))
                                                  : QByteArray::number(ra).toStdString());
            }
            if (f->retryAfterMs >= 0)
                res.set_header("retry-after-ms", std::to_string(f->retryAfterMs));
            if (f->shouldRetry >= 0)
                res.set_header("x-should-retry", f->shouldRetry ? "true" : "false");
            const std::string type = !f->errorType.empty() ? f->errorType : errorTypeFor(f->status);
            std::string msg = f->message;
            if (msg.empty()) {
                msg = f->spendCap ? "You have reached your monthly spend limit"
                                  : "Simulated fault (HTTP " + std::to_string(f->status) + ")";
            }
            if (f->spendCap) {
                std::string out;
                JsonWriter w(out);
                w.beginObject().key("type").value("error").key("error").beginObject();
                w.key("type").value(type).key("message").value(msg).key("details").beginObject();
                w.key("error_code").value("enforced_spend_limit_reached").endObject().endObject();
                w.key("request_id").value(res.get_header_value("request-id")).endObject();
                res.status = f->status;
                res.set_content(out, "application/json");
            } else {
                sendError(res, f->status, type, msg);
            }
            return true;
        }
    }

    std::string key = req.get_header_value("x-api-key");
    const std::string auth = req.get_header_value("Authorization");
    const std::string adminKey = m_options.adminKey.toStdString();
    const std::string expected = m_options.apiKey.toStdString();
    if (path.rfind("/v1/organizations/", 0) == 0) {
        // The Admin API: an Admin key in x-api-key (no Bearer tokens); an ordinary API key is
        // refused. Without --admin-key any non-empty key other than --api-key passes.
        const bool ok = !key.empty() && (adminKey.empty() ? (expected.empty() || key != expected)
                                                          : key == adminKey);
        if (!ok) {
            sendError(res, 401, "authentication_error",
                      key.empty() ? "x-api-key header is required" : "invalid x-api-key");
            return true;
        }
    } else {
        if (key.empty() && auth.rfind("Bearer ", 0) == 0)
            key = auth.substr(7);
        // An Admin key works only on the Admin API.
        if (key.empty() || (!expected.empty() && key != expected) ||
            (!adminKey.empty() && key == adminKey)) {
            sendError(res, 401, "authentication_error",
                      key.empty() ? "x-api-key header is required" : "invalid x-api-key");
            return true;
        }
    }
    const std::string version = req.get_header_value("anthropic-version");
    if (version.empty()) {
        sendError(res, 400, "invalid_request_error", "anthropic-version: header is required");
        return true;
    }
    if (!validVersion(version)) {
        sendError(res, 400, "invalid_request_error",
                  "anthropic-version: invalid version '" + version + "'");
        return true;
    }
    return false;
}

std::shared_ptr<Batch> ApiServer::lookup(const std::string& id, httplib::Response& res) const {
    auto b = m_store.find(id);
    if (b) {
        std::lock_guard lock(b->mutex);
        if (b->lagUntilRealUs > SimClock::realNowUs())
            b = nullptr;
    }
    if (!b)
        sendError(res, 404, "not_found_error", "No message batch with id '" + id + "'");
    return b;
}

void ApiServer::refreshAndSave(Batch& b, bool& changed, bool& failed) {
    const int64_t endedBefore = b.endedUs;
    const bool deletedBefore = b.resultsDeleted;
    failed = !b.refresh(m_clock.nowUs(), m_store.dir());
    changed = b.endedUs != endedBefore || b.resultsDeleted != deletedBefore;
    if (endedBefore < 0 && b.endedUs >= 0) {
        m_usage.add(std::move(b.usage));
        b.usage.clear();
        m_usage.save(m_store.dir() + "/usage.bin");
    }
}

void ApiServer::retrieve(const httplib::Request& req, httplib::Response& res) {
    auto b = lookup(req.matches[1], res);
    if (!b)
        return;
    bool changed = false, failed = false;
    std::string json;
    {
        std::lock_guard lock(b->mutex);
        refreshAndSave(*b, changed, failed);
        json = b->toJson(m_clock.nowUs(), baseFor(req));
    }
    if (changed)
        m_store.save(m_clock.nowUs());
    if (failed) {
        sendError(res, 500, "api_error", "could not write the results file");
        return;
    }
    sendJson(res, json);
}

void ApiServer::list(const httplib::Request& req, httplib::Response& res) {
    int limit = 20;
    if (req.has_param("limit")) {
        const std::string v = req.get_param_value("limit");
        char* end = nullptr;
        const long l = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || l < 1 || l > 1000) {
            sendError(res, 400, "invalid_request_error",
                      "limit: Input should be an integer between 1 and 1000");
            return;
        }
        limit = int(l);
    }
    const std::string before = req.get_param_value("before_id");
    const std::string after = req.get_param_value("after_id");
    if (!before.empty() && !after.empty()) {
        sendError(res, 400, "invalid_request_error",
                  "before_id and after_id cannot be used together");
        return;
    }
    BatchStore::Page page;
    if (!m_store.list(limit, before, after, page)) {
        sendError(res, 400, "invalid_request_error",
                  "Invalid " + std::string(before.empty() ? "after_id" : "before_id"));
        return;
    }
    std::string out;
    JsonWriter w(out);
    w.beginObject().key("data").beginArray();
    bool anyChange = false;
    const std::string base = baseFor(req);
    for (const auto& b : page.data) {
        bool changed = false, failed = false;
        std::lock_guard lock(b->mutex);
        refreshAndSave(*b, changed, failed);
        anyChange = anyChange || changed;
        w.raw(b->toJson(m_clock.nowUs(), base));
    }
    w.endArray().key("has_more").value(page.hasMore);
    w.key("first_id");
    if (page.data.empty())
        w.null();
    else
        w.value(page.data.front()->id);
    w.key("last_id");
    if (page.data.empty())
        w.null();
    else
        w.value(page.data.back()->id);
    w.endObject();
    if (anyChange)
        m_store.save(m_clock.nowUs());
    sendJson(res, out);
}

void ApiServer::cancel(const httplib::Request& req, httplib::Response& res) {
    auto b = lookup(req.matches[1], res);
    if (!b)
        return;
    bool changed = false, failed = false, ended = false;
    std::string json;
    {
        std::lock_guard lock(b->mutex);
        refreshAndSave(*b, changed, failed);
        if (b->status() == Batch::Status::Ended) {
            ended = true;
        } else {
            if (b->cancel(m_clock.nowUs()))
                changed = true;
            json = b->toJson(m_clock.nowUs(), baseFor(req));
        }
    }
    if (changed)
        m_store.save(m_clock.nowUs());
    if (ended) {
        sendError(res, 400, "invalid_request_error",
                  "Batch '" + b->id + "' has already ended and cannot be canceled");
        return;
    }
    m_logger.log("cancel " + b->id);
    sendJson(res, json);
}

void ApiServer::remove(const httplib::Request& req, httplib::Response& res) {
    auto b = lookup(req.matches[1], res);
    if (!b)
        return;
    bool changed = false, failed = false, ended = false;
    {
        std::lock_guard lock(b->mutex);
        refreshAndSave(*b, changed, failed);
        ended = b->status() == Batch::Status::Ended;
    }
    if (!ended) {
        if (changed)
            m_store.save(m_clock.nowUs());
        sendError(res, 400, "invalid_request_error",
                  "Batch '" + b->id +
                      "' is still being processed; cancel it and wait for it to end first");
        return;
    }
    m_store.remove(b->id);
    m_store.save(m_clock.nowUs());
    std::string out;
    JsonWriter w(out);
    w.beginObject().key("id").value(b->id).key("type").value("message_batch_deleted").endObject();
    sendJson(res, out);
}

void ApiServer::countTokens(const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > 32u * 1024 * 1024) {
        sendError(res, 413, "request_too_large",
                  "Request exceeds the maximum allowed size (32 MB)");
        return;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(req.body.data(), qsizetype(req.body.size())), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        sendError(res, 400, "invalid_request_error", "The request body is not valid JSON");
        return;
    }
    const QJsonObject body = doc.object();
    const QString model = body.value(u"model"_s).toString();
    if (model.isEmpty()) {
        sendError(res, 400, "invalid_request_error", "model: Field required");
        return;
    }
    const int index = ModelCatalog::instance().find(model.toStdString());
    if (index < 0 || ModelCatalog::instance().at(index).retired) {
        sendError(res, 404, "not_found_error", "model: " + model.toStdString());
        return;
    }
    if (!body.value(u"messages"_s).isArray()) {
        sendError(res, 400, "invalid_request_error", "messages: Field required");
        return;
    }
    std::string out;
    JsonWriter w(out);
    w.beginObject()
        .key("input_tokens")
        .value(RequestAnalyzer::countTokens(body, index))
        .endObject();
    sendJson(res, out);
}

} // namespace bs::sim
