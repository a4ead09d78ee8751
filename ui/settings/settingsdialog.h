#pragma once

#include <QDialog>
#include <QHash>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

class AlertsPanel;
class KeyPanel;
class PriceTablePanel;

// Settings → Preferences… (Ctrl+,): preferences in QSettings, the key only in the keychain.
//  - Connection: the profiles (workspaces), each with its base URL (plain http for loopback
//    only) and its own key (KeyPanel); which one the console uses (applies on restart).
//  - General: the poll interval's bounds and the language (both apply on restart).
//  - Prices: a price table file, validated, its differences shown before it applies
//    (PriceTablePanel).
//  - Alerts & metrics: the alert thresholds, the Slack webhook, /metrics and DogStatsD
//    (AlertsPanel).
// OK writes the preferences; the key's buttons act at once (the keychain is the only place).
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(bs::LedgerWorker* worker, QWidget* parent = nullptr);

    KeyPanel* keyPanel() const { return m_key; }
    PriceTablePanel* pricePanel() const { return m_prices; }
    AlertsPanel* alertsPanel() const { return m_alerts; }
    QTabWidget* tabs() const { return m_tabs; }

    // Adds a profile (also the "Add…" button, which asks for its name); false and *why when the
    // name is invalid or taken. The new profile is selected.
    bool addProfile(const QString& name, QString* why = nullptr);
    void selectProfile(const QString& name);
    QString selectedProfile() const;
    // Checks every field; false and *why (which field, what to write) when one is wrong.
    bool validate(QString* why) const;
    // Writes the preferences (validate() first); accept() does both.
    void save();

public Q_SLOTS:
    void accept() override;

private:
    QWidget* createConnectionTab();
    QWidget* createGeneralTab();
    void load();
    void onProfileChosen();
    void removeProfile();
    void askNewProfile();

    QTabWidget* m_tabs = nullptr;
    QComboBox* m_profile = nullptr;
    QComboBox* m_active = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    KeyPanel* m_key = nullptr;
    QSpinBox* m_pollMin = nullptr;
    QSpinBox* m_pollMax = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_error = nullptr;
    PriceTablePanel* m_prices = nullptr;
    AlertsPanel* m_alerts = nullptr;
    // Base URLs as edited (profile -> text), written on OK; profiles removed meanwhile.
    QHash<QString, QString> m_urls;
    QStringList m_removed;
    QString m_shown; // the profile whose URL m_baseUrl shows
};

} // namespace bs::ui
