#include "settings/profilebox.h"

#include "core/profiles.h"
#include "ledger/batchstore.h"
#include "ledger/ledgernotifier.h"
#include "ledger/ledgerworker.h"

#include <QSettings>

namespace bs::ui {

ProfileBox::ProfileBox(QWidget* parent)
    : QComboBox(parent) {
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("All profiles"), QString());
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT profileChanged(profile()); });
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            [this](LedgerNotifier::Change what, const QStringList&, const QString& path) {
                if (what == LedgerNotifier::Change::Batches && m_worker && path == m_worker->path())
                    refresh();
            });
    QSettings settings;
    add(Profiles::names(settings));
}

void ProfileBox::setWorker(LedgerWorker* worker) {
    m_worker = worker;
    refresh();
}

void ProfileBox::setProfile(const QString& name) {
    if (!name.isEmpty())
        add({name});
    setCurrentIndex(qMax(0, findData(name.isEmpty() ? QString() : name)));
}

void ProfileBox::add(QStringList names) {
    names.removeDuplicates();
    names.sort();
    const QSignalBlocker block(this);
    for (const QString& name : names)
        if (!name.isEmpty() && findData(name) < 0)
            addItem(name, name);
}

void ProfileBox::refresh() {
    if (!m_worker)
        return;
    m_worker->run<QStringList>(
        this, [](Ledger& ledger) { return BatchStore(ledger).profiles(); },
        [this](QStringList names) { add(names); });
}

} // namespace bs::ui
