#pragma once

#include "export/resultexporter.h"
#include "monitor/batchoperations.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QProgressDialog;
class QTableView;
class QToolBar;
class QWidget;

namespace bs {
class ConsoleSession;
class ExportJob;
} // namespace bs

namespace bs::ui {

class BatchTableModel;
class ItemTableModel;

// What the operator does with the selected batch, in one place: the actions (Retry errored…,
// Retry selected items, Cancel batch, Delete batch, Ingest results now, Attach source file…,
// Export JSONL…, Export CSV…, with Copy batch ID and Refresh from the window), their shortcuts,
// their enabling by the selected batch's state, the confirmations (where it costs money or
// deletes), the export's progress dialog, the "Batch" menu, the toolbar and the context menus of
// the batch table and the items view. The work itself is BatchOperations' (the monitor thread)
// and ExportJob's (a thread of its own): nothing here waits.
class BatchActions : public QObject {
    Q_OBJECT

public:
    BatchActions(QTableView* batchView, BatchTableModel* model, QWidget* window);
    ~BatchActions() override;

    // The window's own actions, shown in the menus and the toolbar too (not owned).
    void setWindowActions(QAction* submitFile, QAction* copyId, QAction* refresh);
    // The items view of the selected batch (for "Retry selected items" and its context menu).
    void setItemsView(QTableView* view, ItemTableModel* model);
    void setSession(bs::ConsoleSession* session);

    QMenu* menu() const { return m_menu; }
    QToolBar* toolBar() const { return m_toolBar; }
    // The batch table's context menu.
    void fillContextMenu(QMenu* menu) const;

    QString currentBatchId() const;

    QAction* retryErrored() const { return m_retryErrored; }
    QAction* retryItems() const { return m_retryItems; }
    QAction* cancelBatch() const { return m_cancel; }
    QAction* deleteBatch() const { return m_delete; }
    QAction* ingestNow() const { return m_ingest; }
    QAction* attachSource() const { return m_attach; }
    QAction* exportJsonl() const { return m_exportJsonl; }
    QAction* exportCsv() const { return m_exportCsv; }

public Q_SLOTS:
    // Enables each action for the selected batch's state (also after every change of the rows).
    void updateActions();
    // Exports the selected batches to `path` with a progress dialog (the Export actions ask for
    // the path first).
    void exportTo(bs::ResultExporter::Format format, const QString& path);

Q_SIGNALS:
    // What happened, for the status bar (translated).
    void message(const QString& text);
    // An operation answered (after message()).
    void operationFinished(const bs::BatchOperations::Result& result);
    void exportFinished(const bs::ResultExporter::Outcome& outcome);

private:
    QAction* make(const QString& name, const QString& text, const QKeySequence& shortcut,
                  void (BatchActions::*slot)());
    void onRetryErrored();
    void onRetryItems();
    void onCancel();
    void onDelete();
    void onIngest();
    void onAttach();
    void onExportJsonl();
    void onExportCsv();
    void askExport(bs::ResultExporter::Format format);
    void onFinished(const bs::BatchOperations::Result& result);
    QStringList selectedBatchIds() const;
    QStringList selectedItemIds() const;
    bool confirm(const QString& title, const QString& text, const QString& okText);
    bs::BatchOperations* operations() const;

    QTableView* m_view = nullptr;
    BatchTableModel* m_model = nullptr;
    QWidget* m_window = nullptr;
    QPointer<QTableView> m_itemsView;
    QPointer<ItemTableModel> m_items;
    QPointer<bs::ConsoleSession> m_session;
    QMenu* m_menu = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_submitFile = nullptr;
    QAction* m_copyId = nullptr;
    QAction* m_refresh = nullptr;
    QAction* m_retryErrored = nullptr;
    QAction* m_retryItems = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_ingest = nullptr;
    QAction* m_attach = nullptr;
    QAction* m_exportJsonl = nullptr;
    QAction* m_exportCsv = nullptr;
    QAction* m_exportMenuAction = nullptr; // the toolbar's Export (JSONL / CSV)
    bs::ExportJob* m_export = nullptr;
    QPointer<QProgressDialog> m_progress;
};

} // namespace bs::ui
