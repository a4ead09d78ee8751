#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace bs::sim {

// What one succeeded request used, as the simulator bills it (the Admin API reports are built
// from these). Kept when a batch ends; errored, canceled and expired requests are not billed.
struct UsageEntry {
    int64_t timeUs = 0; // simulated time the request finished
    int16_t model = -1; // ModelCatalog index
    bool geoUs = false; // inference_geo "us"
    int32_t input = 0, cache5m = 0, cache1h = 0, cacheRead = 0, output = 0;
    int32_t webSearches = 0;
    int64_t promptTokens() const { return int64_t(input) + cache5m + cache1h + cacheRead; }
};

// The organisation's bookkeeping: every billed request of every batch, also of batches deleted
// since (deleting a batch does not refund it). Thread-safe.
class UsageBook {
public:
    void add(std::vector<UsageEntry> entries);
    // The entries whose time lies in [fromUs, toUs).
    std::vector<UsageEntry> between(int64_t fromUs, int64_t toUs) const;
    // Persistence beside the --state file (empty path: nothing is written).
    bool save(const std::string& path) const;
    bool load(const std::string& path);

private:
    mutable std::mutex m_mutex;
    std::vector<UsageEntry> m_entries;
};

} // namespace bs::sim
