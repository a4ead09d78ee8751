#include "resultingestor.h"

#include "monitor/ingestworker.h"

#include <QEventLoop>
#include <QThread>
#include <QTimer>

namespace bs {

namespace {
void registerTypes() {
    static const bool done = [] {
        qRegisterMetaType<bs::IngestProgress>();
        qRegisterMetaType<bs::IngestReport>();
        qRegisterMetaType<bs::MalformedLine>();
        qRegisterMetaType<bs::ApiError>();
        qRegisterMetaType<bs::MessageBatch>();
        return true;
    }();
    Q_UNUSED(done);
}
} // namespace

ResultIngestor::ResultIngestor(const IngestOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options) {
    registerTypes();
}

ResultIngestor::~ResultIngestor() {
    if (m_running && m_canceled)
        m_canceled->store(true);
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &IngestWorker::cancel, Qt::QueuedConnection);
    stopThread();
}

bool ResultIngestor::start(const QString& batchId) {
    return startWorker(batchId, MessageBatch());
}

bool ResultIngestor::start(const MessageBatch& batch) {
    return startWorker(batch.id, batch);
}

bool ResultIngestor::startWorker(const QString& batchId, const MessageBatch& batch) {
    if (m_running)
        return false;
    stopThread(); // the previous run's thread, if any, has already finished its work
    m_running = true;
    m_hasReport = false;
    m_batchId = batchId;
    m_report = IngestReport();
    m_progress = IngestProgress();
    m_progress.batchId = batchId;
    m_canceled = std::make_shared<std::atomic_bool>(false);

    m_thread = new QThread();
    m_thread->setObjectName(QStringLiteral("ingest ") + batchId);
    auto* worker = new IngestWorker(m_options, m_canceled);
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &IngestWorker::progress, this, [this](const IngestProgress& p) {
        m_progress = p;
        Q_EMIT progress(p);
    });
    connect(worker, &IngestWorker::malformedLine, this, &ResultIngestor::malformedLine);
    connect(worker, &IngestWorker::downloadRestarted, this, &ResultIngestor::downloadRestarted);
    connect(worker, &IngestWorker::finished, this, &ResultIngestor::onWorkerFinished);
    m_thread->start();
    QMetaObject::invokeMethod(
        worker, [worker, batchId, batch] { worker->run(batchId, batch); }, Qt::QueuedConnection);
    Q_EMIT started(batchId);
    return true;
}

void ResultIngestor::cancel() {
    if (!m_running)
        return;
    m_canceled->store(true);
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &IngestWorker::cancel, Qt::QueuedConnection);
}

void ResultIngestor::onWorkerFinished(const IngestReport& report) {
    m_report = report;
    m_hasReport = true;
    m_running = false;
    // The worker has closed its connection; its thread only has to wind down.
    if (m_thread)
        m_thread->quit();
    Q_EMIT finished(m_report);
}

void ResultIngestor::stopThread() {
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread; // the worker was deleted on its thread when the thread finished
    m_thread = nullptr;
}

bool ResultIngestor::waitForFinished(int msecs) {
    if (!m_running)
        return m_hasReport;
    QEventLoop loop;
    connect(this, &ResultIngestor::finished, &loop, &QEventLoop::quit);
    QTimer timer;
    if (msecs >= 0) {
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(msecs);
    }
    loop.exec();
    return !m_running;
}

} // namespace bs
