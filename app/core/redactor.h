#pragma once

#include <QByteArray>
#include <QString>

namespace bs {

// Removes anything shaped like an Anthropic API key (sk-ant-...) from text that is about to be
// shown, logged or exported. Keys live only in the OS keychain; this is the last line of defence.
class Redactor {
public:
    static QString redact(const QString& text);
    static QByteArray redact(const QByteArray& text);
    static bool containsSecret(const QString& text);

    // What a key is replaced with: keeps the family prefix so the user can tell which key it was.
    static QString mask() { return QStringLiteral("sk-ant-…[redacted]"); }
};

} // namespace bs
