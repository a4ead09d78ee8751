// The budgets editor (issue 11): its model shows the gate's own figures (spent, in flight,
// remaining) for every budget, a change made in it is written through the ledger worker and
// logged (budget_changes), and the GUI thread runs no SQL meanwhile. Also the batch table's
// profile filter: batches recorded under a profile, and the filter that shows them.
#include "../ledger/ledgertesthelpers.h"
#include "batches/batchfilterproxy.h"
#include "batches/batchtablemodel.h"
#include "cost/pricebook.h"
#include "intake/budgetgate.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/resultstore.h"
#include "ledger/settingsstore.h"
#include "settings/budgetsdialog.h"
#include "settings/budgettablemodel.h"
#include "testenv.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::ui;
using namespace bs::ledgertest;
using Kind = BudgetSetting::Kind;
using Period = BudgetSetting::Period;

namespace {
const QString kHaiku = QStringLiteral("claude-haiku-5-5");
const QString kSonnet = QStringLiteral("claude-sonnet-5");
} // namespace

class TestBudgetsDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("b-%1.sqlite").arg(++m_n)); }

    // Today's spend (haiku $0.40 / 1,000 input tokens, sonnet $1.10 / 3,000), one from last
    // month, a draft in flight (haiku, worst case $0.25, 700 tokens) and three budgets.
    static void seed(Ledger& ledger) {
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const MessageBatch b = makeBatch(QStringLiteral("msgbatch_a"), MessageBatch::Status::Ended);
        QVERIFY(BatchStore(ledger).upsert(b));
        auto r1 = makeResult(b.id, QStringLiteral("1"), kHaiku, 1000, 10, 400'000);
        r1.day = today;
        auto r2 = makeResult(b.id, QStringLiteral("2"), kSonnet, 3000, 10, 1'100'000);
        r2.day = today;
        auto r3 = makeResult(b.id, QStringLiteral("3"), kHaiku, 9000, 10, 9'000'000);
        r3.day = today.addMonths(-1).addDays(-1);
        QCOMPARE(ResultStore(ledger).insert({r1, r2, r3}), qint64(3));
        QVERIFY(BatchStore(ledger).markResultsIngested(b.id, QDateTime::currentDateTimeUtc()));
        const QString draft = DraftStore(ledger).create(BatchLocal{});
        QVERIFY(!draft.isEmpty());
        BudgetStore::Reservation res;
        res.model = kHaiku;
        res.requests = 2;
        res.inputTokens = 700;
        res.maxOutputTokens = 2000;
        res.worstCaseMicros = 250'000;
        QVERIFY(BudgetStore(ledger).addReservations(draft, {res}));
        SettingsStore s(ledger);
        QVERIFY(s.setBudget({QStringLiteral("daily-usd"), 2'000'000, Period::Day}));
        QVERIFY(s.setBudget(
            {QStringLiteral("haiku-month"), 500'000, Period::Month, Kind::Usd, kHaiku}));
        QVERIFY(
            s.setBudget({QStringLiteral("daily-tokens"), 10'000, Period::Day, Kind::InputTokens}));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale::c());
    }
    void cleanup() { Ledger::setMainThreadGuard(false); }

    // Every row equals the gate's line for the same budget; a change in the form is written,
    // logged with the OS user, and shows once read again.
    void modelEqualsGateAndChangeIsLogged() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        seed(ledger);
        const QList<BudgetGate::Line> expected =
            BudgetGate(ledger, PriceBook::load()).evaluate({}).lines;
        QCOMPARE(expected.size(), 3);

        const int changesBefore = int(SettingsStore(ledger).budgetChanges().size());
        QCOMPARE(changesBefore, 3);

        LedgerWorker worker;
        worker.open(path);
        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        BudgetsDialog dialog(&worker);
        BudgetTableModel* model = dialog.model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&dialog, &BudgetsDialog::loaded);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(model->rowCount(), int(expected.size()));
        for (const BudgetGate::Line& line : expected) {
            const int row = model->rowOf(line.budget);
            QVERIFY2(row >= 0, qPrintable(line.budget));
            const auto raw = [&](int column) {
                return model->index(row, column).data(BudgetTableModel::RawRole).toLongLong();
            };
            QCOMPARE(raw(BudgetTableModel::Limit), line.limit);
            QCOMPARE(raw(BudgetTableModel::Spent), line.spent);
            QCOMPARE(raw(BudgetTableModel::InFlight), line.inFlight);
            QCOMPARE(raw(BudgetTableModel::Remaining), line.remaining());
            QCOMPARE(model->index(row, BudgetTableModel::Spent).data().toString(),
                     line.amount(line.spent));
        }
        // The figures themselves, by hand: spent today $1.50 of all models, haiku this month
        // $0.40 + $0.25 in flight (over its $0.50: remaining negative), 4,000 tokens + 700.
        const auto rawOf = [&](const QString& budget, int column) {
            return model->index(model->rowOf(budget), column)
                .data(BudgetTableModel::RawRole)
                .toLongLong();
        };
        QCOMPARE(rawOf(QStringLiteral("daily-usd"), BudgetTableModel::Spent), qint64(1'500'000));
        QCOMPARE(rawOf(QStringLiteral("daily-usd"), BudgetTableModel::InFlight), qint64(250'000));
        QCOMPARE(rawOf(QStringLiteral("daily-usd"), BudgetTableModel::Remaining), qint64(250'000));
        QCOMPARE(rawOf(QStringLiteral("haiku-month"), BudgetTableModel::Remaining),
                 qint64(-150'000));
        QCOMPARE(rawOf(QStringLiteral("daily-tokens"), BudgetTableModel::Spent), qint64(4'000));
        QCOMPARE(rawOf(QStringLiteral("daily-tokens"), BudgetTableModel::InFlight), qint64(700));

        // A new daily budget of $3.25 on sonnet, through the form.
        dialog.findChild<QLineEdit*>(QStringLiteral("budgetName"))
            ->setText(QStringLiteral("sonnet"));
        dialog.findChild<QComboBox*>(QStringLiteral("budgetModel"))->setCurrentText(kSonnet);
        dialog.findChild<QLineEdit*>(QStringLiteral("budgetLimit"))
            ->setText(QStringLiteral("3.25"));
        QSignalSpy saved(&dialog, &BudgetsDialog::saved);
        loaded.clear();
        dialog.saveForm();
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.first().first().toString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(QStringLiteral("sonnet")) >= 0, 30000);
        QCOMPARE(rawOf(QStringLiteral("sonnet"), BudgetTableModel::Limit), qint64(3'250'000));
        QCOMPARE(rawOf(QStringLiteral("sonnet"), BudgetTableModel::Spent), qint64(1'100'000));
        QCOMPARE(Ledger::mainThreadViolations(), violations); // no SQL on this thread
        Ledger::setMainThreadGuard(false);

        const auto changes = SettingsStore(ledger).budgetChanges();
        QCOMPARE(int(changes.size()), changesBefore + 1);
        const auto& last = changes.last();
        QCOMPARE(last.name, QStringLiteral("sonnet"));
        QCOMPARE(last.oldValue, QString());
        const QJsonObject after = QJsonDocument::fromJson(last.newValue.toUtf8()).object();
        QCOMPARE(after[u"limit"].toInteger(), 3'250'000);
        QCOMPARE(after[u"model"].toString(), kSonnet);
        QCOMPARE(after[u"period"].toString(), QStringLiteral("day"));
        QVERIFY(!last.user.isEmpty());

        // A bad limit is refused in the form, nothing written.
        dialog.findChild<QLineEdit*>(QStringLiteral("budgetLimit"))->setText(QStringLiteral("-1"));
        saved.clear();
        dialog.saveForm();
        QCOMPARE(saved.size(), 1);
        QVERIFY(!saved.first().first().toString().isEmpty());
        QCOMPARE(SettingsStore(ledger).budgetChanges().size(), changes.size());
    }

    // A batch drafted under a profile carries it once created; the proxy's profile filter shows
    // only that profile's batches (older rows count as "default").
    void profileRecordedAndFiltered() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        BatchLocal staging;
        staging.profile = QStringLiteral("staging");
        const QString draft = DraftStore(ledger).create(staging);
        QVERIFY(DraftStore(ledger).attach(draft, makeBatch(QStringLiteral("msgbatch_staging"))));
        QVERIFY(BatchStore(ledger).upsert(makeBatch(QStringLiteral("msgbatch_other"))));
        QCOMPARE(BatchStore(ledger).find(QStringLiteral("msgbatch_staging"))->local.profile,
                 QStringLiteral("staging"));
        QCOMPARE(BatchStore(ledger).find(QStringLiteral("msgbatch_other"))->local.profile,
                 QStringLiteral("default"));
        QCOMPARE(BatchStore(ledger).profiles(),
                 (QStringList{QStringLiteral("default"), QStringLiteral("staging")}));

        BatchTableModel model;
        BatchFilterProxy proxy;
        proxy.setBatchModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        LedgerWorker worker;
        worker.open(path);
        model.setWorker(&worker);
        QVERIFY(QTest::qWaitFor([&] { return model.isLoaded(); }, 30000));
        QCOMPARE(proxy.rowCount(), 2);
        const auto ids = [&] {
            QStringList list;
            for (int r = 0; r < proxy.rowCount(); ++r)
                list << proxy.index(r, 0).data(BatchTableModel::BatchIdRole).toString();
            list.sort();
            return list;
        };
        proxy.setProfile(QStringLiteral("staging"));
        QCOMPARE(ids(), QStringList{QStringLiteral("msgbatch_staging")});
        proxy.setProfile(QStringLiteral("default"));
        QCOMPARE(ids(), QStringList{QStringLiteral("msgbatch_other")});
        proxy.setProfile(QString());
        QCOMPARE(proxy.rowCount(), 2);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Batchscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Batchscope"));
    TestBudgetsDialog test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_budgetsdialog.moc"
