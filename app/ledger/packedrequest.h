#pragma once

#include <QByteArray>
#include <QString>

namespace bs {

// A StoredRequest with its params already packed for the ledger (ParamsCodec::pack): what a
// caller compresses off the ledger's thread (FileSubmitter, on a worker, while it reads on) and
// then hands to DraftStore::storePackedRequests.
struct PackedRequest {
    QString customId;
    QByteArray data;       // the params as stored (ParamsCodec::Format `format`)
    int format = 0;        // ParamsCodec::Format
    qint64 paramsSize = 0; // of the params themselves
    int attempt = 1;
};

} // namespace bs
