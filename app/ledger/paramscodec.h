#pragma once

#include "ledger/packedrequest.h"
#include "ledger/storedrequest.h"

#include <QByteArray>
#include <QByteArrayView>

namespace bs {

// How the params of a stored request are kept in the ledger's requests.params column; the
// column params_compressed says which (0 plain, 1 qCompress, 2 zstd). New rows are written
// with zstd; rows of older ledgers (qCompress) are still read. The bytes round-trip exactly.
//
// zstd over qCompress (zlib): on the long-prompt text of the tests' fixtures, zstd keeps zlib's
// ratio at several times the speed of qCompress's default level 6 (figures in README's
// dependency list). One compression and one decompression context per thread are reused across
// calls, so a chunk of thousands of rows does not allocate a context per row.
class ParamsCodec {
public:
    enum Format : int { Plain = 0, QtZlib = 1, Zstd = 2 };

    // zstd's level for new rows: -1, its first "fast" level. On the bench's 100k requests
    // compressed one by one: ratio 0.30 at ~310 MB/s, decompressed at ~880 MB/s, against level
    // 3's 0.27 at ~210 MB/s and ~570 MB/s; the ledger grows by 0.37 of the file instead of 0.34
    // (issue 9 allows 0.5) and a submit spends a third less time compressing.
    static constexpr int kLevel = -1;
    // Below this a zstd frame saves too little to matter; such params are stored plain.
    static constexpr qsizetype kMinCompressBytes = 128;

    // The bytes to store and their format (Zstd, or Plain for small params).
    static QByteArray pack(const QByteArray& params, Format* format);
    // The same for bytes not in a QByteArray (a block of result lines): copied only when stored
    // plain; `level`: zstd's level (result line blocks use a faster one).
    static QByteArray pack(QByteArrayView bytes, Format* format, int level = kLevel);
    // A request ready to store (thread-safe: any thread may pack).
    static PackedRequest pack(const StoredRequest& request);
    // The params back; a null QByteArray when the stored bytes are damaged or the format unknown.
    static QByteArray unpack(const QByteArray& stored, int format);
    // The same, decompressing into `out` (reused: no allocation when it is large enough).
    static bool unpackInto(const char* data, qsizetype size, int format, QByteArray* out);
};

} // namespace bs
