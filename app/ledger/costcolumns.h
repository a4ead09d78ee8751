#pragma once

// Internal to app/ledger: the cost figures of CostTotals as SQL columns, one order for every
// query that reads them, from the summaries (SummaryStore) or from the result rows themselves
// (CostQueries' fallback), and one reader of a row of them.
#include "ledger/costtotals.h"

#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <array>

namespace bs::costcolumns {

// The summaries' figure columns, in the order of CostTotals' fields (figures()).
inline const QStringList kFigureColumns{
    QStringLiteral("cost_micros"),
    QStringLiteral("results"),
    QStringLiteral("succeeded"),
    QStringLiteral("errored"),
    QStringLiteral("canceled"),
    QStringLiteral("expired"),
    QStringLiteral("unpriced"),
    QStringLiteral("input_tokens"),
    QStringLiteral("output_tokens"),
    QStringLiteral("cache_creation_input_tokens"),
    QStringLiteral("cache_creation_5m_tokens"),
    QStringLiteral("cache_creation_1h_tokens"),
    QStringLiteral("cache_read_input_tokens"),
    QStringLiteral("web_search_requests"),
    QStringLiteral("web_fetch_requests"),
};

// The fields of CostTotals in the order of kFigureColumns.
inline std::array<qint64*, 15> figures(CostTotals& t) {
    return {&t.micros,
            &t.results,
            &t.succeeded,
            &t.errored,
            &t.canceled,
            &t.expired,
            &t.unpriced,
            &t.inputTokens,
            &t.outputTokens,
            &t.cacheCreationInputTokens,
            &t.cacheCreation5mTokens,
            &t.cacheCreation1hTokens,
            &t.cacheReadInputTokens,
            &t.webSearchRequests,
            &t.webFetchRequests};
}

inline QString sums() {
    QStringList parts;
    for (const QString& c : kFigureColumns)
        parts << QStringLiteral("COALESCE(SUM(%1), 0)").arg(c);
    return parts.join(QStringLiteral(", "));
}

inline CostTotals totalsFrom(const QSqlQuery& q, int first) {
    CostTotals t;
    int i = first;
    for (qint64* f : figures(t))
        *f = q.value(i++).toLongLong();
    return t;
}

// The same figures summed over rows of the results table, in the same order (totalsFrom reads
// them): what the summaries hold, computed from the rows.
inline QString resultSums() {
    QStringList parts;
    for (const QString& c : kFigureColumns) {
        if (c == QLatin1String("results"))
            parts << QStringLiteral("COUNT(*)");
        else if (c == QLatin1String("succeeded") || c == QLatin1String("errored") ||
                 c == QLatin1String("canceled") || c == QLatin1String("expired"))
            parts << QStringLiteral("COALESCE(SUM(type = '%1'), 0)").arg(c);
        else if (c == QLatin1String("unpriced"))
            parts << QStringLiteral("COALESCE(SUM(priced = 0), 0)");
        else
            parts << QStringLiteral("COALESCE(SUM(%1), 0)").arg(c);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace bs::costcolumns
