#include "usagebook.h"

#include <cstdio>

namespace bs::sim {

void UsageBook::add(std::vector<UsageEntry> entries) {
    std::lock_guard lock(m_mutex);
    m_entries.insert(m_entries.end(), entries.begin(), entries.end());
}

std::vector<UsageEntry> UsageBook::between(int64_t fromUs, int64_t toUs) const {
    std::lock_guard lock(m_mutex);
    std::vector<UsageEntry> out;
    for (const UsageEntry& e : m_entries) {
        if (e.timeUs >= fromUs && e.timeUs < toUs)
            out.push_back(e);
    }
    return out;
}

bool UsageBook::save(const std::string& path) const {
    if (path.empty())
        return true;
    std::lock_guard lock(m_mutex);
    const std::string tmp = path + ".part";
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f)
        return false;
    bool ok = m_entries.empty() || std::fwrite(m_entries.data(), sizeof(UsageEntry),
                                               m_entries.size(), f) == m_entries.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

bool UsageBook::load(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return false;
    std::vector<UsageEntry> entries;
    UsageEntry e;
    while (std::fread(&e, sizeof e, 1, f) == 1)
        entries.push_back(e);
    std::fclose(f);
    std::lock_guard lock(m_mutex);
    m_entries = std::move(entries);
    return true;
}

} // namespace bs::sim
