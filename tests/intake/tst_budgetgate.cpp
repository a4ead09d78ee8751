// The budget gate against a real SQLite ledger: the exact edge of every kind of budget (USD and
// input tokens, all models and one, day and month), reservations that count while a batch is in
// flight and give way to its actual cost once ingested, abandoned drafts that release theirs,
// a recorded override, and the expected cost from the output this ledger has seen.
#include "../ledger/ledgertesthelpers.h"
#include "cost/pricebook.h"
#include "intake/budgetgate.h"
#include "ledger/batchrecord.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/settingsstore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::ledgertest;
using Kind = BudgetSetting::Kind;
using Period = BudgetSetting::Period;
using Estimate = JsonlScanner::ModelEstimate;

namespace {

const QString kHaiku = QStringLiteral("claude-haiku-5-5");
const QString kSonnet = QStringLiteral("claude-sonnet-5");
// "Now" for every test: the 15th, so the month holds earlier days.
const QDateTime kNow(QDate(2026, 11, 15), QTime(12, 0), Qt::UTC);

Estimate estimate(const QString& model, Money worst, qint64 inputTokens, qint64 maxOutput = 1000,
                  Money worstOutput = 0) {
    Estimate e;
    e.model = model;
    e.priced = true;
    e.requests = 2;
    e.inputTokens = inputTokens;
    e.maxOutputTokens = maxOutput;
    e.worstCaseMicros = worst;
    e.worstCaseOutputMicros = worstOutput;
    e.expectedMicros = worst;
    return e;
}

qint64 draftCount(Ledger& ledger) {
    qint64 n = 0;
    for (const DraftInfo& d : DraftStore(ledger).unattached())
        n += d.state == DraftInfo::State::Stored ? 1 : 0;
    return n;
}

} // namespace

class TestBudgetGate : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    PriceBook m_prices = PriceBook::load();
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

    // Ingested results: today haiku $0.001000 / 150 input tokens (100 + 20 written + 30 read
    // from the cache), sonnet $0.005000 / 500; on the 2nd haiku $0.000300 / 40; last month
    // haiku $0.900000 / 9000 (counts in no current period).
    void seedActuals(Ledger& ledger) {
        const MessageBatch b =
            makeBatch(QStringLiteral("msgbatch_old"), MessageBatch::Status::Ended);
        QVERIFY(BatchStore(ledger).upsert(b));
        auto today = makeResult(b.id, QStringLiteral("1"), kHaiku, 100, 10, 1000);
        today.usage.cacheCreationInputTokens = 20;
        today.usage.cacheReadInputTokens = 30;
        today.day = kNow.date();
        auto other = makeResult(b.id, QStringLiteral("2"), kSonnet, 500, 10, 5000);
        other.day = kNow.date();
        auto earlier = makeResult(b.id, QStringLiteral("3"), kHaiku, 40, 10, 300);
        earlier.day = QDate(2026, 11, 2);
        auto lastMonth = makeResult(b.id, QStringLiteral("4"), kHaiku, 9000, 10, 900000);
        lastMonth.day = QDate(2026, 10, 31);
        QCOMPARE(ResultStore(ledger).insert({today, other, earlier, lastMonth}), qint64(4));
        QVERIFY(BatchStore(ledger).markResultsIngested(b.id, kNow));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_prices.find(kHaiku));
    }

    // spent + this file == limit passes; one unit less is blocked, and then nothing is written.
    void exactEdge_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("period");
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("spent");
        QTest::addColumn<qint64>("thisFile");
        const qint64 usd = 700, tokens = 60; // the file: haiku only
        QTest::newRow("usd day all")
            << int(Kind::Usd) << int(Period::Day) << QString() << qint64(6000) << usd;
        QTest::newRow("usd month all")
            << int(Kind::Usd) << int(Period::Month) << QString() << qint64(6300) << usd;
        QTest::newRow("usd day haiku")
            << int(Kind::Usd) << int(Period::Day) << kHaiku << qint64(1000) << usd;
        QTest::newRow("usd month haiku")
            << int(Kind::Usd) << int(Period::Month) << kHaiku << qint64(1300) << usd;
        QTest::newRow("usd day sonnet (file does not count)")
            << int(Kind::Usd) << int(Period::Day) << kSonnet << qint64(5000) << qint64(0);
        QTest::newRow("tokens day all")
            << int(Kind::InputTokens) << int(Period::Day) << QString() << qint64(650) << tokens;
        QTest::newRow("tokens month all")
            << int(Kind::InputTokens) << int(Period::Month) << QString() << qint64(690) << tokens;
        QTest::newRow("tokens day haiku")
            << int(Kind::InputTokens) << int(Period::Day) << kHaiku << qint64(150) << tokens;
        QTest::newRow("tokens month haiku")
            << int(Kind::InputTokens) << int(Period::Month) << kHaiku << qint64(190) << tokens;
    }
    void exactEdge() {
        QFETCH(int, kind);
        QFETCH(int, period);
        QFETCH(QString, model);
        QFETCH(qint64, spent);
        QFETCH(qint64, thisFile);
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        seedActuals(ledger);
        const QList<Estimate> file{estimate(kHaiku, 700, 60)};
        BudgetGate gate(ledger, m_prices);
        for (const qint64 slack : {qint64(0), qint64(-1)}) {
            BudgetSetting b{QStringLiteral("b"), spent + thisFile + slack, Period(period),
                            Kind(kind), model};
            QVERIFY(SettingsStore(ledger).setBudget(b));
            const BudgetGate::Verdict v = gate.evaluate(file, kNow);
            QVERIFY2(ledger.lastError().isEmpty(), qPrintable(ledger.lastError()));
            QCOMPARE(v.lines.size(), 1);
            QCOMPARE(v.lines.first().spent, spent);
            QCOMPARE(v.lines.first().inFlight, qint64(0));
            QCOMPARE(v.lines.first().thisFile, thisFile);
            // A file that adds nothing to this budget never passes it, even one over.
            const bool blocked = slack < 0 && thisFile > 0;
            QCOMPARE(v.blocked(), blocked);
            const qint64 before = draftCount(ledger);
            const BudgetGate::Reservation r =
                gate.reserve(BatchLocal(), {file}, QString(), QStringLiteral("kim"), kNow);
            QCOMPARE(r.blocked, blocked);
            QCOMPARE(r.ok, !blocked);
            QCOMPARE(draftCount(ledger), before + (blocked ? 0 : 1));
            QCOMPARE(r.localIds.size(), blocked ? 0 : 1);
            if (r.ok) // release it for the next round
                QVERIFY(DraftStore(ledger).abandon(r.localIds.first(), QStringLiteral("test")));
        }
    }

    void zeroIsALimit() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(SettingsStore(ledger).setBudget({QStringLiteral("frozen"), 0, Period::Day}));
        BudgetGate gate(ledger, m_prices);
        QVERIFY(gate.evaluate({estimate(kHaiku, 1, 1)}, kNow).blocked());
        QVERIFY(!gate.evaluate({estimate(kHaiku, 0, 1)}, kNow).blocked());
    }

    // A USD budget cannot bound a model without a price: blocked, whatever the limit.
    void unpricedModelBlocksUsd() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(
            SettingsStore(ledger).setBudget({QStringLiteral("big"), 1'000'000'000, Period::Day}));
        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("tokens"), 1'000'000, Period::Day, Kind::InputTokens}));
        Estimate e = estimate(QStringLiteral("claude-nope-1"), 0, 10);
        e.priced = false;
        const BudgetGate::Verdict v = BudgetGate(ledger, m_prices).evaluate({e}, kNow);
        QCOMPARE(v.lines.size(), 2);
        QVERIFY(v.lines.at(0).blocked && v.lines.at(0).unpriced);
        QVERIFY(!v.lines.at(1).blocked);
    }

    // A reservation counts from the moment the drafts exist until its batch's results are in;
    // then the actual cost counts instead (never both, never neither).
    void inFlightUntilIngested() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(SettingsStore(ledger).setBudget({QStringLiteral("usd"), 10'000, Period::Day}));
        QVERIFY(SettingsStore(ledger).setBudget(
            {QStringLiteral("tok"), 1000, Period::Day, Kind::InputTokens, kHaiku}));
        BudgetGate gate(ledger, m_prices);
        // Two parts of one file: two drafts, each with its own reservation.
        const BudgetGate::Reservation r = gate.reserve(
            BatchLocal(), {{estimate(kHaiku, 3000, 200)}, {estimate(kHaiku, 1000, 100)}}, QString(),
            QStringLiteral("kim"), kNow);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.localIds.size(), 2);
        QCOMPARE(BudgetStore(ledger).ofDraft(r.localIds.at(0)).first().worstCaseMicros,
                 Money(3000));
        auto lines = gate.evaluate({}, kNow).lines;
        QCOMPARE(lines.at(0).inFlight, qint64(100 + 200)); // "tok" sorts before "usd"
        QCOMPARE(lines.at(1).inFlight, qint64(4000));
        // This file would take "usd" to 4000 + 6001 > 10000: blocked by what is in flight.
        QVERIFY(gate.evaluate({estimate(kHaiku, 6001, 1)}, kNow).blocked());
        QVERIFY(!gate.evaluate({estimate(kHaiku, 6000, 1)}, kNow).blocked());

        // The first draft is created: still in flight while its batch runs and ends.
        MessageBatch created = makeBatch(QStringLiteral("msgbatch_new"));
        QVERIFY(DraftStore(ledger).markCreating(r.localIds.at(0)));
        QVERIFY(DraftStore(ledger).attach(r.localIds.at(0), created));
        QCOMPARE(gate.evaluate({}, kNow).lines.at(1).inFlight, qint64(4000));
        created = makeBatch(created.id, MessageBatch::Status::Ended);
        QVERIFY(BatchStore(ledger).upsert(created));
        auto row = makeResult(created.id, QStringLiteral("1"), kHaiku, 120, 10, 1234);
        row.day = kNow.date();
        QCOMPARE(ResultStore(ledger).insert({row}), qint64(1));
        // Results arriving but not all in: the reservation still stands (counted twice at worst,
        // never under).
        QCOMPARE(gate.evaluate({}, kNow).lines.at(1).inFlight, qint64(4000));
        QVERIFY(BatchStore(ledger).markResultsIngested(created.id, kNow));
        lines = gate.evaluate({}, kNow).lines;
        QCOMPARE(lines.at(1).inFlight, qint64(1000));
        QCOMPARE(lines.at(1).spent, qint64(1234));
        QCOMPARE(lines.at(0).inFlight, qint64(100));
        QCOMPARE(lines.at(0).spent, qint64(120));

        // An abandoned draft releases its reservation.
        QVERIFY(DraftStore(ledger).abandon(r.localIds.at(1), QStringLiteral("cancelled")));
        lines = gate.evaluate({}, kNow).lines;
        QCOMPARE(lines.at(1).inFlight, qint64(0));
        QCOMPARE(lines.at(0).inFlight, qint64(0));
    }

    // A batch whose results will never be ingested (gone from the server, or archived) stops
    // holding its reservation, as it stops waiting for ingestion.
    void goneOrArchivedReleases() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(SettingsStore(ledger).setBudget({QStringLiteral("usd"), 10'000, Period::Day}));
        BudgetGate gate(ledger, m_prices);
        const auto r =
            gate.reserve(BatchLocal(), {{estimate(kHaiku, 100, 1)}, {estimate(kHaiku, 200, 1)}},
                         QString(), QStringLiteral("kim"), kNow);
        QVERIFY(r.ok);
        MessageBatch gone = makeBatch(QStringLiteral("msgbatch_gone"));
        MessageBatch archived = makeBatch(QStringLiteral("msgbatch_archived"));
        QVERIFY(DraftStore(ledger).markCreating(r.localIds.at(0)));
        QVERIFY(DraftStore(ledger).attach(r.localIds.at(0), gone));
        QVERIFY(DraftStore(ledger).markCreating(r.localIds.at(1)));
        QVERIFY(DraftStore(ledger).attach(r.localIds.at(1), archived));
        QCOMPARE(gate.evaluate({}, kNow).lines.first().inFlight, qint64(300));
        QVERIFY(BatchStore(ledger).markGone(gone.id, kNow));
        QCOMPARE(gate.evaluate({}, kNow).lines.first().inFlight, qint64(200));
        archived = makeBatch(archived.id, MessageBatch::Status::Ended);
        archived.archivedAt = kNow;
        QVERIFY(BatchStore(ledger).upsert(archived));
        QCOMPARE(gate.evaluate({}, kNow).lines.first().inFlight, qint64(0));
    }

    void overrideIsRecorded() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        seedActuals(ledger);
        QVERIFY(SettingsStore(ledger).setBudget({QStringLiteral("daily"), 6500, Period::Day}));
        BudgetGate gate(ledger, m_prices);
        const QList<QList<Estimate>> file{{estimate(kHaiku, 700, 60)}};
        // A blank reason is no reason: blocked, nothing written.
        const BudgetGate::Reservation blank =
            gate.reserve(BatchLocal(), file, QStringLiteral("   "), QStringLiteral("kim"), kNow);
        QVERIFY(blank.blocked);
        QCOMPARE(draftCount(ledger), qint64(0));
        QVERIFY(BudgetStore(ledger).overrides().isEmpty());

        const BudgetGate::Reservation r =
            gate.reserve(BatchLocal(), file, QStringLiteral("  quarter-end report  "),
                         QStringLiteral("kim"), kNow);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!r.blocked);
        QVERIFY(r.verdict.blocked());
        QCOMPARE(draftCount(ledger), qint64(1));
        const auto overrides = BudgetStore(ledger).overrides();
        QCOMPARE(overrides.size(), 1);
        const BudgetStore::Override& o = overrides.first();
        QCOMPARE(o.id, r.overrideId);
        QCOMPARE(o.user, QStringLiteral("kim"));
        QCOMPARE(o.reason, QStringLiteral("quarter-end report"));
        QCOMPARE(o.at, kNow);
        QCOMPARE(o.localIds, r.localIds);
        const QJsonObject line = o.figures[u"budgets"].toArray().first().toObject();
        QCOMPARE(line[u"budget"].toString(), QStringLiteral("daily"));
        QCOMPARE(line[u"spent"].toInteger(), 6000);
        QCOMPARE(line[u"in_flight"].toInteger(), 0);
        QCOMPARE(line[u"this_file"].toInteger(), 700);
        QCOMPARE(line[u"limit"].toInteger(), 6500);
        QVERIFY(line[u"blocked"].toBool());
        // Without a blocked verdict nothing is recorded.
        QVERIFY(SettingsStore(ledger).setBudget({QStringLiteral("daily"), 1'000'000, Period::Day}));
        const auto plain = gate.reserve(BatchLocal(), file, QStringLiteral("why not"),
                                        QStringLiteral("kim"), kNow);
        QVERIFY(plain.ok);
        QCOMPARE(plain.overrideId, qint64(-1));
        QCOMPARE(BudgetStore(ledger).overrides().size(), 1);
    }

    // Expected cost: the output share at the ratio of actual output to max_tokens of this
    // model's ingested batches; the worst case without history.
    void expectedFromHistory() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        BudgetGate gate(ledger, m_prices);
        QList<Estimate> file{estimate(kHaiku, 1000, 60, 4000, 800),
                             estimate(kSonnet, 5000, 60, 4000, 4000)};
        gate.addExpected(&file);
        QCOMPARE(file.at(0).expectedMicros, qint64(1000)); // no history: the worst case
        // One haiku batch: max_tokens 1000 reserved, 250 output tokens produced: ratio 1/4.
        const auto r = gate.reserve(BatchLocal(), {{estimate(kHaiku, 900, 10, 1000, 500)}},
                                    QString(), QStringLiteral("kim"), kNow);
        QVERIFY(r.ok);
        MessageBatch b = makeBatch(QStringLiteral("msgbatch_h"), MessageBatch::Status::Ended);
        QVERIFY(DraftStore(ledger).markCreating(r.localIds.first()));
        QVERIFY(DraftStore(ledger).attach(r.localIds.first(), b));
        QVERIFY(BatchStore(ledger).upsert(b));
        QCOMPARE(
            ResultStore(ledger).insert({makeResult(b.id, QStringLiteral("1"), kHaiku, 5, 100, 1),
                                        makeResult(b.id, QStringLiteral("2"), kHaiku, 5, 150, 1)}),
            qint64(2));
        gate.addExpected(&file);
        QCOMPARE(file.at(0).expectedMicros, qint64(1000)); // not ingested yet: no history
        QVERIFY(BatchStore(ledger).markResultsIngested(b.id, kNow));
        gate.addExpected(&file);
        QCOMPARE(file.at(0).expectedMicros, qint64(200 + 800 / 4));
        QCOMPARE(file.at(1).expectedMicros, qint64(5000)); // another model: no history
    }
};

QTEST_GUILESS_MAIN(TestBudgetGate)
#include "tst_budgetgate.moc"
