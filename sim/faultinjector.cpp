#include "faultinjector.h"

#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bs::sim {

namespace {

std::regex wildcard(const std::string& pattern) {
    std::string re;
    for (char c : pattern) {
        if (c == '*')
            re += ".*";
        else if (c == '?')
            re += '.';
        else if (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-')
            re += c;
        else {
            re += '\\';
            re += c;
        }
    }
    return std::regex(re);
}

bool parseRule(const QJsonObject& o, FaultInjector::Rule& r, std::string& error) {
    static const QStringList known = {u"status"_s,
                                      u"retry_after"_s,
                                      u"retry_after_ms"_s,
                                      u"should_retry"_s,
                                      u"error_type"_s,
                                      u"message"_s,
                                      u"spend_cap"_s,
                                      u"delay_ms"_s,
                                      u"reset_after_bytes"_s,
                                      u"truncate_last_line"_s,
                                      u"not_found_after_create_ms"_s,
                                      u"method"_s,
                                      u"path"_s,
                                      u"count"_s,
                                      u"skip"_s};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key())) {
            error = "unknown fault key '" + it.key().toStdString() + "'";
            return false;
        }
    }
    auto num = [&](const QString& k, double def) { return o.value(k).toDouble(def); };
    r.status = int(num(u"status"_s, 0));
    r.retryAfter = num(u"retry_after"_s, -1);
    r.retryAfterMs = int64_t(num(u"retry_after_ms"_s, -1));
    if (o.contains(u"should_retry"_s))
        r.shouldRetry = o.value(u"should_retry"_s).toBool() ? 1 : 0;
    r.errorType = o.value(u"error_type"_s).toString().toStdString();
    r.message = o.value(u"message"_s).toString().toStdString();
    r.spendCap = o.value(u"spend_cap"_s).toBool();
    r.delayMs = int64_t(num(u"delay_ms"_s, 0));
    r.resetAfterBytes = int64_t(num(u"reset_after_bytes"_s, -1));
    r.truncateLastLine = o.value(u"truncate_last_line"_s).toBool();
    r.notFoundAfterCreateMs = int64_t(num(u"not_found_after_create_ms"_s, 0));
    r.method = o.value(u"method"_s).toString(u"*"_s).toUpper().toStdString();
    r.path = o.value(u"path"_s).toString(u"/v1/*"_s).toStdString();
    r.count = int64_t(num(u"count"_s, 1));
    r.skip = int64_t(num(u"skip"_s, 0));
    if (r.spendCap && r.status == 0)
        r.status = 429;
    const int kinds = (r.status != 0 || r.delayMs > 0) + (r.resetAfterBytes >= 0) +
                      int(r.truncateLastLine) + (r.notFoundAfterCreateMs > 0);
    if (kinds != 1) {
        error = "a fault needs exactly one of status/delay_ms, reset_after_bytes, "
                "truncate_last_line, not_found_after_create_ms";
        return false;
    }
    if (r.status != 0 && (r.status < 400 || r.status > 599)) {
        error = "status must be 400..599";
        return false;
    }
    if (r.count == 0 || r.count < -1 || r.skip < 0) {
        error = "count must be -1 or >= 1, skip >= 0";
        return false;
    }
    if ((r.resetAfterBytes >= 0 || r.truncateLastLine) && !o.contains(u"path"_s))
        r.path = "*/results";
    r.pathRe = wildcard(r.path);
    return true;
}

} // namespace

bool FaultInjector::add(const QJsonValue& json, std::string& error) {
    std::vector<Rule> rules;
    const QJsonArray list = json.isArray() ? json.toArray() : QJsonArray{json};
    if (list.isEmpty()) {
        error = "no fault given";
        return false;
    }
    for (const QJsonValue& v : list) {
        if (!v.isObject()) {
            error = "a fault must be a JSON object";
            return false;
        }
        Rule r;
        if (!parseRule(v.toObject(), r, error))
            return false;
        rules.push_back(std::move(r));
    }
    std::lock_guard lock(m_mutex);
    for (Rule& r : rules)
        m_rules.push_back(std::move(r));
    return true;
}

bool FaultInjector::addSpec(const QString& spec, std::string& error) {
    if (spec.trimmed().startsWith(u'{') || spec.trimmed().startsWith(u'[')) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(spec.toUtf8(), &pe);
        if (doc.isNull()) {
            error = "fault JSON: " + pe.errorString().toStdString();
            return false;
        }
        return add(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), error);
    }
    QJsonObject o;
    for (const QString& pair : spec.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            error = "fault spec: expected key=value, got '" + pair.toStdString() + "'";
            return false;
        }
        const QString key = pair.left(eq).trimmed(), value = pair.mid(eq + 1).trimmed();
        bool isNumber = false;
        const double d = value.toDouble(&isNumber);
        if (value == u"true"_s || value == u"false"_s)
            o.insert(key, value == u"true"_s);
        else if (isNumber)
            o.insert(key, d);
        else
            o.insert(key, value);
    }
    return add(o, error);
}

void FaultInjector::clear() {
    std::lock_guard lock(m_mutex);
    m_rules.clear();
}

std::string FaultInjector::toJson() const {
    std::lock_guard lock(m_mutex);
    std::string out;
    JsonWriter w(out);
    w.beginObject().key("rules").beginArray();
    for (const Rule& r : m_rules) {
        w.beginObject();
        if (r.status)
            w.key("status").value(r.status);
        if (r.retryAfter >= 0)
            w.key("retry_after").raw(QByteArray::number(r.retryAfter).toStdString());
        if (r.retryAfterMs >= 0)
            w.key("retry_after_ms").value(r.retryAfterMs);
        if (r.shouldRetry >= 0)
            w.key("should_retry").value(r.shouldRetry == 1);
        if (!r.errorType.empty())
            w.key("error_type").value(r.errorType);
        if (!r.message.empty())
            w.key("message").value(r.message);
        if (r.spendCap)
            w.key("spend_cap").value(true);
        if (r.delayMs)
            w.key("delay_ms").value(r.delayMs);
        if (r.resetAfterBytes >= 0)
            w.key("reset_after_bytes").value(r.resetAfterBytes);
        if (r.truncateLastLine)
            w.key("truncate_last_line").value(true);
        if (r.notFoundAfterCreateMs)
            w.key("not_found_after_create_ms").value(r.notFoundAfterCreateMs);
        w.key("method").value(r.method).key("path").value(r.path);
        w.key("count").value(r.count).key("skip").value(r.skip).key("applied").value(r.applied);
        w.endObject();
    }
    w.endArray().endObject();
    return out;
}

FaultInjector::Kind FaultInjector::kindOf(const Rule& r) {
    if (r.resetAfterBytes >= 0 || r.truncateLastLine)
        return Kind::Results;
    if (r.notFoundAfterCreateMs > 0)
        return Kind::Lag;
    return Kind::Request;
}

std::optional<FaultInjector::Rule> FaultInjector::take(Kind kind, const std::string& method,
                                                       const std::string& path) {
    std::lock_guard lock(m_mutex);
    for (auto it = m_rules.begin(); it != m_rules.end(); ++it) {
        Rule& r = *it;
        if (kindOf(r) != kind)
            continue;
        if (kind != Kind::Lag) {
            if (r.method != "*" && r.method != method)
                continue;
            if (!std::regex_match(path, r.pathRe))
                continue;
        }
        if (r.skip > 0) {
            --r.skip;
            continue;
        }
        ++r.applied;
        Rule copy = r;
        if (r.count > 0 && --r.count == 0)
            m_rules.erase(it);
        return copy;
    }
    return std::nullopt;
}

std::optional<FaultInjector::Rule> FaultInjector::takeRequestFault(const std::string& method,
                                                                   const std::string& path) {
    return take(Kind::Request, method, path);
}

std::optional<FaultInjector::Rule> FaultInjector::takeResultsFault(const std::string& path) {
    return take(Kind::Results, "GET", path);
}

int64_t FaultInjector::takeCreateLag() {
    auto r = take(Kind::Lag, "POST", "/v1/messages/batches");
    return r ? r->notFoundAfterCreateMs : 0;
}

} // namespace bs::sim
