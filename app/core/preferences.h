#pragma once

#include <QString>

class QSettings;

namespace bs {

// The console's preferences in QSettings, one typed accessor per key with its default (KeePassXC's
// Config is the model). No secret ever goes here: API keys live in the keychain (SecretStore),
// profiles in Profiles.
class Preferences {
public:
    // "en", "ko", or empty: the system's language. Read at start-up (applies on restart).
    static QString language(QSettings& settings);
    static void setLanguage(QSettings& settings, const QString& code);

    // Bounds of the poll interval in seconds: the quickest pace (a batch just created) and the
    // slowest (nothing in flight). Read at start-up; clamped to [minAllowed, maxAllowed] and
    // min <= max.
    static int pollMinSeconds(QSettings& settings);
    static int pollMaxSeconds(QSettings& settings);
    static void setPollBounds(QSettings& settings, int minSeconds, int maxSeconds);
    static constexpr int kPollMinDefault = 5;
    static constexpr int kPollMaxDefault = 300;
    static constexpr int kPollAllowedMin = 1;
    static constexpr int kPollAllowedMax = 3600;

    // What `batchscope-cli watch --metrics/--statsd` does, from the console (off by default):
    // /metrics on 127.0.0.1:port (0 picks a free port) and a DogStatsD agent "host:port"
    // (empty: none). Read when the console starts.
    static bool metricsEnabled(QSettings& settings);
    static int metricsPort(QSettings& settings);
    static QString statsdTarget(QSettings& settings);
    static void setMetrics(QSettings& settings, bool enabled, int port, const QString& statsd);
    static constexpr int kMetricsPortDefault = 9464;
};

} // namespace bs
