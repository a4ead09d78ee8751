#include "messagebatch.h"

#include <QJsonArray>
#include <QTimeZone>

namespace bs {

QString MessageBatch::statusToString(Status status) {
    switch (status) {
    case Status::InProgress:
        return QStringLiteral("in_progress");
    case Status::Canceling:
        return QStringLiteral("canceling");
    case Status::Ended:
        return QStringLiteral("ended");
    case Status::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

MessageBatch::Status MessageBatch::statusFromString(const QString& text) {
    if (text == QLatin1String("in_progress"))
        return Status::InProgress;
    if (text == QLatin1String("canceling"))
        return Status::Canceling;
    if (text == QLatin1String("ended"))
        return Status::Ended;
    return Status::Unknown;
}

QDateTime MessageBatch::parseTimestamp(const QJsonValue& value) {
    if (!value.isString())
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(value.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString MessageBatch::formatTimestamp(const QDateTime& time) {
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    // Qt keeps milliseconds; the API writes microseconds: pad the last three digits.
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000Z");
}

MessageBatch MessageBatch::fromJson(const QJsonObject& o) {
    MessageBatch b;
    b.id = o.value(QLatin1String("id")).toString();
    b.processingStatus = statusFromString(o.value(QLatin1String("processing_status")).toString());
    const QJsonObject c = o.value(QLatin1String("request_counts")).toObject();
    b.requestCounts.processing = c.value(QLatin1String("processing")).toInteger();
    b.requestCounts.succeeded = c.value(QLatin1String("succeeded")).toInteger();
    b.requestCounts.errored = c.value(QLatin1String("errored")).toInteger();
    b.requestCounts.canceled = c.value(QLatin1String("canceled")).toInteger();
    b.requestCounts.expired = c.value(QLatin1String("expired")).toInteger();
    b.createdAt = parseTimestamp(o.value(QLatin1String("created_at")));
    b.expiresAt = parseTimestamp(o.value(QLatin1String("expires_at")));
    b.endedAt = parseTimestamp(o.value(QLatin1String("ended_at")));
    b.cancelInitiatedAt = parseTimestamp(o.value(QLatin1String("cancel_initiated_at")));
    b.archivedAt = parseTimestamp(o.value(QLatin1String("archived_at")));
    b.resultsUrl = o.value(QLatin1String("results_url")).toString();
    return b;
}

QJsonObject MessageBatch::toJson() const {
    const auto ts = [](const QDateTime& t) -> QJsonValue {
        return t.isValid() ? QJsonValue(formatTimestamp(t)) : QJsonValue(QJsonValue::Null);
    };
    QJsonObject counts{{QStringLiteral("processing"), requestCounts.processing},
                       {QStringLiteral("succeeded"), requestCounts.succeeded},
                       {QStringLiteral("errored"), requestCounts.errored},
                       {QStringLiteral("canceled"), requestCounts.canceled},
                       {QStringLiteral("expired"), requestCounts.expired}};
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), QStringLiteral("message_batch")},
        {QStringLiteral("processing_status"), statusToString(processingStatus)},
        {QStringLiteral("request_counts"), counts},
        {QStringLiteral("created_at"), ts(createdAt)},
        {QStringLiteral("expires_at"), ts(expiresAt)},
        {QStringLiteral("ended_at"), ts(endedAt)},
        {QStringLiteral("cancel_initiated_at"), ts(cancelInitiatedAt)},
        {QStringLiteral("archived_at"), ts(archivedAt)},
        {QStringLiteral("results_url"),
         resultsUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(resultsUrl)},
    };
}

BatchPage BatchPage::fromJson(const QJsonObject& o) {
    BatchPage page;
    const QJsonArray data = o.value(QLatin1String("data")).toArray();
    page.data.reserve(data.size());
    for (const QJsonValue& v : data)
        page.data.append(MessageBatch::fromJson(v.toObject()));
    page.hasMore = o.value(QLatin1String("has_more")).toBool();
    page.firstId = o.value(QLatin1String("first_id")).toString();
    page.lastId = o.value(QLatin1String("last_id")).toString();
    return page;
}

} // namespace bs
