#include "clicontext.h"

#include "api/apiclient.h"
#include "api/apiconfig.h"
#include "api/batchjob.h"
#include "clioutput.h"
#include "core/profiles.h"
#include "exitcode.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "monitor/ingestrecords.h"
#include "monitor/resultingestor.h"
#include "secrets/secretstore.h"

#include <QEventLoop>
#include <QSettings>

namespace bs::cli {

CliContext::CliContext(CliOutput& out)
    : m_out(out) {}

CliContext::~CliContext() {
    m_client.reset();
    m_ledger.reset();
}

QString CliContext::ledgerPath() const {
    return m_ledgerPath.isEmpty() ? Ledger::defaultPath() : m_ledgerPath;
}

bool CliContext::setProfile(const QString& name) {
    QString why;
    if (!Profiles::isValidName(name, &why)) {
        m_out.fail(Exit::Usage, why);
        return false;
    }
    QSettings settings;
    if (!Profiles::find(settings, name)) {
        m_out.fail(Exit::Usage,
                   tr("No profile named \"%1\". Profiles: %2 (add one in the "
                      "console: Settings → Preferences → Connection).")
                       .arg(name, Profiles::names(settings).join(QStringLiteral(", "))));
        return false;
    }
    m_profile = name;
    return true;
}

bool CliContext::openLedger() {
    if (m_ledger)
        return true;
    auto ledger = std::make_unique<Ledger>();
    const QString path = ledgerPath();
    if (!ledger->open(path)) {
        m_out.fail(Exit::LedgerFailure,
                   tr("Cannot open the ledger %1: %2").arg(path, ledger->lastError()));
        return false;
    }
    m_ledger = std::move(ledger);
    return true;
}

int CliContext::prepareApi() {
    if (m_client)
        return Exit::Ok;
    ApiConfig config = ApiConfig::fromEnvironment();
    {
        // The profile's own base URL comes before the environment's; --base-url before both.
        QSettings settings;
        config.baseUrl = Profiles::baseUrl(settings, m_profile, config.baseUrl);
    }
    if (!m_baseUrl.isEmpty())
        config.baseUrl = QUrl(m_baseUrl);
    const ApiError urlError = ApiClient::checkUrl(config.baseUrl);
    if (urlError.isError())
        return m_out.fail(
            Exit::Usage,
            tr("Invalid base URL %1: %2").arg(config.displayBaseUrl(), urlError.toString()));
    SecretStore store;
    QEventLoop loop;
    SecretStore::Result found;
    store.findApiKey(Profiles::keyLabel(m_profile), &loop, [&](const SecretStore::Result& r) {
        found = r;
        loop.quit();
    });
    loop.exec();
    if (!found.isOk())
        return m_out.fail(Exit::AuthMissing, found.message);
    config.apiKey = found.secret;
    m_client = std::make_unique<ApiClient>(config);
    return Exit::Ok;
}

int CliContext::apiExit(const ApiError& error) {
    if (error.kind == ApiError::Kind::Http && (error.httpStatus == 401 || error.httpStatus == 403))
        return Exit::AuthMissing;
    return Exit::ApiFailure;
}

int CliContext::prepareBatchCommand(const QString& batchId) {
    if (!ApiClient::isValidBatchId(batchId))
        return m_out.fail(Exit::Usage, tr("\"%1\" is not a batch id.").arg(batchId));
    if (!openLedger())
        return Exit::LedgerFailure;
    return prepareApi();
}

int CliContext::storeBatchAnswer(BatchJob* job, const QString& batchId, BatchRecord* record) {
    QEventLoop loop;
    ApiError error;
    MessageBatch batch;
    QObject::connect(job, &BatchJob::finished, &loop, [&](const ApiError& e) {
        error = e;
        if (e.isOk())
            batch = job->batch();
        loop.quit();
    });
    loop.exec();
    if (error.isError())
        return m_out.fail(apiExit(error), error.toString());
    const bool known = BatchStore(*m_ledger).find(batchId).has_value();
    if (!(known ? BatchStore(*m_ledger).upsert(batch)
                : BatchStore(*m_ledger).upsertDiscovered({batch})))
        return m_out.fail(Exit::LedgerFailure, m_ledger->lastError());
    const auto stored = BatchStore(*m_ledger).find(batchId);
    if (!stored)
        return m_out.fail(Exit::LedgerFailure, m_ledger->lastError());
    *record = *stored;
    return Exit::Ok;
}

bool CliContext::ingest(const QString& batchId, IngestReport* report) {
    IngestOptions options;
    options.api = m_client->config();
    options.retryPolicy = m_client->retryPolicy();
    options.ledgerPath = m_ledger->path();
    ResultIngestor ingestor(options);
    if (!ingestor.start(batchId)) {
        report->batchId = batchId;
        report->errorMessage = tr("Could not start the ingestion of %1.").arg(batchId);
        return false;
    }
    ingestor.waitForFinished();
    *report = ingestor.report();
    return report->isComplete();
}

} // namespace bs::cli
