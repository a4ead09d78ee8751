#pragma once

#include "batch.h"

#include <QTemporaryDir>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace bs::sim {

class SimClock;

// All batches of the (single) workspace, newest first for listing, and their persistence:
// with --state FILE, FILE holds the batch metadata (JSON) and FILE.d/ the request records
// (<id>.req) and results (<id>.jsonl); without it, a temporary folder holds the files.
class BatchStore {
public:
    explicit BatchStore(const std::string& statePath);
    ~BatchStore();

    bool open(SimClock& clock, std::string& error);
    const std::string& dir() const { return m_dir; }

    std::shared_ptr<Batch> add(std::unique_ptr<Batch> batch);
    std::shared_ptr<Batch> find(const std::string& id) const;
    bool remove(const std::string& id);

    struct Page {
        std::vector<std::shared_ptr<Batch>> data;
        bool hasMore = false;
    };
    // after_id: older than it; before_id: newer than it. Returns false for an unknown cursor.
    bool list(int limit, const std::string& beforeId, const std::string& afterId, Page& page) const;

    // Writes the metadata file (no-op without --state). Call after a change.
    void save(int64_t simNowUs);

private:
    bool saveRecords(const Batch& b) const;
    bool loadRecords(Batch& b) const;

    std::string m_statePath;
    std::string m_dir;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    mutable std::mutex m_mutex;
    std::mutex m_saveMutex;
    std::map<int64_t, std::shared_ptr<Batch>> m_bySeq; // ascending = oldest first
    std::unordered_map<std::string, int64_t> m_seqOf;  // also keeps deleted ids (cursors)
    std::unordered_map<std::string, std::shared_ptr<Batch>> m_byId;
    int64_t m_nextSeq = 1;
};

} // namespace bs::sim
