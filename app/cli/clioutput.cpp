#include "clioutput.h"

#include "core/redactor.h"

#include <QJsonDocument>

namespace bs::cli {

CliOutput::CliOutput(FILE* out, FILE* err)
    : m_out(out)
    , m_err(err) {}

void CliOutput::printJson(QJsonObject json) {
    m_out << Redactor::redact(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)))
          << Qt::endl;
}

void CliOutput::print(const QJsonObject& json, const QString& human) {
    if (m_json) {
        QJsonObject o = json;
        o[QLatin1String("ok")] = true;
        printJson(o);
    } else if (!human.isEmpty()) {
        m_out << Redactor::redact(human) << Qt::endl;
    }
}

int CliOutput::fail(int code, const QString& message, const QJsonObject& extra) {
    const QString text = Redactor::redact(message);
    m_err << text << Qt::endl;
    if (m_json) {
        QJsonObject o = extra;
        o[QLatin1String("ok")] = false;
        o[QLatin1String("exit_code")] = code;
        o[QLatin1String("error")] = text;
        printJson(o);
    }
    return code;
}

void CliOutput::progress(const QString& text) {
    if (!m_json)
        m_out << Redactor::redact(text) << Qt::endl;
}

void CliOutput::warn(const QString& text) {
    m_err << Redactor::redact(text) << Qt::endl;
}

void CliOutput::text(const QString& text) {
    m_out << Redactor::redact(text) << Qt::flush;
}

} // namespace bs::cli
