#pragma once

#include <QString>

namespace bs {

// Names every part of Batchscope agrees on: QSettings scope, data folders, desktop id.
class AppInfo {
public:
    static QString applicationName();  // "Batchscope"
    static QString organizationName(); // "Batchscope"
    static QString organizationDomain();
    static QString desktopId(); // reverse-DNS id of the .desktop file and metainfo
    static QString version();

    // Sets the QCoreApplication names so QSettings and QStandardPaths resolve to our folders.
    static void applyToApplication();
};

} // namespace bs
