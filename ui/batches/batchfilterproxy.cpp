#include "batches/batchfilterproxy.h"

#include "batches/batchtablemodel.h"

namespace bs::ui {

BatchFilterProxy::BatchFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(BatchTableModel::SortRole);
    setDynamicSortFilter(true);
}

void BatchFilterProxy::setBatchModel(BatchTableModel* model) {
    m_model = model;
    setSourceModel(model);
}

void BatchFilterProxy::setStatusFilter(StatusFilter filter) {
    if (filter == m_status)
        return;
    m_status = filter;
    invalidateFilter();
}

void BatchFilterProxy::setText(const QString& text) {
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    invalidateFilter();
}

void BatchFilterProxy::setProfile(const QString& profile) {
    if (profile == m_profile)
        return;
    m_profile = profile;
    invalidateFilter();
}

bool BatchFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (sourceParent.isValid() || !m_model)
        return false;
    const BatchTableModel::Row* row = m_model->rowAt(sourceRow);
    if (!row)
        return false;
    const BatchRecord& r = row->record;
    const MessageBatch& b = r.batch;
    const bool running = b.processingStatus == MessageBatch::Status::InProgress ||
                         b.processingStatus == MessageBatch::Status::Canceling;
    switch (m_status) {
    case StatusFilter::All:
        break;
    case StatusFilter::InProgress:
        if (!running || r.isOffServer())
            return false;
        break;
    case StatusFilter::Ended:
        if (!b.isEnded() || r.isOffServer())
            return false;
        break;
    case StatusFilter::NeedsAttention:
        if (b.requestCounts.errored + b.requestCounts.expired == 0 && row->cost.unpriced == 0 &&
            !(b.isEnded() && !r.resultsIngestedAt.isValid() && !r.isOffServer()))
            return false;
        break;
    case StatusFilter::Gone: // not on the server any more: gone, or deleted from here
        if (!r.isOffServer())
            return false;
        break;
    }
    if (!m_profile.isEmpty() &&
        (r.local.profile.isEmpty() ? QStringLiteral("default") : r.local.profile) != m_profile)
        return false;
    if (m_text.isEmpty())
        return true;
    return b.id.contains(m_text, Qt::CaseInsensitive) ||
           r.local.sourceFile.contains(m_text, Qt::CaseInsensitive) ||
           r.local.retryOf.contains(m_text, Qt::CaseInsensitive);
}

} // namespace bs::ui
