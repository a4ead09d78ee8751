#pragma once

// Shared by the ledger suites (tst_ledgerconnection, tst_batchstore, ...): sample batches and
// results, and a raw SQLite connection beside the Ledger for looking at what it wrote.

#include "api/messagebatch.h"
#include "ledger/resultrow.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sys/stat.h>

namespace bs::ledgertest {

inline MessageBatch makeBatch(const QString& id,
                              MessageBatch::Status status = MessageBatch::Status::InProgress,
                              qint64 requests = 3) {
    MessageBatch b;
    b.id = id;
    b.processingStatus = status;
    b.createdAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0, 0, 123), Qt::UTC);
    b.expiresAt = b.createdAt.addDays(1);
    if (status == MessageBatch::Status::Ended) {
        b.endedAt = QDateTime(QDate(2026, 11, 21), QTime(9, 30, 0, 5), Qt::UTC);
        b.requestCounts.succeeded = requests;
        b.resultsUrl = QStringLiteral("https://api.anthropic.com/v1/messages/batches/") + id +
                       QStringLiteral("/results");
    } else {
        b.requestCounts.processing = requests;
    }
    return b;
}

inline ResultRow makeResult(const QString& batchId, const QString& customId, const QString& model,
                            qint64 input, qint64 output, Money cost) {
    ResultRow r;
    r.batchId = batchId;
    r.customId = customId;
    r.type = QStringLiteral("succeeded");
    r.messageId = QStringLiteral("msg_") + customId;
    r.model = model;
    r.stopReason = QStringLiteral("end_turn");
    r.usage.inputTokens = input;
    r.usage.outputTokens = output;
    r.usage.serviceTier = QStringLiteral("batch");
    r.costMicros = cost;
    r.priced = true;
    return r;
}

inline int fileMode(const QString& path) {
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

inline QByteArray sha256Of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A raw SQLite connection beside the Ledger, for looking at what it wrote.
class RawDb {
public:
    explicit RawDb(const QString& path)
        : m_name(QStringLiteral("raw-%1").arg(++s_counter)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant scalar(const QString& sql, int column = 0) {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return QVariant(q.lastError().text());
        return q.value(column);
    }
    bool exec(const QString& sql) {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql);
    }

private:
    QString m_name;
    static inline int s_counter = 0;
};

} // namespace bs::ledgertest
