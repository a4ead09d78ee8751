#include "jsonconverter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <simdjson.h>

#include <memory>

namespace bs::sim {

namespace {

constexpr size_t kReuseBytes = 1 << 20;

QString qstr(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// False where the result could differ from Qt's parser: the caller falls back to it.
bool convert(simdjson::dom::element e, QJsonValue* out) {
    switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
        QJsonObject o;
        for (auto field : simdjson::dom::object(e)) {
            QJsonValue v;
            if (!convert(field.value, &v))
                return false;
            const qsizetype before = o.size();
            o.insert(qstr(field.key), v);
            if (o.size() == before) // a repeated key: let Qt decide which one stays
                return false;
        }
        *out = o;
        return true;
    }
    case simdjson::dom::element_type::ARRAY: {
        QJsonArray a;
        for (auto item : simdjson::dom::array(e)) {
            QJsonValue v;
            if (!convert(item, &v))
                return false;
            a.append(v);
        }
        *out = a;
        return true;
    }
    case simdjson::dom::element_type::STRING:
        *out = qstr(std::string_view(e));
        return true;
    case simdjson::dom::element_type::INT64: {
        const int64_t v = int64_t(e);
        *out = QJsonValue(qint64(v));
        return true;
    }
    case simdjson::dom::element_type::UINT64:
        *out = QJsonValue(double(uint64_t(e))); // above qint64: Qt keeps a double
        return true;
    case simdjson::dom::element_type::DOUBLE: {
        const double v = double(e);
        if (v == 0) // "-0", "0.0": the literal decides integer or double in Qt; not seen here
            return false;
        *out = QJsonValue(v);
        return true;
    }
    case simdjson::dom::element_type::BOOL:
        *out = QJsonValue(bool(e));
        return true;
    case simdjson::dom::element_type::NULL_VALUE:
        *out = QJsonValue(QJsonValue::Null);
        return true;
    }
    return false;
}

} // namespace

bool JsonConverter::parseObject(std::string_view data, QJsonObject* out) {
    // One parser per thread for the usual small requests; a large one gets its own, so a
    // thread does not keep its buffers (several times the request) for good.
    thread_local simdjson::dom::parser reused;
    std::unique_ptr<simdjson::dom::parser> own;
    if (data.size() > kReuseBytes)
        own = std::make_unique<simdjson::dom::parser>();
    simdjson::dom::parser& parser = own ? *own : reused;
    simdjson::dom::element root;
    if (!parser.parse(data.data(), data.size(), false).get(root) &&
        root.type() == simdjson::dom::element_type::OBJECT) {
        QJsonValue v;
        if (convert(root, &v)) {
            *out = v.toObject();
            return true;
        }
    }
    QJsonParseError pe;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(data.data(), qsizetype(data.size())), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

} // namespace bs::sim
