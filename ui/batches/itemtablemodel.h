#pragma once

#include "ledger/resultrow.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

// The results (items) of one batch, loaded lazily: a page of kPageSize rows at a time in
// custom_id order, asked of the LedgerWorker when the view scrolls near the end (canFetchMore /
// fetchMore), so a 100,000-item batch opens at once. Filter by result type and by a text in the
// custom_id; a new batch or filter starts again from the first page.
class ItemTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        CustomId,
        Type,
        Model,
        InputTokens,
        OutputTokens,
        Cost,
        ErrorType,
        ErrorMessage,
        ColumnCount
    };
    static constexpr int kPageSize = 500;

    explicit ItemTableModel(QObject* parent = nullptr);

    void setWorker(LedgerWorker* worker);
    // Shows this batch's items (empty: none), from the first page.
    void setBatch(const QString& batchId);
    // "succeeded" | "errored" | "canceled" | "expired", empty: all; text in the custom_id.
    void setFilter(const QString& type, const QString& text);
    // The retry class the item was queued with (retryClassName(); empty: any) and a text in its
    // error message (empty: any).
    void setErrorFilter(const QString& retryClass, const QString& messageText);
    QString batchId() const { return m_batchId; }
    const ResultRow* rowAt(int row) const {
        return row >= 0 && row < int(m_rows.size()) ? &m_rows.at(row) : nullptr;
    }
    bool isLoading() const { return m_inFlight; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    // A page was added (rows: how many the model holds now; atEnd: nothing more to fetch).
    void pageLoaded(int rows, bool atEnd);

private:
    void restart();

    QPointer<LedgerWorker> m_worker;
    QString m_batchId;
    QString m_type;
    QString m_text;
    QString m_retryClass;
    QString m_messageText;
    QList<ResultRow> m_rows;
    bool m_atEnd = true;
    bool m_inFlight = false;
    int m_generation = 0;
};

} // namespace bs::ui
