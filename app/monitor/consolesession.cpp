#include "consolesession.h"

#include "api/apiclient.h"
#include "ledger/ledgerworker.h"
#include "monitor/batchoperations.h"
#include "monitor/monitorworker.h"
#include "secrets/secretstore.h"

#include <QThread>

namespace bs {

ConsoleSession::ConsoleSession(QObject* parent)
    : QObject(parent)
    , m_config(ApiConfig::fromEnvironment())
    , m_operations(std::make_unique<BatchOperations>()) {
    qRegisterMetaType<bs::ApiError>();
    qRegisterMetaType<bs::IngestReport>();
    qRegisterMetaType<bs::Poller::CycleReport>();
    qRegisterMetaType<bs::FileSubmitter::Result>();
    qRegisterMetaType<bs::FileSubmitter::Stage>();
    qRegisterMetaType<bs::TokenCalibrator::Result>();
}

ConsoleSession::~ConsoleSession() {
    stopMonitor();
    m_worker.reset();
}

void ConsoleSession::setProfile(const QString& name, const QUrl& baseUrl) {
    m_profile = name.isEmpty() ? QStringLiteral("default") : name;
    m_keyLabel = m_profile;
    if (!baseUrl.isEmpty())
        m_config.baseUrl = baseUrl;
}

void ConsoleSession::openLedger(const QString& path) {
    stopMonitor();
    m_ledgerOpen = false;
    m_ledgerPath = path;
    m_worker = std::make_unique<LedgerWorker>();
    connect(m_worker.get(), &LedgerWorker::opened, this, &ConsoleSession::onLedgerOpened);
    m_worker->open(path);
    m_operations->setWorker(m_worker.get());
}

void ConsoleSession::onLedgerOpened(bool ok, const QString& error) {
    m_ledgerOpen = ok;
    if (!ok) {
        Q_EMIT ledgerFailed(error);
        return;
    }
    Q_EMIT ledgerOpened();
    if (m_monitorWanted)
        lookForKey();
}

void ConsoleSession::startMonitoring() {
    if (m_monitorWanted)
        return;
    m_monitorWanted = true;
    if (m_ledgerOpen)
        lookForKey();
}

void ConsoleSession::lookForKey() {
    if (m_monitor || m_lookingForKey)
        return;
    const ApiError urlError = ApiClient::checkUrl(m_config.baseUrl);
    if (urlError.isError()) {
        unavailable(
            tr("The API address %1 cannot be used: %2 Set ANTHROPIC_BASE_URL to an https address "
               "(or http on this machine only).")
                .arg(m_config.displayBaseUrl(), urlError.toString()));
        return;
    }
    m_lookingForKey = true;
    m_secrets = std::make_unique<SecretStore>();
    m_secrets->findApiKey(m_keyLabel, this, [this](const SecretStore::Result& r) {
        m_lookingForKey = false;
        if (r.isOk())
            startWithKey(r.secret);
        else
            unavailable(tr("Batches are not watched. %1").arg(r.message));
    });
}

void ConsoleSession::startWithKey(const QString& key) {
    if (m_monitor)
        return;
    ApiConfig config = m_config;
    config.apiKey = key;
    m_monitorThread = new QThread;
    m_monitorThread->setObjectName(QStringLiteral("monitor"));
    m_monitor = new MonitorWorker;
    m_monitor->moveToThread(m_monitorThread);
    connect(m_monitor, &MonitorWorker::started, this, [this](bool ok, const QString& error) {
        m_monitoring = ok;
        m_operations->setMonitor(ok ? m_monitor : nullptr);
        if (ok)
            Q_EMIT monitoringStarted();
        else
            unavailable(tr("Batches are not watched: %1").arg(error));
    });
    connect(m_monitor, &MonitorWorker::cycleFinished, this, &ConsoleSession::cycleFinished);
    connect(m_monitor, &MonitorWorker::pollFailed, this, &ConsoleSession::pollFailed);
    connect(m_monitor, &MonitorWorker::ingestionDone, this, &ConsoleSession::ingestionDone);
    connect(m_monitor, &MonitorWorker::submitProgress, this, &ConsoleSession::submitProgress);
    connect(m_monitor, &MonitorWorker::submitPartSending, this, &ConsoleSession::submitPartSending);
    connect(m_monitor, &MonitorWorker::calibrationFinished, this,
            &ConsoleSession::calibrationFinished);
    connect(m_monitor, &MonitorWorker::submitDraftsReserved, this,
            &ConsoleSession::submitDraftsReserved);
    connect(m_monitor, &MonitorWorker::submitFinished, this,
            [this](const FileSubmitter::Result& result) {
                m_submitting = false;
                Q_EMIT submitFinished(result);
            });
    m_monitorThread->start();
    MonitorWorker* monitor = m_monitor;
    const QString path = m_ledgerPath;
    QMetaObject::invokeMethod(
        m_monitor,
        [monitor, config, path, policy = m_pollPolicy] { monitor->start(config, path, policy); },
        Qt::QueuedConnection);
}

void ConsoleSession::stopMonitor() {
    m_monitoring = false;
    m_operations->setMonitor(nullptr);
    m_submitting = false;
    if (!m_monitorThread)
        return;
    // Torn down on its own thread, after whatever it was doing; then the thread ends.
    MonitorWorker* monitor = std::exchange(m_monitor, nullptr);
    monitor->disconnect(this);
    QMetaObject::invokeMethod(
        monitor,
        [monitor] {
            delete monitor;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_monitorThread->wait();
    delete std::exchange(m_monitorThread, nullptr);
}

void ConsoleSession::unavailable(const QString& why) {
    m_unavailable = why;
    Q_EMIT monitoringUnavailable(why);
}

void ConsoleSession::submitFile(const QString& path, const FileSubmitter::Options& options) {
    if (m_submitting || !m_monitor) {
        FileSubmitter::Result result;
        result.message =
            m_submitting ? tr("Another file is being sent; send this one when it is done.")
                         : tr("Nothing was sent: the console is not connected to the API. %1")
                               .arg(m_unavailable.isEmpty() ? tr("It is still starting; try again.")
                                                            : m_unavailable);
        // Queued, as every answer is: the caller connects after calling.
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT submitFinished(result); }, Qt::QueuedConnection);
        return;
    }
    m_submitting = true;
    m_monitor->clearCancel();
    MonitorWorker* monitor = m_monitor;
    FileSubmitter::Options withProfile = options;
    if (withProfile.profile.isEmpty())
        withProfile.profile = m_profile;
    QMetaObject::invokeMethod(
        m_monitor, [monitor, path, options = withProfile] { monitor->submitFile(path, options); },
        Qt::QueuedConnection);
}

void ConsoleSession::calibrateFile(const QString& path) {
    if (!m_monitor) {
        TokenCalibrator::Result result;
        result.message =
            tr("The estimate was not calibrated: the console is not connected to the API. %1")
                .arg(m_unavailable.isEmpty() ? tr("It is still starting; try again.")
                                             : m_unavailable);
        QMetaObject::invokeMethod(
            this, [this, path, result] { Q_EMIT calibrationFinished(path, result); },
            Qt::QueuedConnection);
        return;
    }
    MonitorWorker* monitor = m_monitor;
    QMetaObject::invokeMethod(
        m_monitor, [monitor, path] { monitor->calibrateFile(path); }, Qt::QueuedConnection);
}

void ConsoleSession::cancelSubmit() {
    // Directly: the monitor thread is busy reading or storing the file (the one moment a cancel
    // matters), so a queued call would come too late. MonitorWorker::cancelSubmit is thread-safe.
    if (m_monitor && m_submitting)
        m_monitor->cancelSubmit();
}

void ConsoleSession::refreshNow() {
    if (m_monitor)
        QMetaObject::invokeMethod(m_monitor, &MonitorWorker::pollNow, Qt::QueuedConnection);
}

} // namespace bs
