#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace bs::test {

// A real HTTP/1.1 server on 127.0.0.1 (port 0) standing in for a Slack incoming webhook: it
// records each POST (path, body) and answers with the next scripted status (200 "ok" once the
// script is used up). Minimal on purpose: Content-Length bodies, one request per connection
// or keep-alive, no chunked uploads (QNetworkAccessManager sends Content-Length).
class WebhookReceiver : public QObject {
    Q_OBJECT

public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QByteArray body;
    };

    explicit WebhookReceiver(QObject* parent = nullptr);
    bool start(); // listens on 127.0.0.1:0
    // A webhook URL on this server; the path looks like Slack's (/services/T/B/secret).
    QUrl url(const QByteArray& path = "/services/T0TEST/B0TEST/s3cr3tW3bh00kT0k3n") const;

    // The statuses of the next answers, in order (e.g. {500, 500, 500}).
    void script(const QList<int>& statuses) { m_script = statuses; }
    const QList<Request>& requests() const { return m_requests; }

Q_SIGNALS:
    void received(int count);

private:
    void onConnection();
    void onReadable(QTcpSocket* socket);

    QTcpServer m_server;
    QList<int> m_script;
    QList<Request> m_requests;
};

} // namespace bs::test
