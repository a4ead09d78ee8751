#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace bs {

// request_counts of a MessageBatch. The outcome counters stay 0 until the whole batch ends.
struct RequestCounts {
    qint64 processing = 0;
    qint64 succeeded = 0;
    qint64 errored = 0;
    qint64 canceled = 0;
    qint64 expired = 0;

    qint64 total() const { return processing + succeeded + errored + canceled + expired; }
    friend bool operator==(const RequestCounts&, const RequestCounts&) = default;
};

// The MessageBatch object exactly as the API returns it (reference §4); wire names in fromJson.
struct MessageBatch {
    enum class Status { InProgress, Canceling, Ended, Unknown };

    QString id;
    Status processingStatus = Status::Unknown;
    RequestCounts requestCounts;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime endedAt;           // null until ended
    QDateTime cancelInitiatedAt; // null unless canceled
    QDateTime archivedAt;        // null until archived
    QString resultsUrl;          // empty until ended

    bool isEnded() const { return processingStatus == Status::Ended; }

    static MessageBatch fromJson(const QJsonObject& object);
    QJsonObject toJson() const;

    static QString statusToString(Status status); // "in_progress" | "canceling" | "ended"
    static Status statusFromString(const QString& text);
    // RFC 3339 with microseconds, as the API writes them; null -> empty.
    static QDateTime parseTimestamp(const QJsonValue& value);
    static QString formatTimestamp(const QDateTime& time);

    friend bool operator==(const MessageBatch&, const MessageBatch&) = default;
};

// One page of the list endpoint (reference §6).
struct BatchPage {
    QList<MessageBatch> data;
    bool hasMore = false;
    QString firstId;
    QString lastId;

    static BatchPage fromJson(const QJsonObject& object);
};

} // namespace bs

Q_DECLARE_METATYPE(bs::MessageBatch)
