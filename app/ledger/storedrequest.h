#pragma once

#include <QByteArray>
#include <QString>

namespace bs {

// One request as submitted: {custom_id, params}. params are the exact JSON bytes of the
// "params" object (the ledger compresses large ones transparently).
struct StoredRequest {
    QString customId;
    QByteArray params;
    int attempt = 1; // 1 for the first submission, +1 per retry

    friend bool operator==(const StoredRequest&, const StoredRequest&) = default;
};

} // namespace bs
