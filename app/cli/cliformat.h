#pragma once

#include "cost/money.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace bs {
struct BatchRecord;
struct CostTotals;
struct IngestReport;
} // namespace bs

namespace bs::cli {

// The shapes batchscope-cli prints, in one place so that every command spells a batch, a cost
// or an ingestion the same way (docs/cli.md lists them).
//
// Money is exact: "cost_micros" is a JSON integer (micro-dollars, written from the qint64, never
// through a double) and "cost_usd" a decimal string with six decimals ("12.345678"); a double
// would silently change an amount above 2^53 micro-dollars and invites readers to add floats.
class CliFormat {
    Q_DECLARE_TR_FUNCTIONS(bs::cli::CliFormat)

public:
    // "12.345678", "-0.000001": exact, no currency sign, for machines.
    static QString usd(Money micros);
    // Sets o["cost_micros"] (integer) and o["cost_usd"] (decimal string).
    static void putMoney(QJsonObject& o, Money micros);

    static QJsonValue time(const QDateTime& t); // RFC 3339, or null
    static QJsonValue text(const QString& s);   // the string, or null when empty
    static QJsonValue date(QDate d);            // YYYY-MM-DD, or null

    // A batch as stored in the ledger: its server fields and ours.
    static QJsonObject batch(const BatchRecord& record);
    static QString batchLine(const BatchRecord& record);
    // Cost totals (money, result counts, tokens).
    static QJsonObject totals(const CostTotals& totals);
    // One ingestion of results.
    static QJsonObject ingest(const IngestReport& report);
    // Errored, canceled, expired or missing items: the command ends with Exit::Partial.
    static bool hasFailures(const IngestReport& report);
};

} // namespace bs::cli
