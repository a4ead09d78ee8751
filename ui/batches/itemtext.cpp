#include "itemtext.h"

#include "export/resultexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace bs::ui {

namespace {

QString shortened(QString text) {
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > ItemText::kSummaryChars)
        text = text.left(ItemText::kSummaryChars) + QChar(0x2026);
    return text;
}

QString compact(const QJsonValue& v) {
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

QString indented(const QJsonObject& o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

QString ItemText::describe(const ResultRow& r, const std::optional<QByteArray>& line) {
    QStringList out;
    QString header = QStringLiteral("%1 · %2").arg(r.customId, r.type);
    if (!r.model.isEmpty())
        header += QStringLiteral(" · ") + tr("%1, stop reason %2, %3 input / %4 output tokens")
                                              .arg(r.model, r.stopReason)
                                              .arg(r.usage.inputTokens)
                                              .arg(r.usage.outputTokens);
    out << header;
    if (!line) {
        // Stored before the ledger kept lines as received: what the ledger has.
        out << tr("The result line was not stored (ingested before Batchscope kept results as "
                  "received); rebuilt from the stored fields, without the message content:");
        const QJsonObject rebuilt = QJsonDocument::fromJson(ResultExporter::jsonLine(r)).object();
        out << indented(r.type == QLatin1String("errored") ? rebuilt.value(QStringLiteral("result"))
                                                                 .toObject()
                                                                 .value(QStringLiteral("error"))
                                                                 .toObject()
                                                           : rebuilt);
        return out.join(QLatin1Char('\n'));
    }
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(*line, &error).object();
    if (error.error != QJsonParseError::NoError) {
        out << tr("The stored line is not JSON (%1):").arg(error.errorString());
        out << QString::fromUtf8(*line);
        return out.join(QLatin1Char('\n'));
    }
    const QJsonObject result = object.value(QStringLiteral("result")).toObject();
    if (r.type == QLatin1String("succeeded")) {
        const QJsonArray content = result.value(QStringLiteral("message"))
                                       .toObject()
                                       .value(QStringLiteral("content"))
                                       .toArray();
        if (content.isEmpty())
            out << tr("(The message has no content.)");
        for (const QJsonValue& v : content) {
            const QJsonObject block = v.toObject();
            const QString type = block.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("text")) {
                out << QString() << block.value(QStringLiteral("text")).toString();
            } else if (type == QLatin1String("tool_use") ||
                       type == QLatin1String("server_tool_use")) {
                out << QString()
                    << tr("[%1 %2] input: %3")
                           .arg(type, block.value(QStringLiteral("name")).toString(),
                                shortened(compact(block.value(QStringLiteral("input")))));
            } else if (type == QLatin1String("thinking")) {
                out << QString()
                    << tr("[thinking] %1")
                           .arg(shortened(block.value(QStringLiteral("thinking")).toString()));
            } else {
                out << QString() << tr("[%1] %2").arg(type, shortened(compact(block)));
            }
        }
    } else if (r.type == QLatin1String("errored")) {
        out << indented(result.value(QStringLiteral("error")).toObject());
    } else {
        out << indented(object);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace bs::ui
