#pragma once

#include <QObject>

class QSocketNotifier;

namespace bs::cli {

// SIGINT and SIGTERM turned into a Qt signal (the self-pipe trick): the handler only writes
// the signal number to a pipe; a QSocketNotifier on the other end emits received() from the
// event loop, where it is safe to stop things cleanly. One instance per process.
class SignalWatcher : public QObject {
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override; // restores the default handlers
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace bs::cli
