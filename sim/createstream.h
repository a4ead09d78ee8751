#pragma once

#include "requestrecord.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace bs::sim {

// Analyses the items of a create body while the body is still arriving, so that the answer can
// follow the last byte instead of the whole analysis. It only proposes: a light scan of the
// bytes as they come finds the objects of the body's first top-level array (strings and escapes
// tracked, nothing parsed), and worker threads analyse each one (CreateRequests::analyzeOne)
// once its bytes (and simdjson's padding after them) are in. The create still walks the whole
// body with simdjson once it is complete; an item it finds at the same place, with the same
// length and index, takes the result found here, any other is analysed then. So the answer is
// exactly the one of analysing after the body arrived, only sooner.
//
// The body buffer is the caller's: it must have been reserved (capacity) for the whole body
// plus simdjson::SIMDJSON_PADDING before the first append(), and is appended only through
// append() while streaming.
class CreateStream {
public:
    struct Item {
        size_t offset = 0; // in the body
        size_t length = 0;
        size_t index = 0; // in the array
        RequestRecord record;
        std::string problem; // "" = valid
    };

    CreateStream(std::string* body, bool output300kBeta);
    ~CreateStream(); // stops and joins the workers
    CreateStream(const CreateStream&) = delete;
    CreateStream& operator=(const CreateStream&) = delete;

    // Appends received bytes to the body and hands the items completed so far to the workers.
    // Past the reserved capacity the streaming stops (the workers finish first, then the body
    // may grow): the create analyses everything after arrival, as before.
    void append(const char* data, size_t n);
    // The body is complete: the last items are analysed, the workers end.
    void finish();
    // After finish(): the result for the item at `raw` (inside the body) of index `index`, or
    // null when the scan did not propose that exact item.
    const Item* find(std::string_view raw, size_t index) const;

private:
    struct Task {
        std::vector<Item> items;
    };
    void scan();
    void dispatchReady(bool all);
    void work();
    void stopWorkers();

    std::string* m_body;
    const char* m_base = nullptr; // the body's buffer (it does not move while streaming)
    bool m_beta;
    bool m_streaming = true;
    size_t m_limit = 0; // body bytes beyond which append would reallocate

    // Scanner state.
    size_t m_pos = 0;
    int m_depth = 0;
    bool m_inString = false;
    size_t m_stringStart = 0;
    bool m_arrayDone = false; // the first top-level array ended: nothing more is proposed
    bool m_inArray = false;
    bool m_rootIsObject = false;
    size_t m_itemStart = 0;
    size_t m_nextIndex = 0;
    std::vector<Item> m_pending; // found, waiting for their padding to arrive

    std::vector<std::shared_ptr<Task>> m_tasks; // in order
    std::deque<std::shared_ptr<Task>> m_queue;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_closing = false;
    std::vector<std::thread> m_workers;
    std::vector<const Item*> m_byIndex; // after finish()
};

} // namespace bs::sim
