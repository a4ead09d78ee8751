#include "settingsdialog.h"

#include "api/apiclient.h"
#include "core/preferences.h"
#include "core/profiles.h"
#include "keypanel.h"
#include "pricetablepanel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>

#include "alertspanel.h"
#include <QVBoxLayout>

namespace bs::ui {

SettingsDialog::SettingsDialog(LedgerWorker* worker, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createConnectionTab(), tr("Connection"));
    m_tabs->addTab(createGeneralTab(), tr("General"));
    m_prices = new PriceTablePanel(worker, this);
    m_tabs->addTab(m_prices, tr("Prices"));
    m_alerts = new AlertsPanel(worker, this);
    m_tabs->addTab(m_alerts, tr("Alerts && metrics"));
    layout->addWidget(m_tabs, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::RichText);
    layout->addWidget(m_error);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);
    load();
    resize(760, 560);
}

QWidget* SettingsDialog::createConnectionTab() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* profiles = new QGroupBox(tr("Profiles (workspaces)"), page);
    auto* form = new QFormLayout(profiles);
    auto* row = new QHBoxLayout;
    m_profile = new QComboBox(profiles);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    auto* add = new QPushButton(tr("&Add…"), profiles);
    add->setObjectName(QStringLiteral("addProfile"));
    auto* remove = new QPushButton(tr("Re&move"), profiles);
    remove->setObjectName(QStringLiteral("removeProfile"));
    row->addWidget(m_profile, 1);
    row->addWidget(add);
    row->addWidget(remove);
    form->addRow(tr("Profile:"), row);
    m_baseUrl = new QLineEdit(profiles);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(
        tr("empty: $ANTHROPIC_BASE_URL, else %1").arg(ApiConfig::defaultBaseUrl().toString()));
    form->addRow(tr("&Base URL:"), m_baseUrl);
    auto* urlNote = new QLabel(tr("https, or plain http to this machine only (127.0.0.1, "
                                  "localhost)."),
                               profiles);
    urlNote->setWordWrap(true);
    form->addRow(QString(), urlNote);
    m_active = new QComboBox(profiles);
    m_active->setObjectName(QStringLiteral("activeProfile"));
    form->addRow(tr("The console &uses:"), m_active);
    auto* activeNote = new QLabel(tr("New batches are recorded under this profile. A change "
                                     "applies when Batchscope is started again."),
                                  profiles);
    activeNote->setWordWrap(true);
    form->addRow(QString(), activeNote);
    layout->addWidget(profiles);

    auto* keyBox =
        new QGroupBox(tr("API key of the profile (kept in the system keychain only)"), page);
    auto* keyLayout = new QVBoxLayout(keyBox);
    m_key = new KeyPanel(keyBox);
    keyLayout->addWidget(m_key);
    layout->addWidget(keyBox);
    layout->addStretch();

    connect(m_profile, &QComboBox::currentIndexChanged, this, &SettingsDialog::onProfileChosen);
    connect(m_baseUrl, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_urls[m_shown] = text.trimmed();
        m_key->setBaseUrl(text.trimmed().isEmpty() ? ApiConfig::fromEnvironment().baseUrl
                                                   : QUrl(text.trimmed()));
    });
    connect(add, &QPushButton::clicked, this, &SettingsDialog::askNewProfile);
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    return page;
}

QWidget* SettingsDialog::createGeneralTab() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_pollMin = new QSpinBox(page);
    m_pollMin->setObjectName(QStringLiteral("pollMin"));
    m_pollMax = new QSpinBox(page);
    m_pollMax->setObjectName(QStringLiteral("pollMax"));
    for (QSpinBox* s : {m_pollMin, m_pollMax}) {
        s->setRange(Preferences::kPollAllowedMin, Preferences::kPollAllowedMax);
        s->setSuffix(tr(" s"));
    }
    form->addRow(tr("Poll at most every:"), m_pollMin);
    form->addRow(tr("Poll at least every:"), m_pollMax);
    auto* pollNote = new QLabel(tr("The console polls quickly while a batch is young and slowly "
                                   "when nothing is in flight, within these bounds."),
                                page);
    pollNote->setWordWrap(true);
    form->addRow(QString(), pollNote);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    form->addRow(tr("&Language:"), m_language);
    auto* restart = new QLabel(tr("The poll bounds and the language apply when Batchscope is "
                                  "started again."),
                               page);
    restart->setWordWrap(true);
    form->addRow(QString(), restart);
    return page;
}

void SettingsDialog::load() {
    QSettings settings;
    const QStringList names = Profiles::names(settings);
    for (const QString& name : names) {
        m_urls.insert(name, Profiles::find(settings, name)->baseUrl.toString());
        m_active->addItem(name, name);
    }
    m_active->setCurrentIndex(m_active->findData(Profiles::current(settings)));
    {
        const QSignalBlocker block(m_profile);
        for (const QString& name : names)
            m_profile->addItem(name, name);
    }
    m_profile->setCurrentIndex(m_profile->findData(Profiles::current(settings)));
    onProfileChosen();
    m_pollMin->setValue(Preferences::pollMinSeconds(settings));
    m_pollMax->setValue(Preferences::pollMaxSeconds(settings));
    m_language->setCurrentIndex(qMax(0, m_language->findData(Preferences::language(settings))));
}

void SettingsDialog::onProfileChosen() {
    m_shown = selectedProfile();
    const QString url = m_urls.value(m_shown);
    m_baseUrl->setText(url);
    m_key->setProfile(m_shown, url.isEmpty() ? ApiConfig::fromEnvironment().baseUrl : QUrl(url));
}

QString SettingsDialog::selectedProfile() const {
    return m_profile->currentData().toString();
}

void SettingsDialog::selectProfile(const QString& name) {
    m_profile->setCurrentIndex(m_profile->findData(name));
}

bool SettingsDialog::addProfile(const QString& name, QString* why) {
    QString reason;
    if (!Profiles::isValidName(name, &reason)) {
    } else if (m_urls.contains(name)) {
        reason = tr("A profile named \"%1\" exists already.").arg(name);
    } else {
        m_urls.insert(name, QString());
        m_removed.removeAll(name);
        m_profile->addItem(name, name);
        m_active->addItem(name, name);
        selectProfile(name);
        return true;
    }
    if (why)
        *why = reason;
    m_error->setText(reason.toHtmlEscaped());
    return false;
}

void SettingsDialog::askNewProfile() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New Profile"),
                              tr("Name of the new profile (letters, digits, '-', '_', '.'):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (ok && !name.isEmpty())
        addProfile(name);
}

void SettingsDialog::removeProfile() {
    const QString name = selectedProfile();
    if (name == Profiles::defaultName()) {
        m_error->setText(tr("The profile \"default\" cannot be removed.").toHtmlEscaped());
        return;
    }
    m_urls.remove(name);
    m_removed.append(name);
    m_active->removeItem(m_active->findData(name));
    m_profile->removeItem(m_profile->findData(name));
}

bool SettingsDialog::validate(QString* why) const {
    if (!m_alerts->validate(why))
        return false;
    for (auto it = m_urls.cbegin(); it != m_urls.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        const ApiError e = ApiClient::checkUrl(QUrl(it.value()));
        if (e.isError()) {
            *why = tr("The base URL of the profile \"%1\" cannot be used: %2")
                       .arg(it.key(), e.toString());
            return false;
        }
    }
    if (m_pollMin->value() > m_pollMax->value()) {
        *why = tr("The quickest poll interval (%1 s) is longer than the slowest (%2 s).")
                   .arg(m_pollMin->value())
                   .arg(m_pollMax->value());
        return false;
    }
    return true;
}

void SettingsDialog::save() {
    m_alerts->save();
    QSettings settings;
    for (const QString& name : m_removed)
        Profiles::remove(settings, name);
    for (auto it = m_urls.cbegin(); it != m_urls.cend(); ++it)
        Profiles::save(settings, {it.key(), QUrl(it.value())});
    Profiles::setCurrent(settings, m_active->currentData().toString());
    Preferences::setPollBounds(settings, m_pollMin->value(), m_pollMax->value());
    Preferences::setLanguage(settings, m_language->currentData().toString());
    settings.sync();
}

void SettingsDialog::accept() {
    QString why;
    if (!validate(&why)) {
        m_error->setText(
            QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(why.toHtmlEscaped()));
        return;
    }
    save();
    QDialog::accept();
}

} // namespace bs::ui
