#include "paramscodec.h"

#include <zstd.h>

#include <memory>
#include <vector>

namespace bs {

namespace {

struct CCtxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
    void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

// One context per thread, reused: a store runs on its ledger's thread, and contexts are not
// thread-safe. Reuse avoids ~1 MB of allocation and set-up per row.
ZSTD_CCtx* compressContext() {
    thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> ctx(ZSTD_createCCtx());
    return ctx.get();
}

ZSTD_DCtx* decompressContext() {
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
    return ctx.get();
}

} // namespace

QByteArray ParamsCodec::pack(const QByteArray& params, Format* format) {
    QByteArray out = pack(QByteArrayView(params), format);
    return *format == Plain ? params : out; // plain: share the caller's bytes
}

QByteArray ParamsCodec::pack(QByteArrayView params, Format* format, int level) {
    ZSTD_CCtx* ctx = params.size() >= kMinCompressBytes ? compressContext() : nullptr;
    if (ctx) {
        // Compressed into a reused buffer of this thread, then copied into an array of the
        // compressed size: thousands of rows held in a chunk do not each keep (and fault in) a
        // buffer of the worst-case size.
        thread_local std::vector<char> scratch;
        const size_t bound = ZSTD_compressBound(size_t(params.size()));
        if (scratch.size() < bound)
            scratch.resize(bound);
        const size_t n = ZSTD_compressCCtx(ctx, scratch.data(), bound, params.constData(),
                                           size_t(params.size()), level);
        // Kept only when it saves something; an error (none expected) stores the bytes plain.
        if (!ZSTD_isError(n) && qsizetype(n) < params.size()) {
            *format = Zstd;
            return QByteArray(scratch.data(), qsizetype(n));
        }
    }
    *format = Plain;
    return params.toByteArray();
}

PackedRequest ParamsCodec::pack(const StoredRequest& request) {
    PackedRequest p;
    Format format = Plain;
    p.customId = request.customId;
    p.data = pack(request.params, &format);
    p.format = int(format);
    p.paramsSize = request.params.size();
    p.attempt = request.attempt;
    return p;
}

bool ParamsCodec::unpackInto(const char* data, qsizetype size, int format, QByteArray* out) {
    switch (format) {
    case Plain:
        *out = QByteArray(data, size);
        return true;
    case QtZlib:
        *out = qUncompress(reinterpret_cast<const uchar*>(data), size);
        return !out->isNull();
    case Zstd: {
        // Every frame we write records its content size.
        const unsigned long long n = ZSTD_getFrameContentSize(data, size_t(size));
        if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN ||
            n > (1ULL << 31)) // a 256 MB body cannot hold larger params
            return false;
        out->resize(qsizetype(n));
        const size_t got =
            ZSTD_decompressDCtx(decompressContext(), out->data(), size_t(n), data, size_t(size));
        if (ZSTD_isError(got) || got != n) {
            out->clear();
            return false;
        }
        return true;
    }
    default:
        return false;
    }
}

QByteArray ParamsCodec::unpack(const QByteArray& stored, int format) {
    QByteArray out;
    if (!unpackInto(stored.constData(), stored.size(), format, &out))
        return {};
    if (out.isNull()) // empty params stored plain: keep "not null" for "read fine"
        out = QByteArray("");
    return out;
}

} // namespace bs
