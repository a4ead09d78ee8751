#include "../ledger/ledgertesthelpers.h"
#include "alerts/alertengine.h"
#include "alerts/alertrules.h"
#include "ledger/alertlog.h"
#include "ledger/alertstate.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/settingsstore.h"

#include <QAtomicInt>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using namespace bs::ledgertest;

// Edge-triggered firing through the ledger: once per (rule, subject, period), across a restart
// and across several connections racing, again only after the condition cleared and returned.
class TestAlertState : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }
    const QDateTime m_now{QDate(2026, 11, 29), QTime(12, 0), Qt::UTC};

    static AlertCondition cond(const QString& rule, const QString& subject,
                               const QString& period = QString()) {
        AlertCondition c;
        c.key = {rule, subject, period};
        c.alert.severity = QStringLiteral("warning");
        c.alert.message = QStringLiteral("%1 about %2").arg(rule, subject);
        return c;
    }

    static int fireCount(Ledger& ledger, const QList<AlertCondition>& holding,
                         const QStringList& rules, const QDateTime& now) {
        QList<AlertState::Fired> fired;
        if (!AlertState(ledger).apply(holding, rules, now, false, &fired))
            return -1;
        return int(fired.size());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void firesOnceUntilCleared() {
        const QString path = freshPath();
        const QStringList rules{QStringLiteral("errored_share")};
        const auto c = cond(QStringLiteral("errored_share"), QStringLiteral("msgbatch_a"));
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
            QList<AlertState::Fired> fired;
            QVERIFY(AlertState(ledger).apply({c}, rules, m_now, true, &fired));
            QCOMPARE(fired.size(), 1);
            const auto logged = AlertLog(ledger).find(fired.first().alertId);
            QVERIFY(logged);
            QCOMPARE(logged->kind, QStringLiteral("errored_share"));
            QCOMPARE(logged->subject, QStringLiteral("msgbatch_a"));
            QCOMPARE(logged->delivery, AlertRecord::Delivery::Pending);
            QCOMPARE(logged->at, m_now);
            QCOMPARE(fireCount(ledger, {c}, rules, m_now.addSecs(60)), 0);
        }
        // A restart: the state is in the ledger.
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QCOMPARE(fireCount(ledger, {c}, rules, m_now.addSecs(120)), 0);
        // Another rule's evaluation does not clear it.
        QCOMPARE(fireCount(ledger, {}, {QStringLiteral("budget")}, m_now.addSecs(180)), 0);
        QCOMPARE(AlertState(ledger).active().size(), 1);
        QCOMPARE(fireCount(ledger, {c}, rules, m_now.addSecs(240)), 0);
        // Cleared by its own rule, then returning: fires again.
        QCOMPARE(fireCount(ledger, {}, rules, m_now.addSecs(300)), 0);
        QVERIFY(AlertState(ledger).active().isEmpty());
        QCOMPARE(fireCount(ledger, {c}, rules, m_now.addSecs(360)), 1);
        QCOMPARE(AlertLog(ledger).recent().size(), 2);
    }

    // Quiet conditions hold their state without a log entry: they never fire later.
    void quietIsHeldNotLogged() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        auto low =
            cond(QStringLiteral("budget"), QStringLiteral("m@50"), QStringLiteral("2026-11"));
        low.quiet = true;
        const auto high =
            cond(QStringLiteral("budget"), QStringLiteral("m@80"), QStringLiteral("2026-11"));
        const QStringList rules{QStringLiteral("budget")};
        QCOMPARE(fireCount(ledger, {low, high}, rules, m_now), 1);
        QCOMPARE(AlertLog(ledger).recent().size(), 1);
        QCOMPARE(AlertState(ledger).active().size(), 2);
        low.quiet = false;
        QCOMPARE(fireCount(ledger, {low, high}, rules, m_now.addSecs(60)), 0);
        // A new period is a new key: it fires, and the old period's rows clear.
        const auto next =
            cond(QStringLiteral("budget"), QStringLiteral("m@80"), QStringLiteral("2026-12"));
        QCOMPARE(fireCount(ledger, {next}, rules, m_now.addDays(3)), 1);
        QCOMPARE(AlertState(ledger).active().size(), 1);
    }

    // Several connections (as several watchers) apply the same conditions at the same moment:
    // the write transaction makes exactly one of them fire each.
    void racingConnectionsFireOnce() {
        const QString path = freshPath();
        {
            Ledger init;
            QVERIFY(init.open(path));
        }
        const QList<AlertCondition> holding{
            cond(QStringLiteral("errored_share"), QStringLiteral("msgbatch_a")),
            cond(QStringLiteral("unpriced_model"), QStringLiteral("claude-x")),
            cond(QStringLiteral("budget"), QStringLiteral("m@100"), QStringLiteral("2026-11"))};
        const QStringList rules{QStringLiteral("errored_share"), QStringLiteral("unpriced_model"),
                                QStringLiteral("budget")};
        constexpr int kWatchers = 6;
        QAtomicInt fired = 0;
        QAtomicInt failures = 0;
        QSemaphore ready, go;
        QList<QThread*> threads;
        for (int i = 0; i < kWatchers; ++i) {
            threads << QThread::create([&, i] {
                Ledger ledger;
                if (!ledger.open(path)) {
                    failures.fetchAndAddOrdered(1);
                    ready.release();
                    return;
                }
                ready.release();
                go.acquire();
                QList<AlertState::Fired> out;
                if (!AlertState(ledger).apply(holding, rules, m_now.addSecs(i), false, &out))
                    failures.fetchAndAddOrdered(1);
                fired.fetchAndAddOrdered(int(out.size()));
            });
            threads.last()->start();
        }
        ready.acquire(kWatchers);
        go.release(kWatchers);
        for (QThread* t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(failures.loadAcquire(), 0);
        QCOMPARE(fired.loadAcquire(), 3);
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QCOMPARE(AlertLog(ledger).recent().size(), 3);
    }

    // The engine reads the ledger through its stores: a budget and results make the budget and
    // unpriced-model rules fire, once.
    void engineOverALedger() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("monthly"), 10'000, BudgetSetting::Period::Month}));
        QVERIFY(SettingsStore(ledger).setValue(QStringLiteral("alerts/budget_percents"),
                                               QStringLiteral("50, 90")));
        const MessageBatch b =
            makeBatch(QStringLiteral("msgbatch_e"), MessageBatch::Status::Ended, 2);
        QVERIFY(BatchStore(ledger).upsert(b));
        auto r1 =
            makeResult(b.id, QStringLiteral("1"), QStringLiteral("claude-opus-5-5"), 10, 1, 6'000);
        r1.day = m_now.date();
        auto r2 = makeResult(b.id, QStringLiteral("2"), QStringLiteral("claude-unknown"), 10, 1, 0);
        r2.priced = false;
        r2.day = m_now.date();
        QCOMPARE(ResultStore(ledger).insert({r1, r2}), qint64(2));

        AlertEngine engine(ledger);
        QList<AlertState::Fired> fired;
        QVERIFY2(engine.run(m_now, AlertSnapshot(), false, &fired), qPrintable(ledger.lastError()));
        QStringList kinds;
        for (const auto& f : fired)
            kinds << f.condition.key.rule + QLatin1Char('/') + f.condition.key.subject;
        kinds.sort();
        QCOMPARE(kinds, (QStringList{QStringLiteral("budget/monthly@50"),
                                     QStringLiteral("unpriced_model/claude-unknown")}));
        QVERIFY(engine.run(m_now.addSecs(60), AlertSnapshot(), false, &fired));
        QVERIFY(fired.isEmpty());
    }

    // Through a real ledger: a USD budget of one model counts that model only (as the gate
    // does), a daily input-token budget counts tokens (cache reads too), and a batch in progress
    // past the P95 of three ended batches like it (their drafts' model and size) is overdue.
    void engineBudgetsOfEveryKindAndOverdue() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        SettingsStore settings(ledger);
        QVERIFY(
            settings.setBudget({QStringLiteral("opus-usd"), 10'000, BudgetSetting::Period::Month,
                                BudgetSetting::Kind::Usd, QStringLiteral("claude-opus-5-5")}));
        QVERIFY(
            settings.setBudget({QStringLiteral("haiku-usd"), 10'000, BudgetSetting::Period::Month,
                                BudgetSetting::Kind::Usd, QStringLiteral("claude-haiku-5-5")}));
        QVERIFY(settings.setBudget({QStringLiteral("daily-tokens"), 1'000,
                                    BudgetSetting::Period::Day, BudgetSetting::Kind::InputTokens}));
        // History: three ended haiku batches of 400 requests, 1, 2 and 3 hours long.
        auto draft = [&](const QString& model, qint64 requests) {
            const QString local = DraftStore(ledger).create(BatchLocal{});
            BudgetStore::Reservation r;
            r.model = model;
            r.requests = requests;
            r.inputTokens = requests * 10;
            r.worstCaseMicros = requests;
            BudgetStore(ledger).addReservations(local, {r});
            return local;
        };
        for (int i = 1; i <= 3; ++i) {
            MessageBatch b =
                makeBatch(QStringLiteral("msgbatch_h%1").arg(i), MessageBatch::Status::Ended, 400);
            b.createdAt = m_now.addDays(-1);
            b.endedAt = b.createdAt.addSecs(3600 * i);
            QVERIFY2(DraftStore(ledger).attach(draft(QStringLiteral("claude-haiku-5-5"), 400), b),
                     qPrintable(ledger.lastError()));
        }
        MessageBatch slow =
            makeBatch(QStringLiteral("msgbatch_slow"), MessageBatch::Status::InProgress, 300);
        slow.createdAt = m_now.addSecs(-3 * 3600 - 60);
        slow.expiresAt = slow.createdAt.addDays(1);
        QVERIFY(DraftStore(ledger).attach(draft(QStringLiteral("claude-haiku-5-5"), 300), slow));
        MessageBatch young =
            makeBatch(QStringLiteral("msgbatch_young"), MessageBatch::Status::InProgress, 300);
        young.createdAt = m_now.addSecs(-3 * 3600 + 60);
        young.expiresAt = young.createdAt.addDays(1);
        QVERIFY(DraftStore(ledger).attach(draft(QStringLiteral("claude-haiku-5-5"), 300), young));

        auto r1 = makeResult(QStringLiteral("msgbatch_h1"), QStringLiteral("1"),
                             QStringLiteral("claude-opus-5-5"), 700, 1, 6'000);
        r1.usage.cacheReadInputTokens = 300; // 1,000 input tokens in all: the daily limit
        r1.day = m_now.date();
        auto r2 = makeResult(QStringLiteral("msgbatch_h1"), QStringLiteral("2"),
                             QStringLiteral("claude-haiku-5-5"), 0, 1, 1'000);
        r2.day = m_now.date();
        QCOMPARE(ResultStore(ledger).insert({r1, r2}), qint64(2));

        AlertEngine engine(ledger, PriceBook::builtIn());
        QList<AlertState::Fired> fired;
        QVERIFY2(engine.run(m_now, AlertSnapshot(), false, &fired), qPrintable(ledger.lastError()));
        QStringList kinds;
        QString overdue;
        for (const auto& f : fired) {
            kinds << f.condition.key.rule + QLatin1Char('/') + f.condition.key.subject;
            if (f.condition.key.rule == AlertRules::overdueRule())
                overdue = f.condition.alert.message;
        }
        kinds.sort();
        // opus: 60 % of its budget; haiku: 10 % (nothing); tokens: used up.
        QCOMPARE(kinds, (QStringList{QStringLiteral("budget/daily-tokens@100"),
                                     QStringLiteral("budget/opus-usd@50"),
                                     QStringLiteral("processing_overdue/msgbatch_slow")}));
        QVERIFY2(overdue.contains(QStringLiteral("3 ended batches")) &&
                     overdue.contains(QStringLiteral("3.0 h at P95")),
                 qPrintable(overdue));
    }
};

QTEST_GUILESS_MAIN(TestAlertState)
#include "tst_alertstate.moc"
