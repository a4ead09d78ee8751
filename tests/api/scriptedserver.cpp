#include "scriptedserver.h"

#include <QTcpSocket>
#include <QUrl>

namespace bs::test {

ScriptedServer::ScriptedServer(QObject* parent)
    : QObject(parent) {
    m_fallback = apiError(500, "api_error", "no scripted response left");
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
}

ScriptedServer::~ScriptedServer() {
    const auto sockets = m_server.findChildren<QTcpSocket*>();
    for (QTcpSocket* socket : sockets)
        socket->disconnect(this);
}

bool ScriptedServer::listen() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedServer::baseUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(m_server.serverPort()));
}

ScriptedServer::Response ScriptedServer::json(int status, const QByteArray& body,
                                              QList<QPair<QByteArray, QByteArray>> headers) {
    Response r;
    r.status = status;
    r.body = body;
    r.headers = std::move(headers);
    r.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json")));
    return r;
}

ScriptedServer::Response ScriptedServer::apiError(int status, const QByteArray& type,
                                                  const QByteArray& message,
                                                  QList<QPair<QByteArray, QByteArray>> headers) {
    headers.append(qMakePair(QByteArray("request-id"), "req_test_" + QByteArray::number(status)));
    return json(status,
                "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" +
                    message + "\"},\"request_id\":\"req_test_" + QByteArray::number(status) + "\"}",
                headers);
}

void ScriptedServer::onNewConnection() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedServer::onReadyRead(QTcpSocket* socket) {
    QByteArray& buf = m_buffers[socket];
    buf += socket->readAll();
    for (;;) {
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request req;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        req.method = first.value(0);
        req.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                req.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = req.headers.value("content-length", "0").toLongLong();
        if (buf.size() < end + 4 + length)
            return;
        req.body = buf.mid(end + 4, length);
        buf.remove(0, end + 4 + length);
        m_requests.append(req);
        respond(socket, req);
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void ScriptedServer::respond(QTcpSocket* socket, const Request& request) {
    Response r =
        handler ? handler(request) : (m_script.isEmpty() ? m_fallback : m_script.takeFirst());
    if (r.hang)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " X\r\n";
    for (const auto& h : r.headers)
        head += h.first + ": " + h.second + "\r\n";
    if (r.chunked)
        head += "transfer-encoding: chunked\r\n";
    else
        head += "content-length: " + QByteArray::number(r.body.size()) + "\r\n";
    head += "connection: keep-alive\r\n\r\n";
    QByteArray body;
    if (r.chunked) {
        qsizetype pos = 0;
        for (qsizetype size : r.chunkSizes) {
            size = qMin(size, r.body.size() - pos);
            if (size <= 0)
                break;
            body += QByteArray::number(size, 16) + "\r\n" + r.body.mid(pos, size) + "\r\n";
            pos += size;
        }
        if (pos < r.body.size())
            body += QByteArray::number(r.body.size() - pos, 16) + "\r\n" + r.body.mid(pos) + "\r\n";
        body += "0\r\n\r\n";
    } else {
        body = r.body;
    }
    if (r.resetAfterBytes >= 0) {
        socket->write(head + body.left(r.resetAfterBytes));
        socket->flush();
        socket->waitForBytesWritten(1000);
        socket->abort();
        return;
    }
    if (r.closeAfterBytes >= 0) {
        // The body ends early, but the connection closes cleanly: only the Content-Length
        // tells the client that bytes are missing.
        socket->write(head + body.left(r.closeAfterBytes));
        socket->disconnectFromHost();
        return;
    }
    socket->write(head + body);
}

} // namespace bs::test
