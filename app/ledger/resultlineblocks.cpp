#include "resultlineblocks.h"

#include "ledger/paramscodec.h"

#include <cstring>
#include <utility>

namespace bs {

int ResultLineBlockBuilder::append(QByteArrayView line) {
    if (m_raw.capacity() < kMaxRawBytes)
        m_raw.reserve(kMaxRawBytes + 64 * 1024);
    if (m_count > 0)
        m_raw.append('\n');
    m_raw.append(line);
    return m_count++;
}

ResultLineBlock ResultLineBlockBuilder::seal() {
    ResultLineBlock block;
    block.count = m_count;
    block.rawSize = m_raw.size();
    ParamsCodec::Format codec = ParamsCodec::Plain;
    block.body = ParamsCodec::pack(QByteArrayView(m_raw), &codec, kLevel);
    block.codec = int(codec);
    m_raw.resize(0); // keeps its capacity for the next block
    m_count = 0;
    return block;
}

UnpackedLineBlock::UnpackedLineBlock(QByteArray joined)
    : raw(std::move(joined)) {
    if (raw.isNull())
        return;
    const char* begin = raw.constData();
    const char* end = begin + raw.size();
    const char* p = begin;
    starts.append(0);
    while (const void* nl = std::memchr(p, '\n', size_t(end - p))) {
        p = static_cast<const char*>(nl) + 1;
        starts.append(p - begin);
    }
}

QByteArrayView UnpackedLineBlock::line(int index) const {
    if (index < 0 || index >= starts.size())
        return {};
    const qsizetype from = starts.at(index);
    const qsizetype to = index + 1 < starts.size() ? starts.at(index + 1) - 1 : raw.size();
    return QByteArrayView(raw.constData() + from, to - from);
}

} // namespace bs
