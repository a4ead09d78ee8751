#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace bs {

// A JSONL input file of {"custom_id": "...", "params": {...}} lines, read line by line (never
// whole). validate() reads it once and lists every problem with its line and field; forEach()
// reads it again and hands over each request (params as compact JSON bytes). Blank lines are
// skipped. Needs no API key, no network and no ledger: the CLI's `validate` and `submit` and the
// console's submit dialog use it before anything is sent.
class JsonlInput {
    Q_DECLARE_TR_FUNCTIONS(bs::JsonlInput)

public:
    // One thing wrong with the file. line 0: the file as a whole (cannot be read, empty).
    struct Problem {
        qint64 line = 0;
        QString field;   // "custom_id", "params.max_tokens", ...; empty for the whole line
        QString message; // translated, e.g. "missing."

        // "FILE:LINE:FIELD: message" (the form compilers use, so editors can jump to it).
        QString toString(const QString& path) const;
    };

    explicit JsonlInput(const QString& path)
        : m_path(path) {}

    // True when the file can be submitted. problems() holds the first maxProblems problems,
    // problemCount() all of them.
    bool validate(int maxProblems = 50);
    const QList<Problem>& problems() const { return m_problems; }
    qint64 problemCount() const { return m_problemCount; }
    qint64 requestCount() const { return m_requests; }

    // Callback(customId, compactParams); returns false to stop. False when the file could not
    // be read.
    bool forEach(const std::function<bool(const QString&, const QByteArray&)>& callback);

    QString path() const { return m_path; }

private:
    void addProblem(qint64 line, const QString& field, const QString& message);

    QString m_path;
    QList<Problem> m_problems;
    qint64 m_problemCount = 0;
    qint64 m_requests = 0;
    int m_maxProblems = 50;
};

} // namespace bs
