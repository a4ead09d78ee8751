#include "jsonlinput.h"

#include "api/batchrequestsbuilder.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace bs {

QString JsonlInput::Problem::toString(const QString& path) const {
    QString where = path;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    if (!field.isEmpty())
        where += QLatin1Char(':') + field;
    return where + QLatin1String(": ") + message;
}

void JsonlInput::addProblem(qint64 line, const QString& field, const QString& message) {
    ++m_problemCount;
    if (m_problems.size() < m_maxProblems)
        m_problems.append(Problem{line, field, message});
}

bool JsonlInput::validate(int maxProblems) {
    m_maxProblems = qMax(1, maxProblems);
    m_problems.clear();
    m_problemCount = 0;
    m_requests = 0;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        addProblem(0, QString(), tr("cannot open the file (%1).").arg(file.errorString()));
        return false;
    }
    QHash<QString, qint64> seen; // custom_id -> line
    qint64 lineNo = 0;
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine();
        ++lineNo;
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        if (pe.error != QJsonParseError::NoError) {
            addProblem(lineNo, QString(),
                       tr("not valid JSON at character %1 (%2).")
                           .arg(pe.offset + 1)
                           .arg(pe.errorString()));
            continue;
        }
        if (!doc.isObject()) {
            addProblem(
                lineNo, QString(),
                tr("each line must be a JSON object {\"custom_id\": ..., \"params\": {...}}."));
            continue;
        }
        const QJsonObject o = doc.object();
        const QJsonValue cid = o.value(QLatin1String("custom_id"));
        if (cid.isUndefined()) {
            addProblem(lineNo, QStringLiteral("custom_id"), tr("missing."));
        } else if (!cid.isString()) {
            addProblem(lineNo, QStringLiteral("custom_id"), tr("must be a string."));
        } else if (!BatchRequestsBuilder::isValidCustomId(cid.toString())) {
            addProblem(lineNo, QStringLiteral("custom_id"),
                       tr("\"%1\" must be 1 to 64 letters, digits, '_' or '-'.")
                           .arg(cid.toString().left(80)));
        } else if (seen.contains(cid.toString())) {
            addProblem(lineNo, QStringLiteral("custom_id"),
                       tr("\"%1\" is used twice (first on line %2); custom_ids must be unique.")
                           .arg(cid.toString())
                           .arg(seen.value(cid.toString())));
        } else {
            seen.insert(cid.toString(), lineNo);
        }
        const QJsonValue pv = o.value(QLatin1String("params"));
        if (pv.isUndefined()) {
            addProblem(lineNo, QStringLiteral("params"), tr("missing."));
            continue;
        }
        if (!pv.isObject()) {
            addProblem(lineNo, QStringLiteral("params"), tr("must be a JSON object."));
            continue;
        }
        const QJsonObject p = pv.toObject();
        const QJsonValue model = p.value(QLatin1String("model"));
        if (!model.isString() || model.toString().isEmpty())
            addProblem(lineNo, QStringLiteral("params.model"),
                       model.isUndefined() ? tr("missing.") : tr("must be a non-empty string."));
        const QJsonValue mt = p.value(QLatin1String("max_tokens"));
        if (mt.isUndefined())
            addProblem(lineNo, QStringLiteral("params.max_tokens"), tr("missing."));
        else if (!mt.isDouble() || mt.toDouble() != double(qint64(mt.toDouble())) ||
                 mt.toDouble() < 1)
            addProblem(lineNo, QStringLiteral("params.max_tokens"),
                       tr("must be a whole number of at least 1."));
        const QJsonValue msgs = p.value(QLatin1String("messages"));
        if (msgs.isUndefined())
            addProblem(lineNo, QStringLiteral("params.messages"), tr("missing."));
        else if (!msgs.isArray() || msgs.toArray().isEmpty())
            addProblem(lineNo, QStringLiteral("params.messages"),
                       tr("must be a non-empty array of messages."));
        if (p.value(QLatin1String("stream")).toBool())
            addProblem(lineNo, QStringLiteral("params.stream"),
                       tr("streaming is not allowed inside a batch; remove it."));
        ++m_requests;
    }
    if (m_requests == 0 && m_problemCount == 0)
        addProblem(0, QString(), tr("the file holds no requests."));
    return m_problemCount == 0;
}

bool JsonlInput::forEach(const std::function<bool(const QString&, const QByteArray&)>& callback) {
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QByteArray params = QJsonDocument(o.value(QLatin1String("params")).toObject())
                                      .toJson(QJsonDocument::Compact);
        if (!callback(o.value(QLatin1String("custom_id")).toString(), params))
            return true;
    }
    return true;
}

} // namespace bs
