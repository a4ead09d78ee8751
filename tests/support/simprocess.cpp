#include "simprocess.h"

#include <QDeadlineTimer>

namespace bs::test {

SimProcess::~SimProcess() {
    stop();
}

QString SimProcess::simPath() {
#ifdef BS_SIM_PATH
    return QStringLiteral(BS_SIM_PATH);
#else
    return QString::fromLocal8Bit(qgetenv("BS_SIM_PATH"));
#endif
}

bool SimProcess::start(const QStringList& extraArgs, int timeoutMs) {
    QStringList args{QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"), QStringLiteral("0")};
    if (!extraArgs.contains(QStringLiteral("--api-key")))
        args << QStringLiteral("--api-key") << fakeKey();
    args << extraArgs;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setProgram(simPath());
    m_process.setArguments(args);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("batchscope-sim did not start: ") + m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray first;
    while (!deadline.hasExpired()) {
        if (m_process.canReadLine()) {
            first = m_process.readLine().trimmed();
            break;
        }
        if (m_process.state() != QProcess::Running)
            break;
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    m_baseUrl = QUrl(QString::fromUtf8(first));
    if (!m_baseUrl.isValid() || m_baseUrl.port() <= 0) {
        m_error = QStringLiteral("batchscope-sim printed no base URL (first line: '") +
                  QString::fromUtf8(first) + QStringLiteral("', stderr: ") +
                  QString::fromUtf8(m_process.readAllStandardError()) + QStringLiteral(")");
        return false;
    }
    return true;
}

QByteArray SimProcess::log() const {
    auto* self = const_cast<SimProcess*>(this);
    self->m_rest += self->m_process.readAllStandardOutput();
    return m_rest + self->m_process.readAllStandardError();
}

void SimProcess::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void SimProcess::kill() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

} // namespace bs::test
