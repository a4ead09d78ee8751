#include "appinfo.h"

#include <QCoreApplication>

namespace bs {

QString AppInfo::applicationName() {
    return QStringLiteral("Batchscope");
}
QString AppInfo::organizationName() {
    return QStringLiteral("Batchscope");
}
QString AppInfo::organizationDomain() {
    return QStringLiteral("batchscope.io");
}
QString AppInfo::desktopId() {
    return QStringLiteral("io.batchscope.Batchscope");
}
QString AppInfo::version() {
    return QStringLiteral(BS_VERSION);
}

void AppInfo::applyToApplication() {
    QCoreApplication::setApplicationName(applicationName());
    QCoreApplication::setOrganizationName(organizationName());
    QCoreApplication::setOrganizationDomain(organizationDomain());
    QCoreApplication::setApplicationVersion(version());
}

} // namespace bs
