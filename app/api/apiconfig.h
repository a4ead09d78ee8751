#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace bs {

// Connection settings of one ApiClient. The key is held in memory only (it comes from
// SecretStore); nothing here is ever written to QSettings by this class.
struct ApiConfig {
    QUrl baseUrl = defaultBaseUrl();
    QString apiKey;      // sent as x-api-key; never logged
    QString workspaceId; // sent as anthropic-workspace-id when not empty
    QStringList betas;   // anthropic-beta values, e.g. "output-300k-2026-03-24"
    // Transfer timeout per attempt: the attempt fails when no byte moves for this long.
    int timeoutMs = 120000;
    int maxRetries = 2;
    // A 404 on a batch id this client created less than this long ago is taken for
    // propagation delay and retried until the window closes.
    int notFoundGraceMs = 10000;

    // The base URL as it may be shown or logged: any user-info (user:password@) masked
    // (Redactor::redactUrl). Never show or log baseUrl itself.
    QString displayBaseUrl() const;

    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://api.anthropic.com")); }
    // Defaults, with ANTHROPIC_BASE_URL honoured when set (the key is NOT read from the
    // environment here).
    static ApiConfig fromEnvironment();

    // True for 127.0.0.0/8, ::1 and localhost.
    static bool isLoopbackHost(const QString& host);
};

} // namespace bs
