#include "apiserver.h"

#include "createrequests.h"
#include "createstream.h"
#include "hashing.h"
#include "jsonwriter.h"
#include "modelcatalog.h"
#include "requestanalyzer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>
#include <simdjson.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;

namespace bs::sim {

namespace {

constexpr int kRateLimit = 4000;
constexpr size_t kChunk = 256 * 1024;
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

const char* errorTypeFor(int status) {
    switch (status) {
    case 400:
        return "invalid_request_error";
    case 401:
        return "authentication_error";
    case 402:
        return "billing_error";
    case 403:
        return "permission_error";
    case 404:
        return "not_found_error";
    case 408:
        return "timeout_error";
    case 409:
        return "conflict_error";
    case 413:
        return "request_too_large";
    case 429:
        return "rate_limit_error";
    case 504:
        return "timeout_error";
    case 529:
        return "overloaded_error";
    default:
        return status >= 500 ? "api_error" : "invalid_request_error";
    }
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

// Finds this connection's socket and resets it (TCP RST), as a broken network would.
void armReset(int localPort, int remotePort) {
    DIR* d = ::opendir("/proc/self/fd");
    if (!d)
        return;
    while (dirent* e = ::readdir(d)) {
        const int fd = std::atoi(e->d_name);
        if (fd <= 2)
            continue;
        sockaddr_storage local{}, peer{};
        socklen_t ll = sizeof local, pl = sizeof peer;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &ll) != 0 ||
            ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &pl) != 0)
            continue;
        auto port = [](const sockaddr_storage& a) {
            if (a.ss_family == AF_INET)
                return int(ntohs(reinterpret_cast<const sockaddr_in*>(&a)->sin_port));
            if (a.ss_family == AF_INET6)
                return int(ntohs(reinterpret_cast<const sockaddr_in6*>(&a)->sin6_port));
            return -1;
        };
        if (port(local) == localPort && port(peer) == remotePort) {
            // Disconnecting an established TCP socket (connect with AF_UNSPEC) aborts it
            // with a RST right away; the fd stays valid for the server to close later.
            linger l{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            sockaddr unspec{};
            unspec.sa_family = AF_UNSPEC;
            (void)::connect(fd, &unspec, sizeof unspec);
        }
    }
    ::closedir(d);
}

std::string pathOnly(const std::string& path) {
    const auto q = path.find('?');
    return q == std::string::npos ? path : path.substr(0, q);
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
    if (key.empty() && auth.rfind("Bearer ", 0) == 0)
        key = auth.substr(7);
    const std::string expected = m_options.apiKey.toStdString();
    if (key.empty() || (!expected.empty() && key != expected)) {
        sendError(res, 401, "authentication_error",
                  key.empty() ? "x-api-key header is required" : "invalid x-api-key");
        return true;
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

void ApiServer::create(const httplib::Request& req, httplib::Response& res,
                       const httplib::ContentReader& reader) {
    std::string body;
    if (req.has_header("Content-Length")) {
        const uint64_t len =
            std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
        if (len <= uint64_t(m_options.maxBodyBytes))
            body.reserve(size_t(len) + simdjson::SIMDJSON_PADDING);
    }
    const bool beta300k =
        req.get_header_value("anthropic-beta").find("output-300k-2026-03-24") != std::string::npos;
    // The items are analysed while the body arrives (when its size was announced and reserved).
    CreateStream stream(&body, beta300k);
    const bool read = reader([&stream](const char* data, size_t n) {
        stream.append(data, n);
        return true;
    });
    stream.finish();
    if (!read || res.status == 413) {
        if (res.status != 413)
            res.status = 400;
        body.clear();
        const int st = res.status;
        sendError(res, st, errorTypeFor(st),
                  st == 413 ? "Request exceeds the maximum allowed size (256 MB)"
                            : "could not read the request body");
        return;
    }
    if (body.size() > size_t(m_options.maxBodyBytes)) {
        sendError(res, 413, "request_too_large",
                  "Request exceeds the maximum allowed size (256 MB)");
        return;
    }
    if (body.capacity() < body.size() + simdjson::SIMDJSON_PADDING)
        body.reserve(body.size() + simdjson::SIMDJSON_PADDING);

    auto batch = std::make_unique<Batch>();
    std::string problem;
    {
        simdjson::ondemand::parser parser;
        simdjson::padded_string_view view(body.data(), body.size(), body.capacity());
        auto doc = parser.iterate(view);
        simdjson::ondemand::object root;
        simdjson::ondemand::array requests;
        if (doc.get_object().get(root)) {
            sendError(res, 400, "invalid_request_error", "The request body is not valid JSON");
            return;
        }
        auto field = root.find_field_unordered("requests");
        if (field.error() == simdjson::NO_SUCH_FIELD) {
            sendError(res, 400, "invalid_request_error", "requests: Field required");
            return;
        }
        if (field.get_array().get(requests)) {
            sendError(res, 400, "invalid_request_error", "requests: Input should be a valid list");
            return;
        }
        // The items' text in order (the walk stops at the first that is not an object), then
        // each one checked and analysed (CreateRequests, on several threads).
        std::vector<std::string_view> items;
        std::string walkProblem;
        for (auto element : requests) {
            simdjson::ondemand::object item;
            std::string_view raw;
            if (element.get_object().get(item) || item.raw_json().get(raw)) {
                walkProblem =
                    "requests." + std::to_string(items.size()) + ": Input should be a valid object";
                break;
            }
            if (items.size() >= 100000) {
                walkProblem = "requests: List should have at most 100000 items";
                break;
            }
            items.push_back(raw);
        }
        problem = CreateRequests::analyze(items, beta300k, &batch->records, &stream);
        if (problem.empty())
            problem = std::move(walkProblem);
        if (problem.empty() && batch->records.empty())
            problem = "requests: List should have at least 1 item";
        if (problem.empty()) {
            // Uniqueness of custom_id: sort (hash, index) pairs instead of a set of strings,
            // which would cost several MB on a 100k batch.
            std::vector<std::pair<uint64_t, uint32_t>> keys;
            keys.reserve(batch->records.size());
            for (size_t i = 0; i < batch->records.size(); ++i)
                keys.emplace_back(Hashing::fnv1a(batch->records[i].customId), uint32_t(i));
            std::sort(keys.begin(), keys.end());
            size_t firstDup = SIZE_MAX;
            for (size_t i = 1; i < keys.size(); ++i) {
                for (size_t j = i; j-- > 0 && keys[j].first == keys[i].first;) {
                    if (batch->records[keys[j].second].customId ==
                        batch->records[keys[i].second].customId)
                        firstDup =
                            std::min<size_t>(firstDup, std::max(keys[i].second, keys[j].second));
                }
            }
            if (firstDup != SIZE_MAX) {
                problem = "requests." + std::to_string(firstDup) +
                          ".custom_id: duplicate custom_id '" + batch->records[firstDup].customId +
                          "'; custom_id values must be unique within a batch";
            }
        }
    }
    body.clear();
    body.shrink_to_fit();
    if (!problem.empty()) {
        sendError(res, 400, "invalid_request_error", problem);
        return;
    }
    batch->records.shrink_to_fit();
    batch->id = Hashing::randomId("msgbatch_", 24);
    const int64_t now = m_clock.nowUs();
    batch->createdUs = now;
    batch->instant = m_options.speed == 0;
    batch->seed = m_options.seed;
    batch->errorRate = m_options.errorRate;
    batch->expireRate = m_options.expireRate;
    if (const int64_t lag = m_faults.takeCreateLag())
        batch->lagUntilRealUs = SimClock::realNowUs() + lag * 1000;
    batch->prepare();
    const std::string json = batch->toJson(now, baseFor(req), true);
    const std::string id = batch->id;
    m_store.add(std::move(batch));
    m_store.save(now);
    m_logger.log("created " + id);
    sendJson(res, json);
}

void ApiServer::refreshAndSave(Batch& b, bool& changed, bool& failed) {
    const int64_t endedBefore = b.endedUs;
    const bool deletedBefore = b.resultsDeleted;
    failed = !b.refresh(m_clock.nowUs(), m_store.dir());
    changed = b.endedUs != endedBefore || b.resultsDeleted != deletedBefore;
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

void ApiServer::results(const httplib::Request& req, httplib::Response& res) {
    auto b = lookup(req.matches[1], res);
    if (!b)
        return;
    bool changed = false, failed = false, ended = false, gone = false;
    std::string path;
    {
        std::lock_guard lock(b->mutex);
        refreshAndSave(*b, changed, failed);
        ended = b->status() == Batch::Status::Ended;
        gone = b->resultsDeleted;
        path = b->resultsPath(m_store.dir());
    }
    if (changed)
        m_store.save(m_clock.nowUs());
    if (failed) {
        sendError(res, 500, "api_error", "could not write the results file");
        return;
    }
    if (!ended) {
        sendError(res, 400, "invalid_request_error",
                  "Batch '" + b->id + "' has not ended yet; results are not available");
        return;
    }
    if (gone) {
        sendError(res, 404, "not_found_error",
                  "The results of batch '" + b->id + "' have been archived");
        return;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        if (fd >= 0)
            ::close(fd);
        sendError(res, 404, "not_found_error", "results not found");
        return;
    }
    size_t size = size_t(st.st_size);
    int64_t resetAt = -1;
    if (auto f = m_faults.takeResultsFault(pathOnly(req.path))) {
        if (f->truncateLastLine && size > 1) {
            // Find the start of the last line and cut it in half.
            size_t lastStart = 0;
            char buf[4096];
            size_t pos = size - 1; // skip the final newline
            bool found = false;
            while (pos > 0 && !found) {
                const size_t from = pos >= sizeof buf ? pos - sizeof buf : 0;
                const ssize_t n = ::pread(fd, buf, pos - from, off_t(from));
                if (n <= 0)
                    break;
                for (size_t i = size_t(n); i-- > 0;) {
                    if (buf[i] == '\n') {
                        lastStart = from + i + 1;
                        found = true;
                        break;
                    }
                }
                pos = from;
            }
            size = lastStart + (size - lastStart) / 2;
        }
        if (f->resetAfterBytes >= 0)
            resetAt = std::min<int64_t>(f->resetAfterBytes, int64_t(size));
        m_logger.log("results fault on " + b->id);
    }
    auto buffer = std::make_shared<std::vector<char>>(kChunk);
    const int localPort = req.local_port, remotePort = req.remote_port;
    res.set_header("Content-Disposition", "attachment; filename=\"" + b->id + "_results.jsonl\"");
    res.set_content_provider(
        size, "application/binary",
        [fd, buffer, resetAt, localPort, remotePort](size_t offset, size_t length,
                                                     httplib::DataSink& sink) {
            size_t want = std::min(length, kChunk);
            if (resetAt >= 0) {
                if (int64_t(offset) >= resetAt) {
                    armReset(localPort, remotePort);
                    return false;
                }
                want = std::min<size_t>(want, size_t(resetAt - int64_t(offset)));
            }
            const ssize_t n = ::pread(fd, buffer->data(), want, off_t(offset));
            if (n <= 0)
                return false;
            return sink.write(buffer->data(), size_t(n));
        },
        [fd](bool) { ::close(fd); });
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

void ApiServer::simFaults(const httplib::Request& req, httplib::Response& res) {
    if (req.method == "DELETE") {
        m_faults.clear();
    } else if (req.method == "POST") {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &pe);
        std::string error;
        if (pe.error != QJsonParseError::NoError) {
            error = "invalid JSON: " + pe.errorString().toStdString();
        } else {
            m_faults.add(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), error);
        }
        if (!error.empty()) {
            sendError(res, 400, "invalid_request_error", error);
            return;
        }
    }
    sendJson(res, m_faults.toJson());
}

void ApiServer::simClock(const httplib::Request& req, httplib::Response& res) {
    if (req.method == "POST") {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(req.body)).object();
        const double s = o.value(u"advance_seconds"_s).toDouble(-1);
        if (s < 0) {
            sendError(res, 400, "invalid_request_error",
                      "advance_seconds: a number >= 0 is required");
            return;
        }
        m_clock.advanceUs(int64_t(s * 1e6));
        m_store.save(m_clock.nowUs());
    }
    const int64_t now = m_clock.nowUs();
    std::string out;
    JsonWriter w(out);
    w.beginObject().key("now").value(SimClock::rfc3339(now)).key("now_us").value(now).endObject();
    sendJson(res, out);
}

} // namespace bs::sim
