// ApiServer: POST /v1/messages/batches (create: read the body, validate, analyse, store).
#include "apiserver.h"

#include "createrequests.h"
#include "createstream.h"
#include "hashing.h"
#include "httphelpers.h"

#include <httplib.h>
#include <simdjson.h>

#include <algorithm>

namespace bs::sim {

using http::errorTypeFor;

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

} // namespace bs::sim
