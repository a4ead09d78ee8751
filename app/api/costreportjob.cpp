#include "costreportjob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace bs {

CostReportJob::CostReportJob(ApiClient* client, const QUrl& url, const QString& operation)
    : ApiJob(client, Method::Get, url, QByteArray(), operation) {}

bool CostReportJob::parseCents(const QString& text, qint64* picoUsd) {
    // Exact: whole cents and up to ten decimals of a cent (10^-12 dollars), no floating point.
    const QString t = text.trimmed();
    const bool negative = t.startsWith(QLatin1Char('-'));
    const QString digits = negative ? t.mid(1) : t;
    const qsizetype dot = digits.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? digits : digits.left(dot);
    QString frac = dot < 0 ? QString() : digits.mid(dot + 1);
    if (whole.isEmpty() || (dot >= 0 && frac.isEmpty()))
        return false;
    for (const QChar c : QString(whole + frac)) {
        if (!c.isDigit())
            return false;
    }
    frac = frac.left(10).leftJustified(10, QLatin1Char('0'));
    bool ok1 = false, ok2 = false;
    const qint64 w = whole.toLongLong(&ok1), f = frac.toLongLong(&ok2);
    if (!ok1 || !ok2 || w > 900000000LL)
        return false;
    const qint64 v = w * 10000000000LL + f;
    *picoUsd = negative ? -v : v;
    return true;
}

ApiError CostReportJob::handleSuccess(const QByteArray& body) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("data")).isArray() ||
        !root.value(QLatin1String("has_more")).isBool())
        return ApiError::make(ApiError::Kind::Parse,
                              ApiError::tr("the answer is not a cost report page"));
    const auto str = [](const QJsonObject& o, const char* key) {
        return o.value(QLatin1String(key)).toString();
    };
    for (const QJsonValue& b : root.value(QLatin1String("data")).toArray()) {
        const QJsonObject bucket = b.toObject();
        const QDate day =
            QDateTime::fromString(str(bucket, "starting_at"), Qt::ISODateWithMs).toUTC().date();
        if (!day.isValid())
            return ApiError::make(ApiError::Kind::Parse,
                                  ApiError::tr("a cost report bucket has no valid starting_at"));
        for (const QJsonValue& r : bucket.value(QLatin1String("results")).toArray()) {
            const QJsonObject o = r.toObject();
            CostReportLine line;
            line.day = day;
            line.costType = str(o, "cost_type");
            line.model = str(o, "model");
            line.serviceTier = str(o, "service_tier");
            line.tokenType = str(o, "token_type");
            line.inferenceGeo = str(o, "inference_geo");
            line.description = str(o, "description");
            if (!parseCents(str(o, "amount"), &line.amountPicoUsd))
                return ApiError::make(ApiError::Kind::Parse,
                                      ApiError::tr("a cost report amount is not a decimal string"));
            m_lines.append(line);
        }
    }
    ++m_pages;
    const QString next = root.value(QLatin1String("next_page")).toString();
    if (root.value(QLatin1String("has_more")).toBool() && !next.isEmpty()) {
        QUrl u = url();
        QUrlQuery q(u);
        q.removeAllQueryItems(QStringLiteral("page"));
        q.addQueryItem(QStringLiteral("page"), next);
        u.setQuery(q);
        continueWith(u);
    }
    return {};
}

} // namespace bs
