#include "budget.h"

#include <limits>

namespace bs {

namespace {
__extension__ typedef __int128 Wide;
}

Money Budget::remaining() const {
    if (!isLimited())
        return std::numeric_limits<Money>::max();
    return m_limit - m_spent;
}

bool Budget::wouldExceed(Money extra) const {
    if (!isLimited())
        return false;
    return extra > 0 && m_spent + extra > m_limit;
}

qint64 Budget::usedPermille() const {
    if (!isLimited())
        return 0;
    if (m_limit == 0)
        return m_spent > 0 ? std::numeric_limits<qint64>::max() : 0;
    return static_cast<qint64>((static_cast<Wide>(m_spent) * 1000) / m_limit);
}

} // namespace bs
