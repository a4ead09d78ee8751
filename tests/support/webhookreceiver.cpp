#include "webhookreceiver.h"

#include <QHash>
#include <QTcpSocket>

namespace bs::test {

WebhookReceiver::WebhookReceiver(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &WebhookReceiver::onConnection);
}

bool WebhookReceiver::start() {
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl WebhookReceiver::url(const QByteArray& path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2")
                    .arg(m_server.serverPort())
                    .arg(QString::fromLatin1(path)));
}

void WebhookReceiver::onConnection() {
    while (QTcpSocket* s = m_server.nextPendingConnection()) {
        s->setParent(this);
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadable(s); });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }
}

void WebhookReceiver::onReadable(QTcpSocket* s) {
    // The bytes of the request so far live in a dynamic property of the socket.
    QByteArray buf = s->property("buf").toByteArray() + s->readAll();
    for (;;) {
        const qsizetype headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (buf.size() < headerEnd + 4 + length)
            break;
        Request r{first.value(0), first.value(1), buf.mid(headerEnd + 4, length)};
        buf.remove(0, headerEnd + 4 + length);
        m_requests.append(r);
        const int status = m_script.isEmpty() ? 200 : m_script.takeFirst();
        const QByteArray body = status == 200 ? QByteArray("ok") : QByteArray("internal_error");
        s->write("HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") +
                 "\r\nContent-Type: text/plain\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
        s->flush();
        Q_EMIT received(int(m_requests.size()));
    }
    s->setProperty("buf", buf);
}

} // namespace bs::test
