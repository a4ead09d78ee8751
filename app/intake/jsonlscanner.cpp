#include "jsonlscanner.h"
#include "jsonlscannerimpl.h"

#include "cost/pricebook.h"
#include "intake/jsonltext.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bs {

using namespace jsonltext;

QString JsonlScanner::severityName(Severity s) {
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QString JsonlScanner::severityText(Severity s) {
    switch (s) {
    case Severity::Error:
        return tr("error");
    case Severity::Warning:
        return tr("warning");
    case Severity::Info:
        return tr("note");
    }
    return {};
}

QString JsonlScanner::Problem::toString(const QString& path) const {
    QString where = path;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    if (line > 0 && column > 0)
        where += QLatin1Char(':') + QString::number(column);
    if (!field.isEmpty())
        where += QLatin1Char(':') + field;
    return where + QLatin1String(": ") + severityText(severity) + QLatin1String(": ") + message;
}

JsonlScanner::JsonlScanner(const QString& path, const Options& options)
    : m_path(path)
    , m_options(options)
    , d(std::make_unique<Impl>())
    , m_splitter(options.splitLimits) {}

JsonlScanner::JsonlScanner(const QString& path)
    : JsonlScanner(path, Options()) {}

JsonlScanner::~JsonlScanner() = default;

void JsonlScanner::reset() {
    m_problems.clear();
    m_estimates.clear();
    m_partEstimates.clear();
    m_splitter = BatchSplitter(m_options.splitLimits);
    m_errors = m_warnings = m_infos = 0;
    m_requests = m_lines = m_bytes = 0;
    m_readOk = true;
    m_cancelled = m_stopped = false;
    d->seen.clear();
    d->models.clear();
    d->lastModel = d->models.end();
    d->picos.clear();
    d->outPicos.clear();
    d->parts.clear();
    d->crlfLines = d->firstCrlfLine = 0;
    d->day = QDateTime::currentDateTimeUtc().date();
}

void JsonlScanner::addProblem(qint64 line, qint64 column, const QString& field, Severity severity,
                              const QString& message) {
    switch (severity) {
    case Severity::Error:
        ++m_errors;
        break;
    case Severity::Warning:
        ++m_warnings;
        break;
    case Severity::Info:
        ++m_infos;
        break;
    }
    if (m_problems.size() < qMax(1, m_options.maxProblems))
        m_problems.append(Problem{line, column, field, severity, message});
}

bool JsonlScanner::scan(const std::function<bool(const Request&)>& onRequest) {
    reset();
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        addProblem(0, 0, QString(), Severity::Error,
                   tr("Cannot open the file (%1).").arg(file.errorString()));
        m_readOk = false;
        return false;
    }
    const qint64 total = file.size();
    // Room for the custom_ids of a file of ~1 KB lines without rehashing (at most 2 MB).
    d->seen.reserve(size_t(qBound(qint64(1024), total / 1024, qint64(256 * 1024))));
    const qint64 maxLine = qMax<qint64>(1, m_options.maxLineBytes);
    // The buffer holds one chunk or one whole line, whichever is longer, plus simdjson's
    // padding: a line is parsed where it lies, never copied.
    qint64 capacity = qMax<qint64>(4096, qMin(m_options.chunkBytes, maxLine + 2));
    std::vector<char>& buf = d->buffer;
    buf.assign(size_t(capacity + simdjson::SIMDJSON_PADDING), '\0');
    qint64 have = 0;
    bool eof = false, firstChunk = true;
    qint64 skipping = -1; // bytes of an over-long line seen so far; -1: not skipping

    auto overLong = [&](qint64 bytes) {
        ++m_lines;
        addProblem(m_lines, 0, QString(), Severity::Error,
                   tr("The line is %1 MB long; a batch carries at most %2 MB, so it cannot be "
                      "sent. Split or shorten the request.")
                       .arg(bytes / 1000000)
                       .arg(maxLine / 1000000));
    };
    while (!m_stopped) {
        if (!eof) {
            const qint64 n = file.read(buf.data() + have, capacity - have);
            if (n < 0) {
                addProblem(0, 0, QString(), Severity::Error,
                           tr("Reading the file failed (%1).").arg(file.errorString()));
                m_readOk = false;
                return false;
            }
            eof = n == 0;
            if (n > 0 && m_options.onBytes)
                m_options.onBytes(buf.data() + have, n);
            have += n;
            m_bytes += n;
        }
        qint64 pos = 0;
        if (firstChunk && (have >= 3 || eof)) {
            firstChunk = false;
            if (have >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0) {
                pos = 3;
                addProblem(1, 1, QString(), Severity::Info,
                           tr("The file starts with a byte order mark (BOM); it is skipped."));
            }
        }
        while (!m_stopped && pos < have) {
            const char* start = buf.data() + pos;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', size_t(have - pos)));
            if (!nl && !eof)
                break;
            const qint64 len = nl ? nl - start : have - pos;
            if (skipping >= 0) {
                overLong(skipping + len);
                skipping = -1;
            } else if (len > maxLine) {
                overLong(len);
            } else {
                scanLine(start, len, qint64(buf.size()) - pos, onRequest);
            }
            pos += len + 1;
        }
        if (m_stopped)
            break;
        if (eof)
            break;
        if (pos > 0) {
            std::memmove(buf.data(), buf.data() + pos, size_t(have - pos));
            have -= pos;
        }
        if (have == capacity) { // a full buffer without a line end
            if (skipping >= 0 || have > maxLine) {
                skipping = qMax<qint64>(0, skipping) + have;
                have = 0;
            } else {
                capacity = qMin(capacity * 2, maxLine + 2);
                buf.resize(size_t(capacity + simdjson::SIMDJSON_PADDING));
            }
        }
        if (m_options.progress && !m_options.progress(m_bytes, total)) {
            m_cancelled = true;
            return false;
        }
    }
    // A big line leaves a big buffer behind: give it back.
    if (buf.size() > size_t(64 << 20))
        std::vector<char>().swap(buf);
    if (m_stopped)
        return false;
    finish();
    if (m_options.progress)
        m_options.progress(m_bytes, total);
    return true;
}

bool JsonlScanner::scanLine(const char* data, qint64 size, qint64 capacity,
                            const std::function<bool(const Request&)>& onRequest) {
    const qint64 lineNo = ++m_lines;
    if (size > 0 && data[size - 1] == '\r') {
        --size;
        if (d->crlfLines++ == 0)
            d->firstCrlfLine = lineNo;
    }
    if (std::all_of(data, data + size, isJsonSpace)) {
        addProblem(lineNo, 0, QString(), Severity::Info, tr("Blank line; it is skipped."));
        return true;
    }
    const qint64 errorsBefore = m_errors;
    const auto lineError = [&](qint64 column, const QString& field, const QString& message) {
        addProblem(lineNo, column, field, Severity::Error, message);
    };
    const auto lineWarning = [&](const QString& field, const QString& message) {
        addProblem(lineNo, 0, field, Severity::Warning, message);
    };
    // The slow path, only for a line simdjson refused: say where and why, as a person would.
    const auto diagnose = [&](simdjson::error_code error) {
        const qint64 bad = firstInvalidUtf8(data, size);
        if (bad >= 0) {
            lineError(charCount(data, bad) + 1, QString(),
                      tr("Not UTF-8 text (byte 0x%1). Save the file as UTF-8.")
                          .arg(uint(static_cast<unsigned char>(data[bad])), 2, 16, QLatin1Char('0'))
                          .toUpper()
                          .replace(QLatin1String("0X"), QLatin1String("0x")));
            return;
        }
        // QJsonDocument knows where it stopped; wrapped in [] so that scalars parse too.
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray("[") + QByteArray(data, size) + QByteArray("]"), &pe);
        if (pe.error != QJsonParseError::NoError) {
            // offset counts the '[' and stands just past the character it stopped at.
            const qint64 offset = qBound<qint64>(0, qint64(pe.offset) - 2, size);
            lineError(charCount(data, offset) + 1, QString(),
                      tr("Not valid JSON: %1.").arg(pe.errorString()));
        } else if (!doc.array().at(0).isObject()) {
            lineError(1, QString(),
                      tr("Not a JSON object; each line must be {\"custom_id\": ..., \"params\": "
                         "{...}}."));
        } else {
            lineError(
                0, QString(),
                tr("Not valid JSON (%1).").arg(QString::fromUtf8(simdjson::error_message(error))));
        }
    };

    od::document doc;
    od::object top;
    if (auto e = d->parser.iterate(data, size_t(size), size_t(capacity)).get(doc)) {
        diagnose(e);
        return true;
    }
    if (auto e = doc.get_object().get(top)) {
        diagnose(e);
        return true;
    }

    // Views into the parser's string buffer: valid for this line, no copy per line.
    std::string_view customId;
    bool hasCustomId = false, customIdIsString = false, hasParams = false, hasModel = false,
         hasMaxTokens = false, hasMessages = false;
    std::string_view params;
    std::string_view model;
    qint64 maxTokens = 0;
    simdjson::error_code parseError = simdjson::SUCCESS;
    for (auto f : top) {
        if ((parseError = f.error()))
            break;
        od::field field = f.value_unsafe();
        std::string_view key;
        if ((parseError = field.unescaped_key().get(key)))
            break;
        od::value v = field.value();
        if (key == "custom_id") {
            hasCustomId = true;
            od::json_type t;
            if ((parseError = v.type().get(t)))
                break;
            if (t != od::json_type::string) {
                if ((parseError = visit(v)))
                    break;
                lineError(0, QStringLiteral("custom_id"), tr("Must be a string."));
                continue;
            }
            std::string_view s;
            if ((parseError = v.get_string().get(s)))
                break;
            customId = s;
            customIdIsString = true;
        } else if (key == "params") {
            hasParams = true;
            od::json_type t;
            if ((parseError = v.type().get(t)))
                break;
            if (t != od::json_type::object) {
                if ((parseError = visit(v)))
                    break;
                lineError(0, QStringLiteral("params"), tr("Must be a JSON object."));
                continue;
            }
            const char* begin = v.raw_json_token().data();
            od::object p;
            if ((parseError = v.get_object().get(p)))
                break;
            for (auto pf : p) {
                if ((parseError = pf.error()))
                    break;
                od::field pfield = pf.value_unsafe();
                std::string_view pkey;
                if ((parseError = pfield.unescaped_key().get(pkey)))
                    break;
                od::value pv = pfield.value();
                // Named only when something is reported: no allocation per field and line.
                const auto name = [&pkey] {
                    return QString(QLatin1String("params.") + QString::fromUtf8(pkey));
                };
                od::json_type pt;
                if ((parseError = pv.type().get(pt)))
                    break;
                if (pkey == "model") {
                    hasModel = true;
                    std::string_view s;
                    if (pt == od::json_type::string) {
                        if ((parseError = pv.get_string().get(s)))
                            break;
                        model = s;
                        if (model.empty())
                            lineError(0, name(), tr("Must not be empty."));
                        continue;
                    }
                    lineError(0, name(), tr("Must be a model id such as \"claude-haiku-5-5\"."));
                } else if (pkey == "max_tokens") {
                    hasMaxTokens = true;
                    int64_t n = 0;
                    if (pt == od::json_type::number && !pv.get_int64().get(n)) {
                        maxTokens = n;
                        if (n < 1)
                            lineError(0, name(),
                                      tr("Must be at least 1 inside a batch (it is %1).").arg(n));
                        continue;
                    }
                    // A fraction, a number beyond 64 bits, or not a number at all.
                    lineError(0, name(), tr("Must be a whole number of at least 1."));
                    if (pt != od::json_type::number && (parseError = visit(pv)))
                        break;
                    continue;
                } else if (pkey == "messages") {
                    hasMessages = true;
                    if (pt != od::json_type::array) {
                        lineError(0, name(), tr("Must be a list of messages."));
                    } else {
                        od::array a;
                        if ((parseError = pv.get_array().get(a)))
                            break;
                        qint64 count = 0;
                        for (auto element : a) {
                            od::value ev;
                            if ((parseError = element.get(ev)) || (parseError = visit(ev)))
                                break;
                            ++count;
                        }
                        if (parseError)
                            break;
                        if (count == 0)
                            lineError(0, name(), tr("Must hold at least one message."));
                        continue;
                    }
                } else if (pkey == "stream") {
                    bool on = false;
                    if (pt == od::json_type::boolean) {
                        if ((parseError = pv.get_bool().get(on)))
                            break;
                        if (on)
                            lineError(0, name(),
                                      tr("Streaming is not possible inside a batch; remove "
                                         "\"stream\": true."));
                        continue;
                    }
                } else if (isRefusedParam(pkey)) {
                    lineError(0, name(),
                              tr("A batch does not accept \"%1\"; remove it.")
                                  .arg(QString::fromUtf8(pkey)));
                } else if (pkey == "research_preview_2026_02" && pt == od::json_type::string) {
                    std::string_view s;
                    if ((parseError = pv.get_string().get(s)))
                        break;
                    if (s == "active")
                        lineError(0, name(),
                                  tr("A batch does not accept the research preview; remove it."));
                    continue;
                }
                if ((parseError = visit(pv)))
                    break;
            }
            if (parseError)
                break;
            // After the object, the iterator stands on the next token (',' or '}'): the value
            // ends at the last '}' before it.
            const char* next = nullptr;
            if ((parseError = doc.current_location().get(next)))
                break;
            const char* end = next;
            while (end > begin && isJsonSpace(end[-1]))
                --end;
            if (end <= begin || end[-1] != '}' || *begin != '{') {
                parseError = simdjson::TAPE_ERROR;
                break;
            }
            params = std::string_view(begin, size_t(end - begin));
        } else {
            if ((parseError = visit(v)))
                break;
            lineWarning(QString::fromUtf8(key),
                        tr("Ignored: a request has only \"custom_id\" and \"params\"; this field "
                           "is not sent."));
        }
    }
    // After the object, anything but the end of the line is trailing content.
    const char* trailing = nullptr;
    if (!parseError && doc.current_location().get(trailing) == simdjson::SUCCESS)
        parseError = simdjson::TRAILING_CONTENT;
    if (parseError) {
        // Problems found before the JSON broke off are not worth keeping: the line is not JSON.
        diagnose(parseError);
        return true;
    }

    if (!hasCustomId) {
        lineError(0, QStringLiteral("custom_id"), tr("Missing; every request needs a custom_id."));
    } else if (customIdIsString) {
        const auto cid = [&customId] {
            return QString::fromUtf8(customId.data(), qsizetype(customId.size()));
        };
        if (!isValidCustomId(customId)) {
            lineError(
                0, QStringLiteral("custom_id"),
                tr("\"%1\" must be 1 to 64 letters, digits, '_' or '-'.").arg(cid().left(80)));
        } else if (const auto [it, inserted] = d->seen.emplace(std::string(customId), lineNo);
                   !inserted) {
            lineError(0, QStringLiteral("custom_id"),
                      tr("\"%1\" is used twice: on line %2 and on this line %3. Each custom_id "
                         "must be unique.")
                          .arg(cid())
                          .arg(it->second)
                          .arg(lineNo));
        }
    }
    if (!hasParams) {
        lineError(0, QStringLiteral("params"), tr("Missing; every request needs params."));
    } else if (!params.empty()) {
        if (!hasModel)
            lineError(0, QStringLiteral("params.model"), tr("Missing; name the model to use."));
        if (!hasMaxTokens)
            lineError(0, QStringLiteral("params.max_tokens"),
                      tr("Missing; set the most output tokens the request may produce."));
        if (!hasMessages)
            lineError(0, QStringLiteral("params.messages"),
                      tr("Missing; a request needs messages."));
    }

    // The model: limits, price, alias. Looked up once per distinct name.
    const qint64 inputTokens = (charCount(params.data(), qint64(params.size())) + 3) / 4;
    ModelSlot* slot = model.empty() ? nullptr : checkModel(lineNo, model, maxTokens, inputTokens);

    if (m_errors != errorsBefore)
        return true;
    ++m_requests;
    m_splitter.place(BatchSplitter::requestBytes(qint64(customId.size()), qint64(params.size())));
    if (slot)
        addToEstimate(*slot, inputTokens, maxTokens);
    if (onRequest) {
        const Request r{lineNo, QByteArrayView(customId.data(), qsizetype(customId.size())),
                        QByteArrayView(params.data(), qsizetype(params.size())),
                        slot ? slot->estimate : -1, inputTokens};
        if (!onRequest(r)) {
            m_stopped = true;
            return false;
        }
    }
    return true;
}

void JsonlScanner::finish() {
    if (d->crlfLines > 0)
        addProblem(d->firstCrlfLine, 0, QString(), Severity::Info,
                   tr("%n line(s) end with CRLF (Windows line ends); accepted.", nullptr,
                      int(qMin<qint64>(d->crlfLines, INT_MAX))));
    if (m_options.usedCustomIds && !d->seen.empty()) {
        QSet<QString> ids;
        ids.reserve(qsizetype(d->seen.size()));
        for (const auto& [id, line] : d->seen)
            ids.insert(QString::fromStdString(id));
        const QSet<QString> used = m_options.usedCustomIds(ids);
        for (const QString& id : used) {
            const auto it = d->seen.find(id.toStdString());
            if (it == d->seen.end())
                continue;
            addProblem(it->second, 0, QStringLiteral("custom_id"), Severity::Warning,
                       tr("\"%1\" was already used in a batch of this ledger: its results would "
                          "be ambiguous. Use new ids (UUIDs, for example).")
                           .arg(id));
        }
    }
    if (m_requests == 0 && m_errors == 0)
        addProblem(0, 0, QString(), Severity::Error, tr("The file holds no requests."));
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    finishEstimates();
}

} // namespace bs
