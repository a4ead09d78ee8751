#pragma once

#include "money.h"

namespace bs {

// A spending limit and what has been spent against it, both in micro-dollars.
//
// "No limit" is the absence of a budget: a default-constructed Budget. Any Budget built with a
// limit is limited, and $0 is a real limit: nothing may be submitted that costs anything, and
// any spend is over it. A negative limit is invalid input, refused where budgets are set
// (Ledger::setBudget); should one reach this class anyway it counts as $0, the strictest limit,
// never as "no limit".
class Budget {
public:
    Budget() = default; // no limit
    Budget(Money limit, Money spent)
        : m_limited(true)
        , m_limit(limit < 0 ? 0 : limit)
        , m_spent(spent) {}

    static bool isValidLimit(Money limit) { return limit >= 0; }

    Money limit() const { return m_limit; } // 0 when unlimited: check isLimited() first
    Money spent() const { return m_spent; }
    bool isLimited() const { return m_limited; }
    // Money left before the limit (negative once overspent); max() when unlimited.
    Money remaining() const;
    // True when spending `extra` more would pass the limit (reaching it exactly is allowed, so
    // spending nothing never does; against $0, any positive amount does).
    bool wouldExceed(Money extra) const;
    bool isExceeded() const { return isLimited() && m_spent > m_limit; }
    // Spent as a share of the limit in per-mille (0..1000+), 0 when unlimited; against a $0
    // limit: 0 while nothing is spent, qint64 max once anything is.
    qint64 usedPermille() const;

    void addSpent(Money amount) { m_spent += amount; }

    friend bool operator==(const Budget&, const Budget&) = default;

private:
    bool m_limited = false;
    Money m_limit = 0;
    Money m_spent = 0;
};

} // namespace bs
