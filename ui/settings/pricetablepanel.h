#pragma once

#include "cost/pricediff.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

class PriceDiffModel;

// Settings → Prices: pick a price table file (the resources/pricing.json format; a file of a few
// models overrides those). It is read and validated off the GUI thread; a bad file is refused
// with the file and the field named; a good one shows its differences with the table in use
// (PriceDiffModel) before Apply copies it to the user's override file
// (PriceBook::userOverridePath). Then "Reprice Unpriced Results" prices, on the ledger worker,
// the results stored as unpriced (Repricer, the core of `batchscope-cli reprice`).
class PriceTablePanel : public QWidget {
    Q_OBJECT

public:
    explicit PriceTablePanel(bs::LedgerWorker* worker, QWidget* parent = nullptr);
    ~PriceTablePanel() override;

    PriceDiffModel* diffModel() const { return m_diffs; }
    QString statusText() const;
    QString candidatePath() const { return m_candidate; }

public Q_SLOTS:
    // Reads and checks `path` (answers with checked()).
    void loadFile(const QString& path);
    // Copies the checked file over the user's price table (answers with applied()).
    void apply();
    // Reprices the unpriced results with the table in use (answers with repriced()).
    void reprice();

Q_SIGNALS:
    void checked(bool ok, const QString& message);
    void applied(const QString& error);
    void repriced(const QString& message);

private:
    struct Check {
        bool ok = false;
        QString message;
        QList<bs::PriceDiff> diffs;
    };
    static Check check(const QString& path);
    void showStatus(const QString& text, bool error);
    void chooseFile();

    bs::LedgerWorker* m_worker = nullptr;
    PriceDiffModel* m_diffs = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_reprice = nullptr;
    QString m_candidate;
    QFutureWatcher<Check> m_watcher;
};

} // namespace bs::ui
