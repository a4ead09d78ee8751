#pragma once

#include "intake/jsonlscanner.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace bs {

// A JSONL input file of {"custom_id": "...", "params": {...}} lines, seen through the one
// reader, JsonlScanner: validate() reads it once and lists every problem with its line, field
// and severity; forEach() reads it again and hands over each request with params as the exact
// bytes of the file. Kept for callers that want the two steps apart (the console's check
// dialog, BatchSplitter::plan); the CLI and RetrySubmitter use JsonlScanner directly.
class JsonlInput {
public:
    using Problem = JsonlScanner::Problem;
    using Severity = JsonlScanner::Severity;

    explicit JsonlInput(const QString& path, const JsonlScanner::Options& options = {})
        : m_path(path)
        , m_options(options) {}

    // True when the file can be submitted (no errors; warnings and notes allowed).
    // problems() holds the first maxProblems problems, problemCount() all of them.
    bool validate(int maxProblems = 50);
    const QList<Problem>& problems() const { return m_problems; }
    qint64 problemCount() const { return m_problemCount; }
    qint64 errorCount() const { return m_errorCount; }
    qint64 requestCount() const { return m_requests; }

    // Callback(customId, params as the exact bytes of the file); returns false to stop. Only
    // requests of lines without errors are handed over. False when the file could not be read.
    bool forEach(const std::function<bool(const QString&, const QByteArray&)>& callback);

    QString path() const { return m_path; }

private:
    QString m_path;
    JsonlScanner::Options m_options;
    QList<Problem> m_problems;
    qint64 m_problemCount = 0;
    qint64 m_errorCount = 0;
    qint64 m_requests = 0;
};

} // namespace bs
