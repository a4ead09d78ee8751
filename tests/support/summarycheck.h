#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QUuid>

// The ledger's summaries (batch_costs, day_model_costs; SummaryStore) against a recomputation
// from the results table written here, independently of the ledger code, through a plain
// connection of its own. Header-only: the test links bs_core (QtSql).
namespace bs::test {

// One text line per row of `sql`'s answer.
inline QStringList rowsOf(QSqlDatabase& db, const QString& sql) {
    QStringList out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return {QStringLiteral("query failed: ") + sql};
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

// Empty when both summaries equal the recomputation; else the first differences, for a message.
// *rows (optional): how many summary rows were compared.
inline QString summaryMismatches(const QString& ledgerPath, qint64* rows = nullptr) {
    const QString name = QStringLiteral("summary-check-") + QUuid::createUuid().toString();
    QString message;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(ledgerPath);
        if (!db.open())
            return QStringLiteral("cannot open ") + ledgerPath;
        const QString figures = QStringLiteral(
            "cost_micros, results, succeeded, errored, canceled, expired, unpriced, input_tokens, "
            "output_tokens, cache_creation_input_tokens, cache_creation_5m_tokens, "
            "cache_creation_1h_tokens, cache_read_input_tokens, web_search_requests, "
            "web_fetch_requests");
        const QString recomputed = QStringLiteral(
            "TOTAL(CASE WHEN priced = 1 THEN cost_micros ELSE 0 END), COUNT(*), "
            "COUNT(CASE WHEN type = 'succeeded' THEN 1 END), "
            "COUNT(CASE WHEN type = 'errored' THEN 1 END), "
            "COUNT(CASE WHEN type = 'canceled' THEN 1 END), "
            "COUNT(CASE WHEN type = 'expired' THEN 1 END), "
            "COUNT(CASE WHEN priced = 0 THEN 1 END), TOTAL(input_tokens), TOTAL(output_tokens), "
            "TOTAL(cache_creation_input_tokens), TOTAL(cache_creation_5m_tokens), "
            "TOTAL(cache_creation_1h_tokens), TOTAL(cache_read_input_tokens), "
            "TOTAL(web_search_requests), TOTAL(web_fetch_requests)");
        // TOTAL() is a float: compared as integers through CAST in an outer query.
        const auto asIntegers = [](const QString& inner, int keys) -> QString {
            QStringList cols;
            for (int i = 0; i < keys; ++i)
                cols << QStringLiteral("k%1").arg(i);
            for (int i = 0; i < 15; ++i)
                cols << QStringLiteral("CAST(f%1 AS INTEGER)").arg(i);
            return QStringLiteral("SELECT ") + cols.join(QStringLiteral(", ")) +
                   QStringLiteral(" FROM (") + inner + QStringLiteral(")");
        };
        QStringList aliases;
        for (int i = 0; i < 15; ++i)
            aliases << QStringLiteral("f%1").arg(i);
        const auto aliased = [&](const QString& list) -> QString {
            QStringList parts;
            int depth = 0;
            QString cur;
            for (QChar c : list) {
                if (c == QLatin1Char('('))
                    ++depth;
                if (c == QLatin1Char(')'))
                    --depth;
                if (c == QLatin1Char(',') && depth == 0) {
                    parts << cur.trimmed();
                    cur.clear();
                } else {
                    cur += c;
                }
            }
            parts << cur.trimmed();
            for (qsizetype i = 0; i < parts.size(); ++i)
                parts[i] += QStringLiteral(" AS f%1").arg(i);
            return parts.join(QStringLiteral(", "));
        };
        const QStringList batchesWant = rowsOf(
            db, asIntegers(QStringLiteral("SELECT batch_id AS k0, ") + aliased(recomputed) +
                               QStringLiteral(" FROM results GROUP BY batch_id ORDER BY batch_id"),
                           1));
        const QStringList batchesHave =
            rowsOf(db, asIntegers(QStringLiteral("SELECT batch_id AS k0, ") + aliased(figures) +
                                      QStringLiteral(" FROM batch_costs ORDER BY batch_id"),
                                  1));
        const QStringList daysWant = rowsOf(
            db, asIntegers(QStringLiteral("SELECT day AS k0, IFNULL(model, '') AS k1, ") +
                               aliased(recomputed) +
                               QStringLiteral(" FROM results GROUP BY day, IFNULL(model, '') "
                                              "ORDER BY day, IFNULL(model, '')"),
                           2));
        const QStringList daysHave = rowsOf(
            db, asIntegers(QStringLiteral("SELECT day AS k0, model AS k1, ") + aliased(figures) +
                               QStringLiteral(" FROM day_model_costs ORDER BY day, model"),
                           2));
        if (rows)
            *rows = batchesHave.size() + daysHave.size();
        const auto compare = [&](const QString& what, const QStringList& want,
                                 const QStringList& have) {
            if (want == have)
                return;
            message += QStringLiteral("%1: %2 rows recomputed, %3 stored\n")
                           .arg(what)
                           .arg(want.size())
                           .arg(have.size());
            for (qsizetype i = 0; i < qMax(want.size(), have.size()) && i < 50; ++i) {
                const QString w = want.value(i), h = have.value(i);
                if (w != h)
                    message += QStringLiteral("  want %1\n  have %2\n").arg(w, h);
            }
        };
        compare(QStringLiteral("batch_costs"), batchesWant, batchesHave);
        compare(QStringLiteral("day_model_costs"), daysWant, daysHave);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return message;
}

} // namespace bs::test
