#pragma once

#include "api/apiconfig.h"
#include "api/apierror.h"
#include "intake/tokencalibrator.h"
#include "monitor/filesubmitter.h"
#include "monitor/ingestrecords.h"
#include "monitor/poller.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace bs {

class BatchOperations;
class LedgerWorker;
class MonitorWorker;
class SecretStore;

// What the console runs besides its widgets, with no SQL and no waiting on the GUI thread:
//  - a LedgerWorker (a thread with its own ledger connection) that answers the views' reads and
//    runs their writes, through queued calls;
//  - once an API key is found, a monitor thread (MonitorWorker: its own ledger connection,
//    ApiClient and Poller) that keeps every unfinished batch current and ingests ended ones
//    (on the ingestion's own threads).
// The GUI learns of the ledger's changes through LedgerNotifier (queued, whichever thread wrote).
//
// The key comes from SecretStore::findApiKey() (ANTHROPIC_API_KEY when set, else the keychain
// entry `api-key/default` the CLI writes), as the CLI's does; it stays in memory only. The base URL
// is ApiConfig::fromEnvironment() (ANTHROPIC_BASE_URL honoured).
class ConsoleSession : public QObject {
    Q_OBJECT

public:
    explicit ConsoleSession(QObject* parent = nullptr);
    // Stops the monitor thread and the ledger worker (each finishes what it is running).
    ~ConsoleSession() override;

    // Opens (creating, migrating) the ledger on the worker thread and returns at once; answers
    // with ledgerOpened() or ledgerFailed(why). The worker's jobs queued meanwhile run after it.
    void openLedger(const QString& path);
    LedgerWorker* worker() const { return m_worker.get(); }
    QString ledgerPath() const { return m_ledgerPath; }
    bool isLedgerOpen() const { return m_ledgerOpen; }

    // The keychain entry to read (SecretStore label; empty = "default", what `batchscope-cli key
    // set` writes).
    void setKeyLabel(const QString& label) { m_keyLabel = label; }
    // The named profile (Profiles) the console works under, before startMonitoring(): its key's
    // keychain entry, its base URL when not empty, and the profile new batches record.
    void setProfile(const QString& name, const QUrl& baseUrl);
    QString profile() const { return m_profile; }
    // The poll schedule (Settings: the interval bounds), before startMonitoring().
    void setPollPolicy(const PollSchedule::Policy& policy) { m_pollPolicy = policy; }
    // Looks for the key and starts polling once the ledger is open; answers with
    // monitoringStarted() or monitoringUnavailable(why).
    void startMonitoring();
    bool isMonitoring() const { return m_monitoring; }
    QUrl baseUrl() const { return m_config.baseUrl; }
    // Why nothing can be sent or watched (monitoringUnavailable's message); empty otherwise.
    QString unavailableReason() const { return m_unavailable; }

    // Sends a checked JSONL file: a FileSubmitter on the monitor thread (it owns the ApiClient
    // and the writing Ledger) scans it again, passes the budget gate, stores every request
    // write-ahead and creates the batches. Answers with submitProgress(), submitDraftsReserved()
    // (the drafts exist: the table shows them) and exactly one submitFinished(), queued on this
    // thread. One submission at a time (isSubmitting()); without monitoring it fails at once.
    void submitFile(const QString& path, const bs::FileSubmitter::Options& options);
    // Stops the running submission until its create is answered (see FileSubmitter::cancel).
    void cancelSubmit();
    // Calibrates the estimate of `path` with count_tokens on a sample of its requests (asked
    // for in the Submit dialog; nothing is created). Answers with one calibrationFinished(),
    // queued on this thread; without an API connection it fails saying why.
    void calibrateFile(const QString& path);
    bool isSubmitting() const { return m_submitting; }

    // --- Batch operations (cancel, delete, ingest now, attach source, retry) -----------------
    // Lives as long as the session; its API calls run on the monitor thread once monitoring has
    // started (before that they answer "not watching").
    BatchOperations* operations() const { return m_operations.get(); }

public Q_SLOTS:
    // One poll cycle now (when monitoring).
    void refreshNow();

Q_SIGNALS:
    void ledgerOpened();
    void ledgerFailed(const QString& why);
    void monitoringStarted();
    // No key, or the keychain failed: what to do is in the message (translated, redacted).
    void monitoringUnavailable(const QString& why);
    void cycleFinished(const bs::Poller::CycleReport& report);
    void pollFailed(const bs::ApiError& error);
    void ingestionDone(const bs::IngestReport& report);
    void submitProgress(bs::FileSubmitter::Stage stage, qint64 done, qint64 total);
    void submitDraftsReserved(const QStringList& localIds);
    // Part `index` (0-based) of `count` is being uploaded (submitProgress then counts its bytes).
    void submitPartSending(int index, int count);
    void submitFinished(const bs::FileSubmitter::Result& result);
    void calibrationFinished(const QString& path, const bs::TokenCalibrator::Result& result);

private:
    void onLedgerOpened(bool ok, const QString& error);
    void lookForKey();
    void startWithKey(const QString& key);
    void stopMonitor();
    void unavailable(const QString& why);

    std::unique_ptr<LedgerWorker> m_worker;
    std::unique_ptr<SecretStore> m_secrets;
    QThread* m_monitorThread = nullptr;
    MonitorWorker* m_monitor = nullptr; // lives on m_monitorThread
    ApiConfig m_config;
    QString m_keyLabel;
    QString m_profile = QStringLiteral("default");
    PollSchedule::Policy m_pollPolicy;
    QString m_ledgerPath;
    bool m_ledgerOpen = false;
    bool m_monitorWanted = false;
    bool m_lookingForKey = false;
    bool m_monitoring = false;
    // Batch operations: destroyed after the monitor thread was stopped (in the destructor).
    std::unique_ptr<BatchOperations> m_operations;
    bool m_submitting = false;
    QString m_unavailable;
};

} // namespace bs
