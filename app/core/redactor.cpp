#include "redactor.h"

#include <algorithm>

#include <QReadWriteLock>
#include <QRegularExpression>
#include <QStringList>

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

const QRegularExpression& slackWebhookPattern() {
    // The whole path after /services/ is the token (T.../B.../secret).
    static const QRegularExpression re(
        QStringLiteral("https?://hooks\\.slack\\.com/services/[^\\s\"'<>]*"));
    return re;
}

struct Secrets {
    QReadWriteLock lock;
    QStringList list; // longest first, so that a secret containing another is masked whole
};
Secrets& secrets() {
    static Secrets s;
    return s;
}

bool mayHoldRegistered(const QString& text) {
    Secrets& s = secrets();
    QReadLocker lock(&s.lock);
    for (const QString& secret : s.list)
        if (text.contains(secret))
            return true;
    return false;
}

QString maskRegistered(QString text) {
    Secrets& s = secrets();
    QReadLocker lock(&s.lock);
    for (const QString& secret : s.list)
        text.replace(secret, Redactor::secretMask());
    return text;
}
} // namespace

void Redactor::addSecret(const QString& secret) {
    const QString s = secret.trimmed();
    if (s.size() < 8)
        return;
    Secrets& all = secrets();
    QWriteLocker lock(&all.lock);
    if (all.list.contains(s))
        return;
    all.list.append(s);
    std::sort(all.list.begin(), all.list.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
}

QString Redactor::redact(const QString& text) {
    const bool key = text.contains(QLatin1String("sk-ant-"));
    const bool userInfo = mayHoldUserInfo(text);
    const bool registered = mayHoldRegistered(text);
    const bool slack = text.contains(QLatin1String("hooks.slack.com"));
    if (!key && !userInfo && !registered && !slack)
        return text;
    QString out = registered ? maskRegistered(text) : text;
    if (slack)
        out.replace(slackWebhookPattern(), secretMask());
    if (key)
        out.replace(keyPattern(), mask());
    if (userInfo)
        out.replace(userInfoPattern(), QStringLiteral("\\1") + userInfoMask() + QLatin1Char('@'));
    return out;
}

QByteArray Redactor::redact(const QByteArray& text) {
    if (!text.contains("sk-ant-") && !(text.contains("://") && text.contains('@')) &&
        !text.contains("hooks.slack.com") && !mayHoldRegistered(QString::fromUtf8(text)))
        return text;
    return redact(QString::fromUtf8(text)).toUtf8();
}

bool Redactor::containsSecret(const QString& text) {
    return keyPattern().match(text).hasMatch() || mayHoldRegistered(text) ||
           slackWebhookPattern().match(text).hasMatch() ||
           (mayHoldUserInfo(text) && userInfoPattern().match(text).hasMatch());
}

QString Redactor::redactUrl(const QUrl& url) {
    return redact(url.toString());
}

} // namespace bs
