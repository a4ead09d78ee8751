// The spend dashboard's widgets over a real ledger read through a LedgerWorker: the empty state,
// the four charts and their models (QAbstractItemModelTester), exact hover texts, what is in
// flight shaded above the spend, the system palette (light and dark), and the dock in the main
// window (View menu, Ctrl+2, remembered with the layout). No SQL on the GUI thread.
#include "cost/costcalculator.h"
#include "cost/pricebook.h"
#include "dashboard/spendchart.h"
#include "dashboard/spendchartmodel.h"
#include "dashboard/spenddashboard.h"
#include "dashboard/spenddock.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/resultstore.h"
#include "ledger/settingsstore.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace bs;
using namespace bs::ui;

namespace {

const QDate kToday = QDateTime::currentDateTimeUtc().date();

void fill(const QString& path) {
    Ledger ledger;
    QVERIFY(ledger.open(path));
    const PriceBook book = PriceBook::builtIn();
    int n = 0;
    // Three days ago and today: Haiku 4.5; today also Opus 4.5 with cache reads. The day
    // between has nothing.
    for (const auto& [day, model, input, read] :
         {std::tuple{kToday.addDays(-3), QStringLiteral("claude-haiku-4-5"), 1'234'567, 0},
          std::tuple{kToday, QStringLiteral("claude-haiku-4-5"), 2'000'000, 0},
          std::tuple{kToday, QStringLiteral("claude-opus-4-5"), 1'000'000, 1'000'000}}) {
        MessageBatch b;
        b.id = QStringLiteral("msgbatch_dash_%1").arg(n++);
        b.processingStatus = MessageBatch::Status::Ended;
        b.endedAt = QDateTime(day, QTime(0, 30), Qt::UTC);
        b.createdAt = b.endedAt.addSecs(-5 * 3600);
        b.requestCounts.succeeded = 1;
        QVERIFY(BatchStore(ledger).upsert({b}));
        ResultRow r;
        r.batchId = b.id;
        r.customId = QStringLiteral("r");
        r.type = QStringLiteral("succeeded");
        r.model = model;
        r.usage.inputTokens = input;
        r.usage.outputTokens = 1000;
        r.usage.cacheReadInputTokens = read;
        r.usage.serviceTier = QStringLiteral("batch");
        r.day = day;
        r.setCost(CostCalculator::costOf(book, model, r.usage, day));
        QCOMPARE(ResultStore(ledger).insert({r}), 1);
    }
    QVERIFY(SettingsStore(ledger).setBudget(
        BudgetSetting(QStringLiteral("monthly"), 100'000'000, BudgetSetting::Period::Month)));
    BatchLocal local;
    const QString draft = DraftStore(ledger).create(local);
    QVERIFY(!draft.isEmpty());
    QVERIFY(BudgetStore(ledger).addReservations(
        draft, {{QStringLiteral("claude-haiku-4-5"), 5, 100, 100, 4'560'000, false}}));
}

bool waitApplied(SpendDashboard& d) {
    int applied = 0;
    const auto c =
        QObject::connect(&d, &SpendDashboard::seriesApplied, &d, [&applied] { ++applied; });
    const bool ok = QTest::qWaitFor([&] { return applied > 0; }, 30000);
    QObject::disconnect(c);
    return ok;
}

} // namespace

class TstSpendDashboard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_full;
    QString m_empty;
    int m_violations = 0;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_full = m_dir.filePath(QStringLiteral("full.sqlite"));
        m_empty = m_dir.filePath(QStringLiteral("empty.sqlite"));
        fill(m_full);
        Ledger::setMainThreadGuard(true);
        m_violations = Ledger::mainThreadViolations();
    }

    void cleanupTestCase() { QCOMPARE(Ledger::mainThreadViolations(), m_violations); }

    void emptyLedgerShowsWhatWillAppear() {
        LedgerWorker worker;
        worker.open(m_empty);
        SpendDashboard d;
        d.resize(900, 600);
        d.show();
        d.setWorker(&worker);
        QVERIFY(waitApplied(d));
        QVERIFY(d.isEmptyStateShown());
        auto* label = d.findChild<QLabel*>(QStringLiteral("spendEmptyState"));
        QVERIFY(label && label->isVisible());
        QVERIFY(label->text().contains(QStringLiteral("No spend yet")));
        QVERIFY(label->text().contains(QStringLiteral("batchscope-cli submit")));
        QVERIFY(!d.chart(0)->isVisible());
    }

    void chartsEqualTheSeries() {
        LedgerWorker worker;
        worker.open(m_full);
        SpendDashboard d;
        d.resize(1000, 700);
        d.show();
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (int k = 0; k < 4; ++k)
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                d.model(k), QAbstractItemModelTester::FailureReportingMode::QtTest));
        d.setRange(SpendDashboard::Range::Custom, kToday.addDays(-3), kToday);
        d.setWorker(&worker);
        QVERIFY(waitApplied(d));
        QVERIFY(!d.isEmptyStateShown());
        const SpendSeries& s = d.series();
        QCOMPARE(s.days.size(), 4);
        SpendChartModel* cumulative = d.model(int(SpendChartModel::Kind::Cumulative));
        QCOMPARE(cumulative->rowCount(), 4);
        // Zero days are rows with zero spend.
        QCOMPARE(cumulative->index(1, 1).data(SpendChartModel::RawRole).toLongLong(),
                 s.days.at(0).micros);
        QCOMPARE(d.model(int(SpendChartModel::Kind::DailyByModel))
                     ->index(2, 1)
                     .data(SpendChartModel::RawRole)
                     .toLongLong(),
                 0);
        // What is in flight lands on today, above the actual line, and is drawn as an area.
        QCOMPARE(cumulative->index(3, 3).data(SpendChartModel::RawRole).toLongLong(),
                 s.days.at(3).cumulativeMicros + 4'560'000);
        bool shaded = false;
        for (QAbstractSeries* series : d.chart(0)->chart()->series()) {
            if (auto* area = qobject_cast<QAreaSeries*>(series)) {
                shaded = true;
                QCOMPARE(area->upperSeries()->points().last().y(),
                         double(s.days.at(3).cumulativeMicros + 4'560'000) / 1e6);
                QCOMPARE(area->lowerSeries()->points().last().y(),
                         double(s.days.at(3).cumulativeMicros) / 1e6);
            }
        }
        QVERIFY(shaded);
        // Stacked by model: one area per model; tokens: five classes.
        QCOMPARE(d.chart(1)->seriesCount(), int(s.models.size()));
        QCOMPARE(d.chart(2)->seriesCount(), 5);
        QCOMPARE(d.model(3)->index(0, 1).data(SpendChartModel::RawRole).toLongLong(), 5 * 3600);
        QVERIFY(!d.model(3)->index(1, 1).data(SpendChartModel::RawRole).isValid()); // no batch
    }

    void hoverShowsExactValues() {
        LedgerWorker worker;
        worker.open(m_full);
        SpendDashboard d;
        d.resize(1000, 700);
        d.show();
        d.setRange(SpendDashboard::Range::Custom, kToday.addDays(-3), kToday);
        d.setWorker(&worker);
        QVERIFY(waitApplied(d));
        // Haiku 4.5 1,234,567 input at $0.50/MTok batch + 1,000 output at $2.50: $0.6198 ->
        // "$0.62"; tokens with thousands separators.
        SpendChart* spend = d.chart(int(SpendChartModel::Kind::DailyByModel));
        // A hover on the series at the first day (the signal the chart module emits).
        for (QAbstractSeries* s : spend->chart()->series()) {
            if (auto* area = qobject_cast<QAreaSeries*>(s))
                Q_EMIT area->hovered(area->upperSeries()->points().first(), true);
        }
        QVERIFY2(spend->lastToolTip().contains(QStringLiteral("claude-haiku-4-5: $0.62")),
                 qPrintable(spend->lastToolTip()));
        SpendChart* tokens = d.chart(int(SpendChartModel::Kind::Tokens));
        tokens->hoverRow(0);
        QVERIFY2(tokens->lastToolTip().contains(QStringLiteral("Input: 1,234,567")),
                 qPrintable(tokens->lastToolTip()));
        tokens->hoverRow(3);
        // Opus 4.5: 1M cache reads, ($2.50 - $0.25) at batch prices saved $2.25.
        QVERIFY2(tokens->lastToolTip().contains(QStringLiteral("Saved by cache reads: $2.25")),
                 qPrintable(tokens->lastToolTip()));
        auto* totals = d.findChild<QLabel*>(QStringLiteral("spendTotals"));
        QVERIFY(totals->text().contains(QStringLiteral("cache reads saved $2.25")));
    }

    void followsThePalette() {
        LedgerWorker worker;
        worker.open(m_full);
        SpendDashboard d;
        d.resize(1000, 700);
        d.show();
        d.setWorker(&worker);
        QVERIFY(waitApplied(d));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        for (const QPalette& pal : {dark, QApplication::style()->standardPalette()}) {
            d.setPalette(pal);
            QCoreApplication::processEvents();
            for (int k = 0; k < 4; ++k) {
                QChart* chart = d.chart(k)->chart();
                QCOMPARE(chart->backgroundBrush().color(), pal.color(QPalette::Base));
                QCOMPARE(chart->titleBrush().color(), pal.color(QPalette::Text));
                for (QAbstractAxis* axis : chart->axes())
                    QCOMPARE(axis->labelsBrush().color(), pal.color(QPalette::Text));
            }
            // Painted: the chart's corner is the palette's base colour.
            const QImage image = d.chart(0)->grab().toImage();
            QCOMPARE(QColor(image.pixel(2, image.height() - 3)), pal.color(QPalette::Base));
        }
    }

    void dockInTheWindow() {
        QSettings().clear();
        MainWindow w;
        auto* dock = w.findChild<SpendDock*>(QStringLiteral("spendDock"));
        QVERIFY(dock);
        auto* toggle = w.findChild<QAction*>(QStringLiteral("actionSpend"));
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
        w.show();
        QVERIFY(!dock->isVisible());
        toggle->trigger();
        QVERIFY(dock->isVisible());
        w.close(); // saves the layout
        MainWindow again;
        again.show();
        QVERIFY(again.findChild<SpendDock*>(QStringLiteral("spendDock"))->isVisible());
    }
};

QTEST_MAIN(TstSpendDashboard)
#include "tst_spenddashboard.moc"
