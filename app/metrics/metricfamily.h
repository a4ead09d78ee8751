#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace bs {

// One metric with its samples, as both exporters (Prometheus text, DogStatsD) need it. Values
// are decimal text made from the ledger's integers (micro-dollars become "12.345678"), so no
// figure passes through floating point on its way out.
struct MetricFamily {
    enum class Type { Counter, Gauge, Histogram };
    struct Sample {
        QList<QPair<QString, QString>> labels;
        QString value;
        // Appended to the family's name: a histogram's "_bucket" (with an "le" label), "_sum"
        // and "_count" samples.
        QString suffix = {};
    };

    QString name; // Prometheus name: snake_case, base unit, "_total" on counters
    QString help;
    Type type = Type::Gauge;
    QList<Sample> samples;
};

// What a watcher counts itself (not in the ledger): polling cycles, ingestions and API errors.
struct ProcessCounters {
    qint64 polls = 0;
    qint64 pollErrors = 0;
    QList<QPair<QString, qint64>> apiErrorsByKind;     // ApiError::kindName -> count
    QList<QPair<QString, qint64>> ingestionsByOutcome; // "completed", "failed", ... -> count
    void addApiError(const QString& kind);
    void addIngestion(const QString& outcome);
};

} // namespace bs
