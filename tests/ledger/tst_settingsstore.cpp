#include "cost/budget.h"
#include "ledger/alertlog.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"
#include "ledgerdowngrade.h"
#include "ledgertesthelpers.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using namespace bs::ledgertest;

class TestSettingsStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Migration 9: a batch older than profiles belongs to "default"; the budget log starts empty
    // and records every change from then on, with the budget before and after.
    void profilesAndBudgetLogOfVersion7() {
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
            QVERIFY(BatchStore(ledger).upsert(makeBatch(QStringLiteral("msgbatch_old"))));
        }
        QCOMPARE(bs::test::downgradeLedger(path, 7), QString());
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QCOMPARE(BatchStore(ledger).find(QStringLiteral("msgbatch_old"))->local.profile,
                 QStringLiteral("default"));
        SettingsStore settings(ledger);
        QVERIFY(settings.budgetChanges().isEmpty());
        QVERIFY(settings.setBudget({QStringLiteral("d"), 5, BudgetSetting::Period::Day},
                                   QStringLiteral("ops")));
        QVERIFY(settings.setBudget({QStringLiteral("d"), 5, BudgetSetting::Period::Day},
                                   QStringLiteral("ops"))); // the same: not logged
        QVERIFY(settings.removeBudget(QStringLiteral("d"), QStringLiteral("ops")));
        QVERIFY(settings.removeBudget(QStringLiteral("d"))); // nothing to remove: not logged
        const auto changes = settings.budgetChanges();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes[0].user, QStringLiteral("ops"));
        QCOMPARE(changes[0].oldValue, QString());
        QCOMPARE(changes[0].newValue,
                 SettingsStore::budgetJson({QStringLiteral("d"), 5, BudgetSetting::Period::Day}));
        QCOMPARE(changes[1].oldValue, changes[0].newValue);
        QCOMPARE(changes[1].newValue, QString());
    }

    // Migration 7: a budget written before it (even a "total" one) reads back as a USD budget
    // over all models; kinds and models round-trip after it.
    void budgetsOfVersion6() {
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
        }
        QCOMPARE(bs::test::downgradeLedger(path, 6), QString());
        {
            RawDb raw(path);
            QVERIFY(raw.exec(
                QStringLiteral("INSERT INTO budgets(name, limit_micros, period, updated_at) VALUES "
                               "('old', 5000000, 'total', '2026-11-01T00:00:00.000Z')")));
        }
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        const auto old = SettingsStore(ledger).budget(QStringLiteral("old"));
        QVERIFY(old);
        QCOMPARE(old->limit(), qint64(5'000'000));
        QCOMPARE(old->period, BudgetSetting::Period::Total);
        QCOMPARE(old->kind, BudgetSetting::Kind::Usd);
        QCOMPARE(old->model, QString());
        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("tok"), 700, BudgetSetting::Period::Day,
             BudgetSetting::Kind::InputTokens, QStringLiteral("claude-haiku-5-5")}));
        const auto tok = SettingsStore(ledger).budget(QStringLiteral("tok"));
        QCOMPARE(tok->kind, BudgetSetting::Kind::InputTokens);
        QCOMPARE(tok->model, QStringLiteral("claude-haiku-5-5"));
        QCOMPARE(tok->limit(), qint64(700));
    }

    // Through the ledger, where budgets are set: a $0 budget is kept and read back as a limit
    // nothing fits under; a negative one is refused with a message that says what is allowed.
    void zeroBudgetThroughTheLedger() {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY2(ledger.open(dir.filePath(QStringLiteral("budget.sqlite"))),
                 qPrintable(ledger.lastError()));
        SettingsStore settings(ledger);
        QVERIFY(!settings.setBudget({QStringLiteral("negative"), -1, BudgetSetting::Period::Day}));
        QVERIFY2(ledger.lastError().contains(QStringLiteral("$0 or more")),
                 qPrintable(ledger.lastError()));
        QVERIFY(!settings.budget(QStringLiteral("negative")));
        QVERIFY2(settings.setBudget({QStringLiteral("frozen"), 0, BudgetSetting::Period::Day}),
                 qPrintable(ledger.lastError()));
        const auto status = settings.budgetStatus(QStringLiteral("frozen"), QDate(2026, 11, 29));
        QVERIFY(status);
        QVERIFY(status->isLimited());
        QCOMPARE(status->limit(), Money(0));
        QVERIFY(status->wouldExceed(1));
        // No budget at all: nothing to check against (the caller treats it as no limit).
        QVERIFY(!settings.budgetStatus(QStringLiteral("none")));
    }

    void alertsSettingsBudgets() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QSignalSpy spy(&ledger, &Ledger::changed);
        AlertRecord a;
        a.severity = QStringLiteral("warning");
        a.kind = QStringLiteral("errored_items");
        a.batchId = QStringLiteral("msgbatch_z");
        a.message = QStringLiteral("3 items failed");
        QVERIFY(AlertLog(ledger).append(a) > 0);
        QCOMPARE(spy.last().at(0).value<Ledger::Change>(), Ledger::Change::Alerts);
        QCOMPARE(spy.last().at(1).toStringList(), QStringList{a.batchId});
        const auto list = AlertLog(ledger).recent();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().message, a.message);
        QVERIFY(list.first().at.isValid());

        QVERIFY(SettingsStore(ledger).setValue(QStringLiteral("k"), QStringLiteral("v1")));
        QVERIFY(SettingsStore(ledger).setValue(QStringLiteral("k"), QStringLiteral("v2")));
        QCOMPARE(SettingsStore(ledger).value(QStringLiteral("k")), QStringLiteral("v2"));
        QCOMPARE(SettingsStore(ledger).value(QStringLiteral("nope"), QStringLiteral("d")),
                 QStringLiteral("d"));
        QCOMPARE(spy.last().at(0).value<Ledger::Change>(), Ledger::Change::Settings);

        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("monthly"), 50'000'000, BudgetSetting::Period::Month}));
        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("monthly"), 75'000'000, BudgetSetting::Period::Month}));
        QVERIFY(!SettingsStore(ledger).setBudget({QString(), 1, BudgetSetting::Period::Day}));
        const auto b = SettingsStore(ledger).budget(QStringLiteral("monthly"));
        QVERIFY(b);
        QCOMPARE(b->limitMicros, Money(75'000'000));
        QCOMPARE(SettingsStore(ledger).budgets().size(), 1);
        QVERIFY(SettingsStore(ledger).removeBudget(QStringLiteral("monthly")));
        QVERIFY(!SettingsStore(ledger).budget(QStringLiteral("monthly")));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestSettingsStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settingsstore.moc"
