#include "apiconfig.h"

#include "core/redactor.h"

#include <QHostAddress>

namespace bs {

ApiConfig ApiConfig::fromEnvironment() {
    ApiConfig c;
    const QString env = qEnvironmentVariable("ANTHROPIC_BASE_URL").trimmed();
    if (!env.isEmpty())
        c.baseUrl = QUrl(env);
    return c;
}

QString ApiConfig::displayBaseUrl() const {
    return Redactor::redactUrl(baseUrl);
}

bool ApiConfig::isLoopbackHost(const QString& host) {
    QString h = host.toLower();
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    if (h == QLatin1String("localhost"))
        return true;
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

} // namespace bs
