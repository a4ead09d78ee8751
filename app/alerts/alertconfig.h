#pragma once

#include <QList>

namespace bs {

class SettingsStore;

// The alert rules' thresholds. Defaults here; an operator overrides them per ledger with data
// settings (SettingsStore keys below), so the console and every watcher of one ledger agree.
struct AlertConfig {
    QList<int> budgetPercents = defaultBudgetPercents(); // "alerts/budget_percents"
    int erroredPercent = 10;     // "alerts/errored_percent": share of an ended batch
    int erroredLookbackDays = 7; // "alerts/errored_lookback_days": older ends ignored
    int expiryHours = 2;         // "alerts/expiry_hours": before the 24 h expiry
    int archiveDays = 3;         // "alerts/archive_days": before the 29-day archive
    int apiDownMinutes = 10;     // "alerts/api_down_minutes"
    // "alerts/overdue_min_samples": ended batches of the same model and size a P95 needs
    // before a batch in progress past it is called overdue.
    int overdueMinSamples = 3;

    static QList<int> defaultBudgetPercents(); // 50, 80, 100
    // Reads the overrides; a missing or malformed value keeps the default.
    static AlertConfig fromSettings(SettingsStore& settings);
};

} // namespace bs
