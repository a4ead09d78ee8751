#pragma once

#include <QDir>
#include <QString>

namespace bs {

// The operator's OS user name, for the ledger's "who" columns (submitted_by, overrides, the
// budget log): $USER, else $LOGNAME, else the name of the home folder.
inline QString osUserName() {
    for (const char* name : {"USER", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QDir::home().dirName();
}

} // namespace bs
