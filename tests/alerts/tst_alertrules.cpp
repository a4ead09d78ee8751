#include "alerts/alertrules.h"

#include <QTest>

using namespace bs;

// The rules are a pure function of a snapshot: every case here is a hand-built snapshot at a
// fixed "now", no clock and no ledger.
class TestAlertRules : public QObject {
    Q_OBJECT

    const QDateTime m_now{QDate(2026, 11, 29), QTime(12, 0), Qt::UTC};

    static AlertSnapshot::BudgetUse
    budget(Money limit, Money spent, BudgetSetting::Period period = BudgetSetting::Period::Month) {
        return {BudgetSetting{QStringLiteral("monthly"), limit, period}, spent};
    }

    static QStringList keys(const AlertRules::Evaluation& e, bool withQuiet = true) {
        QStringList out;
        for (const AlertCondition& c : e.holding)
            if (withQuiet || !c.quiet)
                out << c.key.rule + QLatin1Char('/') + c.key.subject + QLatin1Char('/') +
                           c.key.period;
        return out;
    }

    static BatchRecord batch(const QString& id, MessageBatch::Status status) {
        BatchRecord r;
        r.batch.id = id;
        r.batch.processingStatus = status;
        return r;
    }

private Q_SLOTS:
    void budgetThresholds_data() {
        QTest::addColumn<Money>("spent");
        QTest::addColumn<QStringList>("announced");
        QTest::addColumn<QStringList>("held");
        const QString p = QStringLiteral("/2026-11");
        QTest::newRow("below 50 %") << Money(49'999'999) << QStringList() << QStringList();
        QTest::newRow("exactly 50 %")
            << Money(50'000'000) << QStringList{QStringLiteral("budget/monthly@50") + p}
            << QStringList{QStringLiteral("budget/monthly@50") + p};
        // Jumping past two thresholds announces the higher one; the lower is held quietly.
        QTest::newRow("85 %") << Money(85'000'000)
                              << QStringList{QStringLiteral("budget/monthly@80") + p}
                              << QStringList{QStringLiteral("budget/monthly@50") + p,
                                             QStringLiteral("budget/monthly@80") + p};
        QTest::newRow("over") << Money(100'000'001)
                              << QStringList{QStringLiteral("budget/monthly@100") + p}
                              << QStringList{QStringLiteral("budget/monthly@50") + p,
                                             QStringLiteral("budget/monthly@80") + p,
                                             QStringLiteral("budget/monthly@100") + p};
    }
    void budgetThresholds() {
        QFETCH(Money, spent);
        QFETCH(QStringList, announced);
        QFETCH(QStringList, held);
        AlertSnapshot s;
        s.now = m_now;
        s.budgets << budget(100'000'000, spent);
        const auto e = AlertRules::evaluate(s, AlertConfig());
        QCOMPARE(keys(e, false), announced);
        QCOMPARE(keys(e), held);
        QVERIFY(e.evaluatedRules.contains(AlertRules::budgetRule()));
        for (const AlertCondition& c : e.holding) {
            if (c.quiet)
                continue;
            // What happened and how much, and what to do.
            QVERIFY2(c.alert.message.contains(QStringLiteral("$100.00")),
                     qPrintable(c.alert.message));
            QVERIFY2(c.alert.message.contains(formatMoney(spent, 2)), qPrintable(c.alert.message));
        }
    }

    // A $0 budget: reached by any spend, by nothing while nothing is spent. Day budgets count
    // per UTC day.
    void zeroAndDailyBudgets() {
        AlertSnapshot s;
        s.now = m_now;
        s.budgets << budget(0, 0, BudgetSetting::Period::Day);
        QVERIFY(AlertRules::evaluate(s, AlertConfig()).holding.isEmpty());
        s.budgets[0].spent = 1;
        const auto e = AlertRules::evaluate(s, AlertConfig());
        QCOMPARE(keys(e, false), QStringList{QStringLiteral("budget/monthly@100/2026-11-29")});
        QCOMPARE(e.holding.last().alert.severity, QStringLiteral("critical"));
    }

    void configurableThresholds() {
        AlertSnapshot s;
        s.now = m_now;
        s.budgets << budget(100'000'000, 95'000'000);
        AlertConfig c;
        c.budgetPercents = {90};
        QCOMPARE(keys(AlertRules::evaluate(s, c), false),
                 QStringList{QStringLiteral("budget/monthly@90/2026-11")});
    }

    void erroredShare() {
        AlertSnapshot s;
        s.now = m_now;
        BatchRecord over = batch(QStringLiteral("msgbatch_over"), MessageBatch::Status::Ended);
        over.batch.requestCounts.succeeded = 80;
        over.batch.requestCounts.errored = 20;
        over.batch.endedAt = m_now.addSecs(-3600);
        BatchRecord at = batch(QStringLiteral("msgbatch_at"), MessageBatch::Status::Ended);
        at.batch.requestCounts.succeeded = 90;
        at.batch.requestCounts.errored = 10; // exactly 10 %: not above
        at.batch.endedAt = m_now.addSecs(-3600);
        BatchRecord old = over;
        old.batch.id = QStringLiteral("msgbatch_old");
        old.batch.endedAt = m_now.addDays(-8); // before the lookback
        s.ended << over << at << old;
        const auto e = AlertRules::evaluate(s, AlertConfig());
        QCOMPARE(keys(e), QStringList{QStringLiteral("errored_share/msgbatch_over/")});
        const AlertRecord& a = e.holding.first().alert;
        QCOMPARE(a.batchId, QStringLiteral("msgbatch_over"));
        QVERIFY2(a.message.contains(QStringLiteral("20 of 100")), qPrintable(a.message));
        QVERIFY2(a.message.contains(QStringLiteral("batchscope-cli retry msgbatch_over")),
                 qPrintable(a.message));
    }

    void expiryNear() {
        AlertSnapshot s;
        s.now = m_now;
        BatchRecord soon = batch(QStringLiteral("msgbatch_soon"), MessageBatch::Status::InProgress);
        soon.batch.expiresAt = m_now.addSecs(2 * 3600);
        soon.batch.requestCounts.processing = 7;
        BatchRecord later = soon;
        later.batch.id = QStringLiteral("msgbatch_later");
        later.batch.expiresAt = m_now.addSecs(2 * 3600 + 1);
        BatchRecord canceling = soon;
        canceling.batch.id = QStringLiteral("msgbatch_canceling");
        canceling.batch.processingStatus = MessageBatch::Status::Canceling;
        s.unended << soon << later << canceling;
        const auto e = AlertRules::evaluate(s, AlertConfig());
        QCOMPARE(keys(e), QStringList{QStringLiteral("expiry_near/msgbatch_soon/")});
        QVERIFY(e.holding.first().alert.message.contains(QStringLiteral("7 items")));
    }

    void archiveNear() {
        AlertSnapshot s;
        s.now = m_now;
        BatchRecord near = batch(QStringLiteral("msgbatch_near"), MessageBatch::Status::Ended);
        near.batch.createdAt = m_now.addDays(-27); // archived in 2 days
        BatchRecord far = near;
        far.batch.id = QStringLiteral("msgbatch_far");
        far.batch.createdAt = m_now.addDays(-20);
        BatchRecord gone = near;
        gone.batch.id = QStringLiteral("msgbatch_archived");
        gone.batch.createdAt = m_now.addDays(-30);
        s.awaitingIngest << near << far << gone;
        QCOMPARE(keys(AlertRules::evaluate(s, AlertConfig())),
                 QStringList{QStringLiteral("archive_near/msgbatch_near/")});
    }

    void unpricedModel() {
        AlertSnapshot s;
        s.now = m_now;
        s.unpricedModels << AlertSnapshot::UnpricedModel{QStringLiteral("claude-future-9"), 3};
        const auto e = AlertRules::evaluate(s, AlertConfig());
        QCOMPARE(keys(e), QStringList{QStringLiteral("unpriced_model/claude-future-9/")});
        QVERIFY(e.holding.first().alert.message.contains(QStringLiteral("reprice")));
    }

    // The API rule is only evaluated once the watcher knows the API's state, and fires after
    // N minutes of failure.
    void apiDown() {
        AlertSnapshot s;
        s.now = m_now;
        s.apiProblem = AlertSnapshot::ApiProblem::Unreachable;
        s.apiProblemSince = m_now.addSecs(-20 * 60);
        auto e = AlertRules::evaluate(s, AlertConfig());
        QVERIFY(!e.evaluatedRules.contains(AlertRules::apiDownRule()));
        QVERIFY(e.holding.isEmpty());
        s.apiKnown = true;
        s.apiProblemSince = m_now.addSecs(-9 * 60);
        e = AlertRules::evaluate(s, AlertConfig());
        QVERIFY(e.evaluatedRules.contains(AlertRules::apiDownRule()));
        QVERIFY(e.holding.isEmpty());
        s.apiProblemSince = m_now.addSecs(-10 * 60);
        s.apiProblem = AlertSnapshot::ApiProblem::KeyRefused;
        e = AlertRules::evaluate(s, AlertConfig());
        QCOMPARE(keys(e), QStringList{QStringLiteral("api_down/key_refused/")});
        QVERIFY(e.holding.first().alert.message.contains(QStringLiteral("key set")));
    }

    // An input-token budget of one model, per day: its figures are tokens, and the message says
    // so, names the model and what batches in flight may add.
    void tokenBudgetOfOneModel() {
        AlertSnapshot s;
        s.now = m_now;
        AlertSnapshot::BudgetUse b;
        b.setting =
            BudgetSetting(QStringLiteral("haiku-tokens"), 1'000'000, BudgetSetting::Period::Day,
                          BudgetSetting::Kind::InputTokens, QStringLiteral("claude-haiku-5-5"));
        b.spent = 800'000;
        b.inFlight = 150'000;
        s.budgets << b;
        const auto e = AlertRules::evaluate(s, AlertConfig());
        QCOMPARE(keys(e, false), QStringList{QStringLiteral("budget/haiku-tokens@80/2026-11-29")});
        const QString msg = e.holding.last().alert.message;
        QVERIFY2(msg.contains(QStringLiteral("800,000 input tokens")) &&
                     msg.contains(QStringLiteral("1,000,000 input tokens")) &&
                     msg.contains(QStringLiteral("150,000 input tokens")) &&
                     msg.contains(QStringLiteral("claude-haiku-5-5")) && !msg.contains(u'$'),
                 qPrintable(msg));
        // The thresholds are configurable.
        AlertConfig config;
        config.budgetPercents = {75};
        QCOMPARE(keys(AlertRules::evaluate(s, config)),
                 QStringList{QStringLiteral("budget/haiku-tokens@75/2026-11-29")});
    }

    // A batch in progress past the P95 of batches like it (with enough of them) is overdue.
    void overdueBatch() {
        AlertSnapshot s;
        s.now = m_now;
        AlertSnapshot::Expectation x;
        x.batchId = QStringLiteral("msgbatch_slow");
        x.model = QStringLiteral("claude-haiku-5-5");
        x.requests = 500;
        x.medianSeconds = 1800;
        x.p95Seconds = 3600;
        x.samples = 3;
        x.createdAt = m_now.addSecs(-3600); // exactly at P95: not yet
        s.expectations << x;
        auto e = AlertRules::evaluate(s, AlertConfig());
        QVERIFY(e.evaluatedRules.contains(AlertRules::overdueRule()));
        QVERIFY(e.holding.isEmpty());
        s.expectations.first().createdAt = m_now.addSecs(-3601);
        e = AlertRules::evaluate(s, AlertConfig());
        QCOMPARE(keys(e), QStringList{QStringLiteral("processing_overdue/msgbatch_slow/")});
        const QString msg = e.holding.first().alert.message;
        QVERIFY2(msg.contains(QStringLiteral("msgbatch_slow")) &&
                     msg.contains(QStringLiteral("1.0 h")) &&
                     msg.contains(QStringLiteral("0.5 h")) && msg.contains(QStringLiteral("retry")),
                 qPrintable(msg));
        // Too little history: no verdict.
        AlertConfig config;
        config.overdueMinSamples = 4;
        QVERIFY(AlertRules::evaluate(s, config).holding.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
