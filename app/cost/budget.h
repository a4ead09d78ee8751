#pragma once

#include "money.h"

namespace bs {

// A spending limit and what has been spent against it, both in micro-dollars.
// A limit <= 0 means "no limit".
class Budget {
public:
    Budget() = default;
    Budget(Money limit, Money spent)
        : m_limit(limit)
        , m_spent(spent) {}

    Money limit() const { return m_limit; }
    Money spent() const { return m_spent; }
    bool isLimited() const { return m_limit > 0; }
    // Money left before the limit (negative once overspent); max() when unlimited.
    Money remaining() const;
    // True when spending `extra` more would pass the limit (reaching it exactly is allowed).
    bool wouldExceed(Money extra) const;
    bool isExceeded() const { return isLimited() && m_spent > m_limit; }
    // Spent as a share of the limit in per-mille (0..1000+), 0 when unlimited.
    qint64 usedPermille() const;

    void addSpent(Money amount) { m_spent += amount; }

    friend bool operator==(const Budget&, const Budget&) = default;

private:
    Money m_limit = 0;
    Money m_spent = 0;
};

} // namespace bs
