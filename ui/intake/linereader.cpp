#include "linereader.h"

#include <QCoreApplication>
#include <QFile>

#include <cstring>

namespace bs::ui {

LineReader::Excerpt LineReader::read(const QString& path, qint64 line, qint64 column) {
    Excerpt e;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        e.error = file.errorString();
        return e;
    }
    // Find the line's start offset, then its length.
    constexpr qint64 kChunk = 4 << 20;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    qint64 lineNo = 1, offset = 0, start = line == 1 ? 0 : -1, end = -1;
    while (end < 0) {
        const qint64 n = file.read(buffer.data(), kChunk);
        if (n <= 0)
            break;
        const char* p = buffer.constData();
        const char* stop = p + n;
        while (p < stop) {
            const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(stop - p)));
            if (!nl)
                break;
            const qint64 at = offset + (nl - buffer.constData());
            if (lineNo == line) {
                end = at;
                break;
            }
            ++lineNo;
            if (lineNo == line)
                start = at + 1;
            p = nl + 1;
        }
        offset += n;
    }
    if (start < 0)
        return e; // the file has fewer lines (it changed since it was checked)
    if (end < 0)
        end = offset; // the last line, without a line break
    e.found = true;
    e.lineBytes = end - start;
    if (!file.seek(start)) {
        e.error = file.errorString();
        return e;
    }
    QByteArray bytes;
    if (e.lineBytes <= kMaxDecodedBytes) {
        bytes = file.read(e.lineBytes);
        if (bytes.endsWith('\r'))
            bytes.chop(1);
    } else {
        bytes = file.read(kWindowChars * 4); // at most kWindowChars characters of UTF-8
        e.cutAfter = true;
        column = 0;
    }
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    qint64 from = 0;
    if (column > kWindowChars / 2)
        from = qMin<qint64>(column - 1 - kWindowChars / 2,
                            qMax<qint64>(0, text.size() - kWindowChars));
    if (from > 0)
        e.cutBefore = true;
    if (text.size() - from > kWindowChars)
        e.cutAfter = true;
    e.text = text.mid(from, kWindowChars);
    e.firstColumn = from + 1;
    return e;
}

} // namespace bs::ui
