#include "jsonlscanner.h"
#include "jsonlscannerimpl.h"

#include "cost/pricebook.h"

// The model of each request: its limits and price checked once per distinct name, and the
// worst-case estimate per model, summed exactly and rounded once at the end.

namespace bs {

JsonlScanner::ModelSlot* JsonlScanner::checkModel(qint64 lineNo, std::string_view model,
                                                  qint64 maxTokens, qint64 inputTokens) {
    const auto lineError = [&](qint64 column, const QString& field, const QString& message) {
        addProblem(lineNo, column, field, Severity::Error, message);
    };
    const auto lineWarning = [&](const QString& field, const QString& message) {
        addProblem(lineNo, 0, field, Severity::Warning, message);
    };
    // Most files use one model: the last one is checked before the map.
    auto it = d->lastModel != d->models.end() && d->lastModel->first == model
                  ? d->lastModel
                  : d->models.find(std::string(model));
    if (it == d->models.end()) {
        ModelSlot s;
        const QString written = QString::fromUtf8(model.data(), qsizetype(model.size()));
        QString key = written;
        if (m_options.prices) {
            s.pricing = m_options.prices->find(written);
            if (s.pricing) {
                key = s.pricing->modelId;
                if (s.pricing->aliases.contains(written))
                    s.pinned = s.pricing->modelId;
            }
        }
        for (qsizetype i = 0; i < m_estimates.size(); ++i) {
            if (m_estimates.at(i).model == key)
                s.estimate = int(i);
        }
        if (s.estimate < 0) {
            ModelEstimate e;
            e.model = key;
            e.priced = s.pricing != nullptr;
            m_estimates.append(e);
            d->picos.push_back(0);
            d->outPicos.push_back(0);
            s.estimate = int(m_estimates.size() - 1);
        }
        it = d->models.emplace(std::string(model), s).first;
    }
    d->lastModel = it;
    ModelSlot* slot = &it->second;
    const QString name = QStringLiteral("params.model");
    if (m_options.prices && !slot->pricing) {
        lineWarning(name, tr("\"%1\" is not in the price table: its cost cannot be estimated "
                             "(unpriced). Check the spelling, or add it to pricing.json.")
                              .arg(QString::fromUtf8(model.data(), qsizetype(model.size()))));
    } else if (slot->pricing) {
        const ModelPricing& mp = *slot->pricing;
        if (!slot->pinned.isEmpty())
            lineWarning(name, tr("\"%1\" is a moving alias: pin the version (\"%2\") so that "
                                 "price and behaviour cannot change under you.")
                                  .arg(QString::fromUtf8(model.data(), qsizetype(model.size())),
                                       slot->pinned));
        const qint64 limit = qMax(mp.batchMaxOutput, mp.maxOutput);
        if (limit > 0 && maxTokens > limit)
            lineError(0, QStringLiteral("params.max_tokens"),
                      tr("%1 is above the %2 output tokens %3 can produce in a batch.")
                          .arg(maxTokens)
                          .arg(limit)
                          .arg(mp.modelId));
        else if (mp.maxOutput > 0 && maxTokens > mp.maxOutput)
            lineWarning(QStringLiteral("params.max_tokens"),
                        tr("%1 is above %2: the request needs the extended-output beta "
                           "(anthropic-beta: output-300k-2026-03-24), or it will fail.")
                            .arg(maxTokens)
                            .arg(mp.maxOutput));
        if (mp.contextWindow > 0 && inputTokens > mp.contextWindow)
            lineWarning(QStringLiteral("params.messages"),
                        tr("The prompt is about %1 tokens (characters / 4), more than the "
                           "%2-token context window of %3.")
                            .arg(inputTokens)
                            .arg(mp.contextWindow)
                            .arg(mp.modelId));
    }
    return slot;
}

void JsonlScanner::addToEstimate(const ModelSlot& slot, qint64 inputTokens, qint64 maxTokens) {
    ModelEstimate& e = m_estimates[slot.estimate];
    ++e.requests;
    e.inputTokens += inputTokens;
    e.maxOutputTokens += maxTokens;
    // The batch part this request was placed in (the splitter placed it just before).
    const size_t partIndex = size_t(qMax<qsizetype>(m_splitter.partCount() - 1, 0));
    while (d->parts.size() <= partIndex)
        d->parts.emplace_back();
    Impl::Part& part = d->parts[partIndex];
    const size_t index = size_t(slot.estimate);
    while (size_t(part.estimates.size()) <= index) {
        ModelEstimate empty;
        empty.model = m_estimates.at(part.estimates.size()).model;
        empty.priced = m_estimates.at(part.estimates.size()).priced;
        part.estimates.append(empty);
        part.picos.push_back(0);
        part.outPicos.push_back(0);
    }
    ModelEstimate& pe = part.estimates[qsizetype(index)];
    ++pe.requests;
    pe.inputTokens += inputTokens;
    pe.maxOutputTokens += maxTokens;
    if (slot.pricing) {
        const ModelPricing& mp = *slot.pricing;
        TokenPrices p = mp.pricesOn(d->day);
        if (mp.longPromptTier && inputTokens > mp.longPromptTier->thresholdPromptTokens)
            p = mp.longPromptTier->prices;
        // micro-dollars per MTok == pico-dollars per token.
        const Wide out = Wide(maxTokens) * p.output;
        const Wide all = Wide(inputTokens) * p.input + out;
        d->picos[index] += all;
        d->outPicos[index] += out;
        part.picos[index] += all;
        part.outPicos[index] += out;
    }
}

void JsonlScanner::finishEstimates() {
    // Worst case at batch prices: pico-dollars x ppm, rounded once, half up, to micro-dollars.
    const Wide ppm = m_options.prices ? m_options.prices->batchMultiplierPpm() : 0;
    const auto micros = [ppm](Wide picos) {
        const Wide scaled = picos * ppm;           // 10^-18 dollars
        const Wide unit = Wide(1000000) * 1000000; // 10^-18 -> 10^-6 dollars
        return qint64((scaled + unit / 2) / unit);
    };
    for (qsizetype i = 0; i < m_estimates.size(); ++i) {
        ModelEstimate& e = m_estimates[i];
        if (e.priced) {
            e.worstCaseMicros = micros(d->picos[size_t(i)]);
            e.worstCaseOutputMicros = micros(d->outPicos[size_t(i)]);
        }
        e.expectedMicros = e.worstCaseMicros;
    }
    m_partEstimates.clear();
    for (const Impl::Part& part : d->parts) {
        QList<ModelEstimate> list;
        for (qsizetype i = 0; i < part.estimates.size(); ++i) {
            ModelEstimate e = part.estimates.at(i);
            if (e.requests == 0)
                continue;
            if (e.priced) {
                e.worstCaseMicros = micros(part.picos[size_t(i)]);
                e.worstCaseOutputMicros = micros(part.outPicos[size_t(i)]);
            }
            e.expectedMicros = e.worstCaseMicros;
            list.append(e);
        }
        m_partEstimates.append(list);
    }
}

} // namespace bs
