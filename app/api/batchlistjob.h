#pragma once

#include "apijob.h"
#include "messagebatch.h"

namespace bs {

// GET /v1/messages/batches: one page, or (followPages) every page, newest batch first.
class BatchListJob : public ApiJob {
    Q_OBJECT

public:
    bool followsPages() const { return m_followPages; }
    // The last page received (for a single-page call: the page).
    const BatchPage& page() const { return m_page; }
    // Every batch received so far, across pages.
    const QList<MessageBatch>& batches() const { return m_batches; }
    int pagesReceived() const { return m_pages; }

Q_SIGNALS:
    void pageReceived(const bs::BatchPage& page);

protected:
    ApiError handleSuccess(const QByteArray& body) override;

private:
    friend class ApiClient;
    BatchListJob(ApiClient* client, const QUrl& url, bool followPages, const QString& operation);

    bool m_followPages;
    BatchPage m_page;
    QList<MessageBatch> m_batches;
    int m_pages = 0;
};

} // namespace bs
