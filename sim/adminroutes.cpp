// ApiServer: the Admin API's reports, GET /v1/organizations/cost_report and
// GET /v1/organizations/usage_report/messages, from the simulator's own bookkeeping (UsageBook).
// They need the Admin key (x-api-key only); preRoute() checks it.
#include "apiserver.h"

#include "adminreports.h"

#include <httplib.h>

namespace bs::sim {

void ApiServer::adminReport(const httplib::Request& req, httplib::Response& res) {
    AdminReports::Query q;
    q.kind = req.path.find("/cost_report") != std::string::npos ? AdminReports::Kind::Cost
                                                                : AdminReports::Kind::Usage;
    q.params = req.params;
    q.nowUs = m_clock.nowUs();
    AdminReports::Answer a = AdminReports::plan(q);
    if (a.status == 200)
        AdminReports::render(q, m_usage.between(a.fromUs, a.toUs), a);
    if (a.status != 200) {
        sendError(res, a.status, "invalid_request_error", a.errorMessage);
        return;
    }
    sendJson(res, a.json);
}

} // namespace bs::sim
