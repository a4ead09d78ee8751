#include "preferences.h"

#include <QSettings>

#include <algorithm>

namespace bs {

namespace {
const QString kLanguage = QStringLiteral("Preferences/language");
const QString kPollMin = QStringLiteral("Preferences/pollMinSeconds");
const QString kPollMax = QStringLiteral("Preferences/pollMaxSeconds");

int clampSeconds(int s) {
    return std::clamp(s, Preferences::kPollAllowedMin, Preferences::kPollAllowedMax);
}
} // namespace

QString Preferences::language(QSettings& settings) {
    const QString code = settings.value(kLanguage).toString();
    return code == QLatin1String("en") || code == QLatin1String("ko") ? code : QString();
}

void Preferences::setLanguage(QSettings& settings, const QString& code) {
    settings.setValue(kLanguage, code);
}

int Preferences::pollMinSeconds(QSettings& settings) {
    return clampSeconds(settings.value(kPollMin, kPollMinDefault).toInt());
}

int Preferences::pollMaxSeconds(QSettings& settings) {
    return std::max(pollMinSeconds(settings),
                    clampSeconds(settings.value(kPollMax, kPollMaxDefault).toInt()));
}

void Preferences::setPollBounds(QSettings& settings, int minSeconds, int maxSeconds) {
    minSeconds = clampSeconds(minSeconds);
    settings.setValue(kPollMin, minSeconds);
    settings.setValue(kPollMax, std::max(minSeconds, clampSeconds(maxSeconds)));
}

bool Preferences::metricsEnabled(QSettings& settings) {
    return settings.value(QStringLiteral("metrics/enabled"), false).toBool();
}

int Preferences::metricsPort(QSettings& settings) {
    bool ok = false;
    const int port = settings.value(QStringLiteral("metrics/port")).toInt(&ok);
    return ok && port >= 0 && port <= 65535 ? port : kMetricsPortDefault;
}

QString Preferences::statsdTarget(QSettings& settings) {
    return settings.value(QStringLiteral("metrics/statsd")).toString().trimmed();
}

void Preferences::setMetrics(QSettings& settings, bool enabled, int port, const QString& statsd) {
    settings.setValue(QStringLiteral("metrics/enabled"), enabled);
    settings.setValue(QStringLiteral("metrics/port"), qBound(0, port, 65535));
    settings.setValue(QStringLiteral("metrics/statsd"), statsd.trimmed());
}

} // namespace bs
