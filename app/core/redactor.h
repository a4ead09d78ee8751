#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace bs {

// Removes secrets from text that is about to be shown, logged or exported:
// - anything shaped like an Anthropic API key (sk-ant-...). Keys live only in the OS keychain;
//   this is the last line of defence.
// - the user-info (user:password@) of any URL in the text, e.g. a base URL written as
//   https://user:pass@proxy.example:8443/v1 becomes https://[redacted]@proxy.example:8443/v1
//   (scheme, host, port, path and query kept).
// - a Slack incoming-webhook URL (https://hooks.slack.com/services/...: the URL is the secret),
//   and any secret registered with addSecret() (the webhook URL as configured, whatever its
//   host), wherever it appears.
class Redactor {
public:
    // A secret known at run time (e.g. the webhook URL read from the keychain or the
    // environment): masked from then on in everything redact() sees, in this process.
    // Strings shorter than 8 characters are ignored (they would mask ordinary words).
    static void addSecret(const QString& secret);
    // What a registered secret or a webhook URL is replaced with.
    static QString secretMask() { return QStringLiteral("[redacted webhook]"); }

    static QString redact(const QString& text);
    static QByteArray redact(const QByteArray& text);
    static bool containsSecret(const QString& text);

    // A URL as it may be shown or logged: its user-info masked as above. Use it wherever a base
    // URL is shown, logged or put into an error message.
    static QString redactUrl(const QUrl& url);

    // What a key is replaced with: keeps the family prefix so the user can tell which key it was.
    static QString mask() { return QStringLiteral("sk-ant-…[redacted]"); }
    // What a URL's user-info is replaced with.
    static QString userInfoMask() { return QStringLiteral("[redacted]"); }
};

} // namespace bs
