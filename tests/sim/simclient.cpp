#include "simclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>

namespace bs::test {

QByteArray SimClient::Reply::header(const QByteArray& name) const {
    for (const auto& [k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QJsonObject SimClient::Reply::json() const {
    return QJsonDocument::fromJson(body).object();
}

QList<QJsonObject> SimClient::Reply::lines() const {
    QList<QJsonObject> out;
    for (const QByteArray& line : body.split('\n')) {
        if (!line.isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

SimClient::SimClient(const QUrl& base, const QString& key)
    : m_base(base)
    , m_key(key) {}

SimClient::Reply SimClient::send(const QByteArray& method, const QString& pathOrUrl,
                                 const QByteArray& body,
                                 const QList<QPair<QByteArray, QByteArray>>& headers, bool auth,
                                 bool version) {
    const QUrl url = pathOrUrl.startsWith(QStringLiteral("http"))
                         ? QUrl(pathOrUrl)
                         : m_base.resolved(QUrl(pathOrUrl));
    QNetworkRequest req(url);
    req.setTransferTimeout(120000);
    if (auth)
        req.setRawHeader("x-api-key", m_key.toUtf8());
    if (version)
        req.setRawHeader("anthropic-version", "2023-06-01");
    if (!body.isEmpty() || method == "POST")
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto& [k, v] : headers)
        req.setRawHeader(k, v);
    QNetworkReply* reply = m_nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

SimClient::Reply SimClient::post(const QString& path, const QJsonObject& body) {
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

SimClient::Reply SimClient::create(const QJsonArray& requests) {
    return post(QStringLiteral("/v1/messages/batches"),
                QJsonObject{{QStringLiteral("requests"), requests}});
}

QJsonObject SimClient::request(const QString& customId, const QJsonObject& params) {
    return {{QStringLiteral("custom_id"), customId}, {QStringLiteral("params"), params}};
}

QJsonObject SimClient::params(const QString& text, int maxTokens, const QString& model) {
    return {{QStringLiteral("model"), model},
            {QStringLiteral("max_tokens"), maxTokens},
            {QStringLiteral("messages"),
             QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), text}}}}};
}

SimClient::Reply SimClient::advance(double seconds) {
    return post(QStringLiteral("/_sim/clock"), {{QStringLiteral("advance_seconds"), seconds}});
}

SimClient::Reply SimClient::addFault(const QJsonObject& rule) {
    return post(QStringLiteral("/_sim/faults"), rule);
}

} // namespace bs::test
