// ApiServer: the loopback-only control endpoints /_sim/faults and /_sim/clock.
#include "apiserver.h"

#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

using namespace Qt::StringLiterals;

namespace bs::sim {

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
