#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>

class QThread;

namespace bs {

class ConsoleMetricsWorker;

// What `batchscope-cli watch --metrics/--statsd` serves, from the console: the same
// MetricsServer and MetricsCollector, on a thread of their own with their own ledger
// connection (the GUI thread runs no SQL and never waits on a scrape), and a DogStatsD push
// after each poll cycle when a target is set. Answers start() with serving(url) or failed(why).
class ConsoleMetrics : public QObject {
    Q_OBJECT

public:
    explicit ConsoleMetrics(QObject* parent = nullptr);
    ~ConsoleMetrics() override; // stops the thread

    // `serve`: /metrics on address:port (port 0 picks a free one); `statsd`: "host:port" or
    // empty. Nothing to do when neither is asked for.
    void start(const QString& ledgerPath, bool serve, const QHostAddress& address, quint16 port,
               const QString& statsd);
    QUrl url() const { return m_url; }

    // The console's poll cycles, counted as watch counts its own (ok, or the ApiError kind).
    void recordCycle(bool ok, const QString& errorKind);

Q_SIGNALS:
    void serving(const QUrl& url);
    void failed(const QString& why);

private:
    QThread* m_thread = nullptr;
    ConsoleMetricsWorker* m_worker = nullptr;
    QUrl m_url;
};

} // namespace bs
