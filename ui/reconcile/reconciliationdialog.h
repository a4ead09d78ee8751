#pragma once

#include "reconcile/reconciliation.h"

#include <QDialog>
#include <QUrl>

class QDateEdit;
class QLabel;
class QPushButton;
class QThread;
class QTableView;

namespace bs::ui {

class ReconcileTableModel;

// View → Reconciliation: the ledger's cost per day and model against Anthropic's cost report
// (Admin API key from ANTHROPIC_ADMIN_KEY or the keychain), flagged rows marked. The whole
// reconciliation (keychain, HTTP, ledger read) runs on a thread of its own; the table receives
// the rows through a queued signal.
class ReconciliationDialog : public QDialog {
    Q_OBJECT

public:
    ReconciliationDialog(const QString& ledgerPath, const QUrl& baseUrl, QWidget* parent = nullptr);
    ~ReconciliationDialog() override;

    ReconcileTableModel* model() const { return m_model; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void reconciled(); // rows (or an error) arrived

private:
    void showResult(const bs::ReconcileRows& rows, bs::Reconciliation::Failure failure,
                    const QString& error);

    ReconcileTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QDateEdit* m_since = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_status = nullptr;
    QThread* m_thread = nullptr;
    Reconciliation* m_worker = nullptr;
};

} // namespace bs::ui
