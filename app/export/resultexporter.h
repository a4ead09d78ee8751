#pragma once

#include "cost/money.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace bs {

class Ledger;
struct ResultRow;

// Writes the stored results of batches to a file, streamed: rows are read a page at a time
// (ResultStore::pageOf, a cursor on custom_id), written, and dropped, so memory stays flat
// whatever the batch's size. The file is written beside its target under a temporary name and
// renamed into place at the end (QSaveFile): a canceled or failed export leaves no file, and an
// existing file is replaced only by a complete one.
//
// Two formats:
//  - Jsonl: the results as received: each result's line exactly as the API sent it (stored in
//    blocks of lines since ledger version 8, ResultStore::linesOf), byte for byte, then '\n'; in
//    custom_id order, a page's blocks unpacked once each. A result stored before that
//    has no line: its line is rebuilt from the stored fields in the shape of the API's results
//    file ({"custom_id", "result": {"type", "message" | "error"}}; a succeeded item then carries
//    its message id, model, stop reason and usage but no "content") and counted in
//    Outcome::rebuilt, which summary() mentions.
//  - Csv (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or line break
//    quoted, quotes doubled): batch_id, custom_id, type, model, input_tokens, output_tokens,
//    cache_write_tokens, cache_read_tokens, cost_usd (an exact decimal of the micro-dollars,
//    "0.012345"; empty when the model was unpriced), error_type, error_message.
//
// Runs on the thread of the Ledger it is given (ExportJob runs it on a thread of its own).
class ResultExporter {
    Q_DECLARE_TR_FUNCTIONS(bs::ResultExporter)

public:
    enum class Format { Jsonl, Csv };

    struct Outcome {
        bool ok = false;
        bool canceled = false;
        qint64 rows = 0;     // rows written
        Money micros = 0;    // their priced cost
        qint64 unpriced = 0; // rows without a price (empty cost cell)
        qint64 rebuilt = 0;  // JSONL lines rebuilt from stored fields (no line as received)
        QString message;     // what went wrong (translated), empty when ok

        // One translated sentence of a finished export for the status bar and the CLI: rows,
        // cost, and the rebuilt lines when there are any.
        QString summary(const QString& path) const;
    };

    // (rows written, rows in all); called after every page.
    using ProgressFunction = std::function<void(qint64 done, qint64 total)>;

    explicit ResultExporter(Ledger& ledger);

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    void setProgress(ProgressFunction progress) { m_progress = std::move(progress); }
    // Checked between pages: when it becomes true the export stops, leaving no file.
    void setCancelFlag(const std::atomic_bool* cancel) { m_cancel = cancel; }
    // Test hook (tests/README.md, "Test hooks"): once at least `rows` rows are written (checked
    // after each page, after its progress call), the export waits for the cancel flag, so that a
    // test cancels a running export without a race. The wait ends after timeoutMs without a
    // cancel: the export then fails saying so (never forever). 0 = never.
    void setHoldAfterRows(qint64 rows, int timeoutMs = 60000) {
        m_holdAfter = rows;
        m_holdTimeoutMs = timeoutMs;
    }

    // The results of these batches (in this order, each in custom_id order) into `path`.
    Outcome exportTo(const QStringList& batchIds, Format format, const QString& path);
    // The same into an open device (e.g. stdout); `name` names it in messages. A canceled or
    // failed export leaves what was written so far in the device.
    Outcome exportTo(const QStringList& batchIds, Format format, QIODevice& device,
                     const QString& name);

    // Building blocks, public for tests.
    static QByteArray csvHeader();
    static QByteArray csvLine(const ResultRow& row);
    static QByteArray jsonLine(const ResultRow& row);
    // RFC 4180 field: quoted when it holds a comma, a quote, CR or LF.
    static QByteArray csvField(const QString& text);
    // Exact decimal dollars of micro-dollars: 1234567 -> "1.234567", -5 -> "-0.000005".
    static QString decimalUsd(Money micros);

private:
    Ledger& m_ledger;
    int m_pageSize = 1000;
    ProgressFunction m_progress;
    const std::atomic_bool* m_cancel = nullptr;
    qint64 m_holdAfter = 0;
    int m_holdTimeoutMs = 60000;
};

} // namespace bs
