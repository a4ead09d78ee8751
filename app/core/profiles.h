#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QSettings;

namespace bs {

// Named workspaces ("profiles"): operators often run several (production, staging, a client's).
// Each has a base URL (empty: the environment's or the default) and its own API key in the
// keychain, under the SecretStore label of the same name ("default" is the entry `batchscope-cli
// key set` writes, so the first profile needs no migration). Every batch records the profile it
// was submitted under (ledger schema 9, BatchLocal::profile).
//
// Kept in QSettings (group "Profiles"): no secret, only names and URLs. The console uses the
// current profile (Settings → Profiles); the CLI uses "default" unless --profile NAME.
class Profiles {
    Q_DECLARE_TR_FUNCTIONS(bs::Profiles)

public:
    struct Profile {
        QString name;
        QUrl baseUrl; // empty: ANTHROPIC_BASE_URL, else the default
        friend bool operator==(const Profile&, const Profile&) = default;
    };

    static QString defaultName() { return QStringLiteral("default"); }
    // The keychain label of a profile's key (SecretStore::keyName(label)).
    static QString keyLabel(const QString& profile) {
        return profile.isEmpty() ? defaultName() : profile;
    }
    // Letters, digits, '-', '_' and '.', 1 to 64 of them; the message says what is wrong.
    static bool isValidName(const QString& name, QString* why = nullptr);

    // Every profile, sorted; "default" is always there.
    static QStringList names(QSettings& settings);
    static std::optional<Profile> find(QSettings& settings, const QString& name);
    static void save(QSettings& settings, const Profile& profile);
    // Removes one ("default" cannot be removed; the current one falls back to "default").
    static bool remove(QSettings& settings, const QString& name);
    static QString current(QSettings& settings);
    static void setCurrent(QSettings& settings, const QString& name);

    // The base URL to use for `profile`: its own when set, else `fallback`.
    static QUrl baseUrl(QSettings& settings, const QString& profile, const QUrl& fallback);
};

} // namespace bs
