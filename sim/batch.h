#pragma once

#include "requestrecord.h"
#include "usagebook.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace bs::sim {

// One message batch. Its state is a function of the simulated clock: each request has a
// deterministic start and finish time (from seed and request), so status is computed on
// access. When the batch is found ended for the first time, its outcomes are fixed and its
// results file is written once, streaming, in a shuffled order.
class Batch {
public:
    enum class Status { InProgress, Canceling, Ended };
    struct Counts {
        int64_t processing = 0, succeeded = 0, errored = 0, canceled = 0, expired = 0;
    };
    static constexpr int64_t kDayUs = 86400LL * 1000000;
    static constexpr int64_t kExpiryUs = kDayUs;       // processing window
    static constexpr int64_t kArchiveUs = 29 * kDayUs; // results retention after created_at

    // Common settings fixed at creation (kept in the state file).
    std::string id;
    int64_t seq = 0;
    int64_t createdUs = 0;
    int64_t cancelUs = -1;      // simulated time of cancel, -1 = none
    int64_t endedUs = -1;       // set once ended (finalized)
    int64_t endOffsetUs = 0;    // when it will end, relative to createdUs
    int64_t lagUntilRealUs = 0; // fault: 404 until this real time
    bool instant = false;
    uint64_t seed = 1;
    double errorRate = 0;
    double expireRate = 0;
    Counts finalCounts;
    bool resultsDeleted = false;
    std::vector<RequestRecord> records;
    // Filled when the batch ends: what its succeeded requests are billed (taken by the server
    // into its UsageBook).
    std::vector<UsageEntry> usage;

    std::mutex mutex; // guards everything above after creation

    // Call once the records are filled in (create and load).
    void prepare();
    bool cancel(int64_t nowUs); // false when already ended or canceling
    // Brings the batch up to `nowUs`: finalizes it (writing dir/<id>.jsonl) when due, drops
    // its results when archived. Returns false if writing the results failed.
    bool refresh(int64_t nowUs, const std::string& dir);
    Status status() const;
    bool archived(int64_t nowUs) const { return nowUs >= createdUs + kArchiveUs; }
    std::string resultsPath(const std::string& dir) const { return dir + "/" + id + ".jsonl"; }
    // The MessageBatch object. `forceInProgress`: the create response.
    std::string toJson(int64_t nowUs, const std::string& baseUrl,
                       bool forceInProgress = false) const;

private:
    struct Timing {
        int64_t startUs, doneUs; // offsets from createdUs; INT64_MAX = never
    };
    Timing timing(const RequestRecord& r) const;
    bool finalize(const std::string& dir);
};

} // namespace bs::sim
