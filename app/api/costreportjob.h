#pragma once

#include "apijob.h"

#include <QDate>
#include <QList>
#include <QString>

namespace bs {

// One line of the Admin API's cost report grouped by description (reference §13).
struct CostReportLine {
    QDate day;                // the UTC day bucket it belongs to
    QString costType;         // "tokens", "web_search", "code_execution", ...
    QString model;            // empty for non-token costs
    QString serviceTier;      // "standard", "batch", or empty
    QString tokenType;        // "uncached_input_tokens", ..., or empty
    QString inferenceGeo;     // "us", "global", "not_available", or empty
    QString description;      // as Anthropic words it
    qint64 amountPicoUsd = 0; // the amount (a decimal string in cents) in 10^-12 dollars
};

// GET /v1/organizations/cost_report?starting_at&ending_at&bucket_width=1d&group_by[]=description
// with the Admin key, following next_page while has_more. Start it on an ApiClient configured
// with the Admin key (ApiClient::costReport).
class CostReportJob : public ApiJob {
    Q_OBJECT

public:
    const QList<CostReportLine>& lines() const { return m_lines; }
    int pages() const { return m_pages; }

    // "123.45" (cents) -> 1234500000000 (10^-12 $); digits beyond the tenth decimal of a cent
    // are dropped. False when it is not a decimal number.
    static bool parseCents(const QString& text, qint64* picoUsd);

protected:
    ApiError handleSuccess(const QByteArray& body) override;

private:
    friend class ApiClient;
    CostReportJob(ApiClient* client, const QUrl& url, const QString& operation);

    QList<CostReportLine> m_lines;
    int m_pages = 0;
};

} // namespace bs
