#include "batchstore.h"

#include "simclock.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace bs::sim {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

BatchStore::BatchStore(const std::string& statePath)
    : m_statePath(statePath) {}

BatchStore::~BatchStore() = default;

bool BatchStore::open(SimClock& clock, std::string& error) {
    if (m_statePath.empty()) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/batchscope-sim-XXXXXX"_s);
        if (!m_tempDir->isValid()) {
            error = "cannot create a temporary folder";
            return false;
        }
        m_dir = m_tempDir->path().toStdString();
        return true;
    }
    m_dir = m_statePath + ".d";
    if (!QDir().mkpath(qs(m_dir))) {
        error = "cannot create " + m_dir;
        return false;
    }
    QFile f(qs(m_statePath));
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        error = "cannot read " + m_statePath;
        return false;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    if (root.value(u"format"_s).toString() != u"batchscope-sim-state-1"_s) {
        error = m_statePath + " is not a batchscope-sim state file";
        return false;
    }
    clock.ensureAtLeast(int64_t(root.value(u"sim_now_us"_s).toDouble()));
    m_nextSeq = int64_t(root.value(u"next_seq"_s).toDouble(1));
    for (const QJsonValue& v : root.value(u"batches"_s).toArray()) {
        const QJsonObject o = v.toObject();
        auto b = std::make_shared<Batch>();
        b->id = o.value(u"id"_s).toString().toStdString();
        b->seq = int64_t(o.value(u"seq"_s).toDouble());
        b->createdUs = int64_t(o.value(u"created_us"_s).toDouble());
        b->cancelUs = int64_t(o.value(u"cancel_us"_s).toDouble(-1));
        b->endedUs = int64_t(o.value(u"ended_us"_s).toDouble(-1));
        b->instant = o.value(u"instant"_s).toBool();
        b->seed = o.value(u"seed"_s).toString().toULongLong();
        b->errorRate = o.value(u"error_rate"_s).toDouble();
        b->expireRate = o.value(u"expire_rate"_s).toDouble();
        b->resultsDeleted = o.value(u"results_deleted"_s).toBool();
        const QJsonObject c = o.value(u"counts"_s).toObject();
        b->finalCounts.succeeded = c.value(u"succeeded"_s).toInteger();
        b->finalCounts.errored = c.value(u"errored"_s).toInteger();
        b->finalCounts.canceled = c.value(u"canceled"_s).toInteger();
        b->finalCounts.expired = c.value(u"expired"_s).toInteger();
        if (!loadRecords(*b)) {
            std::fprintf(stderr, "batchscope-sim: skipping %s (records unreadable)\n",
                         b->id.c_str());
            continue;
        }
        b->prepare();
        if (b->endedUs >= 0)
            b->endOffsetUs = b->endedUs - b->createdUs;
        m_bySeq[b->seq] = b;
        m_byId[b->id] = b;
        m_seqOf[b->id] = b->seq;
        m_nextSeq = std::max(m_nextSeq, b->seq + 1);
    }
    return true;
}

bool BatchStore::saveRecords(const Batch& b) const {
    QSaveFile f(qs(m_dir + "/" + b.id + ".req"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QDataStream s(&f);
    s << quint32(0x42535231) << quint64(b.records.size());
    for (const RequestRecord& r : b.records) {
        s << QByteArray::fromStdString(r.customId) << QByteArray::fromStdString(r.detail)
          << quint64(r.hash) << quint64(r.cacheKey) << qint32(r.maxTokens) << qint32(r.inputTokens)
          << qint32(r.cache5m) << qint32(r.cache1h) << qint32(r.thinkingBudget) << qint16(r.model)
          << quint8(r.invalid) << quint8(r.flags);
    }
    return f.commit();
}

bool BatchStore::loadRecords(Batch& b) const {
    QFile f(qs(m_dir + "/" + b.id + ".req"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QDataStream s(&f);
    quint32 magic = 0;
    quint64 n = 0;
    s >> magic >> n;
    if (magic != 0x42535231 || n > 100000)
        return false;
    b.records.resize(n);
    for (RequestRecord& r : b.records) {
        QByteArray id, detail;
        quint64 hash, key;
        qint32 mt, in, c5, c1, tb;
        qint16 model;
        quint8 inv, flags;
        s >> id >> detail >> hash >> key >> mt >> in >> c5 >> c1 >> tb >> model >> inv >> flags;
        r.customId = id.toStdString();
        r.detail = detail.toStdString();
        r.hash = hash;
        r.cacheKey = key;
        r.maxTokens = mt;
        r.inputTokens = in;
        r.cache5m = c5;
        r.cache1h = c1;
        r.thinkingBudget = tb;
        r.model = model;
        r.invalid = inv;
        r.flags = flags;
    }
    return s.status() == QDataStream::Ok;
}

std::shared_ptr<Batch> BatchStore::add(std::unique_ptr<Batch> batch) {
    std::shared_ptr<Batch> b(std::move(batch));
    {
        std::lock_guard lock(m_mutex);
        b->seq = m_nextSeq++;
        m_bySeq[b->seq] = b;
        m_byId[b->id] = b;
        m_seqOf[b->id] = b->seq;
    }
    if (!m_statePath.empty())
        saveRecords(*b);
    return b;
}

std::shared_ptr<Batch> BatchStore::find(const std::string& id) const {
    std::lock_guard lock(m_mutex);
    auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : it->second;
}

bool BatchStore::remove(const std::string& id) {
    std::shared_ptr<Batch> b;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_byId.find(id);
        if (it == m_byId.end())
            return false;
        b = it->second;
        m_byId.erase(it);
        m_bySeq.erase(b->seq);
    }
    std::remove((m_dir + "/" + id + ".req").c_str());
    std::remove(b->resultsPath(m_dir).c_str());
    return true;
}

bool BatchStore::list(int limit, const std::string& beforeId, const std::string& afterId,
                      Page& page) const {
    std::lock_guard lock(m_mutex);
    auto seqOf = [&](const std::string& id, int64_t& seq) {
        auto it = m_seqOf.find(id);
        if (it == m_seqOf.end())
            return false;
        seq = it->second;
        return true;
    };
    if (!afterId.empty()) {
        int64_t seq;
        if (!seqOf(afterId, seq))
            return false;
        // Older than the cursor, newest first.
        auto it = m_bySeq.lower_bound(seq);
        while (it != m_bySeq.begin() && int(page.data.size()) < limit) {
            --it;
            page.data.push_back(it->second);
        }
        page.hasMore = it != m_bySeq.begin();
        return true;
    }
    if (!beforeId.empty()) {
        int64_t seq;
        if (!seqOf(beforeId, seq))
            return false;
        // Newer than the cursor: the `limit` closest to it, shown newest first.
        auto it = m_bySeq.upper_bound(seq);
        while (it != m_bySeq.end() && int(page.data.size()) < limit) {
            page.data.push_back(it->second);
            ++it;
        }
        page.hasMore = it != m_bySeq.end();
        std::reverse(page.data.begin(), page.data.end());
        return true;
    }
    auto it = m_bySeq.end();
    while (it != m_bySeq.begin() && int(page.data.size()) < limit) {
        --it;
        page.data.push_back(it->second);
    }
    page.hasMore = it != m_bySeq.begin();
    return true;
}

void BatchStore::save(int64_t simNowUs) {
    if (m_statePath.empty())
        return;
    std::vector<std::shared_ptr<Batch>> all;
    int64_t nextSeq;
    {
        std::lock_guard lock(m_mutex);
        for (auto& [seq, b] : m_bySeq)
            all.push_back(b);
        nextSeq = m_nextSeq;
    }
    QJsonArray batches;
    for (const auto& b : all) {
        std::lock_guard lock(b->mutex);
        QJsonObject o{{u"id"_s, qs(b->id)},
                      {u"seq"_s, double(b->seq)},
                      {u"created_us"_s, double(b->createdUs)},
                      {u"cancel_us"_s, double(b->cancelUs)},
                      {u"ended_us"_s, double(b->endedUs)},
                      {u"instant"_s, b->instant},
                      {u"seed"_s, QString::number(b->seed)},
                      {u"error_rate"_s, b->errorRate},
                      {u"expire_rate"_s, b->expireRate},
                      {u"results_deleted"_s, b->resultsDeleted},
                      {u"counts"_s, QJsonObject{{u"succeeded"_s, double(b->finalCounts.succeeded)},
                                                {u"errored"_s, double(b->finalCounts.errored)},
                                                {u"canceled"_s, double(b->finalCounts.canceled)},
                                                {u"expired"_s, double(b->finalCounts.expired)}}}};
        batches.append(o);
    }
    QJsonObject root{{u"format"_s, u"batchscope-sim-state-1"_s},
                     {u"sim_now_us"_s, double(simNowUs)},
                     {u"next_seq"_s, double(nextSeq)},
                     {u"batches"_s, batches}};
    std::lock_guard lock(m_saveMutex);
    QSaveFile f(qs(m_statePath));
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
        f.commit();
    }
}

} // namespace bs::sim
