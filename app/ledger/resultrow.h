#pragma once

#include "cost/costcalculator.h"
#include "cost/money.h"
#include "cost/usage.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace bs {

// One result line, ready for the ledger: identity, outcome, every usage field, and its cost.
struct ResultRow {
    QString batchId;
    QString customId;
    QString type; // "succeeded" | "errored" | "canceled" | "expired"
    QString messageId;
    QString model; // as reported by the message (empty unless succeeded)
    QString stopReason;
    Usage usage;
    QString errorType;    // result.error.error.type (errored only)
    QString errorMessage; // result.error.error.message (errored only)
    QString requestId;    // result.error.request_id (errored only)
    Money costMicros = 0; // CostResult::micros
    bool priced = true;   // false: unknown model; costMicros is then NULL in the ledger
    bool longPromptBand = false;
    QDate day; // spend day for reports; null -> the batch's ended_at (else created_at) day
    // Where the line as received is: lineBlock indexes the ResultLineBlock list handed to
    // ResultStore::insert with the rows, lineIndex is the line's place in that block (from 0).
    // lineBlock -1: no line (rows built otherwise, and rows read back: the line is read on its
    // own, ResultStore::lineOf).
    int lineBlock = -1;
    int lineIndex = 0;

    // Copies cost, priced flag and band from CostCalculator's answer.
    void setCost(const CostResult& cost) {
        costMicros = cost.micros;
        priced = cost.priced;
        longPromptBand = cost.band == PriceBand::LongPrompt;
    }

    friend bool operator==(const ResultRow&, const ResultRow&) = default;
};

// Consecutive result lines of one batch as received (each without its '\n'), joined with '\n'
// and packed once by ParamsCodec (codec: its Format) in the ingestion's parse stage. Stored as
// one row of result_blocks, in the same transaction as the result rows that point into it.
struct ResultLineBlock {
    int count = 0;      // lines in the block
    int codec = 0;      // ParamsCodec::Format of body
    qint64 rawSize = 0; // bytes of the joined lines
    QByteArray body;

    friend bool operator==(const ResultLineBlock&, const ResultLineBlock&) = default;
};

// How the result rows of a batch cover the requests it was created with
// (ResultStore::coverage).
struct ResultCoverage {
    qint64 results = 0;  // result rows of the batch
    qint64 requests = 0; // its stored requests (0: created by another tool, none stored)
    qint64 missing = 0;  // stored requests without a result row
};

} // namespace bs
