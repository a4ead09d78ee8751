#pragma once

#include "api/apierror.h"
#include "intake/jsonlscanner.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>

namespace bs {

class ApiClient;
class CountTokensJob;

// Calibrates the scanner's local input-token estimate (characters / 4) with the API's
// count_tokens on a small sample: up to kSamplePerModel requests per model, spread evenly
// through the file, read by the JsonlScanner with their exact params bytes. The counted and the
// local tokens of a model's sample give its ratio; a scan with Options::inputRatios (see
// ratios()) applies it to each request before pricing, so the calibrated cost is computed by the
// same code as the local one.
//
// Failures (offline, key refused, a model the endpoint does not know) leave that model, or every
// model, uncalibrated, with a message that says why and what to do.
class TokenCalibrator : public QObject {
    Q_OBJECT

public:
    static constexpr int kSamplePerModel = 8;

    struct ModelSample {
        QString model;            // the estimate's key (canonical id when priced)
        int sampled = 0;          // count_tokens calls answered
        qint64 localTokens = 0;   // the local estimate of those requests
        qint64 countedTokens = 0; // what count_tokens said for them
        QString error;            // why the model is not calibrated (empty when it is)
        bool calibrated() const { return sampled > 0 && localTokens > 0 && error.isEmpty(); }
    };
    struct Result {
        bool ok = false; // at least one model calibrated
        QString message; // translated, redacted; empty when every model was calibrated
        QList<ModelSample> models;
        // For JsonlScanner::Options::inputRatios.
        QHash<QString, JsonlScanner::Options::InputRatio> ratios() const;
    };

    explicit TokenCalibrator(ApiClient* client, QObject* parent = nullptr);

    // Asynchronous: reads `path` once (options: the same as the estimate's scan, so the models
    // and their order match), then asks count_tokens for the sample; finished() follows exactly
    // once, always from the event loop.
    void calibrate(const QString& path, const JsonlScanner::Options& options);

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void finished(const bs::TokenCalibrator::Result& result);

private:
    struct Pending {
        int model = -1;
        qint64 localTokens = 0;
        QByteArray body;
    };
    void sendNext();
    void done(const QString& failure = {});

    QPointer<ApiClient> m_client;
    Result m_result;
    QList<Pending> m_queue;
    QList<QPointer<CountTokensJob>> m_jobs;
    int m_inFlight = 0;
    bool m_running = false;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::TokenCalibrator::Result)
