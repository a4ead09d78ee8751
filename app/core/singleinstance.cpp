#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>

namespace bs {

namespace {
// A handed-over message is a few paths: anything longer is not ours.
constexpr qint64 kMaxMessageBytes = 1 << 20;

QString canonicalLedgerPath(const QString& path) {
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    // Not created yet: its folder's canonical path (symlinks resolved) and its name.
    const QString dir = info.absoluteDir().canonicalPath();
    return dir.isEmpty() ? QDir::cleanPath(info.absoluteFilePath())
                         : dir + QLatin1Char('/') + info.fileName();
}
} // namespace

SingleInstance::SingleInstance(const QString& ledgerPath, QObject* parent)
    : QObject(parent)
    , m_name(serverName(ledgerPath)) {}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString& ledgerPath) {
    // The user is part of the hash: two users on one machine never meet on one socket name
    // (QLocalServer's names live in one shared temporary folder).
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(qgetenv("USER"));
    hash.addData("\n");
    hash.addData(QDir::homePath().toUtf8());
    hash.addData("\n");
    hash.addData(canonicalLedgerPath(ledgerPath).toUtf8());
    return QStringLiteral("batchscope-") + QString::fromLatin1(hash.result().toHex().left(24));
}

bool SingleInstance::handOver(const QStringList& files, int timeoutMs) {
    return handOver(files, Focus(), timeoutMs);
}

bool SingleInstance::handOver(const QStringList& files, const Focus& focus, int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false; // none runs (or a stale socket: listen() removes it)
    QJsonObject message;
    message.insert(QStringLiteral("files"), QJsonArray::fromStringList(files));
    if (!focus.batchId.isEmpty()) {
        message.insert(QStringLiteral("batch"), focus.batchId);
        message.insert(QStringLiteral("items"), focus.items);
        if (!focus.itemId.isEmpty())
            message.insert(QStringLiteral("item"), focus.itemId);
    }
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen() {
    if (m_server)
        return m_server->isListening();
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (m_server->listen(m_name))
        return true;
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // Left behind by a console that is gone (handOver() found nobody answering on it).
        QLocalServer::removeServer(m_name);
        if (m_server->listen(m_name))
            return true;
    }
    m_error = m_server->errorString();
    return false;
}

bool SingleInstance::isListening() const {
    return m_server && m_server->isListening();
}

void SingleInstance::onNewConnection() {
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QPointer<QLocalSocket> guard(socket);
        connect(socket, &QLocalSocket::readyRead, this, [this, guard] {
            if (!guard)
                return;
            if (!guard->canReadLine()) {
                if (guard->bytesAvailable() > kMaxMessageBytes)
                    guard->abort();
                return;
            }
            const QJsonObject message =
                QJsonDocument::fromJson(guard->readLine(kMaxMessageBytes)).object();
            QStringList files;
            for (const QJsonValue& v : message.value(QStringLiteral("files")).toArray()) {
                if (v.isString() && !v.toString().isEmpty())
                    files << v.toString();
            }
            guard->write("ok\n");
            guard->flush();
            guard->disconnectFromServer();
            Q_EMIT filesHandedOver(files);
            const QString batch = message.value(QStringLiteral("batch")).toString();
            if (!batch.isEmpty())
                Q_EMIT batchFocusRequested(batch, message.value(QStringLiteral("items")).toBool(),
                                           message.value(QStringLiteral("item")).toString());
        });
    }
}

} // namespace bs
