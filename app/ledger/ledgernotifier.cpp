#include "ledgernotifier.h"

#include <QCoreApplication>

namespace bs {

LedgerNotifier::LedgerNotifier() {
    qRegisterMetaType<bs::LedgerNotifier::Change>();
    // Belong to the main thread even when a worker happens to ask first.
    if (QCoreApplication::instance())
        moveToThread(QCoreApplication::instance()->thread());
}

LedgerNotifier* LedgerNotifier::instance() {
    static LedgerNotifier* notifier = new LedgerNotifier; // lives until the process ends
    return notifier;
}

} // namespace bs
