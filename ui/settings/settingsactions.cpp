#include "settingsactions.h"

#include "batches/batchfilterproxy.h"
#include "budgetsdialog.h"
#include "core/profiles.h"
#include "ledger/batchstore.h"
#include "ledger/ledgernotifier.h"
#include "ledger/ledgerworker.h"
#include "settingsdialog.h"

#include <QAction>
#include <QComboBox>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>

namespace bs::ui {

SettingsActions::SettingsActions(QMainWindow* window, BatchFilterProxy* proxy)
    : QObject(window)
    , m_window(window)
    , m_proxy(proxy) {
    m_menu = new QMenu(tr("&Settings"), window);
    m_menu->setObjectName(QStringLiteral("settingsMenu"));
    m_budgets = m_menu->addAction(tr("&Budgets…"), this, &SettingsActions::showBudgets);
    m_budgets->setObjectName(QStringLiteral("actionBudgets"));
    m_budgets->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_preferences = m_menu->addAction(tr("&Preferences…"), this, &SettingsActions::showPreferences);
    m_preferences->setObjectName(QStringLiteral("actionPreferences"));
    m_preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferences->setMenuRole(QAction::PreferencesRole);

    m_profileFilter = new QComboBox(window);
    m_profileFilter->setObjectName(QStringLiteral("profileFilter"));
    m_profileFilter->setToolTip(tr("Show the batches of one profile (workspace) only."));
    m_profileFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileFilter->addItem(tr("All profiles"), QString());
    connect(m_profileFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setProfile(m_profileFilter->currentData().toString()); });
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            [this](LedgerNotifier::Change what, const QStringList&, const QString& path) {
                if (what == LedgerNotifier::Change::Batches && m_worker && path == m_worker->path())
                    refreshProfiles();
            });
}

void SettingsActions::setWorker(LedgerWorker* worker) {
    m_worker = worker;
    refreshProfiles();
}

void SettingsActions::refreshProfiles() {
    QSettings settings;
    QStringList names = Profiles::names(settings);
    const auto fill = [this](QStringList list) {
        list.removeDuplicates();
        list.sort();
        for (const QString& name : list)
            if (m_profileFilter->findData(name) < 0)
                m_profileFilter->addItem(name, name);
    };
    fill(names);
    if (!m_worker)
        return;
    m_worker->run<QStringList>(
        this, [](Ledger& ledger) { return BatchStore(ledger).profiles(); }, fill);
}

BudgetsDialog* SettingsActions::showBudgets() {
    if (!m_budgetsDialog) {
        m_budgetsDialog = new BudgetsDialog(m_worker, m_window);
        m_budgetsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_budgetsDialog->show();
    m_budgetsDialog->raise();
    m_budgetsDialog->activateWindow();
    return m_budgetsDialog;
}

SettingsDialog* SettingsActions::showPreferences() {
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_worker, m_window);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &QDialog::accepted, this, &SettingsActions::refreshProfiles);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
    return m_settingsDialog;
}

} // namespace bs::ui
