#include "tokencalibrator.h"

#include "api/apiclient.h"
#include "api/counttokensjob.h"
#include "core/redactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <utility>

namespace bs {

namespace {
// count_tokens calls at once: few, the sample is small and the endpoint is rate-limited.
constexpr int kParallel = 4;
} // namespace

QHash<QString, JsonlScanner::Options::InputRatio> TokenCalibrator::Result::ratios() const {
    QHash<QString, JsonlScanner::Options::InputRatio> map;
    for (const ModelSample& m : models) {
        if (m.calibrated())
            map.insert(m.model, {m.countedTokens, m.localTokens});
    }
    return map;
}

TokenCalibrator::TokenCalibrator(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client) {
    qRegisterMetaType<bs::TokenCalibrator::Result>();
}

void TokenCalibrator::calibrate(const QString& path, const JsonlScanner::Options& options) {
    m_result = Result();
    m_queue.clear();
    m_running = true;
    if (!m_client) {
        done(tr("Internal error: no API client."));
        return;
    }
    // First pass: how many requests each model has (the estimate), to spread the sample.
    JsonlScanner::Options first = options;
    first.maxProblems = 1;
    JsonlScanner counter(path, first);
    if (!counter.scan() || counter.errorCount() > 0) {
        const QString why = counter.errorCount() > 0
                                ? tr("%1 has errors; fix them before calibrating.").arg(path)
                                : tr("%1 could not be read.").arg(path);
        done(why);
        return;
    }
    const QList<JsonlScanner::ModelEstimate> estimates = counter.estimates();
    QList<qint64> seen(estimates.size(), 0);
    QList<int> taken(estimates.size(), 0);
    for (const JsonlScanner::ModelEstimate& e : estimates) {
        ModelSample m;
        m.model = e.model;
        m_result.models.append(m);
    }
    // Second pass: the k-th sampled request of a model of n is its (k * n / samples)-th.
    JsonlScanner reader(path, first);
    reader.scan([&](const JsonlScanner::Request& r) {
        if (r.estimate < 0 || r.estimate >= estimates.size())
            return true;
        const int i = r.estimate;
        const qint64 n = estimates.at(i).requests;
        const int samples = int(qMin<qint64>(kSamplePerModel, n));
        const qint64 index = seen[i]++;
        if (taken[i] < samples && index == taken[i] * n / samples) {
            ++taken[i];
            const QJsonObject params = QJsonDocument::fromJson(r.params.toByteArray()).object();
            m_queue.append(Pending{i, r.inputTokens, CountTokensJob::bodyFromParams(params)});
        }
        return true;
    });
    QTimer::singleShot(0, this, [this] { sendNext(); });
}

void TokenCalibrator::sendNext() {
    if (!m_running)
        return;
    while (m_inFlight < kParallel && !m_queue.isEmpty() && m_client) {
        const Pending p = m_queue.takeFirst();
        if (!m_result.models.at(p.model).error.isEmpty())
            continue; // the model was refused already
        CountTokensJob* job = m_client->countTokens(p.body);
        m_jobs.append(job);
        ++m_inFlight;
        connect(job, &CountTokensJob::finished, this, [this, job, p](const ApiError& error) {
            --m_inFlight;
            m_jobs.removeAll(job);
            if (!m_running)
                return;
            ModelSample& m = m_result.models[p.model];
            if (error.isOk()) {
                ++m.sampled;
                m.localTokens += p.localTokens;
                m.countedTokens += job->inputTokens();
            } else if (error.kind == ApiError::Kind::Http && error.httpStatus != 401 &&
                       error.httpStatus != 403 && error.httpStatus != 429 &&
                       error.httpStatus < 500) {
                // This model's request was refused (unknown model, bad params): the others go on.
                m.error = Redactor::redact(error.toString());
            } else {
                // Offline, key refused, rate-limited: nothing can be calibrated now.
                done(tr("count_tokens failed: %1 The estimate stays local (characters / 4).")
                         .arg(Redactor::redact(error.toString())));
                return;
            }
            if (m_queue.isEmpty() && m_inFlight == 0)
                done();
            else
                sendNext();
        });
    }
    if (m_queue.isEmpty() && m_inFlight == 0)
        done();
}

void TokenCalibrator::done(const QString& failure) {
    if (!m_running)
        return;
    m_running = false;
    m_queue.clear();
    const QList<QPointer<CountTokensJob>> jobs = std::exchange(m_jobs, {});
    for (const QPointer<CountTokensJob>& j : jobs)
        if (j)
            j->abort(); // their finished() finds m_running false
    Result r = m_result;
    if (!failure.isEmpty()) {
        r.ok = false;
        r.message = failure;
        for (ModelSample& m : r.models)
            if (m.error.isEmpty())
                m.error = failure;
    } else {
        QStringList notCalibrated;
        for (ModelSample& m : r.models) {
            if (m.calibrated()) {
                r.ok = true;
                continue;
            }
            if (m.error.isEmpty())
                m.error = tr("no request could be counted");
            notCalibrated.append(tr("%1 (%2)").arg(m.model, m.error));
        }
        if (r.models.isEmpty())
            r.message = tr("Nothing to calibrate: the file names no model.");
        else if (!notCalibrated.isEmpty())
            r.message = tr("Not calibrated, estimated locally (characters / 4): %1.")
                            .arg(notCalibrated.join(QLatin1String("; ")));
    }
    // Never from inside calibrate() or cancel().
    QTimer::singleShot(0, this, [this, r] { Q_EMIT finished(r); });
}

void TokenCalibrator::cancel() {
    done(tr("Calibration canceled; the estimate stays local (characters / 4)."));
}

} // namespace bs
