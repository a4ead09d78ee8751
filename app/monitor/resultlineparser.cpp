#include "resultlineparser.h"

#include <simdjson.h>

#include <string_view>
#include <vector>

namespace bs {

namespace od = simdjson::ondemand;

namespace {

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString jsonError(simdjson::error_code error) {
    return QString::fromUtf8(simdjson::error_message(error));
}

// The parse of one line. Every method returns false after setting `reason`.
class LineReader {
public:
    LineReader(ResultRow* row, QString* reason)
        : m_row(row)
        , m_reason(reason) {}

    bool document(od::document& doc) {
        od::object top;
        if (auto e = doc.get_object().get(top))
            return e == simdjson::INCORRECT_TYPE
                       ? fail(ResultLineParser::tr("the line is not a JSON object"))
                       : failJson(e);
        bool haveId = false;
        bool haveResult = false;
        for (auto item : top) {
            od::field field;
            std::string_view key;
            if (auto e = std::move(item).get(field))
                return failJson(e);
            if (auto e = field.unescaped_key().get(key))
                return failJson(e);
            if (key == "custom_id") {
                if (!string(field.value(), "custom_id", &m_row->customId, false))
                    return false;
                haveId = true;
            } else if (key == "result") {
                od::object result;
                if (auto e = field.value().get_object().get(result))
                    return failField("result", e);
                if (!this->result(result))
                    return false;
                haveResult = true;
            }
        }
        const char* trailing = nullptr;
        if (!doc.current_location().get(trailing)) // OUT_OF_BOUNDS = nothing after the object
            return fail(ResultLineParser::tr("there is text after the JSON object"));
        if (!haveId || m_row->customId.isEmpty())
            return fail(ResultLineParser::tr("\"custom_id\" is missing or empty"));
        if (!haveResult)
            return fail(ResultLineParser::tr("\"result\" is missing"));
        return true;
    }

private:
    bool fail(const QString& reason) {
        *m_reason = reason;
        return false;
    }
    bool failJson(simdjson::error_code e) {
        return fail(ResultLineParser::tr("invalid JSON (%1)").arg(jsonError(e)));
    }
    bool failField(const char* name, simdjson::error_code e) {
        if (e == simdjson::INCORRECT_TYPE || e == simdjson::NUMBER_ERROR ||
            e == simdjson::NUMBER_OUT_OF_RANGE)
            return fail(ResultLineParser::tr("\"%1\" has the wrong type or value")
                            .arg(QLatin1String(name)));
        return failJson(e);
    }

    // A string, or null when nullable (-> empty).
    bool string(od::value value, const char* name, QString* out, bool nullable = true) {
        od::json_type type;
        if (auto e = value.type().get(type))
            return failField(name, e);
        if (type == od::json_type::null && nullable) {
            out->clear();
            return true;
        }
        std::string_view s;
        if (auto e = value.get_string().get(s))
            return failField(name, e);
        *out = fromView(s);
        return true;
    }

    // A non-negative integer, or null (-> 0).
    bool count(od::value value, const char* name, qint64* out) {
        od::json_type type;
        if (auto e = value.type().get(type))
            return failField(name, e);
        if (type == od::json_type::null) {
            *out = 0;
            return true;
        }
        int64_t n = 0;
        if (auto e = value.get_int64().get(n))
            return failField(name, e);
        if (n < 0)
            return fail(ResultLineParser::tr("\"%1\" is negative").arg(QLatin1String(name)));
        *out = n;
        return true;
    }

    // An object, or null (-> *present false).
    bool optionalObject(od::value value, const char* name, od::object* out, bool* present) {
        od::json_type type;
        if (auto e = value.type().get(type))
            return failField(name, e);
        if (type == od::json_type::null) {
            *present = false;
            return true;
        }
        if (auto e = value.get_object().get(*out))
            return failField(name, e);
        *present = true;
        return true;
    }

    template <typename Fn> bool fields(od::object& object, Fn&& onField) {
        for (auto item : object) {
            od::field field;
            std::string_view key;
            if (auto e = std::move(item).get(field))
                return failJson(e);
            if (auto e = field.unescaped_key().get(key))
                return failJson(e);
            if (!onField(key, field.value()))
                return false;
        }
        return true;
    }

    bool result(od::object& object) {
        bool haveType = false;
        bool haveMessage = false;
        bool haveUsage = false;
        const bool ok = fields(object, [&](std::string_view key, od::value value) {
            if (key == "type") {
                haveType = true;
                return string(value, "result.type", &m_row->type, false);
            }
            if (key == "message") {
                od::object message;
                if (auto e = value.get_object().get(message))
                    return failField("result.message", e);
                haveMessage = true;
                return this->message(message, &haveUsage);
            }
            if (key == "error") {
                od::object error;
                bool present = false;
                if (!optionalObject(value, "result.error", &error, &present))
                    return false;
                return !present || envelope(error);
            }
            return true;
        });
        if (!ok)
            return false;
        if (!haveType || m_row->type.isEmpty())
            return fail(ResultLineParser::tr("\"result.type\" is missing"));
        if (m_row->type == QLatin1String("succeeded")) {
            if (!haveMessage)
                return fail(ResultLineParser::tr("a succeeded result without \"message\""));
            if (!haveUsage)
                return fail(ResultLineParser::tr("a succeeded result without \"message.usage\""));
        }
        return true;
    }

    bool message(od::object& object, bool* haveUsage) {
        return fields(object, [&](std::string_view key, od::value value) {
            if (key == "id")
                return string(value, "message.id", &m_row->messageId);
            if (key == "model")
                return string(value, "message.model", &m_row->model);
            if (key == "stop_reason")
                return string(value, "message.stop_reason", &m_row->stopReason);
            if (key == "usage") {
                od::object usage;
                if (auto e = value.get_object().get(usage))
                    return failField("message.usage", e);
                *haveUsage = true;
                return this->usage(usage);
            }
            return true;
        });
    }

    bool usage(od::object& object) {
        Usage& u = m_row->usage;
        return fields(object, [&](std::string_view key, od::value value) {
            if (key == "input_tokens")
                return count(value, "usage.input_tokens", &u.inputTokens);
            if (key == "output_tokens")
                return count(value, "usage.output_tokens", &u.outputTokens);
            if (key == "cache_creation_input_tokens")
                return count(value, "usage.cache_creation_input_tokens",
                             &u.cacheCreationInputTokens);
            if (key == "cache_read_input_tokens")
                return count(value, "usage.cache_read_input_tokens", &u.cacheReadInputTokens);
            if (key == "service_tier")
                return string(value, "usage.service_tier", &u.serviceTier);
            if (key == "inference_geo")
                return string(value, "usage.inference_geo", &u.inferenceGeo);
            if (key == "cache_creation") {
                od::object breakdown;
                bool present = false;
                if (!optionalObject(value, "usage.cache_creation", &breakdown, &present))
                    return false;
                u.hasCacheCreationBreakdown = present;
                return !present || fields(breakdown, [&](std::string_view k, od::value v) {
                    if (k == "ephemeral_5m_input_tokens")
                        return count(v, "cache_creation.ephemeral_5m_input_tokens",
                                     &u.ephemeral5mInputTokens);
                    if (k == "ephemeral_1h_input_tokens")
                        return count(v, "cache_creation.ephemeral_1h_input_tokens",
                                     &u.ephemeral1hInputTokens);
                    return true;
                });
            }
            if (key == "server_tool_use") {
                od::object tools;
                bool present = false;
                if (!optionalObject(value, "usage.server_tool_use", &tools, &present))
                    return false;
                return !present || fields(tools, [&](std::string_view k, od::value v) {
                    if (k == "web_search_requests")
                        return count(v, "server_tool_use.web_search_requests",
                                     &u.webSearchRequests);
                    if (k == "web_fetch_requests")
                        return count(v, "server_tool_use.web_fetch_requests", &u.webFetchRequests);
                    return true;
                });
            }
            return true;
        });
    }

    // {"type":"error","error":{"type":..,"message":..},"request_id":..}
    bool envelope(od::object& object) {
        return fields(object, [&](std::string_view key, od::value value) {
            if (key == "request_id")
                return string(value, "error.request_id", &m_row->requestId);
            if (key == "error") {
                od::object inner;
                bool present = false;
                if (!optionalObject(value, "error.error", &inner, &present))
                    return false;
                return !present || fields(inner, [&](std::string_view k, od::value v) {
                    if (k == "type")
                        return string(v, "error.error.type", &m_row->errorType);
                    if (k == "message")
                        return string(v, "error.error.message", &m_row->errorMessage);
                    return true;
                });
            }
            return true;
        });
    }

    ResultRow* m_row;
    QString* m_reason;
};

} // namespace

struct ResultLineParser::Impl {
    od::parser parser;
    std::vector<char> buffer; // a padded copy of the current line or chunk

    char* reserve(size_t size) {
        const size_t need = size + simdjson::SIMDJSON_PADDING;
        if (buffer.size() < need)
            buffer.resize(need + need / 4);
        return buffer.data();
    }

    bool parse(const char* data, size_t len, size_t capacity, ResultRow* row, QString* reason) {
        *row = ResultRow();
        od::document doc;
        if (auto e = parser.iterate(data, len, capacity).get(doc)) {
            *reason = tr("invalid JSON (%1)").arg(jsonError(e));
            return false;
        }
        LineReader reader(row, reason);
        if (!reader.document(doc)) {
            *row = ResultRow();
            return false;
        }
        return true;
    }
};

ResultLineParser::ResultLineParser()
    : d(std::make_unique<Impl>()) {}

ResultLineParser::~ResultLineParser() = default;

bool ResultLineParser::parseLine(QByteArrayView line, ResultRow* row, QString* reason) {
    char* buf = d->reserve(size_t(line.size()));
    if (!line.isEmpty())
        memcpy(buf, line.data(), size_t(line.size()));
    memset(buf + line.size(), 0, simdjson::SIMDJSON_PADDING);
    return d->parse(buf, size_t(line.size()), d->buffer.size(), row, reason);
}

qint64 ResultLineParser::parseChunk(const QByteArray& lines, const LineCallback& callback) {
    const size_t size = size_t(lines.size());
    char* buf = d->reserve(size);
    if (size)
        memcpy(buf, lines.constData(), size);
    memset(buf + size, 0, simdjson::SIMDJSON_PADDING);
    const size_t capacity = d->buffer.size();
    qint64 index = 0;
    size_t pos = 0;
    ResultRow row;
    QString reason;
    while (pos < size) {
        const char* start = buf + pos;
        const void* nl = memchr(start, '\n', size - pos);
        const size_t len = nl ? size_t(static_cast<const char*>(nl) - start) : size - pos;
        const size_t next = pos + len + 1;
        // Blank lines (only whitespace) are not result lines.
        bool blank = true;
        for (size_t i = 0; i < len && blank; ++i)
            blank = start[i] == ' ' || start[i] == '\t' || start[i] == '\r';
        if (!blank) {
            reason.clear();
            // The rest of the chunk and the padding lie after the line: enough to read ahead.
            const bool ok = d->parse(start, len, capacity - pos, &row, &reason);
            if (!callback(index++, ok, row, reason, QByteArrayView(start, qsizetype(len))))
                return index;
        }
        pos = next;
    }
    return index;
}

} // namespace bs
