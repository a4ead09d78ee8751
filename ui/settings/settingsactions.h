#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QComboBox;
class QMainWindow;
class QMenu;

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

class BatchFilterProxy;
class BudgetsDialog;
class SettingsDialog;

// What the Settings part of the window adds, kept out of MainWindow: the Settings menu (Budgets…
// Ctrl+Shift+B, Preferences… Ctrl+,) with its two dialogs, and the batch table's profile filter
// (All profiles, or one: the profiles the ledger's batches carry and those of the settings).
class SettingsActions : public QObject {
    Q_OBJECT

public:
    SettingsActions(QMainWindow* window, BatchFilterProxy* proxy);

    QMenu* menu() const { return m_menu; }
    QComboBox* profileFilter() const { return m_profileFilter; }
    QAction* budgetsAction() const { return m_budgets; }
    QAction* preferencesAction() const { return m_preferences; }
    void setWorker(bs::LedgerWorker* worker);

public Q_SLOTS:
    BudgetsDialog* showBudgets();
    SettingsDialog* showPreferences();
    void refreshProfiles();

private:
    QMainWindow* m_window;
    BatchFilterProxy* m_proxy;
    bs::LedgerWorker* m_worker = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_budgets = nullptr;
    QAction* m_preferences = nullptr;
    QComboBox* m_profileFilter = nullptr;
    QPointer<BudgetsDialog> m_budgetsDialog;
    QPointer<SettingsDialog> m_settingsDialog;
};

} // namespace bs::ui
