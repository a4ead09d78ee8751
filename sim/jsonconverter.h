#pragma once

#include <QJsonObject>

#include <string_view>

namespace bs::sim {

// Turns the JSON text of one object into a QJsonObject with simdjson (a create body's requests:
// 100,000 of them, ~2.5 KB each). QJsonDocument::fromJson builds every string one character at
// a time; this converts each string at once (QString::fromUtf8). The object equals what
// QJsonDocument::fromJson makes of the same text; whatever this path does not take (not JSON,
// not an object, a repeated key, a number simdjson will not read) falls back to
// QJsonDocument::fromJson, so the answer is always Qt's.
class JsonConverter {
public:
    // `data` must stay readable for simdjson::SIMDJSON_PADDING bytes past its end (the create
    // body is read into a buffer with that padding). False: not a JSON object.
    static bool parseObject(std::string_view data, QJsonObject* out);
};

} // namespace bs::sim
