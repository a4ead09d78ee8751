#pragma once

#include "cost/money.h"
#include "ledger/batchrecord.h"
#include "ledger/budgetsetting.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace bs {

// Everything the alert rules look at, read at one moment (AlertEngine::readSnapshot). Plain
// data: the rules are a pure function of it, so tests build one by hand at any "now".
struct AlertSnapshot {
    QDateTime now;

    // Every budget as the budget gate counts it (BudgetGate::evaluate): USD or input tokens,
    // all models or one. Figures in the budget's unit (micro-dollars or tokens).
    struct BudgetUse {
        BudgetSetting setting;
        qint64 spent = 0;    // of ingested results, in the setting's current period (of `now`)
        qint64 inFlight = 0; // the worst case batches in flight reserved
    };
    QList<BudgetUse> budgets;

    // Batches in progress with what this ledger's history expects of them (EtaEstimator: ended
    // batches of the same model with half to twice the requests). Only those with a history.
    struct Expectation {
        QString batchId;
        QString model;
        qint64 requests = 0;
        QDateTime createdAt;
        qint64 medianSeconds = 0;
        qint64 p95Seconds = 0;
        int samples = 0;
    };
    QList<Expectation> expectations;

    // Ended batches (errored share), batches still running (expiry), ended batches whose
    // results are not ingested (archive). Gone batches are not here.
    QList<BatchRecord> ended;
    QList<BatchRecord> unended;
    QList<BatchRecord> awaitingIngest;

    // Models with results the price table did not know, and how many such results.
    struct UnpricedModel {
        QString model;
        qint64 results = 0;
    };
    QList<UnpricedModel> unpricedModels;

    // The API as the poller sees it. apiKnown false: this watcher has not talked to it yet, so
    // the api_down rule is not evaluated (and an active api_down alert is not cleared).
    enum class ApiProblem { None, Unreachable, KeyRefused };
    bool apiKnown = false;
    ApiProblem apiProblem = ApiProblem::None;
    QDateTime apiProblemSince; // first failure of the current run of failures
    QString apiProblemDetail;  // the last error, redacted
};

} // namespace bs
