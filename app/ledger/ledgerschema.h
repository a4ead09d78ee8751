#pragma once

#include <QList>
#include <QStringList>

namespace bs {

// The ledger's numbered migrations. Migration N turns a version N-1 file into version N; each
// runs inside one transaction together with its row in schema_version. Never edit a released
// migration: add the next one.
class LedgerSchema {
public:
    struct Migration {
        int version = 0;
        QStringList statements;
    };

    static const QList<Migration>& migrations();
    static int latestVersion();
};

} // namespace bs
