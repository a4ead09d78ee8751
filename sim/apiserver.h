#pragma once

#include "batchstore.h"
#include "faultinjector.h"
#include "logger.h"
#include "options.h"
#include "simclock.h"
#include "usagebook.h"

#include <atomic>
#include <memory>
#include <string>

namespace httplib {
class Server;
struct Request;
struct Response;
class ContentReader;
} // namespace httplib

namespace bs::sim {

// The HTTP front: routes of the Message Batches API (+ count_tokens), auth and version checks,
// response headers, fault injection and the loopback-only /_sim control endpoints; the Admin
// API's usage and cost reports. Routes live in files by concern: createroute.cpp,
// resultsroute.cpp, adminroutes.cpp, controlroutes.cpp.
class ApiServer {
public:
    explicit ApiServer(const Options& options);
    ~ApiServer();

    bool start(std::string& error); // binds, opens the store, prints the base URL
    void run();                     // serves until stop()
    void stop();

private:
    void installRoutes();
    bool preRoute(const httplib::Request& req, httplib::Response& res);
    void sendError(httplib::Response& res, int status, const std::string& type,
                   const std::string& message) const;
    void sendJson(httplib::Response& res, const std::string& json) const;
    std::string baseFor(const httplib::Request& req) const;
    std::shared_ptr<Batch> lookup(const std::string& id, httplib::Response& res) const;
    void refreshAndSave(Batch& b, bool& changed, bool& failed);

    void create(const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader& reader);
    void list(const httplib::Request& req, httplib::Response& res);
    void retrieve(const httplib::Request& req, httplib::Response& res);
    void cancel(const httplib::Request& req, httplib::Response& res);
    void remove(const httplib::Request& req, httplib::Response& res);
    void results(const httplib::Request& req, httplib::Response& res);
    void countTokens(const httplib::Request& req, httplib::Response& res);
    void adminReport(const httplib::Request& req, httplib::Response& res);
    bool checkAdminKey(const httplib::Request& req, httplib::Response& res);
    void simFaults(const httplib::Request& req, httplib::Response& res);
    void simClock(const httplib::Request& req, httplib::Response& res);

    Options m_options;
    SimClock m_clock;
    BatchStore m_store;
    FaultInjector m_faults;
    UsageBook m_usage; // what every ended batch billed (Admin API reports)
    Logger m_logger;
    std::unique_ptr<httplib::Server> m_server;
    std::string m_baseUrl;
    std::atomic<int64_t> m_rateWindow{0};
    std::atomic<int> m_rateUsed{0};
};

} // namespace bs::sim
