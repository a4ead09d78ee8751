#include "alertconfig.h"

#include "ledger/settingsstore.h"

#include <algorithm>

namespace bs {

namespace {
int intSetting(SettingsStore& s, const char* key, int fallback, int min, int max) {
    bool ok = false;
    const int v = s.value(QLatin1String(key)).trimmed().toInt(&ok);
    return ok && v >= min && v <= max ? v : fallback;
}
} // namespace

QList<int> AlertConfig::defaultBudgetPercents() {
    QList<int> list;
    list << 50 << 80 << 100;
    return list;
}

AlertConfig AlertConfig::fromSettings(SettingsStore& settings) {
    AlertConfig c;
    const QString percents = settings.value(QStringLiteral("alerts/budget_percents"));
    if (!percents.trimmed().isEmpty()) {
        QList<int> list;
        bool allOk = true;
        for (const QString& part : percents.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int p = part.trimmed().toInt(&ok);
            if (!ok || p <= 0 || p > 1000) {
                allOk = false;
                break;
            }
            list.append(p);
        }
        if (allOk && !list.isEmpty()) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
            c.budgetPercents = list;
        }
    }
    c.erroredPercent = intSetting(settings, "alerts/errored_percent", c.erroredPercent, 0, 100);
    c.erroredLookbackDays =
        intSetting(settings, "alerts/errored_lookback_days", c.erroredLookbackDays, 1, 29);
    c.expiryHours = intSetting(settings, "alerts/expiry_hours", c.expiryHours, 1, 23);
    c.archiveDays = intSetting(settings, "alerts/archive_days", c.archiveDays, 1, 28);
    c.apiDownMinutes = intSetting(settings, "alerts/api_down_minutes", c.apiDownMinutes, 1, 1440);
    c.overdueMinSamples =
        intSetting(settings, "alerts/overdue_min_samples", c.overdueMinSamples, 1, 1000);
    return c;
}

} // namespace bs
