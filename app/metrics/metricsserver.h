#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace bs {

// A minimal HTTP/1.1 server for Prometheus: GET /metrics answers the text exposition the
// provider returns (made on each scrape, on this object's thread, so the provider may read the
// ledger of that thread); anything else is 404, a non-GET 405. One request per connection
// (Connection: close), requests larger than 8 KiB are refused. Meant for 127.0.0.1.
class MetricsServer : public QObject {
    Q_OBJECT

public:
    using Provider = std::function<QByteArray()>;

    explicit MetricsServer(Provider provider, QObject* parent = nullptr);

    // Port 0 picks a free one. False with errorString() when it cannot listen.
    bool listen(const QHostAddress& address, quint16 port);
    QString errorString() const { return m_server.errorString(); }
    QUrl url() const; // http://HOST:PORT/metrics
    int scrapes() const { return m_scrapes; }

    // "HOST:PORT" -> address and port. False when malformed.
    static bool parseHostPort(const QString& text, QHostAddress* address, quint16* port,
                              QString* host = nullptr);

private:
    void onConnection();
    void onReadable(QTcpSocket* socket);

    QTcpServer m_server;
    Provider m_provider;
    int m_scrapes = 0;
};

} // namespace bs
