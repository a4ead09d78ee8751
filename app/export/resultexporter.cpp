#include "resultexporter.h"

#include "ledger/ledger.h"
#include "ledger/resultrow.h"
#include "ledger/resultstore.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>

namespace bs {

ResultExporter::ResultExporter(Ledger& ledger)
    : m_ledger(ledger) {}

QString ResultExporter::decimalUsd(Money micros) {
    // Integer arithmetic only; the magnitude of the most negative value fits in quint64.
    const bool negative = micros < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(micros) : quint64(micros);
    const quint64 whole = magnitude / quint64(kMicrosPerDollar);
    const quint64 fraction = magnitude % quint64(kMicrosPerDollar);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(whole) +
           QLatin1Char('.') + QStringLiteral("%1").arg(fraction, 6, 10, QLatin1Char('0'));
}

QByteArray ResultExporter::csvField(const QString& text) {
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\r') && !utf8.contains('\n'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray ResultExporter::csvHeader() {
    return QByteArrayLiteral("batch_id,custom_id,type,model,input_tokens,output_tokens,"
                             "cache_write_tokens,cache_read_tokens,cost_usd,error_type,"
                             "error_message\r\n");
}

QByteArray ResultExporter::csvLine(const ResultRow& r) {
    const QByteArrayList fields{
        csvField(r.batchId),
        csvField(r.customId),
        csvField(r.type),
        csvField(r.model),
        QByteArray::number(r.usage.inputTokens),
        QByteArray::number(r.usage.outputTokens),
        QByteArray::number(r.usage.cacheCreationInputTokens),
        QByteArray::number(r.usage.cacheReadInputTokens),
        r.priced ? decimalUsd(r.costMicros).toLatin1() : QByteArray(),
        csvField(r.errorType),
        csvField(r.errorMessage),
    };
    return fields.join(',') + QByteArrayLiteral("\r\n");
}

QByteArray ResultExporter::jsonLine(const ResultRow& r) {
    QJsonObject result{{QStringLiteral("type"), r.type}};
    if (r.type == QLatin1String("succeeded")) {
        result.insert(QStringLiteral("message"),
                      QJsonObject{{QStringLiteral("id"), r.messageId},
                                  {QStringLiteral("type"), QStringLiteral("message")},
                                  {QStringLiteral("role"), QStringLiteral("assistant")},
                                  {QStringLiteral("model"), r.model},
                                  {QStringLiteral("stop_reason"), r.stopReason.isEmpty()
                                                                      ? QJsonValue(QJsonValue::Null)
                                                                      : QJsonValue(r.stopReason)},
                                  {QStringLiteral("usage"), r.usage.toJson()}});
    } else if (r.type == QLatin1String("errored")) {
        QJsonObject error{
            {QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("type"), r.errorType},
                                                  {QStringLiteral("message"), r.errorMessage}}}};
        if (!r.requestId.isEmpty())
            error.insert(QStringLiteral("request_id"), r.requestId);
        result.insert(QStringLiteral("error"), error);
    }
    const QJsonObject line{{QStringLiteral("custom_id"), r.customId},
                           {QStringLiteral("result"), result}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

QString ResultExporter::Outcome::summary(const QString& path) const {
    QString text = ResultExporter::tr("%n row(s) exported to %1 (cost $%2).", nullptr,
                                      int(qMin<qint64>(rows, INT_MAX)))
                       .arg(path, decimalUsd(micros));
    if (rebuilt > 0)
        text += QLatin1Char(' ') +
                ResultExporter::tr(
                    "%n line(s) were stored before Batchscope kept results as received: they are "
                    "rebuilt from the stored fields (no message content).",
                    nullptr, int(qMin<qint64>(rebuilt, INT_MAX)));
    return text;
}

ResultExporter::Outcome ResultExporter::exportTo(const QStringList& batchIds, Format format,
                                                 const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Outcome out;
        out.message = tr("Cannot write %1: %2. Choose another folder or file name.")
                          .arg(path, file.errorString());
        return out;
    }
    Outcome out = exportTo(batchIds, format, file, path);
    if (!out.ok) {
        file.cancelWriting(); // nothing replaces the target; the temporary file goes
        return out;
    }
    if (!file.commit()) {
        out.ok = false;
        out.message = tr("Cannot write %1: %2").arg(path, file.errorString());
    }
    return out;
}

ResultExporter::Outcome ResultExporter::exportTo(const QStringList& batchIds, Format format,
                                                 QIODevice& device, const QString& name) {
    Outcome out;
    ResultStore store(m_ledger);
    qint64 total = 0;
    for (const QString& id : batchIds) {
        const qint64 n = store.count(id);
        if (n < 0) {
            out.message = tr("Could not read the results of %1: %2").arg(id, m_ledger.lastError());
            return out;
        }
        total += n;
    }
    const auto writeFailed = [&] {
        out.message = tr("Cannot write %1: %2").arg(name, device.errorString());
        return out;
    };
    if (format == Format::Csv && device.write(csvHeader()) < 0)
        return writeFailed();
    if (m_progress)
        m_progress(0, total);
    QHash<QString, QByteArray> lines; // the page's lines as received (JSONL)
    for (const QString& id : batchIds) {
        QString after;
        for (;;) {
            if (m_cancel && m_cancel->load()) {
                out.canceled = true;
                out.message = tr("Export canceled; no file was written.");
                return out;
            }
            const QList<ResultRow> page = store.pageOf(id, after, m_pageSize);
            if (!m_ledger.lastError().isEmpty()) {
                out.message =
                    tr("Could not read the results of %1: %2").arg(id, m_ledger.lastError());
                return out;
            }
            if (format == Format::Jsonl && !page.isEmpty() &&
                !store.linesOf(id, after, page.last().customId, &lines)) {
                out.message =
                    tr("Could not read the results of %1: %2").arg(id, m_ledger.lastError());
                return out;
            }
            QByteArray chunk;
            for (const ResultRow& r : page) {
                if (format == Format::Csv) {
                    chunk += csvLine(r);
                } else if (const auto it = lines.constFind(r.customId); it != lines.cend()) {
                    chunk += *it;
                    chunk += '\n';
                } else {
                    chunk += jsonLine(r);
                    ++out.rebuilt;
                }
                ++out.rows;
                if (r.priced)
                    out.micros += r.costMicros;
                else
                    ++out.unpriced;
            }
            if (!chunk.isEmpty() && device.write(chunk) != chunk.size())
                return writeFailed();
            if (m_progress)
                m_progress(out.rows, total);
            if (m_holdAfter > 0 && out.rows >= m_holdAfter && m_cancel) {
                // Test hook: wait here for the cancel (bounded).
                QDeadlineTimer deadline(m_holdTimeoutMs);
                while (!m_cancel->load() && !deadline.hasExpired())
                    QThread::msleep(5);
                if (!m_cancel->load()) {
                    out.message = QStringLiteral("the test hook held the export for %1 ms and "
                                                 "nobody canceled it")
                                      .arg(m_holdTimeoutMs);
                    return out;
                }
                m_holdAfter = 0;
                continue; // the cancel is taken at the top of the loop
            }
            if (page.size() < m_pageSize)
                break;
            after = page.last().customId;
        }
    }
    out.ok = true;
    return out;
}

} // namespace bs
