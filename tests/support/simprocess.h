#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace bs::test {

// A real batchscope-sim on 127.0.0.1, port 0, started for one test and stopped with it.
// The simulator prints its base URL as the first line on stdout; start() waits for it.
class SimProcess {
public:
    SimProcess() = default;
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    // Starts the simulator with these extra arguments (e.g. {"--speed", "0"}). The default
    // API key is fakeKey(). Returns false (and fills errorString()) when it does not come up.
    bool start(const QStringList& extraArgs = {}, int timeoutMs = 15000);
    void stop();
    // SIGKILL, for crash tests.
    void kill();

    QUrl baseUrl() const { return m_baseUrl; }
    QString errorString() const { return m_error; }
    QByteArray log() const; // what the simulator printed after its first line
    qint64 pid() const { return m_process.processId(); }

    static QString simPath();
    // An obviously fake key: tests never carry anything that looks like a real one.
    static QString fakeKey() { return QStringLiteral("test-key-not-a-real-secret"); }

private:
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_error;
    QByteArray m_rest;
};

} // namespace bs::test
