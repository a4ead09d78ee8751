#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace bs::test {

// A tiny HTTP/1.1 server on 127.0.0.1 for byte-exact transport faults in client unit tests:
// each incoming request takes the next scripted Response (or the fallback). The simulator
// covers the API semantics; this covers what a real server only does by accident (a reset
// after exactly N bytes, a chunk boundary in the middle of a line, a silent server).
class ScriptedServer : public QObject {
    Q_OBJECT

public:
    struct Request {
        QByteArray method;
        QByteArray target;                     // path + query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Response {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 resetAfterBytes = -1; // abort the connection after this many body bytes
        qint64 closeAfterBytes = -1; // close it (FIN, no reset) after this many body bytes
        bool hang = false;           // never answer
        bool chunked = false;        // send body with chunked encoding, in `chunks` pieces
        QList<qsizetype> chunkSizes; // sizes of the chunked pieces (last piece = rest)
    };

    explicit ScriptedServer(QObject* parent = nullptr);
    ~ScriptedServer() override;
    bool listen();
    QUrl baseUrl() const;

    void enqueue(const Response& response) { m_script.append(response); }
    void setFallback(const Response& response) { m_fallback = response; }
    // Called for each request when set; its answer wins over the script.
    std::function<Response(const Request&)> handler;

    const QList<Request>& requests() const { return m_requests; }

    static Response json(int status, const QByteArray& body,
                         QList<QPair<QByteArray, QByteArray>> headers = {});
    static Response apiError(int status, const QByteArray& type, const QByteArray& message,
                             QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const Request& request);

    QTcpServer m_server;
    QList<Response> m_script;
    Response m_fallback;
    QList<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace bs::test
