#include "createrequests.h"

#include "createstream.h"
#include "fastanalyzer.h"
#include "hashing.h"
#include "jsonconverter.h"
#include "requestanalyzer.h"

#include <QJsonObject>

#include <algorithm>
#include <thread>

using namespace Qt::StringLiterals;

namespace bs::sim {

namespace {
// Below this many items one thread does it all (starting threads costs more).
constexpr size_t kItemsPerThread = 2000;
constexpr unsigned kMaxThreads = 8;
} // namespace

bool CreateRequests::validCustomId(std::string_view id) {
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
            return false;
    }
    return true;
}

std::string CreateRequests::analyzeOne(std::string_view raw, size_t index, bool output300kBeta,
                                       RequestRecord* record) {
    // The common shape straight from its bytes; anything else through a QJsonObject.
    std::string problem;
    if (FastAnalyzer::analyze(raw, index, output300kBeta, record, &problem) ==
        FastAnalyzer::Outcome::Done)
        return problem;
    return analyzeGeneral(raw, index, output300kBeta, record);
}

std::string CreateRequests::analyzeGeneral(std::string_view raw, size_t index, bool output300kBeta,
                                           RequestRecord* record) {
    const std::string where = "requests." + std::to_string(index);
    QJsonObject o;
    if (!JsonConverter::parseObject(raw, &o))
        return "The request body is not valid JSON";
    const QJsonValue cid = o.value(u"custom_id"_s);
    if (!cid.isString())
        return where + ".custom_id: Field required";
    std::string customId = cid.toString().toStdString();
    if (!validCustomId(customId))
        return where + ".custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'";
    const QJsonValue params = o.value(u"params"_s);
    if (!params.isObject())
        return where + ".params: " +
               (params.isUndefined() ? "Field required" : "Input should be a valid object");
    *record = RequestAnalyzer::analyze(params.toObject(), output300kBeta);
    record->customId = std::move(customId);
    record->hash = Hashing::fnv1a(raw);
    return {};
}

std::string CreateRequests::analyze(const std::vector<std::string_view>& items, bool output300kBeta,
                                    std::vector<RequestRecord>* records,
                                    const CreateStream* ready) {
    const size_t n = items.size();
    records->assign(n, RequestRecord());
    const unsigned hw = std::max(1u, std::min(std::thread::hardware_concurrency(), kMaxThreads));
    const size_t threads = std::max<size_t>(1, std::min<size_t>(hw, n / kItemsPerThread));
    // Each thread takes a contiguous range and stops at its first problem; the first problem
    // of the lowest range that has one is the first problem of all.
    std::vector<std::string> problems(threads);
    const auto work = [&](size_t t) {
        const size_t begin = n * t / threads, end = n * (t + 1) / threads;
        for (size_t i = begin; i < end; ++i) {
            std::string p;
            if (const CreateStream::Item* done = ready ? ready->find(items[i], i) : nullptr) {
                (*records)[i] = done->record;
                p = done->problem;
            } else {
                p = analyzeOne(items[i], i, output300kBeta, &(*records)[i]);
            }
            if (!p.empty()) {
                problems[t] = std::move(p);
                return;
            }
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread& th : pool)
        th.join();
    for (std::string& p : problems) {
        if (!p.empty())
            return std::move(p);
    }
    return {};
}

} // namespace bs::sim
