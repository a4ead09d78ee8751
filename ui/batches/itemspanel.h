#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

class ItemTableModel;

// The Items tab of the details: the selected batch's results (ItemTableModel, loaded page by
// page), their filters (result type, custom_id, error class, error message) and, under the
// table, the selected item as received: its message's text (other blocks summarized) when it
// succeeded, its error JSON pretty-printed when it errored (ItemText). The line is read and
// formatted on the ledger worker's interactive lane; the GUI thread only shows the answer.
class ItemsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ItemsPanel(QWidget* parent = nullptr);

    ItemTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    void setWorker(LedgerWorker* worker);
    // Shows this batch's items (empty: none).
    void setBatch(const QString& batchId);
    // Selects this item once its page is loaded (fetching further pages as needed); forgotten
    // when the batch or a filter changes first. For `batchscope --batch ID --item CUSTOM_ID`.
    void selectItem(const QString& customId);
    // The text shown for the selected item (empty while none is selected), for tests.
    QString detailText() const;
    // The custom_id whose detail is shown (empty: none).
    QString shownItem() const { return m_shown; }

Q_SIGNALS:
    // The selected item's detail was loaded and shown.
    void itemShown(const QString& customId);

private:
    void applyFilters();
    void showCurrent();
    void trySelectPending();

    ItemTableModel* m_model = nullptr;
    QPointer<LedgerWorker> m_worker;
    QComboBox* m_type = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_errorClass = nullptr;
    QLineEdit* m_message = nullptr;
    QTableView* m_view = nullptr;
    QPlainTextEdit* m_detail = nullptr;
    QString m_pendingSelect;
    QString m_shown;
    int m_generation = 0; // answers for an earlier selection are dropped
};

} // namespace bs::ui
