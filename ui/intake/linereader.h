#pragma once

#include <QString>

namespace bs::ui {

// Reads one line of a file, for showing a problem where it is: run off the GUI thread (it reads
// forward from the start, a few GB/s with memchr over large chunks). A long line is cut to a
// window of about kWindowChars characters around the column of interest, and says so.
class LineReader {
public:
    struct Excerpt {
        bool found = false;
        QString text;           // the window of the line shown (no line break)
        qint64 firstColumn = 1; // the column (1-based, characters) text starts at
        qint64 lineBytes = 0;   // the whole line's length in bytes
        bool cutBefore = false, cutAfter = false;
        QString error; // the file could not be read
    };
    static constexpr qint64 kWindowChars = 4096;
    // Lines longer than this are not decoded whole: only their first kWindowChars are shown.
    static constexpr qint64 kMaxDecodedBytes = 4 << 20;

    // Line numbers are 1-based; column 0 = unknown.
    static Excerpt read(const QString& path, qint64 line, qint64 column);
};

} // namespace bs::ui
