#include "dashboard/spenddashboard.h"

#include "dashboard/spendchart.h"
#include "dashboard/spendchartmodel.h"

#include "cost/pricebook.h"
#include "dashboard/spendseriesbuilder.h"
#include "ledger/ledgerworker.h"
#include "settings/profilebox.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace bs::ui {

namespace {
constexpr int kCoalesceMs = 250;

QString percent(Money part, Money whole) {
    if (whole <= 0)
        return QStringLiteral("0");
    return QLocale().toString(100.0 * double(part) / double(whole), 'f', 1);
}
} // namespace

SpendDashboard::SpendDashboard(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("spendDashboard"));
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &SpendDashboard::refresh);
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            &SpendDashboard::onLedgerChanged);

    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(QStringLiteral("spendRange"));
    m_rangeBox->addItem(tr("Today"), int(Range::Today));
    m_rangeBox->addItem(tr("Last 7 days"), int(Range::Week));
    m_rangeBox->addItem(tr("This month"), int(Range::Month));
    m_rangeBox->addItem(tr("Custom range"), int(Range::Custom));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_fromEdit = new QDateEdit(today.addDays(-29), this);
    m_toEdit = new QDateEdit(today, this);
    for (QDateEdit* e : {m_fromEdit, m_toEdit}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_fromEdit->setObjectName(QStringLiteral("spendFrom"));
    m_toEdit->setObjectName(QStringLiteral("spendTo"));
    m_profileBox = new ProfileBox(this);
    m_profileBox->setObjectName(QStringLiteral("spendProfile"));
    m_profileBox->setToolTip(
        tr("Show the spend of one profile (workspace) only. For one profile the figures come from "
           "the totals of its batches, each counted on the day the batch ended; a batch of several "
           "models shows as \"several models\". All profiles: the spend of each result's day, per "
           "model."));
    connect(m_profileBox, &ProfileBox::profileChanged, this,
            [this](const QString& profile) { setProfile(profile); });
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("spendTotals"));
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Range:"), this));
    bar->addWidget(m_rangeBox);
    bar->addWidget(m_fromEdit);
    bar->addWidget(new QLabel(QStringLiteral("–"), this));
    bar->addWidget(m_toEdit);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Profile:"), this));
    bar->addWidget(m_profileBox);
    bar->addStretch(1);

    m_chartsPage = new QWidget(this);
    auto* grid = new QGridLayout(m_chartsPage);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList titles{tr("Cumulative spend (USD)"), tr("Daily spend by model (USD)"),
                             tr("Tokens by class"), tr("Batch processing time (hours)")};
    for (int k = 0; k < 4; ++k) {
        auto* model = new SpendChartModel(SpendChartModel::Kind(k), this);
        auto* chart = new SpendChart(m_chartsPage);
        chart->setObjectName(QStringLiteral("spendChart%1").arg(k));
        chart->setTitle(titles.at(k));
        chart->setModel(model);
        m_models.append(model);
        m_charts.append(chart);
        grid->addWidget(chart, k / 2, k % 2);
    }
    m_emptyPage = createEmptyState();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyPage);
    m_pages->addWidget(m_chartsPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_totals);
    layout->addWidget(m_pages, 1);

    const int saved = QSettings().value(rangeKey(), int(Range::Month)).toInt();
    m_range = Range(qBound(0, saved, int(Range::Custom)));
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(m_range)));
    m_fromEdit->setEnabled(m_range == Range::Custom);
    m_toEdit->setEnabled(m_range == Range::Custom);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
            [this] { setRange(Range(m_rangeBox->currentData().toInt())); });
    connect(m_fromEdit, &QDateEdit::dateChanged, this, [this] {
        if (m_range == Range::Custom)
            m_coalesce.start();
    });
    connect(m_toEdit, &QDateEdit::dateChanged, this, [this] {
        if (m_range == Range::Custom)
            m_coalesce.start();
    });
}

QWidget* SpendDashboard::createEmptyState() {
    auto* label = new QLabel(this);
    label->setObjectName(QStringLiteral("spendEmptyState"));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(24);
    label->setText(
        QStringLiteral("<h3>") + tr("No spend yet") + QStringLiteral("</h3><p>") +
        tr("Once batches end and their results are stored, this page shows the cumulative spend "
           "against your budget with the worst case of what is still in flight, the daily spend "
           "of each model, the tokens of each class with what the batch discount and cache reads "
           "saved, and how long batches took against the 24-hour limit.") +
        QStringLiteral("</p><p>") +
        tr("To get data, drop a JSONL request file on the window (or File → Open JSONL…) and "
           "submit it, or run <tt>batchscope-cli submit FILE</tt>; results are read in as each "
           "batch ends.") +
        QStringLiteral("</p>"));
    return label;
}

void SpendDashboard::setWorker(LedgerWorker* worker) {
    ++m_generation;
    m_worker = worker;
    m_profileBox->setWorker(worker);
    m_inFlight = false;
    m_again = false;
    if (m_worker)
        refresh();
}

std::pair<QDate, QDate> SpendDashboard::days() const {
    const QDate today = QDateTime::currentDateTimeUtc().date();
    switch (m_range) {
    case Range::Today:
        return {today, today};
    case Range::Week:
        return {today.addDays(-6), today};
    case Range::Month:
        return {QDate(today.year(), today.month(), 1), today};
    case Range::Custom:
        return {m_fromEdit->date(), m_toEdit->date()};
    }
    return {today, today};
}

void SpendDashboard::setRange(Range range, QDate from, QDate to) {
    m_range = range;
    if (from.isValid())
        m_fromEdit->setDate(from);
    if (to.isValid())
        m_toEdit->setDate(to);
    const QSignalBlocker block(m_rangeBox);
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(range)));
    m_fromEdit->setEnabled(range == Range::Custom);
    m_toEdit->setEnabled(range == Range::Custom);
    QSettings().setValue(rangeKey(), int(range));
    refresh();
}

void SpendDashboard::setProfile(const QString& profile) {
    if (profile == m_profile && m_profileBox->profile() == profile)
        return;
    m_profile = profile;
    {
        const QSignalBlocker block(m_profileBox);
        m_profileBox->setProfile(profile);
    }
    ++m_generation; // an answer for the previous profile is not drawn
    m_inFlight = false;
    m_again = false;
    refresh();
}

void SpendDashboard::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

bool SpendDashboard::isEmptyStateShown() const {
    return m_pages->currentWidget() == m_emptyPage;
}

const SpendSeries& SpendDashboard::series() const {
    return m_models.first()->series();
}

void SpendDashboard::onLedgerChanged(LedgerNotifier::Change what, const QStringList&,
                                     const QString& path) {
    if (!m_worker || path != m_worker->path())
        return;
    if (what == LedgerNotifier::Change::Results || what == LedgerNotifier::Change::Batches ||
        what == LedgerNotifier::Change::Requests || what == LedgerNotifier::Change::Settings) {
        if (!m_coalesce.isActive())
            m_coalesce.start();
    }
}

void SpendDashboard::refresh() {
    m_coalesce.stop();
    if (!m_worker)
        return;
    if (!isVisible()) {
        m_stale = true; // read when shown
        return;
    }
    m_stale = false;
    if (m_inFlight) {
        m_again = true; // read once more when this answer is in
        return;
    }
    m_inFlight = true;
    const auto [from, to] = days();
    const int generation = m_generation;
    const QString profile = m_profile;
    m_worker->run<SpendSeries>(
        this,
        [from, to, profile](Ledger& ledger) {
            // The prices as the ingestion uses them (built-in and the user's file), read here.
            const PriceBook book = PriceBook::load();
            return SpendSeriesBuilder::build(ledger, book, from, to,
                                             SpendSeriesBuilder::Source::Summaries, profile);
        },
        [this, generation](SpendSeries series) {
            if (generation != m_generation)
                return;
            m_inFlight = false;
            apply(series);
            if (std::exchange(m_again, false))
                refresh();
        },
        LedgerWorker::Lane::Interactive);
}

void SpendDashboard::apply(const SpendSeries& s) {
    for (SpendChartModel* m : m_models)
        m->setSeries(s);
    m_pages->setCurrentWidget(s.ledgerEmpty ? m_emptyPage : m_chartsPage);
    QStringList parts;
    if (!s.error.isEmpty()) {
        parts << tr("Could not read the spend: %1").arg(s.error);
    } else if (!s.ledgerEmpty) {
        parts << tr("Spent %1").arg(SpendChartModel::money(s.totalMicros));
        if (s.inFlightRequests > 0)
            parts << tr("in flight at worst %1").arg(SpendChartModel::money(s.inFlightMicros));
        const Money list = s.totalMicros + s.batchSavedMicros + s.cacheSavedMicros;
        parts << tr("batch discount saved %1 (%2 %)")
                     .arg(SpendChartModel::money(s.batchSavedMicros),
                          percent(s.batchSavedMicros, list));
        parts << tr("cache reads saved %1 (%2 %)")
                     .arg(SpendChartModel::money(s.cacheSavedMicros),
                          percent(s.cacheSavedMicros, list));
        if (s.unpriced > 0)
            parts << tr("%n unpriced result(s) not counted", nullptr,
                        int(qMin<qint64>(s.unpriced, INT_MAX)));
    }
    m_totals->setText(parts.join(QStringLiteral(" · ")));
    m_totals->setVisible(!parts.isEmpty());
    Q_EMIT seriesApplied();
}

} // namespace bs::ui
