#pragma once

#include "intake/batchsplitter.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <string_view>

namespace bs {

class PriceBook;

// The one reader of JSONL input files ({"custom_id": ..., "params": {...}} a line). It streams
// the file in chunks (never the whole file in one buffer), parses each line with simdjson's
// On-Demand API, and in the same pass:
//  - reports every problem with its line, column (when known), field, severity and a sentence;
//  - hands each request over with `params` as the exact bytes of the value in the file (no
//    re-serialisation: key order, big integers and escapes stay as the user wrote them);
//  - places the requests into batches (BatchSplitter) and estimates tokens and worst-case cost
//    per model (PriceBook, batch discount, integer micro-dollars).
// It needs no key, no network and no ledger: "already used in the ledger" comes through a
// callback. The CLI's validate/submit, the console's check dialog and RetrySubmitter's attach of
// a source file all read through it.
class JsonlScanner {
    Q_DECLARE_TR_FUNCTIONS(bs::JsonlScanner)

public:
    // Lines longer than this cannot be sent: a create body is at most 256 MB.
    static constexpr qint64 kMaxLineBytes = BatchRequestsBuilder::kMaxBodyBytes;

    enum class Severity {
        Error,   // blocks the submission
        Warning, // needs an explicit confirmation
        Info,    // accepted as it is, noted (BOM, CRLF, blank lines)
    };
    static QString severityName(Severity s); // "error", "warning", "info" (wire names)
    static QString severityText(Severity s); // translated, for people

    // One thing to say about the file. line 0: the file as a whole; column 0: unknown.
    struct Problem {
        qint64 line = 0;
        qint64 column = 0; // 1-based, in characters of the line
        QString field;     // "custom_id", "params.max_tokens", ...; empty for the whole line
        Severity severity = Severity::Error;
        QString message; // translated, one plain sentence

        // "FILE:LINE[:COLUMN]:FIELD: severity: message" (the form compilers use).
        QString toString(const QString& path) const;
    };

    // One request, as handed to scan()'s callback. The views point into the scanner's buffer
    // and are valid only during the call.
    struct Request {
        qint64 line = 0;
        QByteArrayView customId;
        QByteArrayView params;  // the exact bytes of the "params" value in the file
        int estimate = -1;      // index of its model in estimates(); -1 when it names none
        qint64 inputTokens = 0; // the local estimate of its prompt (characters / 4)
    };

    // Per model (canonical id when the price book knows it, else as written).
    struct ModelEstimate {
        QString model;
        bool priced = false;
        qint64 requests = 0;
        qint64 inputTokens = 0;      // local estimate (characters of params / 4, rounded up),
                                     // times the model's calibration ratio when one was given
        qint64 inputTokensLocal = 0; // the local estimate alone
        bool calibrated = false;     // inputTokens went through Options::inputRatios
        qint64 maxOutputTokens = 0;  // worst case: the sum of max_tokens
        qint64 worstCaseMicros = 0;  // input + worst-case output at batch prices; 0 if unpriced
        qint64 worstCaseOutputMicros = 0; // the output part of worstCaseMicros
        // At the output/max_tokens ratio this ledger has seen for the model (BudgetGate::
        // addExpected); the scanner sets the worst case (no history: ratio 1).
        qint64 expectedMicros = 0;
    };

    struct Options {
        const PriceBook* prices = nullptr; // model checks and cost estimate; none: skipped
        // custom_ids already used in the ledger, out of the given ones (called once, at the end).
        std::function<QSet<QString>(const QSet<QString>& fileIds)> usedCustomIds;
        BatchSplitter::Limits splitLimits;
        int maxProblems = 1000;      // kept in problems(); counts are always exact
        qint64 chunkBytes = 8 << 20; // read size; a longer line grows the buffer to fit
        qint64 maxLineBytes = kMaxLineBytes;
        // Per model (the estimate's key): counted / local input tokens measured on a sample
        // (TokenCalibrator). Each request's local estimate is scaled by it before its cost is
        // computed; models without a ratio keep the local estimate.
        struct InputRatio {
            qint64 counted = 0;
            qint64 local = 0;
        };
        QHash<QString, InputRatio> inputRatios;
        // Called after each chunk; false cancels the scan.
        std::function<bool(qint64 bytesDone, qint64 bytesTotal)> progress;
        // Called with every piece read from the file, in order, as read (a BOM included): all
        // the file's bytes once, when the scan reads it to the end. For a digest taken in the
        // same pass (FileSubmitter's SHA-256).
        std::function<void(const char* data, qint64 size)> onBytes;
    };

    JsonlScanner(const QString& path, const Options& options);
    explicit JsonlScanner(const QString& path);
    ~JsonlScanner();

    // Reads the file once. onRequest (optional) gets every request whose line has no error, in
    // file order; returning false stops the scan. False when the file could not be read or the
    // scan was stopped or cancelled; the report is then incomplete.
    bool scan(const std::function<bool(const Request&)>& onRequest = {});

    bool valid() const { return m_errors == 0 && m_readOk && m_requests > 0; }
    bool cancelled() const { return m_cancelled; }
    qint64 requestCount() const { return m_requests; }
    qint64 lineCount() const { return m_lines; }
    qint64 bytesRead() const { return m_bytes; }
    qint64 errorCount() const { return m_errors; }
    qint64 warningCount() const { return m_warnings; }
    qint64 infoCount() const { return m_infos; }
    qint64 problemCount() const { return m_errors + m_warnings + m_infos; }
    // The first maxProblems problems, sorted by line.
    const QList<Problem>& problems() const { return m_problems; }
    const QList<BatchSplitter::Part>& batches() const { return m_splitter.parts(); }
    const QList<ModelEstimate>& estimates() const { return m_estimates; }
    // The same per batch of batches() (same order), each rounded on its own: what each
    // write-ahead draft reserves against the budgets.
    const QList<QList<ModelEstimate>>& partEstimates() const { return m_partEstimates; }
    QString path() const { return m_path; }

private:
    struct LineState;
    void reset();
    void addProblem(qint64 line, qint64 column, const QString& field, Severity severity,
                    const QString& message);
    bool scanLine(const char* data, qint64 size, qint64 capacity,
                  const std::function<bool(const Request&)>& onRequest);
    void finish();
    // jsonlscannermodels.cpp: the model checks and the estimate.
    struct ModelSlot;
    ModelSlot* checkModel(qint64 lineNo, std::string_view model, qint64 maxTokens,
                          qint64 inputTokens);
    void addToEstimate(const ModelSlot& slot, qint64 inputTokens, qint64 maxTokens);
    void finishEstimates();

    QString m_path;
    Options m_options;
    struct Impl;
    std::unique_ptr<Impl> d;

    QList<Problem> m_problems;
    QList<ModelEstimate> m_estimates;
    QList<QList<ModelEstimate>> m_partEstimates;
    BatchSplitter m_splitter;
    qint64 m_errors = 0, m_warnings = 0, m_infos = 0;
    qint64 m_requests = 0, m_lines = 0, m_bytes = 0;
    bool m_readOk = true, m_cancelled = false, m_stopped = false;
};

} // namespace bs
