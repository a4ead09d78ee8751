#pragma once

#include "export/resultexporter.h"

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace bs {

// A ResultExporter on a thread of its own with its own Ledger connection, for the console: the
// GUI thread starts it and gets progress() and finished() queued; cancel() stops it between two
// pages and leaves no file. One export per object; destroying it cancels a running export and
// waits for its thread.
class ExportJob : public QObject {
    Q_OBJECT

public:
    explicit ExportJob(QObject* parent = nullptr);
    ~ExportJob() override;

    void start(const QString& ledgerPath, const QStringList& batchIds,
               ResultExporter::Format format, const QString& path);
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const bs::ResultExporter::Outcome& outcome);

private:
    QThread* m_thread = nullptr;
    std::atomic_bool m_cancel{false};
};

} // namespace bs

Q_DECLARE_METATYPE(bs::ResultExporter::Outcome)
