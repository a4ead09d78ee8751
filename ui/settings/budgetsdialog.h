#pragma once

#include "intake/budgetgate.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTableView;

namespace bs {
class Ledger;
class LedgerWorker;
} // namespace bs

namespace bs::ui {

class BudgetTableModel;
class ProfileBox;

// Budgets → Edit Budgets… (Ctrl+Shift+B): the budgets the gate enforces (daily and monthly USD,
// daily input tokens; all models or one), each with spent, in flight (worst case) and remaining
// as the gate counts them (BudgetTableModel). A form below adds, changes or removes one. Reads
// and writes run on the ledger worker; every change is logged in the ledger with the OS user
// (SettingsStore::setBudget, budget_changes), as a change made by `batchscope-cli budget` is.
class BudgetsDialog : public QDialog {
    Q_OBJECT

public:
    explicit BudgetsDialog(bs::LedgerWorker* worker, QWidget* parent = nullptr);

    BudgetTableModel* model() const { return m_model; }
    // The profile whose spent / in flight show beside each budget ("" for all); reloads.
    void setProfile(const QString& profile);
    QString profile() const;
    // Reads the budgets and their figures again (answers with loaded()).
    void reload();
    // What the form holds, as a budget to save; false (and *why) when it is not valid.
    bool formBudget(bs::BudgetSetting* budget, QString* why) const;
    // Saves the form (answers with saved()); removes the selected budget.
    void saveForm();
    void removeSelected();

Q_SIGNALS:
    void loaded();
    // A save or removal ended: empty error when it was written.
    void saved(const QString& error);

private:
    void fillForm(const QModelIndex& proxyIndex);
    void showError(const QString& text);
    void write(std::function<bool(bs::Ledger&)> change);

    bs::LedgerWorker* m_worker = nullptr;
    BudgetTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_name = nullptr;
    ProfileBox* m_profileBox = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_period = nullptr;
    QComboBox* m_modelId = nullptr;
    QLineEdit* m_limit = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_reloadSoon = nullptr; // coalesces the ledger's change signals into one read
};

} // namespace bs::ui
