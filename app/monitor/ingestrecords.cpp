#include "ingestrecords.h"

namespace bs {

QString IngestReport::summary() const {
    QString text;
    switch (status) {
    case Status::Completed:
        if (alreadyIngested)
            return tr("Batch %1: its results are in the ledger already.").arg(batchId);
        text =
            tr("Batch %1: %n result line(s) ingested", nullptr, int(qMin<qint64>(lines, INT_MAX)))
                .arg(batchId);
        text += tr(" (%1 succeeded, %2 errored, %3 canceled, %4 expired), cost %5.")
                    .arg(succeeded)
                    .arg(errored)
                    .arg(canceled)
                    .arg(expired)
                    .arg(formatMoney(costMicros));
        break;
    case Status::Failed:
    case Status::Canceled:
    case Status::HeldElsewhere:
        return errorMessage;
    }
    if (unpriced > 0)
        text += QLatin1Char(' ') +
                tr("%n result(s) use a model without a price: their cost is unknown (not $0).",
                   nullptr, int(qMin<qint64>(unpriced, INT_MAX)));
    if (malformedCount > 0)
        text += QLatin1Char(' ') + tr("%n line(s) could not be read and were not stored.", nullptr,
                                      int(qMin<qint64>(malformedCount, INT_MAX)));
    if (missingCount > 0)
        text += QLatin1Char(' ') + (requestsKnown
                                        ? tr("%n request(s) of the batch have no result.", nullptr,
                                             int(qMin<qint64>(missingCount, INT_MAX)))
                                        : tr("%1 fewer results than the batch's %2 requests.")
                                              .arg(missingCount)
                                              .arg(requestCount));
    if (retriesEnqueued > 0)
        text += QLatin1Char(' ') + tr("%n item(s) added to the retry queue.", nullptr,
                                      int(qMin<qint64>(retriesEnqueued, INT_MAX)));
    return text;
}

} // namespace bs
