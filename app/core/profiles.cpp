#include "profiles.h"

#include <QRegularExpression>
#include <QSettings>

namespace bs {

namespace {
QString group(const QString& name) {
    return QStringLiteral("Profiles/") + name;
}
const QString kCurrent = QStringLiteral("Profiles/current");
const QString kBaseUrl = QStringLiteral("/baseUrl");
} // namespace

bool Profiles::isValidName(const QString& name, QString* why) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (re.match(name).hasMatch() && name != QLatin1String("current"))
        return true;
    if (why)
        *why = tr("A profile name is 1 to 64 letters, digits, '-', '_' or '.' (and not "
                  "\"current\").");
    return false;
}

QStringList Profiles::names(QSettings& settings) {
    settings.beginGroup(QStringLiteral("Profiles"));
    QStringList list = settings.childGroups();
    settings.endGroup();
    if (!list.contains(defaultName()))
        list.append(defaultName());
    list.sort();
    return list;
}

std::optional<Profiles::Profile> Profiles::find(QSettings& settings, const QString& name) {
    if (name == defaultName() || names(settings).contains(name))
        return Profile{name, QUrl(settings.value(group(name) + kBaseUrl).toString())};
    return std::nullopt;
}

void Profiles::save(QSettings& settings, const Profile& profile) {
    // An empty URL is still written, so that the group (the profile) exists.
    settings.setValue(group(profile.name) + kBaseUrl, profile.baseUrl.toString());
}

bool Profiles::remove(QSettings& settings, const QString& name) {
    if (name == defaultName() || !names(settings).contains(name))
        return false;
    settings.remove(group(name));
    if (current(settings) == name)
        setCurrent(settings, defaultName());
    return true;
}

QString Profiles::current(QSettings& settings) {
    const QString name = settings.value(kCurrent).toString();
    return names(settings).contains(name) ? name : defaultName();
}

void Profiles::setCurrent(QSettings& settings, const QString& name) {
    settings.setValue(kCurrent, name);
}

QUrl Profiles::baseUrl(QSettings& settings, const QString& profile, const QUrl& fallback) {
    const auto p = find(settings, profile);
    return p && !p->baseUrl.isEmpty() ? p->baseUrl : fallback;
}

} // namespace bs
