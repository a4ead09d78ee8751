#include "batchlistjob.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace bs {

BatchListJob::BatchListJob(ApiClient* client, const QUrl& url, bool followPages,
                           const QString& operation)
    : ApiJob(client, Method::Get, url, QByteArray(), operation)
    , m_followPages(followPages) {}

ApiError BatchListJob::handleSuccess(const QByteArray& body) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject() ||
        !doc.object().value(QLatin1String("data")).isArray())
        return ApiError::make(ApiError::Kind::Parse,
                              ApiError::tr("the answer is not a page of batches"));
    m_page = BatchPage::fromJson(doc.object());
    ++m_pages;
    m_batches.append(m_page.data);
    Q_EMIT pageReceived(m_page);
    if (m_followPages && m_page.hasMore && !m_page.lastId.isEmpty()) {
        QUrl next = url();
        QUrlQuery query(next);
        query.removeAllQueryItems(QStringLiteral("before_id"));
        query.removeAllQueryItems(QStringLiteral("after_id"));
        query.addQueryItem(QStringLiteral("after_id"), m_page.lastId);
        next.setQuery(query);
        continueWith(next);
    }
    return {};
}

} // namespace bs
