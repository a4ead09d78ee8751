#include "cliformat.h"

#include "api/messagebatch.h"
#include "ledger/batchrecord.h"
#include "ledger/costtotals.h"
#include "monitor/ingestrecords.h"

namespace bs::cli {

QString CliFormat::usd(Money micros) {
    const bool negative = micros < 0;
    // Unsigned negation: defined for the most negative value too.
    const quint64 m = negative ? quint64(0) - quint64(micros) : quint64(micros);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(m / 1000000) +
           QLatin1Char('.') + QStringLiteral("%1").arg(m % 1000000, 6, 10, QLatin1Char('0'));
}

void CliFormat::putMoney(QJsonObject& o, Money micros) {
    o[QLatin1String("cost_micros")] = QJsonValue(qint64(micros));
    o[QLatin1String("cost_usd")] = usd(micros);
}

QJsonValue CliFormat::time(const QDateTime& t) {
    return t.isValid() ? QJsonValue(MessageBatch::formatTimestamp(t))
                       : QJsonValue(QJsonValue::Null);
}

QJsonValue CliFormat::text(const QString& s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue CliFormat::date(QDate d) {
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject CliFormat::batch(const BatchRecord& r) {
    QJsonObject o;
    const MessageBatch& b = r.batch;
    o[QLatin1String("id")] = b.id;
    o[QLatin1String("processing_status")] = MessageBatch::statusToString(b.processingStatus);
    QJsonObject counts;
    counts[QLatin1String("processing")] = qint64(b.requestCounts.processing);
    counts[QLatin1String("succeeded")] = qint64(b.requestCounts.succeeded);
    counts[QLatin1String("errored")] = qint64(b.requestCounts.errored);
    counts[QLatin1String("canceled")] = qint64(b.requestCounts.canceled);
    counts[QLatin1String("expired")] = qint64(b.requestCounts.expired);
    o[QLatin1String("request_counts")] = counts;
    o[QLatin1String("created_at")] = time(b.createdAt);
    o[QLatin1String("expires_at")] = time(b.expiresAt);
    o[QLatin1String("ended_at")] = time(b.endedAt);
    o[QLatin1String("cancel_initiated_at")] = time(b.cancelInitiatedAt);
    o[QLatin1String("discovered")] = r.discovered;
    o[QLatin1String("retry_of")] = text(r.local.retryOf);
    o[QLatin1String("source_file")] = text(r.local.sourceFile);
    o[QLatin1String("results_ingested")] = r.resultsIngestedAt.isValid();
    return o;
}

QString CliFormat::batchLine(const BatchRecord& r) {
    const RequestCounts& c = r.batch.requestCounts;
    QString line = tr("%1  %2  processing %3, succeeded %4, errored %5, canceled %6, expired %7")
                       .arg(r.batch.id, MessageBatch::statusToString(r.batch.processingStatus))
                       .arg(c.processing)
                       .arg(c.succeeded)
                       .arg(c.errored)
                       .arg(c.canceled)
                       .arg(c.expired);
    if (r.discovered)
        line += tr("  [discovered: created by another tool, cannot be re-sent]");
    if (!r.local.retryOf.isEmpty())
        line += tr("  [retry of %1]").arg(r.local.retryOf);
    if (r.resultsIngestedAt.isValid())
        line += tr("  [results ingested]");
    return line;
}

QJsonObject CliFormat::totals(const CostTotals& t) {
    QJsonObject o;
    putMoney(o, t.micros);
    o[QLatin1String("results")] = qint64(t.results);
    o[QLatin1String("succeeded")] = qint64(t.succeeded);
    o[QLatin1String("errored")] = qint64(t.errored);
    o[QLatin1String("canceled")] = qint64(t.canceled);
    o[QLatin1String("expired")] = qint64(t.expired);
    o[QLatin1String("unpriced")] = qint64(t.unpriced);
    o[QLatin1String("input_tokens")] = qint64(t.inputTokens);
    o[QLatin1String("output_tokens")] = qint64(t.outputTokens);
    o[QLatin1String("cache_creation_input_tokens")] = qint64(t.cacheCreationInputTokens);
    o[QLatin1String("cache_read_input_tokens")] = qint64(t.cacheReadInputTokens);
    o[QLatin1String("web_search_requests")] = qint64(t.webSearchRequests);
    return o;
}

QJsonObject CliFormat::ingest(const IngestReport& r) {
    QJsonObject o;
    o[QLatin1String("batch_id")] = r.batchId;
    o[QLatin1String("complete")] = r.isComplete();
    o[QLatin1String("succeeded")] = qint64(r.succeeded);
    o[QLatin1String("errored")] = qint64(r.errored);
    o[QLatin1String("canceled")] = qint64(r.canceled);
    o[QLatin1String("expired")] = qint64(r.expired);
    o[QLatin1String("unpriced")] = qint64(r.unpriced);
    putMoney(o, r.costMicros);
    o[QLatin1String("rows_inserted")] = qint64(r.rowsInserted);
    o[QLatin1String("retries_enqueued")] = qint64(r.retriesEnqueued);
    o[QLatin1String("missing")] = qint64(r.missingCount);
    o[QLatin1String("malformed")] = qint64(r.malformedCount);
    return o;
}

bool CliFormat::hasFailures(const IngestReport& r) {
    return r.errored + r.canceled + r.expired + r.missingCount > 0;
}

} // namespace bs::cli
