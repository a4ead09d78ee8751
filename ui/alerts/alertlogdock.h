#pragma once

#include <QDockWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

class AlertLogFilter;
class AlertLogModel;

// The alert log as a dock of the main window (View → Alert Log): what the alert rules raised,
// in this console or a `batchscope-cli watch` on the same ledger, and how each delivery went.
// Sortable by any column, filtered by severity and by a text; double-clicking an alert about a
// batch opens that batch (batchActivated).
class AlertLogDock : public QDockWidget {
    Q_OBJECT

public:
    explicit AlertLogDock(QWidget* parent = nullptr);

    void setWorker(LedgerWorker* worker);
    AlertLogModel* model() const { return m_model; }
    AlertLogFilter* filter() const { return m_filter; }
    QTableView* view() const { return m_view; }

Q_SIGNALS:
    void batchActivated(const QString& batchId);

private:
    AlertLogModel* m_model = nullptr;
    AlertLogFilter* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_severity = nullptr;
    QLineEdit* m_text = nullptr;
    bool m_fitted = false;
};

} // namespace bs::ui
