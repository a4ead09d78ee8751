#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace bs::cli {

// A JSONL input file of {"custom_id": "...", "params": {...}} lines, read line by line (never
// whole). validate() reads it once and lists every problem as "FILE:LINE:FIELD: what is wrong";
// forEach() reads it again and hands over each request (params as compact JSON bytes).
// Blank lines are skipped.
class JsonlInput {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::JsonlInput)

public:
    explicit JsonlInput(const QString& path)
        : m_path(path) {}

    // True when the file can be submitted. errors() holds the first maxErrors problems,
    // errorCount() all of them.
    bool validate(int maxErrors = 50);
    const QStringList& errors() const { return m_errors; }
    qint64 errorCount() const { return m_errorCount; }
    qint64 requestCount() const { return m_requests; }

    // Callback(customId, compactParams); returns false to stop. False when the file could not
    // be read.
    bool forEach(const std::function<bool(const QString&, const QByteArray&)>& callback);

    QString path() const { return m_path; }

private:
    void addError(qint64 line, const QString& field, const QString& message);

    QString m_path;
    QStringList m_errors;
    qint64 m_errorCount = 0;
    qint64 m_requests = 0;
    int m_maxErrors = 50;
};

} // namespace bs::cli
