#pragma once

#include "ledger/resultrow.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace bs {

// Gathers consecutive result lines of one batch into a ResultLineBlock (the ingestion's parse
// stage): the lines are joined with '\n' and the block is packed once (ParamsCodec, zstd),
// which costs far less than one frame per line and compresses far better (a line alone has
// little to match against; a block repeats its keys and much of its text).
class ResultLineBlockBuilder {
public:
    // A block is sealed once it holds this many raw bytes or lines: big enough to compress
    // well, small enough to decompress for one item in well under a millisecond.
    static constexpr qsizetype kMaxRawBytes = 256 * 1024;
    static constexpr int kMaxLines = 2048;
    // zstd's level for blocks: -6, a faster "fast" level than ParamsCodec's -1. On bench_ingest
    // (100k lines of ~2.3 KB, machine loaded): -1 gave 60-73k results/s and 82.6 MB of ledger per
    // 100k, -6 95-100k/s and 85.1 MB, -8 99-102k/s and 88.4 MB, -12 77k/s and 96.4 MB (more
    // bytes for the writer), no lines at all 186k/s and 25.2 MB.
    static constexpr int kLevel = -6;

    bool isEmpty() const { return m_count == 0; }
    bool isFull() const { return m_raw.size() >= kMaxRawBytes || m_count >= kMaxLines; }
    int count() const { return m_count; }
    // Appends a line (without its '\n'); returns its index in the block.
    int append(QByteArrayView line);
    // The block of the lines appended since the last seal(), packed; the builder is empty then.
    ResultLineBlock seal();
    // Drops the lines appended since the last seal().
    void clear() {
        m_raw.resize(0);
        m_count = 0;
    }

private:
    QByteArray m_raw;
    int m_count = 0;
};

// A block's joined lines unpacked, with where each line starts (found in one pass).
struct UnpackedLineBlock {
    QByteArray raw;
    QList<qsizetype> starts;

    explicit UnpackedLineBlock(QByteArray joined = QByteArray());
    // The line at `index` (from 0), or a null view when the block has fewer lines.
    QByteArrayView line(int index) const;
};

} // namespace bs
