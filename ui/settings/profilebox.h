#pragma once

#include <QComboBox>

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

// A profile selector for views filtered by profile (the spend dashboard, the budgets editor):
// "All profiles" (empty data) and every profile named in the preferences or carried by a batch
// of the ledger (BatchStore::profiles, read on the ledger worker, again when batches change).
// profileChanged() tells the chosen profile ("" for all).
class ProfileBox : public QComboBox {
    Q_OBJECT

public:
    explicit ProfileBox(QWidget* parent = nullptr);

    void setWorker(bs::LedgerWorker* worker);
    QString profile() const { return currentData().toString(); }
    // Chooses a profile (added when not listed yet); "" for all.
    void setProfile(const QString& profile);
    void refresh();

Q_SIGNALS:
    void profileChanged(const QString& profile);

private:
    void add(QStringList names);

    bs::LedgerWorker* m_worker = nullptr;
};

} // namespace bs::ui
