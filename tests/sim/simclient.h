#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace bs::test {

// A blocking HTTP client for simulator tests (QNetworkAccessManager + a local event loop).
class SimClient {
public:
    struct Reply {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QList<QNetworkReply::RawHeaderPair> headers;
        QByteArray header(const QByteArray& name) const;
        QJsonObject json() const;
        QList<QJsonObject> lines() const; // JSONL body, complete lines only
        QString errorType() const { return json()[u"error"].toObject()[u"type"].toString(); }
    };

    explicit SimClient(const QUrl& base, const QString& key);

    Reply send(const QByteArray& method, const QString& pathOrUrl, const QByteArray& body = {},
               const QList<QPair<QByteArray, QByteArray>>& headers = {}, bool auth = true,
               bool version = true);
    Reply get(const QString& path) { return send("GET", path); }
    Reply post(const QString& path, const QJsonObject& body);
    Reply postRaw(const QString& path, const QByteArray& body) { return send("POST", path, body); }
    Reply del(const QString& path) { return send("DELETE", path); }

    // Helpers over the batches API.
    Reply create(const QJsonArray& requests);
    static QJsonObject request(const QString& customId, const QJsonObject& params);
    static QJsonObject params(const QString& text, int maxTokens = 256,
                              const QString& model = QStringLiteral("claude-haiku-5-5"));
    Reply advance(double seconds);
    Reply addFault(const QJsonObject& rule);

    QUrl base() const { return m_base; }

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_key;
};

} // namespace bs::test
