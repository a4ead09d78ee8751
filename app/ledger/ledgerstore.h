#pragma once

#include "ledger/ledger.h"

#include <QSqlQuery>

struct sqlite3;
struct sqlite3_stmt;

namespace bs {

// The base of the stores (BatchStore, DraftStore, ResultStore, CostQueries, RetryQueue,
// AlertLog, SettingsStore): the one way into the connection's internals (statements,
// transactions, notification, the raw SQLite handle). Internal to app/ledger: callers use the
// stores' public methods, and read errors from Ledger::lastError().
//
// A store holds nothing but its Ledger: make one where it is needed, on the Ledger's thread.
class LedgerStore {
public:
    Ledger& ledger() const { return m_ledger; }
    // The Ledger's lastError(): a store has no error of its own.
    QString lastError() const { return m_ledger.lastError(); }

protected:
    explicit LedgerStore(Ledger& ledger)
        : m_ledger(ledger) {}

    using Change = Ledger::Change;

    // Checks the connection is open and owned by this thread; a top-level call clears the error.
    bool ensureThread(const char* where) { return m_ledger.ensureThread(where); }
    QSqlDatabase db() const { return m_ledger.db(); }
    sqlite3* handle() const { return m_ledger.handle(); }
    const QString& path() const { return m_ledger.m_path; }
    bool exec(const QString& sql) { return m_ledger.exec(sql); }
    bool run(QSqlQuery& q) { return m_ledger.run(q); }
    // A statement prepared once per connection and reused (finished before it is returned).
    QSqlQuery& prepared(const QString& sql) { return m_ledger.prepared(sql); }
    // The same through the SQLite C API, for the hottest path (key: a name for the statement).
    sqlite3_stmt* preparedRaw(const char* key, const QByteArray& sql) {
        return m_ledger.preparedRaw(key, sql);
    }
    // Nestable write transaction (BEGIN IMMEDIATE at the outermost level).
    bool beginWrite() { return m_ledger.beginWrite(); }
    bool commit() { return m_ledger.commit(); }
    void rollback() { m_ledger.rollback(); }
    void fail(const QString& message) { m_ledger.fail(message); }
    void failQuery(const QSqlQuery& q) { m_ledger.failQuery(q); }
    // Announced now, or on commit inside a transaction.
    void notify(Change what, const QStringList& batchIds = {}) { m_ledger.notify(what, batchIds); }

private:
    Ledger& m_ledger;
};

} // namespace bs
