#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bs::sim {

// A small append-only JSON text builder (compact output, correct string escaping). Used for
// results lines, where building a QJsonDocument per line would dominate the cost.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out)
        : m_out(out) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(int64_t v);
    JsonWriter& value(int v) { return value(int64_t(v)); }
    JsonWriter& value(bool v);
    JsonWriter& null();
    JsonWriter& raw(std::string_view json); // an already-encoded JSON value

    static void escape(std::string& out, std::string_view s);

private:
    void separate();
    std::string& m_out;
    bool m_needComma = false;
};

} // namespace bs::sim
