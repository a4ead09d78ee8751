#pragma once

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QTimer;

namespace QKeychain {
class Job;
}

namespace bs {

// API keys in the OS keychain (QtKeychain over the Secret Service / KWallet / ...), nowhere
// else: no insecure fallback file, nothing in QSettings, the key never in a message or a log.
// Entries live under service "Batchscope", key "api-key/<label>" (label = workspace id or a
// name the user chose).
//
// Every operation is asynchronous and ends exactly once, within timeoutMs() at the latest:
// QtKeychain has no timeout of its own and a Secret Service that never answers would otherwise
// hang forever. A job that times out is left to finish (or not) on its own and its late answer
// is ignored; note that QtKeychain runs jobs one at a time, so while such a job hangs, later
// operations time out too (each with the same clear error).
class SecretStore : public QObject {
    Q_OBJECT

public:
    enum class Status {
        Ok,       // done; for readKey(), result.secret holds the key
        NotFound, // no key stored (or the keyring is locked): ask the user for one
        Timeout,  // the keychain did not answer within timeoutMs()
        Error,    // the keychain refused or failed: result.message says what to do
    };
    Q_ENUM(Status)

    enum class Operation { Read, Write, Delete };
    Q_ENUM(Operation)

    struct Result {
        Operation operation = Operation::Read;
        Status status = Status::Error;
        QString label;
        QString secret;               // readKey() and findApiKey() only; never log it
        bool fromEnvironment = false; // findApiKey(): the key came from ANTHROPIC_API_KEY
        QString message;              // user-readable, translated, redacted; empty when Ok
        int keychainError = 0;        // QKeychain::Error
        bool isOk() const { return status == Status::Ok; }
        bool isNotFound() const { return status == Status::NotFound; }
    };
    using Callback = std::function<void(const Result&)>;

    explicit SecretStore(QObject* parent = nullptr);
    ~SecretStore() override;

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = qMax(1, ms); }

    static QString serviceName();                 // "Batchscope"
    static QString keyName(const QString& label); // "api-key/<label>" ("default" when empty)

    // Each call ends with finished() and, when given, `done` called in the context of
    // `context` (skipped if context is destroyed). Returns an id also carried by finished().
    quint64 readKey(const QString& label, QObject* context = nullptr, Callback done = {});
    quint64 writeKey(const QString& label, const QString& key, QObject* context = nullptr,
                     Callback done = {});
    quint64 deleteKey(const QString& label, QObject* context = nullptr, Callback done = {});

    // The API key Batchscope uses, for the console and the CLI alike: ANTHROPIC_API_KEY when it
    // is set and not blank (the keychain is then not asked), else the keychain entry `label`
    // ("default", what `batchscope-cli key set` writes, when empty). Ends like readKey(): Ok
    // with result.secret (and result.fromEnvironment), NotFound with a message that names both
    // places and how to fill one, or Timeout / Error with the keychain's message and the same
    // advice. Always asynchronous, even when the environment answers.
    quint64 findApiKey(const QString& label, QObject* context = nullptr, Callback done = {});
    static QString environmentVariable() { return QStringLiteral("ANTHROPIC_API_KEY"); }

    // The Slack incoming-webhook URL alerts are posted to (the URL is the secret). Kept in the
    // keychain entry "slack-webhook" (`batchscope-cli key set --slack-webhook`), or given by
    // BATCHSCOPE_SLACK_WEBHOOK_URL on a server without a keychain. findSlackWebhook() asks the
    // environment first, like findApiKey(); NotFound means "no Slack alerts", not an error.
    quint64 writeSlackWebhook(const QString& url, QObject* context = nullptr, Callback done = {});
    quint64 deleteSlackWebhook(QObject* context = nullptr, Callback done = {});
    quint64 findSlackWebhook(QObject* context = nullptr, Callback done = {});
    static QString slackWebhookVariable() { return QStringLiteral("BATCHSCOPE_SLACK_WEBHOOK_URL"); }
    static QString slackWebhookEntry() { return QStringLiteral("slack-webhook"); }

    // The Admin API key (reconciliation with Anthropic's cost report; optional). Kept in the
    // keychain entry "admin-key" (`batchscope-cli key set --admin`), or given by
    // ANTHROPIC_ADMIN_KEY on a server without a keychain; findAdminKey() asks the environment
    // first. NotFound means "no reconciliation", with a message saying how to give one. The key
    // found is registered with the Redactor, like every other secret.
    quint64 writeAdminKey(const QString& key, QObject* context = nullptr, Callback done = {});
    quint64 deleteAdminKey(QObject* context = nullptr, Callback done = {});
    quint64 findAdminKey(QObject* context = nullptr, Callback done = {});
    static QString adminKeyVariable() { return QStringLiteral("ANTHROPIC_ADMIN_KEY"); }
    static QString adminKeyEntry() { return QStringLiteral("admin-key"); }

    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void finished(quint64 id, const bs::SecretStore::Result& result);

private:
    struct Pending {
        QPointer<QKeychain::Job> job;
        QPointer<QObject> context;
        bool hasContext = false;
        Callback done;
        Result result;
        QTimer* timer = nullptr;
        bool apiKeyLookup = false; // findApiKey(): a failure's message says where keys come from
        bool webhook = false;      // the Slack webhook entry, not an API key
        bool admin = false;        // the Admin API key entry
    };
    quint64 start(QKeychain::Job* job, Operation op, const QString& label, QObject* context,
                  Callback done, const QString& entry = QString());
    quint64 answerNow(Result result, QObject* context, Callback done);
    // A secret of its own keychain entry that an environment variable may stand in for (the
    // Slack webhook, the Admin key): the variable when set, else the keychain.
    quint64 findEntrySecret(const QString& variable, const QString& entry, QObject* context,
                            Callback done);
    static QString webhookMessage(const Result& result);
    static QString adminKeyMessage(const Result& result);
    void onJobFinished(quint64 id);
    void onTimeout(quint64 id);
    void deliver(quint64 id, Pending pending);
    static void release(QKeychain::Job* job);
    static QString apiKeyLookupMessage(const Result& result);
    static QString statusMessage(Operation op, int keychainError, const QString& detail);

    int m_timeoutMs = 5000;
    quint64 m_nextId = 1;
    QHash<quint64, Pending> m_pending;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::SecretStore::Result)
