#pragma once

#include <QUrl>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bs {
class ApiClient;
class SecretStore;
} // namespace bs

namespace bs::ui {

// The API key of one profile (Settings → Connection): shown masked (its last four characters),
// set from a password field, tested with one list call (limit=1) against the profile's base URL,
// cleared. The key lives only in the keychain (SecretStore, entry "api-key/<profile>"); every
// keychain and network call is asynchronous, and what happened is said in the status line: a 401
// says the key was refused, a keychain failure says how to fix the keychain.
class KeyPanel : public QWidget {
    Q_OBJECT

public:
    explicit KeyPanel(QWidget* parent = nullptr);
    ~KeyPanel() override;

    // The profile whose key is shown (reads the keychain: statusChanged() follows).
    void setProfile(const QString& profile, const QUrl& baseUrl);
    QString profile() const { return m_profile; }
    void setBaseUrl(const QUrl& baseUrl) { m_baseUrl = baseUrl; }
    // "••••cret", or empty when no key is stored.
    QString maskedKey() const;
    QString statusText() const;
    bool isBusy() const { return m_busy > 0; }

    static QString mask(const QString& key);

public Q_SLOTS:
    // Stores the typed key (or `key` when given) for the profile.
    void setKey(const QString& key = QString());
    void testKey();
    void clearKey();

Q_SIGNALS:
    // The masked key or the status line changed (a keychain or API answer arrived).
    void statusChanged(const QString& status);
    void testFinished(bool ok, const QString& message);

private:
    void readStored();
    void showStatus(const QString& text, bool error);
    void begin();
    void end();

    std::unique_ptr<bs::SecretStore> m_secrets;
    bs::ApiClient* m_client = nullptr;
    QString m_profile;
    QUrl m_baseUrl;
    QString m_masked;
    int m_busy = 0;
    QLineEdit* m_stored = nullptr;
    QLineEdit* m_newKey = nullptr;
    QPushButton* m_set = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_clear = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace bs::ui
