#pragma once

#include "api/apiconfig.h"
#include "api/apierror.h"
#include "monitor/ingestrecords.h"

#include <QObject>
#include <QString>

#include <memory>

namespace bs {

class ApiClient;
class Ledger;
class Poller;
class SecretStore;
class WalCheckpointer;

// What the console runs on the GUI thread, with no widget: the ledger connection the views read,
// and, once an API key is found, an ApiClient and a Poller that keeps every unfinished batch
// current and ingests ended ones on a worker thread (Poller::enableIngestion).
//
// The key comes from SecretStore::findApiKey() (ANTHROPIC_API_KEY when set, else the keychain
// entry `api-key/default` the CLI writes), as the CLI's does; it stays in memory only. The base URL
// is ApiConfig::fromEnvironment() (ANTHROPIC_BASE_URL honoured).
class ConsoleSession : public QObject {
    Q_OBJECT

public:
    explicit ConsoleSession(QObject* parent = nullptr);
    ~ConsoleSession() override;

    // Opens (creating, migrating) the ledger on this thread. False with *error when it cannot:
    // the console then shows the message and stays usable for nothing else. Its commits do not
    // checkpoint the WAL on this (the GUI) thread: a WalCheckpointer thread does.
    bool openLedger(const QString& path, QString* error);
    Ledger* ledger() const { return m_ledger.get(); }
    // Null when its connection could not be opened (the ledger then checkpoints itself).
    WalCheckpointer* checkpointer() const { return m_checkpointer.get(); }

    // The keychain entry to read (SecretStore label; empty = "default", what `batchscope-cli key
    // set` writes).
    void setKeyLabel(const QString& label) { m_keyLabel = label; }
    // Looks for the key and starts polling; answers with monitoringStarted() or
    // monitoringUnavailable(why). Needs an open ledger.
    void startMonitoring();
    Poller* poller() const { return m_poller.get(); }
    bool isMonitoring() const { return m_poller != nullptr; }
    QUrl baseUrl() const { return m_config.baseUrl; }

public Q_SLOTS:
    // One poll cycle now (when monitoring).
    void refreshNow();

Q_SIGNALS:
    void monitoringStarted();
    // No key, or the keychain failed: what to do is in the message (translated, redacted).
    void monitoringUnavailable(const QString& why);
    void pollFailed(const bs::ApiError& error);
    void ingestionDone(const bs::IngestReport& report);

private:
    void startWithKey(const QString& key);

    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<Poller> m_poller;
    ApiConfig m_config;
    QString m_keyLabel;
};

} // namespace bs
