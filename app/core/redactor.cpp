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

const QRegularExpression& userInfoPattern() {
    // scheme "://" user-info "@": the user-info is everything up to the last '@' before the
    // authority ends ('/', '?', '#', whitespace or a quote), so an unencoded '@' in a password
    // is covered too. Already masked user-info is left alone.
    static const QRegularExpression re(
        QStringLiteral("([A-Za-z][A-Za-z0-9+.\\-]*://)(?!\\[redacted\\]@)[^/?#\\s\"'<>]*@"));
    return re;
}

bool mayHoldUserInfo(const QString& text) {
    return text.contains(QLatin1String("://")) && text.contains(QLatin1Char('@'));
}
} // namespace

QString Redactor::redact(const QString& text) {
    const bool key = text.contains(QLatin1String("sk-ant-"));
    const bool userInfo = mayHoldUserInfo(text);
    if (!key && !userInfo)
        return text;
    QString out = text;
    if (key)
        out.replace(keyPattern(), mask());
    if (userInfo)
        out.replace(userInfoPattern(), QStringLiteral("\\1") + userInfoMask() + QLatin1Char('@'));
    return out;
}

QByteArray Redactor::redact(const QByteArray& text) {
    if (!text.contains("sk-ant-") && !(text.contains("://") && text.contains('@')))
        return text;
    return redact(QString::fromUtf8(text)).toUtf8();
}

bool Redactor::containsSecret(const QString& text) {
    return keyPattern().match(text).hasMatch() ||
           (mayHoldUserInfo(text) && userInfoPattern().match(text).hasMatch());
}

QString Redactor::redactUrl(const QUrl& url) {
    return redact(url.toString());
}

} // namespace bs
