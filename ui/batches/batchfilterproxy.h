#pragma once

#include <QSortFilterProxyModel>

namespace bs::ui {

class BatchTableModel;

// The batch table as the operator filters it: by status (all, in progress, ended, needing
// attention, gone) and by a text found in the batch id, the source file or the batch it retries
// (case-insensitive). Sorts by BatchTableModel::SortRole. Source: a BatchTableModel.
class BatchFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class StatusFilter {
        All,
        InProgress,     // in progress or canceling
        Ended,          // ended (archived included), not gone
        NeedsAttention, // errored or expired items, unpriced results, or results not ingested
        Gone,
    };
    Q_ENUM(StatusFilter)

    explicit BatchFilterProxy(QObject* parent = nullptr);

    void setBatchModel(BatchTableModel* model);
    StatusFilter statusFilter() const { return m_status; }
    QString text() const { return m_text; }
    QString profile() const { return m_profile; }

public Q_SLOTS:
    void setStatusFilter(bs::ui::BatchFilterProxy::StatusFilter filter);
    void setText(const QString& text);
    // Only the batches of this profile (BatchLocal::profile; empty: every profile).
    void setProfile(const QString& profile);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    BatchTableModel* m_model = nullptr;
    StatusFilter m_status = StatusFilter::All;
    QString m_text;
    QString m_profile;
};

} // namespace bs::ui
