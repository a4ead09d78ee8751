#include "draftinfo.h"

namespace bs {

QString DraftInfo::stateName(State state) {
    switch (state) {
    case State::Stored:
        return QStringLiteral("stored");
    case State::Creating:
        return QStringLiteral("creating");
    case State::Created:
        return QStringLiteral("created");
    case State::Abandoned:
        return QStringLiteral("abandoned");
    }
    return QStringLiteral("stored");
}

DraftInfo::State DraftInfo::stateFromName(const QString& name) {
    for (State s : {State::Stored, State::Creating, State::Created, State::Abandoned})
        if (stateName(s) == name)
            return s;
    return State::Stored;
}

} // namespace bs
