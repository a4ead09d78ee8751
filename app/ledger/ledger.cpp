#include "ledger.h"

#include "ledger/ledgerschema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QThread>
#include <QUuid>

#include <sqlite3.h>

#include <cstring>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bs {

namespace {

constexpr int kPageSize = 16384; // for new ledger files

// The connection's sqlite3 handle (the Qt SQLite driver shares the system libsqlite3 with us),
// or null with another driver.
sqlite3* sqliteHandle(const QSqlDatabase& d) {
    const QVariant v = d.driver() ? d.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QVariant timeValue(const QDateTime& t) {
    if (!t.isValid())
        return QVariant();
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime timeFrom(const QVariant& v) {
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QVariant textValue(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariant dayValue(QDate d) {
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QString statusName(MessageBatch::Status s) {
    return MessageBatch::statusToString(s);
}

} // namespace

// ---- record helpers ------------------------------------------------------------------------

QString DraftInfo::stateName(State state) {
    switch (state) {
    case State::Stored:
        return QStringLiteral("stored");
    case State::Creating:
        return QStringLiteral("creating");
    case State::Created:
        return QStringLiteral("created");
    case State::Abandoned:
        return QStringLiteral("abandoned");
    }
    return QStringLiteral("stored");
}

DraftInfo::State DraftInfo::stateFromName(const QString& name) {
    for (State s : {State::Stored, State::Creating, State::Created, State::Abandoned})
        if (stateName(s) == name)
            return s;
    return State::Stored;
}

QString RetryItem::stateName(State state) {
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Drafted:
        return QStringLiteral("drafted");
    case State::Resent:
        return QStringLiteral("resent");
    case State::Dismissed:
        return QStringLiteral("dismissed");
    }
    return QStringLiteral("pending");
}

RetryItem::State RetryItem::stateFromName(const QString& name) {
    for (State s : {State::Pending, State::Drafted, State::Resent, State::Dismissed})
        if (stateName(s) == name)
            return s;
    return State::Pending;
}

QString BudgetSetting::periodName(Period period) {
    switch (period) {
    case Period::Total:
        return QStringLiteral("total");
    case Period::Month:
        return QStringLiteral("month");
    case Period::Day:
        return QStringLiteral("day");
    }
    return QStringLiteral("month");
}

BudgetSetting::Period BudgetSetting::periodFromName(const QString& name) {
    for (Period p : {Period::Total, Period::Month, Period::Day})
        if (periodName(p) == name)
            return p;
    return Period::Month;
}

// ---- connection ----------------------------------------------------------------------------

Ledger::Ledger(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<bs::LedgerNotifier::Change>();
    LedgerNotifier::instance();
}

Ledger::~Ledger() {
    close();
}

QString Ledger::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/ledger.sqlite");
}

int Ledger::latestSchemaVersion() {
    return LedgerSchema::latestVersion();
}

std::unique_ptr<Ledger> Ledger::openForThisThread(const QString& path, QString* error) {
    auto ledger = std::make_unique<Ledger>();
    if (!ledger->open(path)) {
        if (error)
            *error = ledger->lastError();
        return nullptr;
    }
    return ledger;
}

QSqlDatabase Ledger::db() const {
    return QSqlDatabase::database(m_connection, false);
}

bool Ledger::isOpen() const {
    return !m_connection.isEmpty() && db().isOpen();
}

void Ledger::close() {
    if (m_connection.isEmpty())
        return;
    m_statements.clear();
    finalizeRaw();
    {
        QSqlDatabase d = db();
        if (d.isOpen())
            d.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    m_walHook = nullptr; // its connection is gone
    m_txDepth = 0;
    m_txFailed = false;
    m_pendingNotifications.clear();
}

void Ledger::fail(const QString& message) {
    m_lastError = message;
    if (m_txDepth > 0)
        m_txFailed = true; // whatever failed inside a transaction, the transaction goes
}

void Ledger::failQuery(const QSqlQuery& q) {
    fail(tr("Ledger %1: %2").arg(m_path, q.lastError().text()));
}

bool Ledger::ensureThread(const char* where) {
    if (m_connection.isEmpty()) {
        fail(tr("Ledger is not open (%1).").arg(QLatin1String(where)));
        return false;
    }
    if (QThread::currentThread() != m_thread) {
        qWarning("bs::Ledger::%s called from a thread that does not own the connection", where);
        fail(tr("Ledger used from a thread that does not own its connection (%1); "
                "open a Ledger on that thread.")
                 .arg(QLatin1String(where)));
        return false;
    }
    if (m_txDepth == 0)
        m_lastError.clear(); // a new top-level call: lastError() is about this call only
    return true;
}

bool Ledger::exec(const QString& sql) {
    QSqlQuery q(db());
    if (!q.exec(sql)) {
        failQuery(q);
        return false;
    }
    return true;
}

bool Ledger::run(QSqlQuery& q) {
    if (!q.exec()) {
        failQuery(q);
        return false;
    }
    return true;
}

QSqlQuery& Ledger::prepared(const QString& sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_unique<QSqlQuery>(db());
        if (!q->prepare(sql))
            failQuery(*q);
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    it->second->finish();
    return *it->second;
}

bool Ledger::beginWrite() {
    if (m_txDepth++ > 0)
        return true;
    m_txFailed = false;
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout) instead of failing
    // with SQLITE_BUSY half-way when a read transaction tries to become a write one.
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        m_txDepth = 0;
        return false;
    }
    return true;
}

bool Ledger::commit() {
    if (--m_txDepth > 0)
        return !m_txFailed;
    if (m_txFailed) {
        exec(QStringLiteral("ROLLBACK"));
        m_txFailed = false;
        m_pendingNotifications.clear();
        return false;
    }
    if (!exec(QStringLiteral("COMMIT"))) {
        exec(QStringLiteral("ROLLBACK"));
        m_pendingNotifications.clear();
        return false;
    }
    const auto pending = std::exchange(m_pendingNotifications, {});
    for (const auto& [what, ids] : pending) {
        Q_EMIT changed(what, ids);
        Q_EMIT LedgerNotifier::instance()->changed(what, ids, m_path);
    }
    return true;
}

void Ledger::rollback() {
    if (--m_txDepth > 0) {
        m_txFailed = true;
        return;
    }
    const QString error = m_lastError;
    exec(QStringLiteral("ROLLBACK"));
    m_lastError = error; // keep the reason, not the rollback's echo
    m_txFailed = false;
    m_pendingNotifications.clear();
}

void Ledger::notify(Change what, const QStringList& batchIds) {
    if (m_txDepth > 0) {
        for (auto& [w, ids] : m_pendingNotifications) {
            if (w == what) {
                for (const QString& id : batchIds)
                    if (!ids.contains(id))
                        ids.append(id);
                return;
            }
        }
        m_pendingNotifications.append({what, batchIds});
        return;
    }
    Q_EMIT changed(what, batchIds);
    Q_EMIT LedgerNotifier::instance()->changed(what, batchIds, m_path);
}

bool Ledger::openFile(const QString& path) {
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!QDir().mkpath(dir.absolutePath())) {
            m_openStatus = OpenStatus::CannotCreate;
            fail(tr("Cannot create the folder %1 for the ledger. Check that it is writable.")
                     .arg(dir.absolutePath()));
            return false;
        }
        QFile::setPermissions(dir.absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
#ifdef Q_OS_UNIX
    // Create the file with mode 0600 from the start (no window with a wider mode); SQLite
    // gives its -wal and -shm files the same mode as the database file.
    const QByteArray native = QFile::encodeName(info.absoluteFilePath());
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        m_openStatus = OpenStatus::CannotCreate;
        fail(tr("Cannot create the ledger file %1: %2")
                 .arg(path, QString::fromLocal8Bit(strerror(errno))));
        return false;
    }
    ::fchmod(fd, 0600);
    ::close(fd);
#else
    if (!info.exists()) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            m_openStatus = OpenStatus::CannotCreate;
            fail(tr("Cannot create the ledger file %1: %2").arg(path, f.errorString()));
            return false;
        }
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
#endif
    return true;
}

bool Ledger::open(const QString& path) {
    close();
    m_lastError.clear();
    m_path = path;
    m_thread = QThread::currentThread();
    if (!openFile(path))
        return false;

    static QAtomicInteger<quint64> counter;
    m_connection = QStringLiteral("bs-ledger-t%1-%2")
                       .arg(quintptr(QThread::currentThreadId()), 0, 16)
                       .arg(counter.fetchAndAddOrdered(1));
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        d.setDatabaseName(path);
        d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!d.open()) {
            m_openStatus = OpenStatus::CannotOpen;
            fail(tr("Cannot open the ledger %1: %2").arg(path, d.lastError().text()));
            close();
            return false;
        }
    }

    // Look before touching anything: a corrupt, foreign or newer file is left exactly as is.
    {
        QSqlQuery q(db());
        if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
            m_openStatus = OpenStatus::NotALedger;
            fail(tr("The ledger %1 is damaged or not a Batchscope ledger (%2). It was not "
                    "changed. Move it aside to start a new ledger, or restore a backup.")
                     .arg(path, q.lastError().text()));
            close();
            return false;
        }
        QStringList tables;
        while (q.next())
            tables.append(q.value(0).toString());
        if (!tables.isEmpty() && !tables.contains(QStringLiteral("schema_version"))) {
            m_openStatus = OpenStatus::NotALedger;
            fail(tr("The file %1 is an SQLite database but not a Batchscope ledger. It was not "
                    "changed. Choose another file.")
                     .arg(path));
            close();
            return false;
        }
        if (tables.contains(QStringLiteral("schema_version"))) {
            const int version = schemaVersion();
            if (version < 0) {
                m_openStatus = OpenStatus::NotALedger;
                fail(tr("The ledger %1 has an unreadable schema version (%2). It was not "
                        "changed.")
                         .arg(path, m_lastError));
                close();
                return false;
            }
            if (version > latestSchemaVersion()) {
                m_openStatus = OpenStatus::TooNew;
                fail(tr("The ledger %1 was written by a newer version of Batchscope (schema "
                        "version %2; this version knows up to %3). It was not changed. Update "
                        "Batchscope to open it.")
                         .arg(path)
                         .arg(version)
                         .arg(latestSchemaVersion()));
                close();
                return false;
            }
        }
    }

    // A new file gets 16 KiB pages (an existing one keeps its own: in WAL mode the page size
    // cannot change). Result ingestion writes whole pages to the WAL and back to the file, one
    // system call per page: bench_ingest measured 17-20 % less CPU for the writer and a third
    // of the checkpoint work with 16 KiB against SQLite's default of 4 KiB.
    if (!exec(QStringLiteral("PRAGMA page_size=%1").arg(kPageSize))) {
        m_openStatus = OpenStatus::CannotOpen;
        close();
        return false;
    }
    QSqlQuery wal(db());
    if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !wal.next() ||
        wal.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        m_openStatus = OpenStatus::CannotOpen;
        fail(tr("Cannot switch the ledger %1 to WAL mode: %2").arg(path, wal.lastError().text()));
        wal = QSqlQuery();
        close();
        return false;
    }
    wal = QSqlQuery();
    // journal_size_limit: the WAL file is cut back to 64 MiB when it starts over, instead of
    // keeping the size of the largest ingestion.
    if (!exec(QStringLiteral("PRAGMA synchronous=NORMAL")) ||
        !exec(QStringLiteral("PRAGMA journal_size_limit=67108864")) ||
        !exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
        m_openStatus = OpenStatus::CannotOpen;
        close();
        return false;
    }
    if (!migrate()) {
        m_openStatus = OpenStatus::MigrationFailed;
        close();
        return false;
    }
    m_openStatus = OpenStatus::Ok;
    return true;
}

int Ledger::schemaVersion() const {
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) ||
        !q.next()) {
        const_cast<Ledger*>(this)->m_lastError = q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}

bool Ledger::migrate() {
    if (!exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version("
                             "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")))
        return false;
    for (const LedgerSchema::Migration& m : LedgerSchema::migrations()) {
        if (!beginWrite())
            return false;
        // Re-read inside the write lock: another connection may have migrated meanwhile.
        const int current = schemaVersion();
        if (current < 0) {
            rollback();
            return false;
        }
        if (current >= m.version) {
            commit();
            continue;
        }
        for (const QString& statement : m.statements) {
            if (!exec(statement)) {
                const QString error = m_lastError;
                rollback();
                fail(tr("Updating the ledger %1 to schema version %2 failed; nothing was "
                        "changed. %3")
                         .arg(m_path)
                         .arg(m.version)
                         .arg(error));
                return false;
            }
        }
        QSqlQuery q(db());
        q.prepare(QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES(?, ?)"));
        q.addBindValue(m.version);
        q.addBindValue(nowText());
        if (!run(q)) {
            rollback();
            return false;
        }
        if (!commit())
            return false;
    }
    return true;
}

// ---- batches -------------------------------------------------------------------------------

namespace {
const QString kBatchColumns = QStringLiteral(
    "id, processing_status, count_processing, count_succeeded, count_errored, count_canceled, "
    "count_expired, created_at, expires_at, ended_at, cancel_initiated_at, archived_at, "
    "results_url, source_file, source_sha256, submitted_by, submitted_at, retry_of, workspace, "
    "local_id, discovered, results_ingested_at, updated_at");

BatchRecord batchFrom(const QSqlQuery& q) {
    BatchRecord r;
    MessageBatch& b = r.batch;
    b.id = q.value(0).toString();
    b.processingStatus = MessageBatch::statusFromString(q.value(1).toString());
    b.requestCounts.processing = q.value(2).toLongLong();
    b.requestCounts.succeeded = q.value(3).toLongLong();
    b.requestCounts.errored = q.value(4).toLongLong();
    b.requestCounts.canceled = q.value(5).toLongLong();
    b.requestCounts.expired = q.value(6).toLongLong();
    b.createdAt = timeFrom(q.value(7));
    b.expiresAt = timeFrom(q.value(8));
    b.endedAt = timeFrom(q.value(9));
    b.cancelInitiatedAt = timeFrom(q.value(10));
    b.archivedAt = timeFrom(q.value(11));
    b.resultsUrl = q.value(12).toString();
    r.local.sourceFile = q.value(13).toString();
    r.local.sourceSha256 = q.value(14).toString();
    r.local.submittedBy = q.value(15).toString();
    r.local.submittedAt = timeFrom(q.value(16));
    r.local.retryOf = q.value(17).toString();
    r.local.workspace = q.value(18).toString();
    r.local.localId = q.value(19).toString();
    r.discovered = q.value(20).toBool();
    r.resultsIngestedAt = timeFrom(q.value(21));
    r.updatedAt = timeFrom(q.value(22));
    return r;
}
} // namespace

bool Ledger::upsertServerFields(const QList<MessageBatch>& batches, bool discovered,
                                QStringList* changedIds) {
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO batches(id, processing_status, count_processing, count_succeeded, "
        "count_errored, count_canceled, count_expired, created_at, expires_at, ended_at, "
        "cancel_initiated_at, archived_at, results_url, discovered, updated_at) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET processing_status = excluded.processing_status, "
        "count_processing = excluded.count_processing, "
        "count_succeeded = excluded.count_succeeded, count_errored = excluded.count_errored, "
        "count_canceled = excluded.count_canceled, count_expired = excluded.count_expired, "
        "created_at = excluded.created_at, expires_at = excluded.expires_at, "
        "ended_at = excluded.ended_at, cancel_initiated_at = excluded.cancel_initiated_at, "
        "archived_at = excluded.archived_at, results_url = excluded.results_url, "
        "updated_at = excluded.updated_at "
        "WHERE (processing_status, count_processing, count_succeeded, count_errored, "
        "count_canceled, count_expired, created_at, expires_at, ended_at, cancel_initiated_at, "
        "archived_at, results_url) IS NOT (excluded.processing_status, "
        "excluded.count_processing, excluded.count_succeeded, excluded.count_errored, "
        "excluded.count_canceled, excluded.count_expired, excluded.created_at, "
        "excluded.expires_at, excluded.ended_at, excluded.cancel_initiated_at, "
        "excluded.archived_at, excluded.results_url)"));
    const QString now = nowText();
    for (const MessageBatch& b : batches) {
        if (b.id.isEmpty()) {
            fail(tr("A batch without an id cannot be stored."));
            return false;
        }
        q.bindValue(0, b.id);
        q.bindValue(1, statusName(b.processingStatus));
        q.bindValue(2, b.requestCounts.processing);
        q.bindValue(3, b.requestCounts.succeeded);
        q.bindValue(4, b.requestCounts.errored);
        q.bindValue(5, b.requestCounts.canceled);
        q.bindValue(6, b.requestCounts.expired);
        q.bindValue(7, timeValue(b.createdAt));
        q.bindValue(8, timeValue(b.expiresAt));
        q.bindValue(9, timeValue(b.endedAt));
        q.bindValue(10, timeValue(b.cancelInitiatedAt));
        q.bindValue(11, timeValue(b.archivedAt));
        q.bindValue(12, textValue(b.resultsUrl));
        q.bindValue(13, discovered ? 1 : 0);
        q.bindValue(14, now);
        if (!run(q))
            return false;
        if (q.numRowsAffected() > 0 && changedIds)
            changedIds->append(b.id);
    }
    return true;
}

bool Ledger::upsertBatches(const QList<MessageBatch>& batches) {
    if (!ensureThread("upsertBatches") || !beginWrite())
        return false;
    QStringList changedIds;
    if (!upsertServerFields(batches, false, &changedIds)) {
        rollback();
        return false;
    }
    if (!changedIds.isEmpty())
        notify(Change::Batches, changedIds);
    return commit();
}

bool Ledger::upsertDiscoveredBatches(const QList<MessageBatch>& batches) {
    if (!ensureThread("upsertDiscoveredBatches") || !beginWrite())
        return false;
    QStringList changedIds;
    if (!upsertServerFields(batches, true, &changedIds)) {
        rollback();
        return false;
    }
    if (!changedIds.isEmpty())
        notify(Change::Batches, changedIds);
    return commit();
}

bool Ledger::setBatchLocal(const QString& batchId, const BatchLocal& local) {
    if (!ensureThread("setBatchLocal"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE batches SET source_file = ?, source_sha256 = ?, submitted_by = ?, "
        "submitted_at = ?, retry_of = ?, workspace = ?, local_id = COALESCE(?, local_id) "
        "WHERE id = ?"));
    q.bindValue(0, textValue(local.sourceFile));
    q.bindValue(1, textValue(local.sourceSha256));
    q.bindValue(2, textValue(local.submittedBy));
    q.bindValue(3, timeValue(local.submittedAt));
    q.bindValue(4, textValue(local.retryOf));
    q.bindValue(5, textValue(local.workspace));
    q.bindValue(6, textValue(local.localId));
    q.bindValue(7, batchId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() == 0) {
        fail(tr("No batch %1 in the ledger.").arg(batchId));
        return false;
    }
    notify(Change::Batches, {batchId});
    return true;
}

bool Ledger::markResultsIngested(const QString& batchId, const QDateTime& when) {
    if (!ensureThread("markResultsIngested"))
        return false;
    QSqlQuery& q =
        prepared(QStringLiteral("UPDATE batches SET results_ingested_at = ? WHERE id = ?"));
    q.bindValue(0, timeValue(when.isValid() ? when : QDateTime::currentDateTimeUtc()));
    q.bindValue(1, batchId);
    if (!run(q))
        return false;
    notify(Change::Batches, {batchId});
    return true;
}

QList<BatchRecord> Ledger::selectBatches(const QString& where, const QVariantList& binds) {
    QList<BatchRecord> list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kBatchColumns + QStringLiteral(" FROM batches ") + where);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!run(q))
        return list;
    while (q.next())
        list.append(batchFrom(q));
    return list;
}

std::optional<BatchRecord> Ledger::batch(const QString& batchId) {
    if (!ensureThread("batch"))
        return std::nullopt;
    const auto list = selectBatches(QStringLiteral("WHERE id = ?"), {batchId});
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<BatchRecord> Ledger::unendedBatches() {
    if (!ensureThread("unendedBatches"))
        return {};
    return selectBatches(QStringLiteral("WHERE processing_status <> 'ended' ORDER BY created_at"),
                         {});
}

QList<BatchRecord> Ledger::batchesByStatus(MessageBatch::Status status) {
    if (!ensureThread("batchesByStatus"))
        return {};
    return selectBatches(QStringLiteral("WHERE processing_status = ? ORDER BY created_at DESC"),
                         {statusName(status)});
}

QList<BatchRecord> Ledger::batchesAwaitingIngest() {
    if (!ensureThread("batchesAwaitingIngest"))
        return {};
    return selectBatches(QStringLiteral("WHERE processing_status = 'ended' AND "
                                        "results_ingested_at IS NULL AND archived_at IS NULL "
                                        "ORDER BY ended_at"),
                         {});
}

QList<BatchRecord> Ledger::allBatches() {
    if (!ensureThread("allBatches"))
        return {};
    return selectBatches(QStringLiteral("ORDER BY created_at DESC"), {});
}

QList<BatchRecord> Ledger::retriesOf(const QString& batchId) {
    if (!ensureThread("retriesOf"))
        return {};
    return selectBatches(QStringLiteral("WHERE retry_of = ? ORDER BY created_at"), {batchId});
}

// ---- drafts and requests -------------------------------------------------------------------

namespace {
const QString kDraftColumns = QStringLiteral(
    "local_id, state, batch_id, source_file, source_sha256, submitted_by, retry_of, workspace, "
    "request_count, created_at, creating_at, note");

DraftInfo draftFrom(const QSqlQuery& q) {
    DraftInfo d;
    d.localId = q.value(0).toString();
    d.state = DraftInfo::stateFromName(q.value(1).toString());
    d.batchId = q.value(2).toString();
    d.local.sourceFile = q.value(3).toString();
    d.local.sourceSha256 = q.value(4).toString();
    d.local.submittedBy = q.value(5).toString();
    d.local.retryOf = q.value(6).toString();
    d.local.workspace = q.value(7).toString();
    d.local.localId = d.localId;
    d.requestCount = q.value(8).toLongLong();
    d.createdAt = timeFrom(q.value(9));
    d.creatingAt = timeFrom(q.value(10));
    d.local.submittedAt = d.creatingAt;
    d.note = q.value(11).toString();
    return d;
}

QByteArray unpackParams(const QVariant& blob, bool compressed) {
    const QByteArray bytes = blob.toByteArray();
    return compressed ? qUncompress(bytes) : bytes;
}
} // namespace

QString Ledger::createDraft(const BatchLocal& local) {
    if (!ensureThread("createDraft"))
        return {};
    const QString localId =
        QStringLiteral("local_") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO drafts(local_id, state, source_file, source_sha256, submitted_by, "
        "retry_of, workspace, created_at) VALUES(?, 'stored', ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, localId);
    q.bindValue(1, textValue(local.sourceFile));
    q.bindValue(2, textValue(local.sourceSha256));
    q.bindValue(3, textValue(local.submittedBy));
    q.bindValue(4, textValue(local.retryOf));
    q.bindValue(5, textValue(local.workspace));
    q.bindValue(6, nowText());
    if (!run(q))
        return {};
    notify(Change::Requests);
    return localId;
}

bool Ledger::insertRequests(const QString& localId, const QList<StoredRequest>& requests,
                            const QStringList& retryOf) {
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO requests(local_id, custom_id, seq, params, params_compressed, params_size, "
        "attempt, retry_of) VALUES(?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM requests "
        "WHERE local_id = ?), ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const StoredRequest& r = requests.at(i);
        const bool compress = r.params.size() > kCompressThreshold;
        q.bindValue(0, localId);
        q.bindValue(1, r.customId);
        q.bindValue(2, localId);
        q.bindValue(3, compress ? qCompress(r.params) : r.params);
        q.bindValue(4, compress ? 1 : 0);
        q.bindValue(5, qint64(r.params.size()));
        q.bindValue(6, qMax(1, r.attempt));
        q.bindValue(7, i < retryOf.size() ? textValue(retryOf.at(i)) : QVariant());
        if (!run(q))
            return false;
    }
    QSqlQuery& count = prepared(QStringLiteral(
        "UPDATE drafts SET request_count = (SELECT COUNT(*) FROM requests WHERE local_id = ?) "
        "WHERE local_id = ?"));
    count.bindValue(0, localId);
    count.bindValue(1, localId);
    return run(count);
}

bool Ledger::storeRequests(const QString& localId, const QList<StoredRequest>& requests) {
    if (!ensureThread("storeRequests"))
        return false;
    const auto d = selectDraft(localId);
    if (!d) {
        fail(tr("No draft %1 in the ledger.").arg(localId));
        return false;
    }
    if (d->state != DraftInfo::State::Stored) {
        fail(tr("Draft %1 is already %2; requests can only be added before it is sent.")
                 .arg(localId, DraftInfo::stateName(d->state)));
        return false;
    }
    if (!beginWrite())
        return false;
    if (!insertRequests(localId, requests, {})) {
        rollback();
        return false;
    }
    notify(Change::Requests);
    return commit();
}

std::optional<DraftInfo> Ledger::selectDraft(const QString& localId) {
    QSqlQuery& q = prepared(QStringLiteral("SELECT ") + kDraftColumns +
                            QStringLiteral(" FROM drafts WHERE local_id = ?"));
    q.bindValue(0, localId);
    if (!run(q) || !q.next())
        return std::nullopt;
    DraftInfo d = draftFrom(q);
    q.finish();
    return d;
}

std::optional<DraftInfo> Ledger::draft(const QString& localId) {
    if (!ensureThread("draft"))
        return std::nullopt;
    return selectDraft(localId);
}

QList<DraftInfo> Ledger::unattachedDrafts() {
    QList<DraftInfo> list;
    if (!ensureThread("unattachedDrafts"))
        return list;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT ") + kDraftColumns +
                QStringLiteral(" FROM drafts WHERE state IN ('stored', 'creating') "
                               "ORDER BY created_at"))) {
        failQuery(q);
        return list;
    }
    while (q.next())
        list.append(draftFrom(q));
    return list;
}

bool Ledger::markDraftCreating(const QString& localId) {
    if (!ensureThread("markDraftCreating"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE drafts SET state = 'creating', creating_at = ? WHERE local_id = ? AND state IN "
        "('stored', 'creating')"));
    q.bindValue(0, nowText());
    q.bindValue(1, localId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() == 0) {
        fail(tr("Draft %1 is not waiting to be sent.").arg(localId));
        return false;
    }
    notify(Change::Requests);
    return true;
}

bool Ledger::attachBatch(const QString& localId, const MessageBatch& created) {
    if (!ensureThread("attachBatch"))
        return false;
    const auto d = selectDraft(localId);
    if (!d) {
        fail(tr("No draft %1 in the ledger.").arg(localId));
        return false;
    }
    if (d->state == DraftInfo::State::Created && d->batchId == created.id)
        return upsertBatch(created); // already attached: just refresh
    if (d->state != DraftInfo::State::Stored && d->state != DraftInfo::State::Creating) {
        fail(tr("Draft %1 is %2 and cannot be linked to batch %3.")
                 .arg(localId, DraftInfo::stateName(d->state), created.id));
        return false;
    }
    if (!beginWrite())
        return false;
    bool ok = upsertServerFields({created}, false, nullptr);
    if (ok) {
        QSqlQuery& q = prepared(QStringLiteral(
            "UPDATE batches SET source_file = ?, source_sha256 = ?, submitted_by = ?, "
            "submitted_at = ?, retry_of = ?, workspace = ?, local_id = ?, discovered = 0 "
            "WHERE id = ?"));
        q.bindValue(0, textValue(d->local.sourceFile));
        q.bindValue(1, textValue(d->local.sourceSha256));
        q.bindValue(2, textValue(d->local.submittedBy));
        q.bindValue(3, timeValue(d->creatingAt.isValid() ? d->creatingAt
                                                         : QDateTime::currentDateTimeUtc()));
        q.bindValue(4, textValue(d->local.retryOf));
        q.bindValue(5, textValue(d->local.workspace));
        q.bindValue(6, localId);
        q.bindValue(7, created.id);
        ok = run(q);
    }
    if (ok) {
        QSqlQuery& q = prepared(
            QStringLiteral("UPDATE drafts SET state = 'created', batch_id = ? WHERE local_id = ?"));
        q.bindValue(0, created.id);
        q.bindValue(1, localId);
        ok = run(q);
    }
    qint64 resent = 0;
    if (ok) {
        QSqlQuery& q = prepared(QStringLiteral(
            "UPDATE retry_queue SET state = 'resent', resent_batch_id = ?, resent_at = ? "
            "WHERE draft_local_id = ? AND state = 'drafted'"));
        q.bindValue(0, created.id);
        q.bindValue(1, nowText());
        q.bindValue(2, localId);
        ok = run(q);
        resent = q.numRowsAffected();
    }
    if (!ok) {
        rollback();
        return false;
    }
    QStringList ids{created.id};
    if (!d->local.retryOf.isEmpty())
        ids.append(d->local.retryOf);
    notify(Change::Batches, ids);
    notify(Change::Requests, {created.id});
    if (resent > 0)
        notify(Change::RetryQueue, ids);
    return commit();
}

bool Ledger::abandonDraft(const QString& localId, const QString& note) {
    if (!ensureThread("abandonDraft") || !beginWrite())
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE drafts SET state = 'abandoned', note = ? WHERE local_id = ? AND state IN "
        "('stored', 'creating')"));
    q.bindValue(0, textValue(note));
    q.bindValue(1, localId);
    if (!run(q)) {
        rollback();
        return false;
    }
    if (q.numRowsAffected() == 0) {
        fail(tr("Draft %1 is not waiting to be sent.").arg(localId));
        rollback();
        return false;
    }
    QSqlQuery& back =
        prepared(QStringLiteral("UPDATE retry_queue SET state = 'pending', draft_local_id = NULL "
                                "WHERE draft_local_id = ? AND state = 'drafted'"));
    back.bindValue(0, localId);
    if (!run(back)) {
        rollback();
        return false;
    }
    notify(Change::Requests);
    if (back.numRowsAffected() > 0)
        notify(Change::RetryQueue);
    return commit();
}

QString Ledger::matchDraftForBatch(const MessageBatch& batch, qint64 slackSeconds) {
    if (!ensureThread("matchDraftForBatch") || !batch.createdAt.isValid())
        return {};
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT local_id FROM drafts WHERE state = 'creating' AND request_count = ? AND "
        "creating_at BETWEEN ? AND ?"));
    q.bindValue(0, batch.requestCounts.total());
    q.bindValue(1, timeValue(batch.createdAt.addSecs(-slackSeconds)));
    q.bindValue(2, timeValue(batch.createdAt.addSecs(slackSeconds)));
    if (!run(q))
        return {};
    QStringList found;
    while (q.next())
        found.append(q.value(0).toString());
    q.finish();
    return found.size() == 1 ? found.first() : QString();
}

bool Ledger::forEachRequest(const QString& localId,
                            const std::function<bool(const StoredRequest&)>& callback) {
    if (!ensureThread("forEachRequest"))
        return false;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT custom_id, params, params_compressed, attempt FROM requests "
                             "WHERE local_id = ? ORDER BY seq"));
    q.addBindValue(localId);
    if (!run(q))
        return false;
    while (q.next()) {
        StoredRequest r;
        r.customId = q.value(0).toString();
        r.params = unpackParams(q.value(1), q.value(2).toBool());
        r.attempt = q.value(3).toInt();
        if (!callback(r))
            break;
    }
    return true;
}

QHash<QString, StoredRequest> Ledger::requestsOfBatch(const QString& batchId,
                                                      const QStringList& customIds) {
    QHash<QString, StoredRequest> map;
    if (!ensureThread("requestsOfBatch"))
        return map;
    const auto take = [&map](QSqlQuery& q) {
        while (q.next()) {
            StoredRequest r;
            r.customId = q.value(0).toString();
            r.params = unpackParams(q.value(1), q.value(2).toBool());
            r.attempt = q.value(3).toInt();
            map.insert(r.customId, r);
        }
        q.finish();
    };
    if (customIds.isEmpty()) {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
            "SELECT r.custom_id, r.params, r.params_compressed, r.attempt FROM requests r "
            "JOIN drafts d ON d.local_id = r.local_id WHERE d.batch_id = ? ORDER BY r.seq"));
        q.addBindValue(batchId);
        if (run(q))
            take(q);
        return map;
    }
    QSqlQuery& q = prepared(QStringLiteral(
        "SELECT r.custom_id, r.params, r.params_compressed, r.attempt FROM requests r "
        "JOIN drafts d ON d.local_id = r.local_id WHERE d.batch_id = ? AND r.custom_id = ?"));
    for (const QString& id : customIds) {
        q.bindValue(0, batchId);
        q.bindValue(1, id);
        if (!run(q))
            return map;
        take(q);
    }
    return map;
}

qint64 Ledger::requestCount(const QString& batchId) {
    if (!ensureThread("requestCount"))
        return -1;
    QSqlQuery& q = prepared(
        QStringLiteral("SELECT COUNT(*) FROM requests r JOIN drafts d ON d.local_id = r.local_id "
                       "WHERE d.batch_id = ?"));
    q.bindValue(0, batchId);
    if (!run(q) || !q.next())
        return -1;
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

QStringList Ledger::missingCustomIds(const QString& batchId) {
    QStringList ids;
    if (!ensureThread("missingCustomIds"))
        return ids;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    // The missing ones are found on the (local_id, custom_id) index alone; only they are then
    // read from the table (for their seq): the requests' rows, params included, are not read.
    q.prepare(QStringLiteral(
        "SELECT r.custom_id FROM requests r WHERE r.rowid IN (SELECT q.rowid FROM requests q "
        "JOIN drafts d ON d.local_id = q.local_id WHERE d.batch_id = ? AND NOT EXISTS (SELECT 1 "
        "FROM results x WHERE x.batch_id = d.batch_id AND x.custom_id = q.custom_id)) "
        "ORDER BY r.seq"));
    q.addBindValue(batchId);
    if (!run(q))
        return ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

std::optional<ResultCoverage> Ledger::resultCoverage(const QString& batchId) {
    if (!ensureThread("resultCoverage"))
        return std::nullopt;
    sqlite3* h = sqliteHandle(db());
    if (!h) {
        // Not SQLite's own handle: the three queries.
        ResultCoverage c;
        c.results = resultCount(batchId);
        c.requests = requestCount(batchId);
        if (c.results < 0 || c.requests < 0)
            return std::nullopt;
        c.missing = c.requests > 0 ? missingCustomIds(batchId).size() : 0;
        return m_lastError.isEmpty() ? std::optional(c) : std::nullopt;
    }
    // Both statements walk an index in custom_id order (requests: UNIQUE (local_id, custom_id);
    // results: PRIMARY KEY (batch_id, custom_id)), so a merge of the two finds the requests
    // without a result in one pass, instead of one index lookup per request. Both run inside the
    // same read transaction (they are open together), so they see the same snapshot.
    const QByteArray id = batchId.toUtf8();
    struct Stmt {
        sqlite3_stmt* s = nullptr;
        ~Stmt() { sqlite3_finalize(s); }
    };
    Stmt requests;
    Stmt results;
    static const char kRequests[] =
        "SELECT q.custom_id FROM drafts d JOIN requests q ON q.local_id = d.local_id "
        "WHERE d.batch_id = ?1 ORDER BY q.custom_id";
    static const char kResults[] =
        "SELECT custom_id FROM results WHERE batch_id = ?1 ORDER BY custom_id";
    if (sqlite3_prepare_v2(h, kRequests, -1, &requests.s, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(h, kResults, -1, &results.s, nullptr) != SQLITE_OK) {
        fail(tr("Ledger %1: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(h))));
        return std::nullopt;
    }
    sqlite3_bind_text(requests.s, 1, id.constData(), int(id.size()), SQLITE_STATIC);
    sqlite3_bind_text(results.s, 1, id.constData(), int(id.size()), SQLITE_STATIC);
    bool failed = false;
    const auto step = [&](sqlite3_stmt* st) {
        const int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            failed = true;
        return rc == SQLITE_ROW;
    };
    // SQLite's BINARY collation: bytes first, then the shorter one first.
    const auto compare = [](sqlite3_stmt* a, sqlite3_stmt* b) {
        const auto* pa = sqlite3_column_blob(a, 0);
        const int na = sqlite3_column_bytes(a, 0);
        const auto* pb = sqlite3_column_blob(b, 0);
        const int nb = sqlite3_column_bytes(b, 0);
        const int c = (na && nb) ? std::memcmp(pa, pb, size_t(qMin(na, nb))) : 0;
        return c != 0 ? c : na - nb;
    };
    ResultCoverage c;
    bool haveRequest = step(requests.s);
    bool haveResult = step(results.s);
    while (haveRequest && !failed) {
        ++c.requests;
        while (haveResult && compare(results.s, requests.s) < 0) {
            ++c.results;
            haveResult = step(results.s);
        }
        if (haveResult && compare(results.s, requests.s) == 0) {
            ++c.results;
            haveResult = step(results.s);
        } else {
            ++c.missing;
        }
        haveRequest = step(requests.s);
    }
    while (haveResult && !failed) {
        ++c.results;
        haveResult = step(results.s);
    }
    if (failed) {
        fail(tr("Ledger %1: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(h))));
        return std::nullopt;
    }
    return c;
}

// ---- results -------------------------------------------------------------------------------

namespace {
const QString kResultColumns = QStringLiteral(
    "batch_id, custom_id, type, message_id, model, stop_reason, input_tokens, output_tokens, "
    "cache_creation_input_tokens, cache_read_input_tokens, cache_creation_5m_tokens, "
    "cache_creation_1h_tokens, has_cache_breakdown, web_search_requests, web_fetch_requests, "
    "service_tier, inference_geo, error_type, error_message, request_id, cost_micros, priced, "
    "long_prompt_band, day");

ResultRow resultFrom(const QSqlQuery& q) {
    ResultRow r;
    r.batchId = q.value(0).toString();
    r.customId = q.value(1).toString();
    r.type = q.value(2).toString();
    r.messageId = q.value(3).toString();
    r.model = q.value(4).toString();
    r.stopReason = q.value(5).toString();
    r.usage.inputTokens = q.value(6).toLongLong();
    r.usage.outputTokens = q.value(7).toLongLong();
    r.usage.cacheCreationInputTokens = q.value(8).toLongLong();
    r.usage.cacheReadInputTokens = q.value(9).toLongLong();
    r.usage.ephemeral5mInputTokens = q.value(10).toLongLong();
    r.usage.ephemeral1hInputTokens = q.value(11).toLongLong();
    r.usage.hasCacheCreationBreakdown = q.value(12).toBool();
    r.usage.webSearchRequests = q.value(13).toLongLong();
    r.usage.webFetchRequests = q.value(14).toLongLong();
    r.usage.serviceTier = q.value(15).toString();
    r.usage.inferenceGeo = q.value(16).toString();
    r.errorType = q.value(17).toString();
    r.errorMessage = q.value(18).toString();
    r.requestId = q.value(19).toString();
    r.costMicros = q.value(20).toLongLong();
    r.priced = q.value(21).toBool();
    r.longPromptBand = q.value(22).toBool();
    r.day = QDate::fromString(q.value(23).toString(), Qt::ISODate);
    return r;
}
} // namespace

void Ledger::finalizeRaw() {
    if (m_insertResult) {
        sqlite3_finalize(m_insertResult);
        m_insertResult = nullptr;
    }
}

// insertResults through the C API: the same statement and the same values as the QSqlQuery
// path below (a null QString binds NULL, textValue() fields bind NULL when empty), but bound as
// UTF-8 without a QVariant per column; this is most of the ingestion's database time.
qint64 Ledger::insertResultsRaw(const QList<ResultRow>& rows) {
    sqlite3* h = sqliteHandle(db());
    const auto failRaw = [&] {
        fail(tr("Ledger %1: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(h))));
    };
    if (!m_insertResult) {
        const QByteArray sql =
            (QStringLiteral("INSERT INTO results(") + kResultColumns +
             QStringLiteral(", ingested_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                            "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
                            "COALESCE(?24, (SELECT substr(COALESCE(ended_at, created_at), 1, 10) "
                            "FROM batches WHERE id = ?25), ?26), ?27) ON CONFLICT(batch_id, "
                            "custom_id) DO NOTHING"))
                .toUtf8();
        if (sqlite3_prepare_v3(h, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                               &m_insertResult, nullptr) != SQLITE_OK) {
            failRaw();
            finalizeRaw();
            return -1;
        }
    }
    if (!beginWrite())
        return -1;
    sqlite3_stmt* st = m_insertResult;
    const QByteArray now = nowText().toUtf8();
    const QByteArray today = now.left(10);
    QString lastBatchId;
    QByteArray batchUtf8;
    QDate lastDay;
    QByteArray dayUtf8;
    // A row's text columns are encoded one after the other into one reused buffer, alive until
    // the row is stepped (SQLITE_STATIC): no allocation per column.
    QStringEncoder toUtf8(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    std::vector<char> texts;
    char* textEnd = nullptr;
    qint64 inserted = 0;
    QStringList batchIds;
    const auto bindText = [&](int column, const QString& s, bool emptyIsNull) {
        if (s.isNull() || (emptyIsNull && s.isEmpty())) {
            sqlite3_bind_null(st, column);
            return;
        }
        char* begin = textEnd;
        textEnd = toUtf8.appendToBuffer(begin, s);
        sqlite3_bind_text(st, column, begin, int(textEnd - begin), SQLITE_STATIC);
    };
    const auto bindBytes = [&](int column, const QByteArray& b) {
        sqlite3_bind_text(st, column, b.constData(), int(b.size()), SQLITE_STATIC);
    };
    for (const ResultRow& r : rows) {
        if (r.batchId.isNull()) {
            sqlite3_bind_null(st, 1);
            sqlite3_bind_null(st, 25);
        } else {
            if (batchUtf8.isNull() || r.batchId != lastBatchId) {
                lastBatchId = r.batchId;
                batchUtf8 = r.batchId.toUtf8();
            }
            bindBytes(1, batchUtf8);
            bindBytes(25, batchUtf8);
        }
        const qsizetype chars = r.customId.size() + r.type.size() + r.messageId.size() +
                                r.model.size() + r.stopReason.size() + r.usage.serviceTier.size() +
                                r.usage.inferenceGeo.size() + r.errorType.size() +
                                r.errorMessage.size() + r.requestId.size();
        const size_t need = size_t(chars) * 3 + 16; // UTF-8 takes at most 3 bytes a UTF-16 unit
        if (texts.size() < need)
            texts.resize(need * 2);
        textEnd = texts.data();
        bindText(2, r.customId, false);
        bindText(3, r.type, false);
        bindText(4, r.messageId, true);
        bindText(5, r.model, true);
        bindText(6, r.stopReason, true);
        sqlite3_bind_int64(st, 7, r.usage.inputTokens);
        sqlite3_bind_int64(st, 8, r.usage.outputTokens);
        sqlite3_bind_int64(st, 9, r.usage.cacheCreationInputTokens);
        sqlite3_bind_int64(st, 10, r.usage.cacheReadInputTokens);
        sqlite3_bind_int64(st, 11, r.usage.ephemeral5mInputTokens);
        sqlite3_bind_int64(st, 12, r.usage.ephemeral1hInputTokens);
        sqlite3_bind_int(st, 13, r.usage.hasCacheCreationBreakdown ? 1 : 0);
        sqlite3_bind_int64(st, 14, r.usage.webSearchRequests);
        sqlite3_bind_int64(st, 15, r.usage.webFetchRequests);
        bindText(16, r.usage.serviceTier, true);
        bindText(17, r.usage.inferenceGeo, true);
        bindText(18, r.errorType, true);
        bindText(19, r.errorMessage, true);
        bindText(20, r.requestId, true);
        if (r.priced)
            sqlite3_bind_int64(st, 21, r.costMicros);
        else
            sqlite3_bind_null(st, 21);
        sqlite3_bind_int(st, 22, r.priced ? 1 : 0);
        sqlite3_bind_int(st, 23, r.longPromptBand ? 1 : 0);
        if (!r.day.isValid()) {
            sqlite3_bind_null(st, 24);
        } else {
            if (dayUtf8.isNull() || r.day != lastDay) {
                lastDay = r.day;
                dayUtf8 = r.day.toString(Qt::ISODate).toUtf8();
            }
            bindBytes(24, dayUtf8);
        }
        bindBytes(26, today);
        bindBytes(27, now);
        const int rc = sqlite3_step(st);
        if (rc != SQLITE_DONE) {
            failRaw();
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            rollback();
            return -1;
        }
        const int n = sqlite3_changes(h);
        sqlite3_reset(st);
        inserted += n;
        if (n > 0 && (batchIds.isEmpty() || batchIds.last() != r.batchId) &&
            !batchIds.contains(r.batchId))
            batchIds.append(r.batchId);
    }
    sqlite3_clear_bindings(st); // the bound buffers go now
    if (inserted > 0)
        notify(Change::Results, batchIds);
    if (!commit())
        return -1;
    return inserted;
}

bool Ledger::tuneForBulkInserts(int cacheKiB, int walCheckpointPages) {
    if (!ensureThread("tuneForBulkInserts"))
        return false;
    return exec(QStringLiteral("PRAGMA cache_size=-%1").arg(qMax(0, cacheKiB))) &&
           exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(qMax(0, walCheckpointPages))) &&
           exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
}

sqlite3* Ledger::walHandle(const char* where) {
    if (!ensureThread(where))
        return nullptr;
    sqlite3* h = sqliteHandle(db());
    if (!h)
        fail(tr("Ledger %1: the SQLite driver gives no handle for WAL housekeeping.").arg(m_path));
    return h;
}

bool Ledger::setWalCommitHook(std::function<void(int walPages)> grew) {
    sqlite3* h = walHandle("setWalCommitHook");
    if (!h)
        return false;
    m_walHook = std::move(grew);
    if (!m_walHook) {
        sqlite3_wal_autocheckpoint(h, 1000); // SQLite's default
        return true;
    }
    sqlite3_wal_hook(
        h,
        [](void* self, sqlite3*, const char*, int pages) {
            static_cast<Ledger*>(self)->m_walHook(pages);
            return SQLITE_OK;
        },
        this);
    return true;
}

bool Ledger::checkpoint(int* walPages, int* copiedPages) {
    if (walPages)
        *walPages = 0;
    if (copiedPages)
        *copiedPages = 0;
    sqlite3* h = walHandle("checkpoint");
    if (!h)
        return false;
    int log = 0;
    int copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(h, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
    if (rc == SQLITE_BUSY)
        return true; // another connection is checkpointing
    if (rc != SQLITE_OK) {
        fail(tr("Ledger %1: checkpoint failed: %2")
                 .arg(m_path, QString::fromUtf8(sqlite3_errmsg(h))));
        return false;
    }
    if (walPages)
        *walPages = qMax(0, log);
    if (copiedPages)
        *copiedPages = qMax(0, copied);
    return true;
}

qint64 Ledger::insertResults(const QList<ResultRow>& rows) {
    if (!ensureThread("insertResults"))
        return -1;
    if (rows.isEmpty())
        return 0;
    // Every row needs its batch. Checked once per batch id here rather than by the foreign key
    // on every row, so a bulk-insert connection can run without the per-row lookup
    // (tuneForBulkInserts) and still never store a result of an unknown batch.
    QSet<QString> checked;
    for (const ResultRow& r : rows) {
        if (checked.contains(r.batchId))
            continue;
        QSqlQuery& known = prepared(QStringLiteral("SELECT 1 FROM batches WHERE id = ?"));
        known.bindValue(0, r.batchId);
        if (!known.exec()) {
            failQuery(known);
            return -1;
        }
        const bool found = known.next();
        known.finish();
        if (!found) {
            fail(tr("Ledger %1: results of batch %2 cannot be stored: the batch is not in the "
                    "ledger.")
                     .arg(m_path, r.batchId));
            return -1;
        }
        checked.insert(r.batchId);
    }
    if (sqliteHandle(db()))
        return insertResultsRaw(rows);
    if (!beginWrite())
        return -1;
    QSqlQuery& q = prepared(
        QStringLiteral("INSERT INTO results(") + kResultColumns +
        QStringLiteral(
            ", ingested_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, "
            "?, COALESCE(?, (SELECT substr(COALESCE(ended_at, created_at), 1, 10) FROM batches "
            "WHERE id = ?), ?), ?) ON CONFLICT(batch_id, custom_id) DO NOTHING"));
    const QString now = nowText();
    const QString today = now.left(10);
    qint64 inserted = 0;
    QStringList batchIds;
    for (const ResultRow& r : rows) {
        q.bindValue(0, r.batchId);
        q.bindValue(1, r.customId);
        q.bindValue(2, r.type);
        q.bindValue(3, textValue(r.messageId));
        q.bindValue(4, textValue(r.model));
        q.bindValue(5, textValue(r.stopReason));
        q.bindValue(6, r.usage.inputTokens);
        q.bindValue(7, r.usage.outputTokens);
        q.bindValue(8, r.usage.cacheCreationInputTokens);
        q.bindValue(9, r.usage.cacheReadInputTokens);
        q.bindValue(10, r.usage.ephemeral5mInputTokens);
        q.bindValue(11, r.usage.ephemeral1hInputTokens);
        q.bindValue(12, r.usage.hasCacheCreationBreakdown ? 1 : 0);
        q.bindValue(13, r.usage.webSearchRequests);
        q.bindValue(14, r.usage.webFetchRequests);
        q.bindValue(15, textValue(r.usage.serviceTier));
        q.bindValue(16, textValue(r.usage.inferenceGeo));
        q.bindValue(17, textValue(r.errorType));
        q.bindValue(18, textValue(r.errorMessage));
        q.bindValue(19, textValue(r.requestId));
        q.bindValue(20, r.priced ? QVariant(r.costMicros) : QVariant());
        q.bindValue(21, r.priced ? 1 : 0);
        q.bindValue(22, r.longPromptBand ? 1 : 0);
        q.bindValue(23, dayValue(r.day));
        q.bindValue(24, r.batchId);
        q.bindValue(25, today);
        q.bindValue(26, now);
        if (!run(q)) {
            rollback();
            return -1;
        }
        const int n = q.numRowsAffected();
        inserted += n;
        if (n > 0 && (batchIds.isEmpty() || batchIds.last() != r.batchId) &&
            !batchIds.contains(r.batchId))
            batchIds.append(r.batchId);
    }
    if (inserted > 0)
        notify(Change::Results, batchIds);
    if (!commit())
        return -1;
    return inserted;
}

std::optional<ResultRow> Ledger::result(const QString& batchId, const QString& customId) {
    if (!ensureThread("result"))
        return std::nullopt;
    QSqlQuery& q = prepared(QStringLiteral("SELECT ") + kResultColumns +
                            QStringLiteral(" FROM results WHERE batch_id = ? AND custom_id = ?"));
    q.bindValue(0, batchId);
    q.bindValue(1, customId);
    if (!run(q) || !q.next())
        return std::nullopt;
    ResultRow r = resultFrom(q);
    q.finish();
    return r;
}

QList<ResultRow> Ledger::results(const QString& batchId, qint64 offset, qint64 limit) {
    QList<ResultRow> list;
    if (!ensureThread("results"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kResultColumns +
              QStringLiteral(" FROM results WHERE batch_id = ? ORDER BY custom_id LIMIT ? "
                             "OFFSET ?"));
    q.addBindValue(batchId);
    q.addBindValue(limit < 0 ? qint64(-1) : limit);
    q.addBindValue(offset);
    if (!run(q))
        return list;
    while (q.next())
        list.append(resultFrom(q));
    return list;
}

qint64 Ledger::resultCount(const QString& batchId) {
    if (!ensureThread("resultCount"))
        return -1;
    QSqlQuery q(db());
    if (batchId.isEmpty()) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM results"));
    } else {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM results WHERE batch_id = ?"));
        q.addBindValue(batchId);
    }
    if (!run(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool Ledger::forEachResult(const QString& batchId,
                           const std::function<bool(const ResultRow&)>& callback) {
    if (!ensureThread("forEachResult"))
        return false;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kResultColumns +
              QStringLiteral(" FROM results WHERE (? IS NULL OR batch_id = ?)"));
    q.addBindValue(textValue(batchId));
    q.addBindValue(textValue(batchId));
    if (!run(q))
        return false;
    while (q.next()) {
        if (!callback(resultFrom(q)))
            break;
    }
    return true;
}

bool Ledger::updateResultCost(const QString& batchId, const QString& customId, Money micros,
                              bool priced) {
    if (!ensureThread("updateResultCost"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE results SET cost_micros = ?, priced = ? WHERE batch_id = ? AND custom_id = ?"));
    q.bindValue(0, priced ? QVariant(micros) : QVariant());
    q.bindValue(1, priced ? 1 : 0);
    q.bindValue(2, batchId);
    q.bindValue(3, customId);
    if (!run(q))
        return false;
    notify(Change::Results, {batchId});
    return true;
}

// ---- costs ---------------------------------------------------------------------------------

namespace {
const QString kTotalsColumns = QStringLiteral(
    "COALESCE(SUM(cost_micros), 0), COUNT(*), "
    "COALESCE(SUM(type = 'succeeded'), 0), COALESCE(SUM(type = 'errored'), 0), "
    "COALESCE(SUM(type = 'canceled'), 0), COALESCE(SUM(type = 'expired'), 0), "
    "COALESCE(SUM(priced = 0), 0), COALESCE(SUM(input_tokens), 0), "
    "COALESCE(SUM(output_tokens), 0), COALESCE(SUM(cache_creation_input_tokens), 0), "
    "COALESCE(SUM(cache_read_input_tokens), 0), COALESCE(SUM(web_search_requests), 0)");

CostTotals totalsFrom(const QSqlQuery& q, int first) {
    CostTotals t;
    t.micros = q.value(first + 0).toLongLong();
    t.results = q.value(first + 1).toLongLong();
    t.succeeded = q.value(first + 2).toLongLong();
    t.errored = q.value(first + 3).toLongLong();
    t.canceled = q.value(first + 4).toLongLong();
    t.expired = q.value(first + 5).toLongLong();
    t.unpriced = q.value(first + 6).toLongLong();
    t.inputTokens = q.value(first + 7).toLongLong();
    t.outputTokens = q.value(first + 8).toLongLong();
    t.cacheCreationInputTokens = q.value(first + 9).toLongLong();
    t.cacheReadInputTokens = q.value(first + 10).toLongLong();
    t.webSearchRequests = q.value(first + 11).toLongLong();
    return t;
}
} // namespace

CostTotals Ledger::costTotal(QDate since, const QString& batchId) {
    if (!ensureThread("costTotal"))
        return {};
    // Only the conditions that apply, so that one batch's totals are read from its range of the
    // (batch_id, custom_id) index instead of a scan of every result ("? IS NULL OR ..." would
    // keep SQLite from using the index).
    QStringList where;
    QVariantList binds;
    if (since.isValid()) {
        where << QStringLiteral("day >= ?");
        binds << dayValue(since);
    }
    if (!batchId.isEmpty()) {
        where << QStringLiteral("batch_id = ?");
        binds << batchId;
    }
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT ") + kTotalsColumns + QStringLiteral(" FROM results") +
              (where.isEmpty() ? QString()
                               : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))));
    for (const QVariant& v : std::as_const(binds))
        q.addBindValue(v);
    if (!run(q) || !q.next())
        return {};
    return totalsFrom(q, 0);
}

QList<CostGroup> Ledger::costBy(Grouping grouping, QDate since) {
    QList<CostGroup> list;
    if (!ensureThread("costBy"))
        return list;
    QString key;
    switch (grouping) {
    case Grouping::Model:
        key = QStringLiteral("COALESCE(model, '')");
        break;
    case Grouping::Day:
        key = QStringLiteral("day");
        break;
    case Grouping::Batch:
        key = QStringLiteral("batch_id");
        break;
    }
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + key + QStringLiteral(" AS k, ") + kTotalsColumns +
              QStringLiteral(" FROM results WHERE (? IS NULL OR day >= ?) GROUP BY k "
                             "ORDER BY k"));
    q.addBindValue(dayValue(since));
    q.addBindValue(dayValue(since));
    if (!run(q))
        return list;
    while (q.next())
        list.append({q.value(0).toString(), totalsFrom(q, 1)});
    return list;
}

// ---- retry queue ---------------------------------------------------------------------------

namespace {
const QString kRetryColumns = QStringLiteral(
    "id, batch_id, custom_id, class, error_type, error_message, attempt, state, draft_local_id, "
    "resent_batch_id, enqueued_at, resent_at");

RetryItem retryFrom(const QSqlQuery& q) {
    RetryItem r;
    r.id = q.value(0).toLongLong();
    r.batchId = q.value(1).toString();
    r.customId = q.value(2).toString();
    r.retryClass = retryClassFromName(q.value(3).toString()).value_or(RetryClass::FixRequired);
    r.errorType = q.value(4).toString();
    r.errorMessage = q.value(5).toString();
    r.attempt = q.value(6).toInt();
    r.state = RetryItem::stateFromName(q.value(7).toString());
    r.draftLocalId = q.value(8).toString();
    r.resentBatchId = q.value(9).toString();
    r.enqueuedAt = timeFrom(q.value(10));
    r.resentAt = timeFrom(q.value(11));
    return r;
}
} // namespace

qint64 Ledger::enqueueRetries(const QList<RetryItem>& items) {
    if (!ensureThread("enqueueRetries"))
        return -1;
    if (items.isEmpty())
        return 0;
    if (!beginWrite())
        return -1;
    // attempt: the stored request's attempt when the batch was ours, else the item's.
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO retry_queue(batch_id, custom_id, class, error_type, error_message, attempt, "
        "enqueued_at) VALUES(?, ?, ?, ?, ?, COALESCE((SELECT r.attempt FROM requests r JOIN "
        "drafts d ON d.local_id = r.local_id WHERE d.batch_id = ? AND r.custom_id = ?), ?), ?) "
        "ON CONFLICT(batch_id, custom_id) DO NOTHING"));
    const QString now = nowText();
    qint64 inserted = 0;
    QStringList batchIds;
    for (const RetryItem& item : items) {
        q.bindValue(0, item.batchId);
        q.bindValue(1, item.customId);
        q.bindValue(2, retryClassName(item.retryClass));
        q.bindValue(3, textValue(item.errorType));
        q.bindValue(4, textValue(item.errorMessage));
        q.bindValue(5, item.batchId);
        q.bindValue(6, item.customId);
        q.bindValue(7, qMax(1, item.attempt));
        q.bindValue(8, now);
        if (!run(q)) {
            rollback();
            return -1;
        }
        if (q.numRowsAffected() > 0) {
            ++inserted;
            if (!batchIds.contains(item.batchId))
                batchIds.append(item.batchId);
        }
    }
    if (inserted > 0)
        notify(Change::RetryQueue, batchIds);
    if (!commit())
        return -1;
    return inserted;
}

QList<RetryItem> Ledger::selectRetryItems(const QString& where, const QVariantList& binds) {
    QList<RetryItem> list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kRetryColumns + QStringLiteral(" FROM retry_queue ") +
              where);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!run(q))
        return list;
    while (q.next())
        list.append(retryFrom(q));
    return list;
}

QList<RetryItem> Ledger::retryItems(std::optional<RetryClass> retryClass, RetryItem::State state) {
    if (!ensureThread("retryItems"))
        return {};
    if (retryClass)
        return selectRetryItems(QStringLiteral("WHERE state = ? AND class = ? ORDER BY id"),
                                {RetryItem::stateName(state), retryClassName(*retryClass)});
    return selectRetryItems(QStringLiteral("WHERE state = ? ORDER BY id"),
                            {RetryItem::stateName(state)});
}

QString Ledger::createRetryDraft(const QList<qint64>& itemIds, const BatchLocal& local,
                                 QStringList* skipped) {
    if (!ensureThread("createRetryDraft"))
        return {};
    QList<RetryItem> items;
    for (qint64 id : itemIds) {
        const auto found = selectRetryItems(QStringLiteral("WHERE id = ?"), {id});
        if (found.isEmpty() || found.first().state != RetryItem::State::Pending) {
            fail(tr("Retry item %1 is not pending.").arg(id));
            return {};
        }
        items.append(found.first());
    }
    if (items.isEmpty()) {
        fail(tr("No items chosen to retry."));
        return {};
    }
    BatchLocal draftLocal = local;
    if (draftLocal.retryOf.isEmpty()) {
        const QString first = items.first().batchId;
        const bool same = std::all_of(items.cbegin(), items.cend(),
                                      [&first](const RetryItem& i) { return i.batchId == first; });
        if (same)
            draftLocal.retryOf = first;
    }
    if (!beginWrite())
        return {};
    const QString localId = createDraft(draftLocal);
    if (localId.isEmpty()) {
        rollback();
        return {};
    }
    QList<StoredRequest> requests;
    QStringList lineage;
    QList<qint64> drafted;
    for (const RetryItem& item : items) {
        const auto stored = requestsOfBatch(item.batchId, {item.customId});
        if (!stored.contains(item.customId)) {
            if (skipped)
                skipped->append(item.batchId + QLatin1Char('/') + item.customId);
            continue;
        }
        StoredRequest r = stored.value(item.customId);
        r.attempt = qMax(r.attempt, item.attempt) + 1;
        requests.append(r);
        lineage.append(item.batchId);
        drafted.append(item.id);
    }
    if (requests.isEmpty()) {
        rollback();
        fail(tr("None of the chosen items has stored params (their batches were not created "
                "by Batchscope); nothing to retry."));
        return {};
    }
    bool ok = insertRequests(localId, requests, lineage);
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE retry_queue SET state = 'drafted', draft_local_id = ? WHERE id = ?"));
    for (qsizetype i = 0; ok && i < drafted.size(); ++i) {
        q.bindValue(0, localId);
        q.bindValue(1, drafted.at(i));
        ok = run(q);
    }
    if (!ok) {
        rollback();
        return {};
    }
    notify(Change::RetryQueue);
    if (!commit())
        return {};
    return localId;
}

bool Ledger::dismissRetries(const QList<qint64>& itemIds) {
    if (!ensureThread("dismissRetries") || !beginWrite())
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "UPDATE retry_queue SET state = 'dismissed' WHERE id = ? AND state = 'pending'"));
    for (qint64 id : itemIds) {
        q.bindValue(0, id);
        if (!run(q)) {
            rollback();
            return false;
        }
    }
    notify(Change::RetryQueue);
    return commit();
}

// ---- alerts --------------------------------------------------------------------------------

qint64 Ledger::logAlert(const AlertRecord& alert) {
    if (!ensureThread("logAlert"))
        return -1;
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO alerts(at, severity, kind, batch_id, message) VALUES(?, ?, ?, ?, ?)"));
    q.bindValue(0, timeValue(alert.at.isValid() ? alert.at : QDateTime::currentDateTimeUtc()));
    q.bindValue(1, alert.severity.isEmpty() ? QStringLiteral("info") : alert.severity);
    q.bindValue(2, alert.kind);
    q.bindValue(3, textValue(alert.batchId));
    q.bindValue(4, alert.message);
    if (!run(q))
        return -1;
    const qint64 id = q.lastInsertId().toLongLong();
    notify(Change::Alerts, alert.batchId.isEmpty() ? QStringList() : QStringList{alert.batchId});
    return id;
}

QList<AlertRecord> Ledger::alerts(const QDateTime& since, int limit) {
    QList<AlertRecord> list;
    if (!ensureThread("alerts"))
        return list;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at, severity, kind, batch_id, message FROM alerts "
                             "WHERE (? IS NULL OR at >= ?) ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(timeValue(since));
    q.addBindValue(timeValue(since));
    q.addBindValue(limit);
    if (!run(q))
        return list;
    while (q.next()) {
        AlertRecord a;
        a.id = q.value(0).toLongLong();
        a.at = timeFrom(q.value(1));
        a.severity = q.value(2).toString();
        a.kind = q.value(3).toString();
        a.batchId = q.value(4).toString();
        a.message = q.value(5).toString();
        list.append(a);
    }
    return list;
}

// ---- settings ------------------------------------------------------------------------------

bool Ledger::setSetting(const QString& key, const QString& value) {
    if (!ensureThread("setSetting"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO settings(key, value, updated_at) VALUES(?, ?, ?) ON CONFLICT(key) DO "
        "UPDATE SET value = excluded.value, updated_at = excluded.updated_at"));
    q.bindValue(0, key);
    q.bindValue(1, value);
    q.bindValue(2, nowText());
    if (!run(q))
        return false;
    notify(Change::Settings);
    return true;
}

QString Ledger::setting(const QString& key, const QString& defaultValue) {
    if (!ensureThread("setting"))
        return defaultValue;
    QSqlQuery& q = prepared(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.bindValue(0, key);
    if (!run(q) || !q.next())
        return defaultValue;
    const QString v = q.value(0).toString();
    q.finish();
    return v;
}

bool Ledger::setBudget(const BudgetSetting& budget) {
    if (!ensureThread("setBudget"))
        return false;
    if (budget.name.isEmpty() || budget.limitMicros < 0) {
        fail(tr("A budget needs a name and a limit of $0 or more."));
        return false;
    }
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO budgets(name, limit_micros, period, updated_at) VALUES(?, ?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET limit_micros = excluded.limit_micros, "
        "period = excluded.period, updated_at = excluded.updated_at"));
    q.bindValue(0, budget.name);
    q.bindValue(1, budget.limitMicros);
    q.bindValue(2, BudgetSetting::periodName(budget.period));
    q.bindValue(3, nowText());
    if (!run(q))
        return false;
    notify(Change::Settings);
    return true;
}

bool Ledger::removeBudget(const QString& name) {
    if (!ensureThread("removeBudget"))
        return false;
    QSqlQuery& q = prepared(QStringLiteral("DELETE FROM budgets WHERE name = ?"));
    q.bindValue(0, name);
    if (!run(q))
        return false;
    notify(Change::Settings);
    return true;
}

std::optional<BudgetSetting> Ledger::budget(const QString& name) {
    const auto all = budgets();
    for (const BudgetSetting& b : all)
        if (b.name == name)
            return b;
    return std::nullopt;
}

QList<BudgetSetting> Ledger::budgets() {
    QList<BudgetSetting> list;
    if (!ensureThread("budgets"))
        return list;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT name, limit_micros, period FROM budgets ORDER BY name"))) {
        failQuery(q);
        return list;
    }
    while (q.next()) {
        BudgetSetting b;
        b.name = q.value(0).toString();
        b.limitMicros = q.value(1).toLongLong();
        b.period = BudgetSetting::periodFromName(q.value(2).toString());
        list.append(b);
    }
    return list;
}

Money Ledger::spentInPeriod(BudgetSetting::Period period, QDate today) {
    if (!today.isValid())
        today = QDateTime::currentDateTimeUtc().date();
    QDate since;
    switch (period) {
    case BudgetSetting::Period::Total:
        break;
    case BudgetSetting::Period::Month:
        since = QDate(today.year(), today.month(), 1);
        break;
    case BudgetSetting::Period::Day:
        since = today;
        break;
    }
    return costTotal(since).micros;
}

std::optional<Budget> Ledger::budgetStatus(const QString& name, QDate today) {
    const auto setting = budget(name);
    if (!setting)
        return std::nullopt;
    return Budget(setting->limitMicros, spentInPeriod(setting->period, today));
}

} // namespace bs
