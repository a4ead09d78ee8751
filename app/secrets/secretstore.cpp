#include "secretstore.h"

#include "core/redactor.h"

#include <QLoggingCategory>
#include <QTimer>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "bs.secrets", QtInfoMsg)

namespace bs {

SecretStore::SecretStore(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<bs::SecretStore::Result>();
}

SecretStore::~SecretStore() {
    // A keychain job may still be waiting for the Secret Service, which will call back into
    // it: never delete it here, let it delete itself if it ever finishes.
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
        release(it->job);
}

QString SecretStore::serviceName() {
    return QStringLiteral("Batchscope");
}

QString SecretStore::keyName(const QString& label) {
    const QString l = label.trimmed();
    return QStringLiteral("api-key/") + (l.isEmpty() ? QStringLiteral("default") : l);
}

void SecretStore::release(QKeychain::Job* job) {
    if (!job)
        return;
    job->disconnect();
    job->setParent(nullptr);
    job->setAutoDelete(true);
}

quint64 SecretStore::readKey(const QString& label, QObject* context, Callback done) {
    auto* job = new QKeychain::ReadPasswordJob(serviceName(), this);
    return start(job, Operation::Read, label, context, std::move(done));
}

quint64 SecretStore::writeKey(const QString& label, const QString& key, QObject* context,
                              Callback done) {
    auto* job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setTextData(key);
    return start(job, Operation::Write, label, context, std::move(done));
}

quint64 SecretStore::deleteKey(const QString& label, QObject* context, Callback done) {
    auto* job = new QKeychain::DeletePasswordJob(serviceName(), this);
    return start(job, Operation::Delete, label, context, std::move(done));
}

quint64 SecretStore::answerNow(Result result, QObject* context, Callback done) {
    const quint64 id = m_nextId++;
    Pending p;
    p.context = context;
    p.hasContext = context != nullptr;
    p.done = std::move(done);
    p.result = std::move(result);
    // Answer from the event loop, as the keychain would: callers need one code path.
    QMetaObject::invokeMethod(
        this, [this, id, p = std::move(p)]() mutable { deliver(id, std::move(p)); },
        Qt::QueuedConnection);
    return id;
}

quint64 SecretStore::findApiKey(const QString& label, QObject* context, Callback done) {
    const QString fromEnv = qEnvironmentVariable(environmentVariable().toLatin1().constData());
    if (!fromEnv.trimmed().isEmpty()) {
        Result r;
        r.operation = Operation::Read;
        r.label = label;
        r.status = Status::Ok;
        r.secret = fromEnv.trimmed();
        r.fromEnvironment = true;
        return answerNow(std::move(r), context, std::move(done));
    }
    const quint64 id = readKey(label, context, std::move(done));
    if (auto it = m_pending.find(id); it != m_pending.end())
        it->apiKeyLookup = true;
    return id;
}

quint64 SecretStore::findEntrySecret(const QString& variable, const QString& entry,
                                     QObject* context, Callback done) {
    const QString fromEnv = qEnvironmentVariable(variable.toLatin1().constData()).trimmed();
    if (!fromEnv.isEmpty()) {
        Redactor::addSecret(fromEnv);
        Result r;
        r.operation = Operation::Read;
        r.status = Status::Ok;
        r.secret = fromEnv;
        r.fromEnvironment = true;
        return answerNow(std::move(r), context, std::move(done));
    }
    auto* job = new QKeychain::ReadPasswordJob(serviceName(), this);
    return start(job, Operation::Read, QString(), context, std::move(done), entry);
}

quint64 SecretStore::writeSlackWebhook(const QString& url, QObject* context, Callback done) {
    Redactor::addSecret(url); // a secret like the keys: redacted wherever it might be printed
    auto* job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setTextData(url);
    return start(job, Operation::Write, QString(), context, std::move(done), slackWebhookEntry());
}

quint64 SecretStore::deleteSlackWebhook(QObject* context, Callback done) {
    auto* job = new QKeychain::DeletePasswordJob(serviceName(), this);
    return start(job, Operation::Delete, QString(), context, std::move(done), slackWebhookEntry());
}

quint64 SecretStore::findSlackWebhook(QObject* context, Callback done) {
    return findEntrySecret(slackWebhookVariable(), slackWebhookEntry(), context, std::move(done));
}

quint64 SecretStore::writeAdminKey(const QString& key, QObject* context, Callback done) {
    Redactor::addSecret(key);
    auto* job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setTextData(key);
    return start(job, Operation::Write, QString(), context, std::move(done), adminKeyEntry());
}

quint64 SecretStore::deleteAdminKey(QObject* context, Callback done) {
    auto* job = new QKeychain::DeletePasswordJob(serviceName(), this);
    return start(job, Operation::Delete, QString(), context, std::move(done), adminKeyEntry());
}

quint64 SecretStore::findAdminKey(QObject* context, Callback done) {
    return findEntrySecret(adminKeyVariable(), adminKeyEntry(), context, std::move(done));
}

QString SecretStore::adminKeyMessage(const Result& result) {
    switch (result.status) {
    case Status::Ok:
        return QString();
    case Status::NotFound:
        return tr("No Admin API key: %1 is not set and the keychain holds none. Store one with "
                  "'batchscope-cli key set --admin' (it reads the key from stdin), or set %1.")
            .arg(adminKeyVariable());
    case Status::Timeout:
        return tr("The system keychain did not answer when asked for the Admin API key. Check "
                  "that the keyring is running and unlocked, or set %1.")
            .arg(adminKeyVariable());
    case Status::Error:
        break;
    }
    return tr("The system keychain failed with the Admin API key. Check that the keyring "
              "(Secret Service) is running and unlocked, or set %1.")
        .arg(adminKeyVariable());
}

QString SecretStore::webhookMessage(const Result& result) {
    switch (result.status) {
    case Status::Ok:
        return QString();
    case Status::NotFound:
        return tr("No Slack webhook URL: %1 is not set and the keychain holds none. Store one "
                  "with 'batchscope-cli key set --slack-webhook' (it reads the URL from stdin), "
                  "or set %1.")
            .arg(slackWebhookVariable());
    case Status::Timeout:
        return tr("The system keychain did not answer when asked for the Slack webhook URL. "
                  "Check that the keyring is running and unlocked, or set %1.")
            .arg(slackWebhookVariable());
    case Status::Error:
        break;
    }
    QString what;
    switch (result.operation) {
    case Operation::Read:
        what = tr("Could not read the Slack webhook URL from the system keychain.");
        break;
    case Operation::Write:
        what = tr("Could not store the Slack webhook URL in the system keychain.");
        break;
    case Operation::Delete:
        what = tr("Could not remove the Slack webhook URL from the system keychain.");
        break;
    }
    return what + QLatin1Char(' ') +
           tr("Check that the keyring (Secret Service) is running and unlocked.");
}

QString SecretStore::apiKeyLookupMessage(const Result& result) {
    const QString label =
        result.label.trimmed().isEmpty() ? QStringLiteral("default") : result.label.trimmed();
    if (result.isNotFound())
        return tr("No API key: %1 is not set and the keychain holds none for '%2' (or the "
                  "keyring is locked). Store one with 'batchscope-cli key set' (it reads the key "
                  "from stdin), or set the %1 environment variable.")
            .arg(environmentVariable(), label);
    return result.message + QLatin1Char(' ') +
           tr("Once the keychain works, store a key with 'batchscope-cli key set' (it reads the "
              "key from stdin), or set the %1 environment variable.")
               .arg(environmentVariable());
}

quint64 SecretStore::start(QKeychain::Job* job, Operation op, const QString& label,
                           QObject* context, Callback done, const QString& entry) {
    const quint64 id = m_nextId++;
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(entry.isEmpty() ? keyName(label) : entry);

    Pending p;
    p.job = job;
    p.context = context;
    p.hasContext = context != nullptr;
    p.done = std::move(done);
    p.result.operation = op;
    p.result.label = label;
    p.webhook = entry == slackWebhookEntry();
    p.admin = entry == adminKeyEntry();
    p.timer = new QTimer(this);
    p.timer->setSingleShot(true);
    connect(p.timer, &QTimer::timeout, this, [this, id] { onTimeout(id); });
    connect(job, &QKeychain::Job::finished, this, [this, id] { onJobFinished(id); });
    p.timer->start(m_timeoutMs);
    m_pending.insert(id, std::move(p));
    job->start();
    return id;
}

QString SecretStore::statusMessage(Operation op, int keychainError, const QString& detail) {
    QString what;
    switch (op) {
    case Operation::Read:
        what = tr("Could not read the API key from the system keychain");
        break;
    case Operation::Write:
        what = tr("Could not store the API key in the system keychain");
        break;
    case Operation::Delete:
        what = tr("Could not remove the API key from the system keychain");
        break;
    }
    QString why;
    switch (keychainError) {
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        why = tr("access was denied. Unlock the keyring (or allow Batchscope) and try again.");
        break;
    case QKeychain::NoBackendAvailable:
        why = tr("no keychain service is available. Start a Secret Service such as "
                 "GNOME Keyring or KWallet, then try again.");
        break;
    case QKeychain::NotImplemented:
        why = tr("this platform's keychain does not support it.");
        break;
    default:
        why = detail.isEmpty() ? tr("unknown error.")
                               : Redactor::redact(detail) + QStringLiteral(". ") +
                                     tr("Check that the keyring is running and unlocked.");
        break;
    }
    return what + QStringLiteral(": ") + why;
}

void SecretStore::onJobFinished(quint64 id) {
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending p = std::move(*it);
    m_pending.erase(it);
    QKeychain::Job* job = p.job;
    if (!job)
        return;
    const QKeychain::Error err = job->error();
    p.result.keychainError = int(err);
    if (err == QKeychain::NoError) {
        p.result.status = Status::Ok;
        if (p.result.operation == Operation::Read) {
            p.result.secret = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
            if (p.result.secret.isEmpty()) {
                p.result.status = Status::NotFound;
                p.result.message =
                    tr("No API key is stored for '%1': enter one.").arg(p.result.label);
            }
        }
    } else if (err == QKeychain::EntryNotFound) {
        if (p.result.operation == Operation::Delete) {
            p.result.status = Status::Ok; // nothing to delete is what was asked for
        } else {
            p.result.status = Status::NotFound;
            p.result.message =
                tr("No API key is stored for '%1' (or the keyring is locked): enter one.")
                    .arg(p.result.label);
        }
    } else {
        p.result.status = Status::Error;
        p.result.message = statusMessage(p.result.operation, int(err), job->errorString());
    }
    job->disconnect(this);
    job->deleteLater();
    deliver(id, std::move(p));
}

void SecretStore::onTimeout(quint64 id) {
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending p = std::move(*it);
    m_pending.erase(it);
    release(p.job); // its late answer, if any, only deletes it
    p.result.status = Status::Timeout;
    p.result.message =
        tr("The system keychain did not answer within %1 s. Check that the keyring "
           "(Secret Service) is running and unlocked; a password prompt may be waiting.")
            .arg(m_timeoutMs / 1000.0);
    deliver(id, std::move(p));
}

void SecretStore::deliver(quint64 id, Pending p) {
    if (p.timer) {
        p.timer->stop();
        p.timer->deleteLater();
    }
    if (p.apiKeyLookup && !p.result.isOk())
        p.result.message = apiKeyLookupMessage(p.result);
    if (p.webhook && !p.result.isOk())
        p.result.message = webhookMessage(p.result);
    if (p.admin && !p.result.isOk())
        p.result.message = adminKeyMessage(p.result);
    if ((p.webhook || p.admin) && p.result.isOk() && !p.result.secret.isEmpty())
        Redactor::addSecret(p.result.secret); // masked in everything shown from now on
    p.result.message = Redactor::redact(p.result.message);
    if (!p.result.isOk())
        qCInfo(lcSecrets).noquote() << "keychain"
                                    << (p.webhook ? slackWebhookEntry()
                                        : p.admin ? adminKeyEntry()
                                                  : keyName(p.result.label))
                                    << ":" << p.result.message;
    Q_EMIT finished(id, p.result);
    if (p.done && (!p.hasContext || p.context))
        p.done(p.result);
}

} // namespace bs
