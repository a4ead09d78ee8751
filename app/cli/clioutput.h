#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

#include <cstdio>

namespace bs::cli {

// Everything batchscope-cli prints goes through here, and through bs::Redactor on its way out:
// an API key that slipped into a message (an echoed header, a URL) never reaches the terminal.
//
// Human mode: results on stdout, failures and warnings on stderr. --json mode: exactly one
// compact JSON object on stdout per run, {"ok": true, ...} or {"ok": false, "exit_code": N,
// "error": "..."}; messages meant for a person still go to stderr.
class CliOutput {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::CliOutput)

public:
    explicit CliOutput(FILE* out = stdout, FILE* err = stderr);

    void setJson(bool json) { m_json = json; }
    bool isJson() const { return m_json; }

    // A command's result: `json` (with "ok": true added) in --json mode, else `human` when not
    // empty.
    void print(const QJsonObject& json, const QString& human);
    // A failure: `message` on stderr; in --json mode also {"ok": false, "exit_code", "error"}
    // with `extra`'s fields on stdout. Returns `code`, so a command can `return out.fail(...)`.
    int fail(int code, const QString& message, const QJsonObject& extra = {});
    // Progress for a person (stdout, human mode only), e.g. "waiting for the end...".
    void progress(const QString& text);
    // A warning that does not end the command (stderr, both modes).
    void warn(const QString& text);
    // Text that is the command's whole answer and not a result object (--help, --version).
    void text(const QString& text);

private:
    void printJson(QJsonObject json);

    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
};

} // namespace bs::cli
