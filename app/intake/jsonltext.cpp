#include "jsonltext.h"

#include <cstring>

namespace bs::jsonltext {

namespace od = simdjson::ondemand;

// Characters (UTF-8 code points) in [data, data+size): the bytes that are not continuation
// bytes (10xxxxxx). Eight bytes at a time (SWAR): this runs over every byte of every params
// value, and a byte-wise loop was a third of the whole scan.
qint64 charCount(const char* data, qint64 size) {
    constexpr quint64 kHigh = 0x8080808080808080ULL;
    constexpr quint64 kEven = 0x00FF00FF00FF00FFULL;
    qint64 continuation = 0;
    qint64 i = 0;
    while (i + 8 <= size) {
        // Each byte lane counts up to 255 continuation bytes before it is folded.
        quint64 lanes = 0;
        const qint64 blockEnd = std::min(size, i + 8 * 255);
        for (; i + 8 <= blockEnd; i += 8) {
            quint64 x;
            std::memcpy(&x, data + i, 8);
            lanes += ((x & ~(x << 1)) & kHigh) >> 7; // bit 7 set, bit 6 clear
        }
        lanes = (lanes & kEven) + ((lanes >> 8) & kEven);
        continuation += qint64((lanes * 0x0001000100010001ULL) >> 48);
    }
    for (; i < size; ++i)
        continuation += (static_cast<unsigned char>(data[i]) & 0xC0) == 0x80;
    return size - continuation;
}

// Offset of the first byte that is not part of a well-formed UTF-8 sequence; -1 when none.
qint64 firstInvalidUtf8(const char* data, qint64 size) {
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    qint64 i = 0;
    while (i < size) {
        const unsigned char c = p[i];
        int len = 0;
        unsigned int cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > size)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        const bool overlong =
            (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

// Reads every value below `v`, so that On-Demand validates all of it (it only checks what is
// read): a line whose params hide a bad number or escape must not reach a create body, where
// it would make the whole batch fail.
simdjson::error_code visit(od::value v) {
    od::json_type type;
    if (auto e = v.type().get(type))
        return e;
    switch (type) {
    case od::json_type::object: {
        od::object o;
        if (auto e = v.get_object().get(o))
            return e;
        for (auto f : o) {
            if (auto e = f.error())
                return e;
            od::field field = f.value_unsafe();
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return e;
            if (auto e = visit(field.value()))
                return e;
        }
        return simdjson::SUCCESS;
    }
    case od::json_type::array: {
        od::array a;
        if (auto e = v.get_array().get(a))
            return e;
        for (auto element : a) {
            od::value ev;
            if (auto e = element.get(ev))
                return e;
            if (auto e = visit(ev))
                return e;
        }
        return simdjson::SUCCESS;
    }
    case od::json_type::string: {
        std::string_view s;
        return v.get_string().get(s);
    }
    case od::json_type::number: {
        double d;
        return v.get_double().get(d);
    }
    case od::json_type::boolean: {
        bool b;
        return v.get_bool().get(b);
    }
    case od::json_type::null: {
        bool isNull = false;
        if (auto e = v.is_null().get(isNull))
            return e;
        return isNull ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    }
    return simdjson::INCORRECT_TYPE;
}

// ^[a-zA-Z0-9_-]{1,64}$ on the bytes (BatchRequestsBuilder::isValidCustomId's rule, without
// making a QString per line).
bool isValidCustomId(std::string_view id) {
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

} // namespace bs::jsonltext
