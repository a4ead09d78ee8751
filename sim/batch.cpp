#include "batch.h"

#include "hashing.h"
#include "jsonwriter.h"
#include "outcomegenerator.h"
#include "simclock.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

namespace bs::sim {

namespace {
constexpr int64_t kNever = INT64_MAX;
constexpr int64_t kSecond = 1000000;
} // namespace

Batch::Timing Batch::timing(const RequestRecord& r) const {
    if (expireRate > 0 && Hashing::unit(Hashing::combine(seed, r.hash ^ 3)) < expireRate)
        return {kNever, kNever};
    if (instant)
        return {0, 0};
    // The whole batch takes about 2 min + 12 s per request of simulated time, at most 6 h.
    const double span = std::min(120.0 + 12.0 * double(records.size()), 6.0 * 3600.0);
    const double u = Hashing::unit(Hashing::combine(seed, r.hash ^ 1));
    const double done = 5.0 + (span - 5.0) * std::pow(u, 0.8);
    const double latency = 2.0 + 38.0 * Hashing::unit(Hashing::combine(seed, r.hash ^ 2));
    const int64_t doneUs = int64_t(done * kSecond);
    return {std::max<int64_t>(0, doneUs - int64_t(latency * kSecond)), doneUs};
}

void Batch::prepare() {
    if (endedUs >= 0)
        return;
    int64_t end = 0;
    for (const RequestRecord& r : records) {
        const Timing t = timing(r);
        if (cancelUs >= 0 && t.startUs > cancelUs - createdUs)
            continue; // canceled before it started
        end = std::max(end, t.doneUs);
    }
    if (cancelUs >= 0)
        end = std::max(end, cancelUs - createdUs + (instant ? 0 : 30 * kSecond));
    endOffsetUs = std::min(end, kExpiryUs);
}

bool Batch::cancel(int64_t nowUs) {
    if (endedUs >= 0 || cancelUs >= 0 || nowUs >= createdUs + endOffsetUs)
        return false;
    cancelUs = nowUs;
    prepare();
    return true;
}

Batch::Status Batch::status() const {
    if (endedUs >= 0)
        return Status::Ended;
    return cancelUs >= 0 ? Status::Canceling : Status::InProgress;
}

bool Batch::refresh(int64_t nowUs, const std::string& dir) {
    bool ok = true;
    if (endedUs < 0 && nowUs >= createdUs + endOffsetUs)
        ok = finalize(dir);
    if (endedUs >= 0 && !resultsDeleted && archived(nowUs)) {
        std::remove(resultsPath(dir).c_str());
        resultsDeleted = true;
    }
    return ok;
}

bool Batch::finalize(const std::string& dir) {
    using O = OutcomeGenerator::Outcome;
    const size_t n = records.size();
    const int64_t cancelOff = cancelUs >= 0 ? cancelUs - createdUs : kNever;
    std::vector<uint8_t> outcome(n);
    std::vector<int64_t> done(n);
    Counts c;
    for (size_t i = 0; i < n; ++i) {
        const RequestRecord& r = records[i];
        const Timing t = timing(r);
        done[i] = t.doneUs;
        O o;
        if (cancelOff != kNever && t.startUs > cancelOff)
            o = O::Canceled;
        else if (t.doneUs > kExpiryUs)
            o = O::Expired;
        else if (r.invalid != RequestRecord::Valid)
            o = O::Invalid;
        else if (Hashing::unit(Hashing::combine(seed, r.hash ^ 4)) < errorRate)
            o = (Hashing::combine(seed, r.hash ^ 5) % 3 == 0) ? O::Overloaded : O::ApiError;
        else
            o = O::Succeeded;
        outcome[i] = uint8_t(o);
        switch (o) {
        case O::Succeeded:
            ++c.succeeded;
            break;
        case O::Canceled:
            ++c.canceled;
            break;
        case O::Expired:
            ++c.expired;
            break;
        default:
            ++c.errored;
            break;
        }
    }
    // Prompt cache: within the batch, the first request (by finish time) of a prefix writes
    // the cache, later ones read it (best effort: 10 % miss and write again).
    std::unordered_map<uint64_t, size_t> firstWriter;
    for (size_t i = 0; i < n; ++i) {
        if (records[i].cacheKey == 0 || outcome[i] != uint8_t(O::Succeeded))
            continue;
        auto [it, inserted] = firstWriter.try_emplace(records[i].cacheKey, i);
        if (!inserted &&
            (done[i] < done[it->second] || (done[i] == done[it->second] && i < it->second)))
            it->second = i;
    }
    // Shuffled, deterministic order.
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::vector<uint64_t> keys(n);
    for (size_t i = 0; i < n; ++i)
        keys[i] = Hashing::combine(seed, records[i].hash ^ 6);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return keys[a] != keys[b] ? keys[a] < keys[b] : a < b;
    });
    std::vector<uint64_t>().swap(keys);

    const std::string path = resultsPath(dir);
    const std::string tmp = path + ".part";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f)
        return false;
    std::vector<char> buffer(1 << 20);
    std::setvbuf(f, buffer.data(), _IOFBF, buffer.size());
    OutcomeGenerator gen(seed);
    std::string line;
    std::vector<UsageEntry> billed;
    bool ok = true;
    for (uint32_t i : order) {
        const RequestRecord& r = records[i];
        auto cache = OutcomeGenerator::Cache::None;
        if (r.cacheKey != 0 && outcome[i] == uint8_t(O::Succeeded)) {
            if (firstWriter[r.cacheKey] == i ||
                Hashing::unit(Hashing::combine(seed, r.hash ^ 7)) >= 0.9)
                cache = OutcomeGenerator::Cache::Write;
            else
                cache = OutcomeGenerator::Cache::Read;
        }
        line.clear();
        UsageEntry u;
        gen.render(line, r, O(outcome[i]), cache, &u);
        if (u.model >= 0) {
            u.timeUs = createdUs + std::min(done[i], endOffsetUs);
            billed.push_back(u);
        }
        if (std::fwrite(line.data(), 1, line.size(), f) != line.size())
            ok = false;
    }
    if (std::fclose(f) != 0)
        ok = false;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return false;
    }
    finalCounts = c;
    usage = std::move(billed);
    endedUs = createdUs + endOffsetUs;
    return true;
}

std::string Batch::toJson(int64_t nowUs, const std::string& baseUrl, bool forceInProgress) const {
    std::string out;
    JsonWriter w(out);
    const bool ended = !forceInProgress && endedUs >= 0;
    const char* st = ended                                 ? "ended"
                     : (!forceInProgress && cancelUs >= 0) ? "canceling"
                                                           : "in_progress";
    w.beginObject().key("id").value(id).key("type").value("message_batch");
    w.key("processing_status").value(st);
    Counts c;
    if (ended)
        c = finalCounts;
    else
        c.processing = int64_t(records.size());
    w.key("request_counts").beginObject();
    w.key("processing").value(c.processing).key("succeeded").value(c.succeeded);
    w.key("errored").value(c.errored).key("canceled").value(c.canceled);
    w.key("expired").value(c.expired).endObject();
    w.key("ended_at");
    if (ended)
        w.value(SimClock::rfc3339(endedUs));
    else
        w.null();
    w.key("created_at").value(SimClock::rfc3339(createdUs));
    w.key("expires_at").value(SimClock::rfc3339(createdUs + kExpiryUs));
    w.key("archived_at");
    if (ended && archived(nowUs))
        w.value(SimClock::rfc3339(createdUs + kArchiveUs));
    else
        w.null();
    w.key("cancel_initiated_at");
    if (cancelUs >= 0 && !forceInProgress)
        w.value(SimClock::rfc3339(cancelUs));
    else
        w.null();
    w.key("results_url");
    if (ended)
        w.value(baseUrl + "/v1/messages/batches/" + id + "/results");
    else
        w.null();
    w.endObject();
    return out;
}

} // namespace bs::sim
