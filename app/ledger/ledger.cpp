#include "ledger.h"

#include "ledger/ledgerschema.h"
#include "ledger/ledgervalues.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bs {

using namespace ledgervalues;

namespace {

constexpr int kPageSize = 16384; // for new ledger files

// The connection's sqlite3 handle: the Qt SQLite driver shares the system libsqlite3 with us.
sqlite3* sqliteHandle(const QSqlDatabase& d) {
    const QVariant v = d.driver() ? d.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

// Mode 0600 for the ledger and the -wal / -shm files SQLite made beside it.
void makePrivate(const QString& path) {
    const QStringList files{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
    for (const QString& p : files) {
        if (p != path && !QFileInfo::exists(p))
            continue;
#ifdef Q_OS_UNIX
        ::chmod(QFile::encodeName(p).constData(), 0600);
#else
        QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner);
#endif
    }
}

} // namespace

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

namespace {
std::atomic_bool g_mainThreadGuard{false};
std::atomic_int g_mainThreadViolations{0};
} // namespace

void Ledger::setMainThreadGuard(bool on) {
    g_mainThreadGuard = on;
}

bool Ledger::mainThreadGuard() {
    return g_mainThreadGuard;
}

int Ledger::mainThreadViolations() {
    return g_mainThreadViolations;
}

bool Ledger::guardMainThread(const char* where) {
    if (!g_mainThreadGuard.load(std::memory_order_relaxed))
        return true;
    const QCoreApplication* app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread())
        return true;
    ++g_mainThreadViolations;
    qCritical("bs::Ledger: %s called on the main (GUI) thread while the guard is on", where);
    fail(tr("Ledger used on the GUI thread (%1): the console runs its SQL on worker threads.")
             .arg(QLatin1String(where)));
    return false;
}

bool Ledger::ensureThread(const char* where) {
    if (!guardMainThread(where))
        return false;
    if (m_connection.isEmpty()) {
        fail(tr("Ledger is not open (%1).").arg(QLatin1String(where)));
        return false;
    }
    if (QThread::currentThread() != m_thread) {
        qWarning("bs::Ledger: %s called from a thread that does not own the connection", where);
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

bool Ledger::openFile(const QString& path, bool* created) {
    *created = false;
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
    // An existing file is left as it is here: its mode is only tightened once it is known to
    // be a ledger (open()), so that choosing a wrong file changes nothing about it.
    if (info.exists())
        return true;
#ifdef Q_OS_UNIX
    // Create the file with mode 0600 from the start (no window with a wider mode); SQLite
    // gives its -wal and -shm files the same mode as the database file.
    const QByteArray native = QFile::encodeName(info.absoluteFilePath());
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) {
        m_openStatus = OpenStatus::CannotCreate;
        fail(tr("Cannot create the ledger file %1: %2")
                 .arg(path, QString::fromLocal8Bit(strerror(errno))));
        return false;
    }
    if (fd >= 0) {
        *created = true;
        ::fchmod(fd, 0600); // whatever the umask
        ::close(fd);
    }
#else
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (!QFileInfo::exists(path)) {
            m_openStatus = OpenStatus::CannotCreate;
            fail(tr("Cannot create the ledger file %1: %2").arg(path, f.errorString()));
            return false;
        }
    } else {
        *created = true;
        f.close();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }
#endif
    return true;
}

bool Ledger::open(const QString& path) {
    close();
    m_lastError.clear();
    m_path = path;
    m_thread = QThread::currentThread();
    if (!guardMainThread("open")) {
        m_openStatus = OpenStatus::CannotOpen;
        return false;
    }
    bool created = false;
    if (!openFile(path, &created))
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
        if (!sqliteHandle(d)) {
            m_openStatus = OpenStatus::CannotOpen;
            fail(tr("Cannot open the ledger %1: the Qt SQLite driver gives no SQLite handle.")
                     .arg(path));
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
    // A ledger (or an empty file that becomes one): from here on it is ours, private to the user.
    if (!created)
        makePrivate(path);

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

sqlite3* Ledger::handle() const {
    return sqliteHandle(db()); // checked by open(): never null while open
}

sqlite3_stmt* Ledger::preparedRaw(const char* key, const QByteArray& sql) {
    auto it = m_rawStatements.find(key);
    if (it != m_rawStatements.end())
        return it->second;
    sqlite3* h = handle();
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(h, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &st,
                           nullptr) != SQLITE_OK) {
        fail(tr("Ledger %1: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(h))));
        sqlite3_finalize(st);
        return nullptr;
    }
    m_rawStatements.emplace(key, st);
    return st;
}

void Ledger::finalizeRaw() {
    for (auto& [key, st] : m_rawStatements)
        sqlite3_finalize(st);
    m_rawStatements.clear();
}

bool Ledger::tuneForBulkInserts(int cacheKiB, int walCheckpointPages) {
    if (!ensureThread("tuneForBulkInserts"))
        return false;
    return exec(QStringLiteral("PRAGMA cache_size=-%1").arg(qMax(0, cacheKiB))) &&
           exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(qMax(0, walCheckpointPages))) &&
           exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
}

bool Ledger::setWalCommitHook(std::function<void(int walPages)> grew) {
    if (!ensureThread("setWalCommitHook"))
        return false;
    sqlite3* h = handle();
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
    if (!ensureThread("checkpoint"))
        return false;
    sqlite3* h = handle();
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

} // namespace bs
