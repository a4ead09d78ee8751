#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/settingsstore.h"
#include "ledgertesthelpers.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using namespace bs::ledgertest;

class TestCostQueries : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void costAggregations() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        MessageBatch a = makeBatch(QStringLiteral("msgbatch_a"), MessageBatch::Status::Ended, 3);
        MessageBatch b = makeBatch(QStringLiteral("msgbatch_b"), MessageBatch::Status::Ended, 2);
        QVERIFY(BatchStore(ledger).upsert({a, b}));
        auto r1 =
            makeResult(a.id, QStringLiteral("1"), QStringLiteral("claude-opus-5-5"), 100, 10, 1000);
        r1.day = QDate(2026, 11, 1);
        auto r2 =
            makeResult(a.id, QStringLiteral("2"), QStringLiteral("claude-haiku-5-5"), 200, 20, 20);
        r2.day = QDate(2026, 11, 2);
        auto r3 =
            makeResult(a.id, QStringLiteral("3"), QStringLiteral("claude-opus-5-5"), 300, 30, 3000);
        r3.day = QDate(2026, 11, 2);
        auto r4 =
            makeResult(b.id, QStringLiteral("1"), QStringLiteral("claude-haiku-5-5"), 400, 40, 40);
        r4.day = QDate(2026, 11, 3);
        auto r5 =
            makeResult(b.id, QStringLiteral("2"), QStringLiteral("claude-unknown"), 500, 50, 0);
        r5.priced = false;
        r5.day = QDate(2026, 11, 3);
        QCOMPARE(ResultStore(ledger).insert({r1, r2, r3, r4, r5}), qint64(5));

        const CostTotals all = CostQueries(ledger).total();
        QCOMPARE(all.micros, Money(4060));
        QCOMPARE(all.inputTokens, qint64(1500));
        QCOMPARE(all.outputTokens, qint64(150));
        QCOMPARE(all.unpriced, qint64(1));
        QCOMPARE(CostQueries(ledger).total(QDate(2026, 11, 2)).micros, Money(3060));
        QCOMPARE(CostQueries(ledger).total({}, b.id).micros, Money(40));

        const auto byModel = CostQueries(ledger).groupedBy(CostQueries::Grouping::Model);
        QCOMPARE(byModel.size(), 3);
        QCOMPARE(byModel.at(0).key, QStringLiteral("claude-haiku-5-5"));
        QCOMPARE(byModel.at(0).totals.micros, Money(60));
        QCOMPARE(byModel.at(1).key, QStringLiteral("claude-opus-5-5"));
        QCOMPARE(byModel.at(1).totals.micros, Money(4000));
        QCOMPARE(byModel.at(2).key, QStringLiteral("claude-unknown"));
        QCOMPARE(byModel.at(2).totals.unpriced, qint64(1));
        QCOMPARE(byModel.at(2).totals.micros, Money(0));

        const auto byDay = CostQueries(ledger).groupedBy(CostQueries::Grouping::Day);
        QCOMPARE(byDay.size(), 3);
        QCOMPARE(byDay.at(0).key, QStringLiteral("2026-11-01"));
        QCOMPARE(byDay.at(1).totals.micros, Money(3020));
        QCOMPARE(byDay.at(2).totals.results, qint64(2));

        const auto byBatch =
            CostQueries(ledger).groupedBy(CostQueries::Grouping::Batch, QDate(2026, 11, 2));
        QCOMPARE(byBatch.size(), 2);
        QCOMPARE(byBatch.at(0).key, a.id);
        QCOMPARE(byBatch.at(0).totals.micros, Money(3020));
        QCOMPARE(byBatch.at(1).totals.micros, Money(40));

        QCOMPARE(
            CostQueries(ledger).spentInPeriod(BudgetSetting::Period::Total, QDate(2026, 11, 3)),
            Money(4060));
        QCOMPARE(CostQueries(ledger).spentInPeriod(BudgetSetting::Period::Day, QDate(2026, 11, 3)),
                 Money(40));
        QCOMPARE(
            CostQueries(ledger).spentInPeriod(BudgetSetting::Period::Month, QDate(2026, 12, 1)),
            Money(0));

        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("nov"), 4'100, BudgetSetting::Period::Month}));
        const auto status =
            SettingsStore(ledger).budgetStatus(QStringLiteral("nov"), QDate(2026, 11, 15));
        QVERIFY(status);
        QCOMPARE(status->spent(), Money(4060));
        QCOMPARE(status->remaining(), Money(40));
        QVERIFY(!status->wouldExceed(40));
        QVERIFY(status->wouldExceed(41));
        QCOMPARE(
            SettingsStore(ledger).budgetStatus(QStringLiteral("nov"), QDate(2026, 12, 1))->spent(),
            Money(0));
        QVERIFY(!SettingsStore(ledger).budgetStatus(QStringLiteral("none")));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestCostQueries test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_costqueries.moc"
