#include "poller.h"

#include "api/apiclient.h"
#include "api/batchjob.h"
#include "api/batchlistjob.h"
#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "monitor/resultingestor.h"

#include <QNetworkInformation>

#include <limits>

namespace bs {

namespace {
bool isConnectionError(const ApiError& e) {
    return e.kind == ApiError::Kind::Network || e.kind == ApiError::Kind::Timeout;
}
} // namespace

Poller::Poller(ApiClient* client, Ledger* ledger, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_ledger(ledger) {
    qRegisterMetaType<bs::Poller::CycleReport>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Poller::pollNow);
}

Poller::~Poller() = default;

void Poller::setupReachability() {
    if (!m_watchReachability)
        return;
    // A backend may be missing (no NetworkManager, containers): then only the
    // connection-error count pauses polling.
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend())
        return;
    QNetworkInformation* info = QNetworkInformation::instance();
    if (!info)
        return;
    auto apply = [this](QNetworkInformation::Reachability r) {
        // Unknown is not offline: many backends never know.
        setOnline(r != QNetworkInformation::Reachability::Disconnected);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(info->reachability());
}

void Poller::setOnline(bool online) {
    if (m_state.online == online)
        return;
    m_state.online = online;
    if (online) {
        // Back online: connection failures of the offline time do not count any more.
        m_state.consecutiveConnectionErrors = 0;
        m_state.consecutiveErrors = 0;
        if (m_running)
            pollNow();
    } else {
        scheduleNext();
    }
}

void Poller::start() {
    if (m_running)
        return;
    m_running = true;
    setupReachability();
    pollNow();
}

void Poller::stop() {
    m_running = false;
    m_timer.stop();
}

void Poller::noteBatchCreated() {
    m_lastCreateNoted = QDateTime::currentDateTimeUtc();
    if (m_running && !m_polling)
        scheduleNext();
}

void Poller::ingestionFinished(const QString& batchId, bool ok) {
    if (!ok)
        m_ingestOffered.remove(batchId);
}

void Poller::enableIngestion(const IngestOptions& options) {
    if (!m_ingestor) {
        m_ingestor = new ResultIngestor(options, this);
        connect(m_ingestor, &ResultIngestor::finished, this, [this](const IngestReport& report) {
            ingestionFinished(report.batchId, report.isComplete());
            Q_EMIT ingestionDone(report);
            QTimer::singleShot(0, this, &Poller::ingestNext);
        });
    } else {
        m_ingestor->setOptions(options);
    }
    m_ingest = [this](const QString& batchId) {
        if (!m_ingestQueue.contains(batchId))
            m_ingestQueue.append(batchId);
        ingestNext();
    };
}

bool Poller::ingestNow(const QString& batchId) {
    if (!m_ingest)
        return false;
    m_ingestOffered.insert(batchId);
    m_explicitIngest.insert(batchId);
    m_ingest(batchId);
    return true;
}

bool Poller::isIngesting() const {
    return m_ingestor && (m_ingestor->isRunning() || !m_ingestQueue.isEmpty());
}

void Poller::ingestNext() {
    if (!m_ingestor || m_ingestor->isRunning() || m_ingestQueue.isEmpty())
        return;
    const QString id = m_ingestQueue.takeFirst();
    // Offered by a cycle: skipped when another watcher of the ledger has ingested it since the
    // cycle read it. Asked for (ingestNow): read again in any case.
    IngestOptions options = m_ingestor->options();
    options.onlyIfNotIngested = !m_explicitIngest.remove(id);
    m_ingestor->setOptions(options);
    if (!m_ingestor->start(id))
        ingestionFinished(id, false); // offered again on a later cycle
}

void Poller::pollNow() {
    if (!m_client || !m_ledger)
        return;
    if (m_polling) {
        m_again = true;
        return;
    }
    m_timer.stop();
    m_polling = true;
    m_again = false;
    m_cycle = CycleReport{};
    m_seen.clear();
    m_toRetrieve.clear();
    m_trackedUnended.clear();
    const QList<BatchRecord> unended = BatchStore(*m_ledger).unended();
    for (const BatchRecord& r : unended)
        m_trackedUnended.insert(r.batch.id);
    Q_EMIT cycleStarted();
    listPage(QString());
}

void Poller::listPage(const QString& afterId) {
    ++m_cycle.httpRequests;
    ++m_cycle.listPages;
    BatchListJob* job = m_client->listBatches(m_pageSize, afterId);
    connect(job, &BatchListJob::finished, this, [this, job](const ApiError& error) {
        if (error.isError()) {
            finishCycle(error);
            return;
        }
        const BatchPage& page = job->page();
        onPage(page.data, page.hasMore, page.lastId);
    });
}

void Poller::onPage(const QList<MessageBatch>& page, bool hasMore, const QString& lastId) {
    if (!absorb(page)) {
        finishCycle(ledgerError());
        return;
    }
    QStringList missing;
    for (const QString& id : std::as_const(m_trackedUnended)) {
        if (!m_seen.contains(id))
            missing.append(id);
    }
    if (missing.isEmpty()) {
        finishCycle({});
        return;
    }
    // Older than this page: page on while many are missing, else retrieve them one by one.
    if (hasMore && !lastId.isEmpty() && missing.size() > m_retrieveThreshold) {
        listPage(lastId);
        return;
    }
    missing.sort();
    m_toRetrieve = missing;
    retrieveNext();
}

void Poller::retrieveNext() {
    if (m_toRetrieve.isEmpty()) {
        finishCycle({});
        return;
    }
    const QString id = m_toRetrieve.takeFirst();
    ++m_cycle.httpRequests;
    ++m_cycle.retrieves;
    BatchJob* job = m_client->retrieveBatch(id);
    connect(job, &BatchJob::finished, this, [this, job, id](const ApiError& error) {
        if (error.isError()) {
            if (error.kind == ApiError::Kind::Http && error.httpStatus == 404) {
                // Deleted, or from another workspace. The first time, keep the row and report
                // it; a second 404 on a later cycle confirms it: the batch is gone.
                m_cycle.notFound.append(id);
                if (!m_notFoundBefore.contains(id)) {
                    m_notFoundBefore.insert(id);
                } else {
                    if (!BatchStore(*m_ledger).markGone(id)) {
                        finishCycle(ledgerError());
                        return;
                    }
                    m_notFoundBefore.remove(id);
                    m_cycle.gone.append(id);
                }
                retrieveNext();
                return;
            }
            finishCycle(error);
            return;
        }
        if (!absorb({job->batch()})) {
            finishCycle(ledgerError());
            return;
        }
        retrieveNext();
    });
}

ApiError Poller::ledgerError() const {
    return ApiError::make(ApiError::Kind::Config,
                          tr("The ledger could not store what the server reported, so this poll "
                             "does not count; polling backs off and tries again. %1")
                              .arg(m_ledger ? m_ledger->lastError() : QString()));
}

bool Poller::absorb(const QList<MessageBatch>& batches) {
    BatchStore store(*m_ledger);
    DraftStore drafts(*m_ledger);
    QList<MessageBatch> known;
    QList<MessageBatch> foreign;
    for (const MessageBatch& b : batches) {
        m_seen.insert(b.id);
        m_notFoundBefore.remove(b.id); // the server knows it after all
        // An ended batch already stored as it is now changes only when it is archived: skip the
        // lookup (a page is mostly such batches).
        const auto cached = m_endedStored.constFind(b.id);
        if (b.isEnded() && cached != m_endedStored.cend() && *cached == b.archivedAt.isValid())
            continue;
        const auto row = store.find(b.id);
        if (row) {
            if (!(row->batch == b)) {
                known.append(b);
                m_cycle.updated.append(b.id);
                if (!row->batch.isEnded() && b.isEnded())
                    m_cycle.ended.append(b.id);
            } else if (b.isEnded())
                m_endedStored.insert(b.id, b.archivedAt.isValid());
        } else {
            foreign.append(b);
        }
    }
    if (!known.isEmpty()) {
        if (!store.upsert(known)) {
            // Not stored: nothing is announced for these rows (no batchEnded for a batch the
            // ledger still holds as running), and the cycle fails (backoff kept).
            for (const MessageBatch& b : std::as_const(known)) {
                m_cycle.updated.removeAll(b.id);
                m_cycle.ended.removeAll(b.id);
            }
            return false;
        }
        for (const MessageBatch& b : std::as_const(known)) {
            if (b.isEnded())
                m_endedStored.insert(b.id, b.archivedAt.isValid());
        }
    }
    if (foreign.isEmpty())
        return true;

    // A draft that was being created when the app stopped: attach instead of "discovering".
    bool anyCreating = false;
    const QList<DraftInfo> open = drafts.unattached();
    for (const DraftInfo& d : open)
        anyCreating = anyCreating || d.state == DraftInfo::State::Creating;
    QList<MessageBatch> discovered;
    for (const MessageBatch& b : std::as_const(foreign)) {
        if (anyCreating) {
            const QString localId = drafts.matchForBatch(b);
            if (!localId.isEmpty() && drafts.attach(localId, b)) {
                m_cycle.reconciled.append(localId);
                m_cycle.updated.append(b.id);
                continue;
            }
        }
        if (m_discover)
            discovered.append(b);
    }
    if (!discovered.isEmpty()) {
        if (!store.upsertDiscovered(discovered))
            return false;
        for (const MessageBatch& b : std::as_const(discovered))
            m_cycle.discovered.append(b.id);
    }
    return true;
}

void Poller::finishCycle(const ApiError& error) {
    m_polling = false;
    m_cycle.ok = error.isOk();
    m_cycle.error = error;
    if (error.isOk()) {
        m_state.consecutiveErrors = 0;
        m_state.consecutiveConnectionErrors = 0;
    } else {
        ++m_state.consecutiveErrors;
        if (isConnectionError(error))
            ++m_state.consecutiveConnectionErrors;
        else
            m_state.consecutiveConnectionErrors = 0;
    }
    m_state.changedLastCycle = !m_cycle.updated.isEmpty() || !m_cycle.discovered.isEmpty();

    const QList<BatchRecord> unended = BatchStore(*m_ledger).unended();
    m_state.inProgress = int(unended.size());
    m_state.youngestAgeMs = -1;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const BatchRecord& r : unended) {
        QDateTime created = r.batch.createdAt;
        if (r.local.submittedAt.isValid() && r.local.submittedAt > created)
            created = r.local.submittedAt;
        const qint64 age = created.isValid() ? qMax<qint64>(0, created.msecsTo(now)) : 0;
        if (m_state.youngestAgeMs < 0 || age < m_state.youngestAgeMs)
            m_state.youngestAgeMs = age;
    }
    if (m_lastCreateNoted.isValid()) {
        const qint64 age = qMax<qint64>(0, m_lastCreateNoted.msecsTo(now));
        if (m_state.youngestAgeMs < 0 || age < m_state.youngestAgeMs)
            m_state.youngestAgeMs = age;
    }

    m_cycle.nextIntervalMs = m_schedule.nextInterval(m_state);
    m_last = m_cycle;

    if (!m_cycle.updated.isEmpty() || !m_cycle.discovered.isEmpty() || !m_cycle.gone.isEmpty()) {
        QStringList all = m_cycle.updated + m_cycle.discovered + m_cycle.gone;
        all.removeDuplicates();
        Q_EMIT batchesChanged(all);
    }
    for (const QString& id : std::as_const(m_last.discovered))
        Q_EMIT batchDiscovered(id);
    for (const QString& id : std::as_const(m_last.ended))
        Q_EMIT batchEnded(id);
    for (const QString& id : std::as_const(m_last.gone))
        Q_EMIT batchGone(id);
    if (error.isError())
        Q_EMIT errorOccurred(error);
    if (error.isOk())
        offerIngestion();
    scheduleNext();
    Q_EMIT cycleFinished(m_last);
    if (m_again && m_running)
        QTimer::singleShot(0, this, &Poller::pollNow);
}

void Poller::offerIngestion() {
    const QList<BatchRecord> waiting = BatchStore(*m_ledger).awaitingIngest();
    for (const BatchRecord& r : waiting) {
        if (m_ingestOffered.contains(r.batch.id))
            continue;
        m_ingestOffered.insert(r.batch.id);
        Q_EMIT ingestionNeeded(r.batch.id);
        if (m_ingest)
            m_ingest(r.batch.id);
    }
}

void Poller::scheduleNext() {
    m_intervalMs = m_schedule.nextInterval(m_state);
    const bool paused = m_schedule.isPaused(m_state);
    if (paused != m_wasPaused) {
        m_wasPaused = paused;
        Q_EMIT pausedChanged(paused);
    }
    if (m_running && !m_polling)
        m_timer.start(int(qMin<qint64>(m_intervalMs, std::numeric_limits<int>::max())));
}

} // namespace bs
