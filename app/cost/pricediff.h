#pragma once

#include "cost/pricebook.h"

#include <QList>
#include <QString>

namespace bs {

// What changes when a price table replaces another: one entry per model that is added, removed
// or priced differently (base prices of the five token classes, or its dated price changes, or
// its long-prompt tier), in the order of the new table, then the removed ones. Models priced
// the same are left out.
struct PriceDiff {
    enum class Change { Added, Removed, Changed };
    QString model;
    Change change = Change::Changed;
    TokenPrices before;          // zero for an added model
    TokenPrices after;           // zero for a removed model
    bool historyChanged = false; // dated price changes or the long-prompt tier differ

    static QList<PriceDiff> compare(const PriceBook& current, const PriceBook& candidate);
};

} // namespace bs
