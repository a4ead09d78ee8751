#pragma once

#include "cost/money.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

namespace bs {

// One line of a reconciliation: a UTC day and a model (or the day's web searches), the ledger's
// cost, Anthropic's (the Admin API cost report, batch tier), their difference.
struct ReconcileRow {
    enum class Kind { Model, WebSearch };
    QDate day;
    Kind kind = Kind::Model;
    QString model;       // Kind::Model: the model id; empty for WebSearch
    Money ledger = 0;    // micro-dollars
    Money anthropic = 0; // micro-dollars, rounded half up from the report's exact amounts
    qint64 unpriced = 0; // ledger results of this model without a price (cost unknown)
    Money difference() const { return ledger - anthropic; }
    bool flagged = false; // the difference passes the threshold (Reconciler::isFlagged)

    friend bool operator==(const ReconcileRow&, const ReconcileRow&) = default;
};

using ReconcileRows = QList<ReconcileRow>;

} // namespace bs

Q_DECLARE_METATYPE(bs::ReconcileRow)
Q_DECLARE_METATYPE(bs::ReconcileRows)
