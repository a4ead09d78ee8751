#include "exportjob.h"

#include "ledger/ledger.h"

#include <QThread>

namespace bs {

ExportJob::ExportJob(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<bs::ResultExporter::Outcome>();
}

ExportJob::~ExportJob() {
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ExportJob::start(const QString& ledgerPath, const QStringList& batchIds,
                      ResultExporter::Format format, const QString& path) {
    if (m_thread)
        return;
    m_cancel = false;
    m_thread = QThread::create([this, ledgerPath, batchIds, format, path] {
        ResultExporter::Outcome outcome;
        QString error;
        std::unique_ptr<Ledger> ledger = Ledger::openForThisThread(ledgerPath, &error);
        if (!ledger) {
            outcome.message = error;
        } else {
            ResultExporter exporter(*ledger);
            exporter.setCancelFlag(&m_cancel);
            // Emitted from this thread: queued to the receivers on theirs.
            exporter.setProgress(
                [this](qint64 done, qint64 total) { Q_EMIT progress(done, total); });
            // Test hook (tests/README.md): hold after this many rows until canceled.
            const qint64 hold = qEnvironmentVariableIntValue("BS_TEST_EXPORT_HOLD_AFTER_ROWS");
            if (hold > 0)
                exporter.setHoldAfterRows(hold);
            outcome = exporter.exportTo(batchIds, format, path);
        }
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                if (m_thread) {
                    m_thread->wait();
                    delete std::exchange(m_thread, nullptr);
                }
                Q_EMIT finished(outcome);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("export"));
    m_thread->start();
}

} // namespace bs
