#pragma once

#include "dashboard/spendseries.h"
#include "ledger/ledgernotifier.h"

#include <QDate>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QStackedWidget;

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

class ProfileBox;
class SpendChart;
class SpendChartModel;

// The spend dashboard: a range (today, 7 days, this month, custom), four SpendCharts (cumulative
// spend with the budget and what is in flight, daily spend by model, tokens by class, batch
// processing time) and the savings of the range; an empty ledger shows what will appear and how
// to get data instead. Its figures are a SpendSeries computed by a job on the ledger worker's
// interactive lane (no SQL here) and read again, coalesced, when the ledger's results, batches,
// drafts or budgets change. A profile selector narrows the figures to one profile's batches
// (SpendSeriesBuilder with a profile: per batch, dated by the batch's end day).
class SpendDashboard : public QWidget {
    Q_OBJECT

public:
    enum class Range { Today, Week, Month, Custom };
    Q_ENUM(Range)

    explicit SpendDashboard(QWidget* parent = nullptr);

    void setWorker(bs::LedgerWorker* worker);
    void setRange(Range range, QDate from = {}, QDate to = {});
    Range range() const { return m_range; }
    // The profile whose batches the figures cover; "" for all profiles.
    void setProfile(const QString& profile);
    QString profile() const { return m_profile; }
    // The days the current range covers (UTC).
    std::pair<QDate, QDate> days() const;
    bool isEmptyStateShown() const;

    SpendChartModel* model(int kind) const { return m_models.value(kind); }
    SpendChart* chart(int kind) const { return m_charts.value(kind); }
    const bs::SpendSeries& series() const;

    static QString rangeKey() { return QStringLiteral("SpendDashboard/range"); }

public Q_SLOTS:
    // Reads the figures again (asks the worker; the answer comes later).
    void refresh();

Q_SIGNALS:
    // A SpendSeries arrived and the charts were redrawn from it.
    void seriesApplied();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void apply(const bs::SpendSeries& series);
    void onLedgerChanged(bs::LedgerNotifier::Change what, const QStringList&, const QString& path);
    QWidget* createEmptyState();

    bs::LedgerWorker* m_worker = nullptr;
    Range m_range = Range::Month;
    QComboBox* m_rangeBox = nullptr;
    ProfileBox* m_profileBox = nullptr;
    QString m_profile;
    QDateEdit* m_fromEdit = nullptr;
    QDateEdit* m_toEdit = nullptr;
    QLabel* m_totals = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_chartsPage = nullptr;
    QWidget* m_emptyPage = nullptr;
    QList<SpendChartModel*> m_models; // by SpendChartModel::Kind
    QList<SpendChart*> m_charts;
    QTimer m_coalesce;
    bool m_inFlight = false;
    bool m_again = false;
    bool m_stale = false; // a read was due while hidden
    int m_generation = 0;
};

} // namespace bs::ui
