#include "metricsserver.h"

#include <QHostInfo>
#include <QTcpSocket>

namespace bs {

namespace {
constexpr qsizetype kMaxRequest = 8192;

void answer(QTcpSocket* s, const QByteArray& status, const QByteArray& type,
            const QByteArray& body) {
    s->write("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " +
             QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    s->disconnectFromHost();
}
} // namespace

MetricsServer::MetricsServer(Provider provider, QObject* parent)
    : QObject(parent)
    , m_provider(std::move(provider)) {
    connect(&m_server, &QTcpServer::newConnection, this, &MetricsServer::onConnection);
}

bool MetricsServer::listen(const QHostAddress& address, quint16 port) {
    return m_server.listen(address, port);
}

QUrl MetricsServer::url() const {
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_server.serverAddress().toString());
    u.setPort(m_server.serverPort());
    u.setPath(QStringLiteral("/metrics"));
    return u;
}

bool MetricsServer::parseHostPort(const QString& text, QHostAddress* address, quint16* port,
                                  QString* hostOut) {
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    QHostAddress a;
    if (host == QLatin1String("localhost"))
        a = QHostAddress::LocalHost;
    else if (!a.setAddress(host)) {
        const QHostInfo info = QHostInfo::fromName(host); // a name: resolved once, here
        if (info.addresses().isEmpty())
            return false;
        a = info.addresses().first();
    }
    *address = a;
    *port = quint16(p);
    if (hostOut)
        *hostOut = host;
    return true;
}

void MetricsServer::onConnection() {
    while (QTcpSocket* s = m_server.nextPendingConnection()) {
        s->setParent(this);
        connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadable(s); });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }
}

void MetricsServer::onReadable(QTcpSocket* s) {
    if (s->property("answered").toBool()) {
        s->readAll();
        return;
    }
    QByteArray buf = s->property("buf").toByteArray() + s->readAll();
    if (buf.size() > kMaxRequest) {
        s->setProperty("answered", true);
        answer(s, "431 Request Header Fields Too Large", "text/plain", "too large\n");
        return;
    }
    if (!buf.contains("\r\n\r\n")) {
        s->setProperty("buf", buf);
        return;
    }
    s->setProperty("answered", true);
    const QList<QByteArray> first = buf.left(buf.indexOf("\r\n")).split(' ');
    const QByteArray method = first.value(0);
    QByteArray path = first.value(1);
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    if (path != "/metrics") {
        answer(s, "404 Not Found", "text/plain", "not found: try /metrics\n");
        return;
    }
    if (method != "GET" && method != "HEAD") {
        answer(s, "405 Method Not Allowed", "text/plain", "GET only\n");
        return;
    }
    ++m_scrapes;
    const QByteArray body = m_provider ? m_provider() : QByteArray();
    if (body.isNull()) {
        answer(s, "503 Service Unavailable", "text/plain", "the ledger could not be read\n");
        return;
    }
    answer(s, "200 OK", "text/plain; version=0.0.4; charset=utf-8",
           method == "HEAD" ? QByteArray() : body);
}

} // namespace bs
