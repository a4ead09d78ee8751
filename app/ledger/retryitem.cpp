#include "retryitem.h"

namespace bs {

QString RetryItem::stateName(State state) {
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Drafted:
        return QStringLiteral("drafted");
    case State::Resent:
        return QStringLiteral("resent");
    case State::Dismissed:
        return QStringLiteral("dismissed");
    }
    return QStringLiteral("pending");
}

RetryItem::State RetryItem::stateFromName(const QString& name) {
    for (State s : {State::Pending, State::Drafted, State::Resent, State::Dismissed})
        if (stateName(s) == name)
            return s;
    return State::Pending;
}

} // namespace bs
