#include "keypanel.h"

#include "api/apiclient.h"
#include "api/batchlistjob.h"
#include "core/profiles.h"
#include "core/redactor.h"
#include "secrets/secretstore.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace bs::ui {

KeyPanel::KeyPanel(QWidget* parent)
    : QWidget(parent)
    , m_secrets(std::make_unique<SecretStore>()) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_stored = new QLineEdit(this);
    m_stored->setObjectName(QStringLiteral("storedKey"));
    m_stored->setReadOnly(true);
    grid->addWidget(new QLabel(tr("Stored key:"), this), 0, 0);
    grid->addWidget(m_stored, 0, 1);
    m_newKey = new QLineEdit(this);
    m_newKey->setObjectName(QStringLiteral("newKey"));
    m_newKey->setEchoMode(QLineEdit::Password);
    m_newKey->setPlaceholderText(tr("Paste a new key here"));
    grid->addWidget(new QLabel(tr("New key:"), this), 1, 0);
    grid->addWidget(m_newKey, 1, 1);
    auto* buttons = new QHBoxLayout;
    m_set = new QPushButton(tr("&Store Key"), this);
    m_set->setObjectName(QStringLiteral("setKey"));
    m_test = new QPushButton(tr("&Test Key"), this);
    m_test->setObjectName(QStringLiteral("testKey"));
    m_clear = new QPushButton(tr("&Remove Key"), this);
    m_clear->setObjectName(QStringLiteral("clearKey"));
    buttons->addWidget(m_set);
    buttons->addWidget(m_test);
    buttons->addWidget(m_clear);
    buttons->addStretch();
    grid->addLayout(buttons, 2, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("keyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText); // showStatus() escapes what it shows
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_status, 3, 0, 1, 2);
    connect(m_set, &QPushButton::clicked, this, [this] { setKey(); });
    connect(m_test, &QPushButton::clicked, this, &KeyPanel::testKey);
    connect(m_clear, &QPushButton::clicked, this, &KeyPanel::clearKey);
}

KeyPanel::~KeyPanel() = default;

QString KeyPanel::mask(const QString& key) {
    if (key.isEmpty())
        return {};
    // Never more than the last four characters, and none of a short key.
    return QString(8, QChar(0x2022)) + (key.size() >= 12 ? key.right(4) : QString());
}

QString KeyPanel::maskedKey() const {
    return m_masked;
}

QString KeyPanel::statusText() const {
    return m_status->text();
}

void KeyPanel::setProfile(const QString& profile, const QUrl& baseUrl) {
    m_profile = Profiles::keyLabel(profile);
    m_baseUrl = baseUrl;
    m_newKey->clear();
    readStored();
}

void KeyPanel::begin() {
    ++m_busy;
    for (QPushButton* b : {m_set, m_test, m_clear})
        b->setEnabled(false);
}

void KeyPanel::end() {
    if (--m_busy > 0)
        return;
    for (QPushButton* b : {m_set, m_test, m_clear})
        b->setEnabled(true);
}

void KeyPanel::showStatus(const QString& text, bool error) {
    m_status->setText(error ? QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                                  .arg(Redactor::redact(text).toHtmlEscaped())
                            : Redactor::redact(text).toHtmlEscaped());
    Q_EMIT statusChanged(text);
}

void KeyPanel::readStored() {
    begin();
    const QString profile = m_profile;
    m_secrets->readKey(m_profile, this, [this, profile](const SecretStore::Result& r) {
        end();
        if (profile != m_profile)
            return; // another profile was chosen meanwhile
        m_masked = r.isOk() ? mask(r.secret) : QString();
        m_stored->setText(r.isOk() ? m_masked : tr("(none)"));
        if (r.isOk() || r.isNotFound()) {
            QString text = r.isOk() ? tr("A key is stored for the profile \"%1\".").arg(profile)
                                    : tr("No key is stored for the profile \"%1\": paste one and "
                                         "store it.")
                                          .arg(profile);
            if (!qEnvironmentVariable("ANTHROPIC_API_KEY").trimmed().isEmpty())
                text += QLatin1Char(' ') + tr("ANTHROPIC_API_KEY is set: this session uses it "
                                              "instead of the stored key.");
            showStatus(text, false);
        } else {
            showStatus(r.message, true);
        }
    });
}

void KeyPanel::setKey(const QString& key) {
    const QString value = (key.isEmpty() ? m_newKey->text() : key).trimmed();
    if (value.isEmpty()) {
        showStatus(tr("Paste the key into \"New key\" first."), true);
        return;
    }
    Redactor::addSecret(value);
    begin();
    m_secrets->writeKey(m_profile, value, this, [this](const SecretStore::Result& r) {
        end();
        if (!r.isOk()) {
            showStatus(r.message, true);
            return;
        }
        m_newKey->clear();
        readStored();
    });
}

void KeyPanel::clearKey() {
    begin();
    m_secrets->deleteKey(m_profile, this, [this](const SecretStore::Result& r) {
        end();
        if (!r.isOk() && !r.isNotFound()) {
            showStatus(r.message, true);
            return;
        }
        readStored();
    });
}

void KeyPanel::testKey() {
    const ApiError urlError = ApiClient::checkUrl(m_baseUrl);
    if (urlError.isError()) {
        const QString text = tr("The base URL cannot be used: %1").arg(urlError.toString());
        showStatus(text, true);
        Q_EMIT testFinished(false, text);
        return;
    }
    begin();
    m_secrets->readKey(m_profile, this, [this](const SecretStore::Result& r) {
        if (!r.isOk()) {
            end();
            const QString text = r.isNotFound()
                                     ? tr("No key is stored for this profile: store one, then "
                                          "test it.")
                                     : r.message;
            showStatus(text, true);
            Q_EMIT testFinished(false, text);
            return;
        }
        ApiConfig config;
        config.baseUrl = m_baseUrl;
        config.apiKey = r.secret;
        config.maxRetries = 0;
        config.timeoutMs = 20000;
        delete m_client;
        m_client = new ApiClient(config, this);
        BatchListJob* job = m_client->listBatches(1);
        connect(job, &ApiJob::finished, this, [this](const ApiError& e) {
            end();
            QString text;
            bool ok = e.isOk();
            if (ok)
                text = tr("The key works: %1 answered the list call.")
                           .arg(Redactor::redactUrl(m_baseUrl));
            else if (e.kind == ApiError::Kind::Http && e.httpStatus == 401)
                text = tr("The key was refused (HTTP 401): it is wrong, revoked or of another "
                          "organization. Store the right key for this profile.");
            else
                text = tr("The key could not be tested: %1").arg(e.toString());
            showStatus(text, !ok);
            Q_EMIT testFinished(ok, text);
        });
    });
}

} // namespace bs::ui
