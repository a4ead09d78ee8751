#include "createstream.h"

#include "createrequests.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>

namespace bs::sim {

namespace {
// Items handed to a worker at a time (~160 KB of the bench's requests).
constexpr size_t kItemsPerTask = 64;
constexpr unsigned kMaxWorkers = 8;
} // namespace

CreateStream::CreateStream(std::string* body, bool output300kBeta)
    : m_body(body)
    , m_beta(output300kBeta) {
    const size_t capacity = body->capacity();
    m_streaming = capacity > simdjson::SIMDJSON_PADDING && body->empty();
    m_limit = m_streaming ? capacity - simdjson::SIMDJSON_PADDING : 0;
    m_base = body->data();
}

CreateStream::~CreateStream() {
    stopWorkers();
}

void CreateStream::stopWorkers() {
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_workers)
        t.join();
    m_workers.clear();
}

void CreateStream::append(const char* data, size_t n) {
    if (m_streaming && m_body->size() + n > m_limit) {
        // More than announced: the buffer would move under the workers. Stop streaming; the
        // create analyses after arrival.
        stopWorkers();
        m_streaming = false;
        m_pending.clear();
    }
    m_body->append(data, n);
    if (!m_streaming)
        return;
    scan();
    dispatchReady(false);
}

void CreateStream::scan() {
    const char* b = m_body->data();
    const size_t end = m_body->size();
    size_t p = m_pos;
    while (p < end && !m_arrayDone) {
        if (m_inString) {
            const void* q = std::memchr(b + p, '"', end - p);
            if (!q) {
                p = end;
                break;
            }
            size_t quote = size_t(static_cast<const char*>(q) - b);
            size_t slashes = 0;
            while (quote - slashes > m_stringStart + 1 && b[quote - slashes - 1] == '\\')
                ++slashes;
            p = quote + 1;
            if (slashes % 2 == 0)
                m_inString = false;
            continue;
        }
        const char c = b[p];
        switch (c) {
        case '"':
            m_inString = true;
            m_stringStart = p;
            break;
        case '{':
            if (m_depth == 0)
                m_rootIsObject = true;
            else if (m_depth == 2 && m_inArray)
                m_itemStart = p;
            ++m_depth;
            break;
        case '[':
            if (m_depth == 1 && m_rootIsObject)
                m_inArray = true;
            ++m_depth;
            break;
        case '}':
            --m_depth;
            if (m_depth == 2 && m_inArray) {
                Item item;
                item.offset = m_itemStart;
                item.length = p + 1 - m_itemStart;
                item.index = m_nextIndex++;
                m_pending.push_back(std::move(item));
            }
            break;
        case ']':
            --m_depth;
            if (m_depth == 1 && m_inArray)
                m_arrayDone = true;
            break;
        default:
            break;
        }
        if (m_depth < 0) {
            m_arrayDone = true; // not JSON: the walk after arrival says so
            break;
        }
        ++p;
    }
    m_pos = p;
}

void CreateStream::dispatchReady(bool all) {
    const size_t have = m_body->size();
    size_t ready = 0;
    while (ready < m_pending.size() &&
           (all ||
            m_pending[ready].offset + m_pending[ready].length + simdjson::SIMDJSON_PADDING <= have))
        ++ready;
    if (ready == 0 || (!all && ready < kItemsPerTask))
        return;
    auto task = std::make_shared<Task>();
    task->items.assign(std::make_move_iterator(m_pending.begin()),
                       std::make_move_iterator(m_pending.begin() + ptrdiff_t(ready)));
    m_pending.erase(m_pending.begin(), m_pending.begin() + ptrdiff_t(ready));
    m_tasks.push_back(task);
    if (m_workers.empty()) { // the first task: a body large enough to be worth the threads
        const unsigned n = std::max(1u, std::min(std::thread::hardware_concurrency(), kMaxWorkers));
        for (unsigned i = 0; i < n; ++i)
            m_workers.emplace_back([this] { work(); });
    }
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void CreateStream::work() {
    for (;;) {
        std::shared_ptr<Task> task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_closing || !m_queue.empty(); });
            if (m_queue.empty())
                return; // closing, and nothing left
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const char* b = m_base;
        for (Item& item : task->items)
            item.problem = CreateRequests::analyzeOne(
                std::string_view(b + item.offset, item.length), item.index, m_beta, &item.record);
    }
}

void CreateStream::finish() {
    if (m_streaming) {
        // The body is complete and its buffer holds the padding: the rest can go (a small body,
        // with no task yet, is left to the analysis after arrival).
        if (!m_tasks.empty() && m_body->capacity() >= m_body->size() + simdjson::SIMDJSON_PADDING)
            dispatchReady(true);
        stopWorkers();
    }
    m_byIndex.clear();
    if (!m_streaming)
        return;
    for (const auto& task : m_tasks) {
        for (const Item& item : task->items)
            m_byIndex.push_back(&item);
    }
}

const CreateStream::Item* CreateStream::find(std::string_view raw, size_t index) const {
    if (index >= m_byIndex.size())
        return nullptr;
    const Item* item = m_byIndex[index];
    const size_t offset = size_t(raw.data() - m_body->data());
    if (item->index != index || item->offset != offset || item->length != raw.size())
        return nullptr;
    return item;
}

} // namespace bs::sim
