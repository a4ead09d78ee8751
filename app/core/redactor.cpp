#include "redactor.h"

#include <QRegularExpression>

namespace bs {

namespace {
const QRegularExpression& keyPattern() {
    // sk-ant- followed by the key body: letters, digits, '-' and '_'. Admin keys
    // (sk-ant-admin01-...) and API keys (sk-ant-api03-...) both match.
    static const QRegularExpression re(QStringLiteral("sk-ant-[A-Za-z0-9_\\-]+"));
    return re;
}
} // namespace

QString Redactor::redact(const QString& text) {
    if (!text.contains(QLatin1String("sk-ant-")))
        return text;
    QString out = text;
    out.replace(keyPattern(), mask());
    return out;
}

QByteArray Redactor::redact(const QByteArray& text) {
    if (!text.contains("sk-ant-"))
        return text;
    return redact(QString::fromUtf8(text)).toUtf8();
}

bool Redactor::containsSecret(const QString& text) {
    return keyPattern().match(text).hasMatch();
}

} // namespace bs
