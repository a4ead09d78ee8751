#include "jsonwriter.h"

#include <charconv>

namespace bs::sim {

void JsonWriter::separate() {
    if (m_needComma)
        m_out.push_back(',');
    m_needComma = false;
}

JsonWriter& JsonWriter::beginObject() {
    separate();
    m_out.push_back('{');
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    m_out.push_back('}');
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    separate();
    m_out.push_back('[');
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    m_out.push_back(']');
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    escape(m_out, k);
    m_out.push_back(':');
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    separate();
    escape(m_out, s);
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::value(int64_t v) {
    separate();
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, res.ptr);
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::value(bool v) {
    separate();
    m_out += v ? "true" : "false";
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    m_out += "null";
    m_needComma = true;
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    separate();
    m_out += json;
    m_needComma = true;
    return *this;
}

void JsonWriter::escape(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (unsigned char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 15]);
            } else {
                out.push_back(char(c));
            }
        }
    }
    out.push_back('"');
}

} // namespace bs::sim
