#include "consolesession.h"

#include "api/apiclient.h"
#include "cost/pricebook.h"
#include "ledger/ledger.h"
#include "ledger/walcheckpointer.h"
#include "monitor/poller.h"
#include "secrets/secretstore.h"

namespace bs {

namespace {
// WAL growth (pages) after which the checkpoint thread copies it into the file: SQLite's own
// default for a connection that checkpoints itself.
constexpr int kCheckpointEveryPages = 1000;
} // namespace

ConsoleSession::ConsoleSession(QObject* parent)
    : QObject(parent)
    , m_config(ApiConfig::fromEnvironment()) {}

ConsoleSession::~ConsoleSession() {
    // The poller (and its ingestion) goes before the client and the ledger it uses.
    m_poller.reset();
    m_client.reset();
    m_ledger.reset();
    m_checkpointer.reset(); // after the connection whose commit hook calls it
}

bool ConsoleSession::openLedger(const QString& path, QString* error) {
    auto ledger = std::make_unique<Ledger>();
    if (!ledger->open(path)) {
        if (error)
            *error = ledger->lastError();
        return false;
    }
    auto checkpointer = std::make_unique<WalCheckpointer>(path, kCheckpointEveryPages);
    if (checkpointer->start(nullptr)) {
        WalCheckpointer* c = checkpointer.get();
        if (ledger->setWalCommitHook([c](int pages) { c->walGrew(pages); }))
            m_checkpointer = std::move(checkpointer);
    }
    m_ledger = std::move(ledger);
    return true;
}

void ConsoleSession::startMonitoring() {
    if (!m_ledger || m_poller)
        return;
    const ApiError urlError = ApiClient::checkUrl(m_config.baseUrl);
    if (urlError.isError()) {
        Q_EMIT monitoringUnavailable(
            tr("The API address %1 cannot be used: %2 Set ANTHROPIC_BASE_URL to an https address "
               "(or http on this machine only).")
                .arg(m_config.displayBaseUrl(), urlError.toString()));
        return;
    }
    m_secrets = std::make_unique<SecretStore>();
    m_secrets->findApiKey(m_keyLabel, this, [this](const SecretStore::Result& r) {
        if (r.isOk())
            startWithKey(r.secret);
        else
            Q_EMIT monitoringUnavailable(tr("Batches are not watched. %1").arg(r.message));
    });
}

void ConsoleSession::startWithKey(const QString& key) {
    if (m_poller)
        return;
    ApiConfig config = m_config;
    config.apiKey = key;
    m_client = std::make_unique<ApiClient>(config);
    m_poller = std::make_unique<Poller>(m_client.get(), m_ledger.get());
    IngestOptions ingest;
    ingest.api = config;
    ingest.retryPolicy = m_client->retryPolicy();
    ingest.ledgerPath = m_ledger->path();
    m_poller->enableIngestion(ingest);
    connect(m_poller.get(), &Poller::errorOccurred, this, &ConsoleSession::pollFailed);
    connect(m_poller.get(), &Poller::ingestionDone, this, &ConsoleSession::ingestionDone);
    m_poller->start();
    Q_EMIT monitoringStarted();
}

void ConsoleSession::refreshNow() {
    if (m_poller)
        m_poller->pollNow();
}

} // namespace bs
