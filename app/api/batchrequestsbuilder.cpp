#include "batchrequestsbuilder.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <utility>

namespace bs {

namespace {
const QByteArray kHead = QByteArrayLiteral("{\"requests\":[");
} // namespace

BatchRequestsBuilder::BatchRequestsBuilder(qsizetype reserveBytes) {
    if (reserveBytes > 0)
        m_body.reserve(reserveBytes);
    m_body.append(kHead);
}

bool BatchRequestsBuilder::isValidCustomId(const QString& customId) {
    if (customId.isEmpty() || customId.size() > 64)
        return false;
    for (const QChar c : customId) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                        (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

bool BatchRequestsBuilder::append(const QString& customId, const QByteArray& paramsJson) {
    if (!isValidCustomId(customId)) {
        m_error =
            tr("custom_id '%1' must be 1 to 64 letters, digits, '_' or '-'").arg(customId.left(80));
        return false;
    }
    const QByteArray trimmed = paramsJson.trimmed();
    if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) {
        m_error = tr("the params of '%1' are not a JSON object").arg(customId);
        return false;
    }
    if (m_count >= kMaxRequests) {
        m_error = tr("a batch holds at most %1 requests").arg(kMaxRequests);
        return false;
    }
    const qsizetype added = trimmed.size() + customId.size() + 32;
    if (size() + added > kMaxBodyBytes) {
        m_error = tr("a batch body is at most 256 MB");
        return false;
    }
    if (m_count > 0)
        m_body.append(',');
    m_body.append("{\"custom_id\":\"");
    m_body.append(customId.toLatin1());
    m_body.append("\",\"params\":");
    m_body.append(trimmed);
    m_body.append('}');
    ++m_count;
    return true;
}

bool BatchRequestsBuilder::append(const QString& customId, const QJsonObject& params) {
    return append(customId, QJsonDocument(params).toJson(QJsonDocument::Compact));
}

QByteArray BatchRequestsBuilder::takePending() {
    QByteArray out = std::exchange(m_body, QByteArray());
    m_taken += out.size();
    return out;
}

QByteArray BatchRequestsBuilder::take() {
    m_body.append("]}");
    QByteArray out = std::move(m_body);
    m_body = QByteArray();
    m_body.append(kHead);
    m_count = 0;
    m_taken = 0;
    return out;
}

} // namespace bs
