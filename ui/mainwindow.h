#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QMimeData;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTabWidget;

namespace bs {
class ApiError;
class ConsoleSession;
struct IngestReport;
} // namespace bs

namespace bs::ui {

class BatchActions;
class BatchDetails;
class BatchFilterProxy;
class BatchTableModel;
class ItemTableModel;
class ItemsPanel;
class SettingsActions;
class SpendDock;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // QSettings keys for the remembered layout.
    static QString geometryKey() { return QStringLiteral("MainWindow/geometry"); }
    static QString stateKey() { return QStringLiteral("MainWindow/state"); }
    static QString batchHeaderKey() { return QStringLiteral("MainWindow/batchTableHeader"); }
    static QString statusFilterKey() { return QStringLiteral("MainWindow/batchStatusFilter"); }
    static QString filterTextKey() { return QStringLiteral("MainWindow/batchFilterText"); }
    static QString splitterKey() { return QStringLiteral("MainWindow/batchSplitter"); }

    // Shows the session's ledger (the batch table, the spend in the status bar) and what its
    // monitoring does. The window does not own it.
    void attachSession(bs::ConsoleSession* session);
    BatchTableModel* batchModel() const { return m_batchModel; }
    BatchFilterProxy* batchProxy() const { return m_batchProxy; }
    BatchDetails* batchDetails() const { return m_details; }
    ItemTableModel* itemModel() const { return m_items; }
    ItemsPanel* itemsPanel() const { return m_itemsPanel; }
    BatchActions* batchActions() const { return m_actions; }

Q_SIGNALS:
    // The user chose a JSONL file, through File → Open or by dropping it on the window; a
    // SubmitDialog is showing what is in it.
    void jsonlFileChosen(const QString& path);

public Q_SLOTS:
    void openJsonl();
    // Opens the Submit dialog for this file (a command-line argument, or a file another launch
    // on the same ledger handed over).
    void openFile(const QString& path);
    // Shows, raises and activates the window (another launch asked for it).
    void bringToFront();
    void showAbout();
    // Polls the API now (F5).
    void refreshNow();
    // Selects this batch once its row is there (the rows load after the window shows), with its
    // details below; `items`: the Items tab, and `itemId` (a custom_id) selected in it.
    // `batchscope --batch ID [--items] [--item CUSTOM_ID]`, also when handed over by a second
    // launch.
    void focusBatch(const QString& batchId, bool items = false, const QString& itemId = {});
    // Copies the ids of the selected batches (one a line) to the clipboard (Ctrl+C in the table).
    void copyBatchIds();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    QWidget* createBatchPage();
    void fillColumnsMenu();
    void restoreLayout();
    void saveLayout() const;
    void acceptFile(const QString& path);
    static QString jsonlPathFrom(const QMimeData* mime);
    void updateSummary();
    void showMonitoringProblem(const QString& message);
    void onPollFailed(const bs::ApiError& error);
    void onIngestionDone(const bs::IngestReport& report);
    void applyPendingFocus();

    QStackedWidget* m_pages = nullptr;
    QLabel* m_placeholder = nullptr;
    QTableView* m_batchView = nullptr;
    BatchTableModel* m_batchModel = nullptr;
    BatchFilterProxy* m_batchProxy = nullptr;
    QWidget* m_batchPage = nullptr;
    QSplitter* m_splitter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QLineEdit* m_filterText = nullptr;
    QMenu* m_columnsMenu = nullptr; // column chooser: View menu and the header's context menu
    QAction* m_copyId = nullptr;
    BatchDetails* m_details = nullptr;  // the selected batch, below the table
    ItemTableModel* m_items = nullptr;  // its items (Items tab), loaded page by page
    ItemsPanel* m_itemsPanel = nullptr; // the Items tab: filters, the items, the selected one
    QLabel* m_summary = nullptr;        // permanent, right of the status bar
    QLabel* m_monitoring = nullptr;     // permanent: watching / not watching
    QAction* m_refresh = nullptr;
    bs::ConsoleSession* m_session = nullptr;
    BatchActions* m_actions = nullptr;     // Batch menu, toolbar, context menus
    SpendDock* m_spend = nullptr;          // View → Spend Dashboard
    SettingsActions* m_settings = nullptr; // Settings menu, its dialogs, the profile filter
    QTabWidget* m_detailTabs = nullptr;    // Overview | Items
    struct Focus {
        QString batchId;
        bool items = false;
        QString itemId;
    } m_focus;                    // focusBatch() waiting for its row
    bool m_selectedFirst = false; // the first rows selected their first batch once
    bool m_fitColumns = false;    // no remembered column layout: fit them to the first rows
};

} // namespace bs::ui
