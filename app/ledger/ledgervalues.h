#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

// Internal to app/ledger: how values are written to and read from the ledger's columns.
// Times are ISO 8601 UTC text with milliseconds ("2026-11-28T02:52:23.123Z"), which sorts as
// time; days are "YYYY-MM-DD"; an empty text is stored as NULL where a column allows it.

namespace bs::ledgervalues {

inline QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

inline QVariant timeValue(const QDateTime& t) {
    if (!t.isValid())
        return QVariant();
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

inline QDateTime timeFrom(const QVariant& v) {
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

inline QVariant textValue(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

inline QVariant dayValue(QDate d) {
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

} // namespace bs::ledgervalues
