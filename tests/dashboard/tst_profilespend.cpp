// Issue 11, "the dashboard and budgets can be filtered by profile": on a generated ledger with two
// profiles, the spend dashboard's series for each profile equals a direct SQL over that profile's
// results (per day, per model, processing times, in flight) and the two add up to "All
// profiles"; the budgets editor shows, beside each budget, the chosen profile's spent and in
// flight equal to a direct SQL, and with "All profiles" the gate's own figures. The GUI thread
// runs no SQL meanwhile (the ledger's main-thread guard).
#include "../ledger/ledgertesthelpers.h"
#include "cost/pricebook.h"
#include "dashboard/spenddashboard.h"
#include "intake/budgetgate.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/profilespend.h"
#include "ledger/resultstore.h"
#include "ledger/settingsstore.h"
#include "settings/budgetsdialog.h"
#include "settings/budgettablemodel.h"
#include "settings/profilebox.h"
#include "testenv.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::ui;
using namespace bs::ledgertest;

namespace {

const QString kHaiku = QStringLiteral("claude-haiku-4-5");
const QString kSonnet = QStringLiteral("claude-sonnet-5-5");
const QString kProd = QStringLiteral("prod");
const QString kStaging = QStringLiteral("staging");

struct Row {
    QString model;
    qint64 input = 0, output = 0;
    Money cost = 0;
};

// A batch submitted under `profile` from a draft reserving `models`, ended on `ended`, with its
// results (dated on that day) ingested.
void addBatch(Ledger& ledger, const QString& profile, const QString& id, const QDateTime& ended,
              const QStringList& models, const QList<Row>& rows) {
    BatchLocal local;
    local.profile = profile;
    const QString draft = DraftStore(ledger).create(local);
    QVERIFY(!draft.isEmpty());
    QList<BudgetStore::Reservation> reservations;
    for (const QString& m : models) {
        BudgetStore::Reservation r;
        r.model = m;
        r.requests = 1;
        r.inputTokens = 10;
        r.worstCaseMicros = 1000;
        reservations.append(r);
    }
    QVERIFY(BudgetStore(ledger).addReservations(draft, reservations));
    MessageBatch b = makeBatch(id);
    QVERIFY(DraftStore(ledger).attach(draft, b));
    b = makeBatch(id, MessageBatch::Status::Ended, rows.size());
    b.createdAt = ended.addSecs(-3600 * (1 + rows.size()));
    b.endedAt = ended;
    QVERIFY(BatchStore(ledger).upsert(b));
    QList<ResultRow> results;
    for (int i = 0; i < rows.size(); ++i) {
        ResultRow r = makeResult(id, QString::number(i), rows[i].model, rows[i].input,
                                 rows[i].output, rows[i].cost);
        r.day = ended.date();
        results.append(r);
    }
    QCOMPARE(ResultStore(ledger).insert(results), qint64(results.size()));
    QVERIFY(BatchStore(ledger).markResultsIngested(id, QDateTime::currentDateTimeUtc()));
    QCOMPARE(BatchStore(ledger).find(id)->local.profile, profile);
}

// A draft of `profile` still stored: in flight with its worst case.
void addInFlight(Ledger& ledger, const QString& profile, const QString& model, Money worst,
                 qint64 tokens) {
    BatchLocal local;
    local.profile = profile;
    const QString draft = DraftStore(ledger).create(local);
    QVERIFY(!draft.isEmpty());
    BudgetStore::Reservation r;
    r.model = model;
    r.requests = 2;
    r.inputTokens = tokens;
    r.maxOutputTokens = 100;
    r.worstCaseMicros = worst;
    QVERIFY(BudgetStore(ledger).addReservations(draft, {r}));
}

// A raw connection beside the Ledger, for the direct SQL the figures are checked against.
QSqlDatabase rawDb(const Ledger& ledger) {
    const QString name = QStringLiteral("direct:") + ledger.path();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(ledger.path());
    db.open();
    return db;
}

qint64 scalar(Ledger& ledger, const QString& sql, const QVariantList& binds) {
    QSqlQuery q(rawDb(ledger));
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        qFatal("%s", qPrintable(sql));
    return q.value(0).toLongLong();
}

// The figures of one day from the profile's results (profile "": every result).
struct DayFigures {
    Money micros = 0;
    qint64 results = 0, input = 0, output = 0, ended = 0;
    bool operator==(const DayFigures&) const = default;
};

DayFigures direct(Ledger& ledger, const QString& profile, QDate day) {
    const QString p = QStringLiteral(" AND (COALESCE(?, '') = '' OR b.profile = ?)");
    const QString d = day.toString(Qt::ISODate);
    DayFigures f;
    const QString from = QStringLiteral(" FROM results r JOIN batches b ON b.id = r.batch_id "
                                        "WHERE r.day = ?") +
                         p;
    f.micros = scalar(ledger, QStringLiteral("SELECT COALESCE(SUM(r.cost_micros), 0)") + from,
                      {d, profile, profile});
    f.results = scalar(ledger, QStringLiteral("SELECT COUNT(*)") + from, {d, profile, profile});
    f.input = scalar(ledger, QStringLiteral("SELECT COALESCE(SUM(r.input_tokens), 0)") + from,
                     {d, profile, profile});
    f.output = scalar(ledger, QStringLiteral("SELECT COALESCE(SUM(r.output_tokens), 0)") + from,
                      {d, profile, profile});
    f.ended = scalar(ledger,
                     QStringLiteral("SELECT COUNT(*) FROM batches b WHERE substr(b.ended_at, 1, "
                                    "10) = ?") +
                         p,
                     {d, profile, profile});
    return f;
}

DayFigures ofSeries(const SpendDay& d) {
    return {d.micros, d.results, d.tokens.input, d.tokens.output, d.batchesEnded};
}

// What the profile's drafts hold in flight, by BudgetStore's rule ("": every draft).
qint64 inFlightOf(Ledger& ledger, const QString& profile, const QString& column,
                  const QString& model = {}) {
    return scalar(ledger,
                  QStringLiteral("SELECT COALESCE(SUM(r.%1), 0) FROM draft_reservations r "
                                 "JOIN drafts d ON d.local_id = r.local_id "
                                 "LEFT JOIN batches b ON b.id = d.batch_id "
                                 "WHERE (COALESCE(?, '') = '' OR d.profile = ?) AND (COALESCE(?, "
                                 "'') = '' OR r.model = ?) "
                                 "AND (d.state IN ('stored', 'creating') OR (d.state = 'created' "
                                 "AND (b.id IS NULL OR (b.results_ingested_at IS NULL AND "
                                 "b.gone_at IS NULL AND b.archived_at IS NULL))))")
                      .arg(column),
                  {profile, profile, model, model});
}

bool waitApplied(SpendDashboard& d) {
    QSignalSpy spy(&d, &SpendDashboard::seriesApplied);
    return spy.wait(30000);
}

} // namespace

class TstProfileSpend : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dashboardLedger;
    QString m_budgetLedger;
    const QDate m_from{2026, 10, 3};
    const QDate m_to{2026, 10, 6};

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale::c());
        // The dashboard's ledger: prod has one-model batches and a batch of two models; staging
        // one-model batches only; one batch of each outside the range.
        m_dashboardLedger = m_dir.filePath(QStringLiteral("dashboard.sqlite"));
        Ledger ledger;
        QVERIFY(ledger.open(m_dashboardLedger));
        const auto at = [](QDate day, int hour) { return QDateTime(day, QTime(hour, 0), Qt::UTC); };
        addBatch(ledger, kProd, QStringLiteral("msgbatch_p1"), at({2026, 10, 3}, 9), {kHaiku},
                 {{kHaiku, 1000, 200, 120'000}, {kHaiku, 500, 100, 60'000}});
        addBatch(ledger, kProd, QStringLiteral("msgbatch_p2"), at({2026, 10, 4}, 23), {kSonnet},
                 {{kSonnet, 3000, 900, 2'100'000}});
        addBatch(ledger, kProd, QStringLiteral("msgbatch_p3"), at({2026, 10, 4}, 1),
                 {kHaiku, kSonnet}, {{kHaiku, 700, 70, 90'000}, {kSonnet, 800, 80, 700'000}});
        addBatch(ledger, kProd, QStringLiteral("msgbatch_p0"), at({2026, 10, 1}, 9), {kHaiku},
                 {{kHaiku, 9000, 900, 999'000}});
        addBatch(ledger, kStaging, QStringLiteral("msgbatch_s1"), at({2026, 10, 3}, 15), {kHaiku},
                 {{kHaiku, 4000, 400, 440'000}});
        addBatch(ledger, kStaging, QStringLiteral("msgbatch_s2"), at({2026, 10, 6}, 8), {kSonnet},
                 {{kSonnet, 6000, 600, 3'300'000}, {kSonnet, 100, 10, 50'000}});
        addBatch(ledger, kStaging, QStringLiteral("msgbatch_s3"), at({2026, 10, 6}, 20), {kHaiku},
                 {{kHaiku, 10, 1, 1'000}});
        addBatch(ledger, kStaging, QStringLiteral("msgbatch_s9"), at({2026, 10, 9}, 8), {kHaiku},
                 {{kHaiku, 10, 10, 7'000}});
        addInFlight(ledger, kProd, kHaiku, 300'000, 3000);
        addInFlight(ledger, kStaging, kSonnet, 700'000, 7000);

        // The budgets' ledger: today's batches of both profiles, one of prod last month, a draft
        // in flight each, three global budgets.
        m_budgetLedger = m_dir.filePath(QStringLiteral("budgets.sqlite"));
        Ledger b;
        QVERIFY(b.open(m_budgetLedger));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime today(now.date(), QTime(0, 0, 1), Qt::UTC);
        addBatch(b, kProd, QStringLiteral("msgbatch_bp1"), today, {kHaiku},
                 {{kHaiku, 1000, 10, 400'000}});
        addBatch(b, kProd, QStringLiteral("msgbatch_bp2"), today, {kSonnet},
                 {{kSonnet, 3000, 10, 1'100'000}});
        addBatch(b, kProd, QStringLiteral("msgbatch_bp0"), today.addMonths(-1).addDays(-1),
                 {kHaiku}, {{kHaiku, 9000, 10, 9'000'000}});
        addBatch(b, kStaging, QStringLiteral("msgbatch_bs1"), today, {kHaiku},
                 {{kHaiku, 2000, 10, 800'000}, {kHaiku, 200, 10, 80'000}});
        addInFlight(b, kProd, kHaiku, 250'000, 700);
        addInFlight(b, kStaging, kSonnet, 600'000, 1500);
        SettingsStore s(b);
        QVERIFY(s.setBudget({QStringLiteral("daily-usd"), 2'000'000, BudgetSetting::Period::Day}));
        QVERIFY(s.setBudget({QStringLiteral("haiku-month"), 500'000, BudgetSetting::Period::Month,
                             BudgetSetting::Kind::Usd, kHaiku}));
        QVERIFY(s.setBudget({QStringLiteral("daily-tokens"), 10'000, BudgetSetting::Period::Day,
                             BudgetSetting::Kind::InputTokens}));
    }

    void cleanup() { Ledger::setMainThreadGuard(false); }

    // Each profile's series equals a direct SQL over its results; the two add up to "All".
    void dashboardByProfileEqualsItsResults() {
        Ledger ledger;
        QVERIFY(ledger.open(m_dashboardLedger));
        QHash<QString, QList<DayFigures>> expected;
        for (const QString& p : {QString(), kProd, kStaging})
            for (QDate d = m_from; d <= m_to; d = d.addDays(1))
                expected[p].append(direct(ledger, p, d));
        // Per day and model for staging (one-model batches only), and prod's batch of two models.
        QHash<QString, Money> stagingByModel; // "day|model"
        {
            QSqlQuery q(rawDb(ledger));
            QVERIFY(q.exec(QStringLiteral(
                "SELECT r.day, r.model, SUM(r.cost_micros) FROM results r JOIN batches b ON "
                "b.id = r.batch_id WHERE b.profile = 'staging' GROUP BY r.day, r.model")));
            while (q.next())
                stagingByModel.insert(q.value(0).toString() + u'|' + q.value(1).toString(),
                                      q.value(2).toLongLong());
        }
        const Money several = scalar(
            ledger,
            QStringLiteral("SELECT SUM(cost_micros) FROM results WHERE batch_id = 'msgbatch_p3'"),
            {});
        QHash<QString, qint64> inFlight;
        for (const QString& p : {QString(), kProd, kStaging})
            inFlight[p] = inFlightOf(ledger, p, QStringLiteral("worst_case_micros"));
        QCOMPARE(inFlight.value(kProd), 300'000);
        QCOMPARE(inFlight.value(QString()), 1'000'000);

        LedgerWorker worker;
        worker.open(m_dashboardLedger);
        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        SpendDashboard dashboard;
        dashboard.resize(1000, 700);
        dashboard.show();
        dashboard.setRange(SpendDashboard::Range::Custom, m_from, m_to);
        dashboard.setWorker(&worker);
        QVERIFY(waitApplied(dashboard));
        auto* box = dashboard.findChild<ProfileBox*>(QStringLiteral("spendProfile"));
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(box->findData(kStaging) >= 0 && box->findData(kProd) >= 0, 30000);

        QHash<QString, SpendSeries> series;
        for (const QString& p : {QString(), kProd, kStaging}) {
            QSignalSpy applied(&dashboard, &SpendDashboard::seriesApplied);
            box->setCurrentIndex(box->findData(p.isEmpty() ? QString() : p)); // as a user does
            if (p.isEmpty()) // "All" is already chosen: read again
                dashboard.refresh();
            QVERIFY(applied.wait(30000));
            QCOMPARE(dashboard.profile(), p);
            series.insert(p, dashboard.series());
        }
        QCOMPARE(Ledger::mainThreadViolations(), violations); // no SQL on the GUI thread
        Ledger::setMainThreadGuard(false);

        for (const QString& p : {QString(), kProd, kStaging}) {
            const SpendSeries& s = series.value(p);
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
            QCOMPARE(s.days.size(), m_from.daysTo(m_to) + 1);
            for (qsizetype i = 0; i < s.days.size(); ++i) {
                const SpendDay& d = s.days.at(i);
                QCOMPARE(ofSeries(d).micros, expected.value(p).at(i).micros);
                QCOMPARE(ofSeries(d).results, expected.value(p).at(i).results);
                QCOMPARE(ofSeries(d).input, expected.value(p).at(i).input);
                QCOMPARE(ofSeries(d).output, expected.value(p).at(i).output);
                QCOMPARE(ofSeries(d).ended, expected.value(p).at(i).ended);
                Money byModel = 0;
                for (Money m : d.byModel)
                    byModel += m;
                QCOMPARE(byModel, d.micros);
            }
            QCOMPARE(s.inFlightMicros, inFlight.value(p));
        }
        // Staging per model; prod's batch of two models under "several models".
        const SpendSeries& staging = series.value(kStaging);
        for (const SpendDay& d : staging.days)
            for (int m = 0; m < staging.models.size(); ++m)
                QCOMPARE(d.byModel.at(m), stagingByModel.value(d.day.toString(Qt::ISODate) + u'|' +
                                                               staging.models.at(m)));
        const SpendSeries& prod = series.value(kProd);
        const int star = int(prod.models.indexOf(ProfileSpend::severalModels()));
        QVERIFY(star >= 0);
        QCOMPARE(prod.days.at(1).byModel.at(star), several);
        // The two profiles add up to all.
        const SpendSeries& all = series.value(QString());
        QVERIFY(all.totalMicros > 0);
        QCOMPARE(prod.totalMicros + staging.totalMicros, all.totalMicros);
        QCOMPARE(prod.results + staging.results, all.results);
        QCOMPARE(prod.inFlightMicros + staging.inFlightMicros, all.inFlightMicros);
        for (qsizetype i = 0; i < all.days.size(); ++i) {
            QCOMPARE(prod.days.at(i).micros + staging.days.at(i).micros, all.days.at(i).micros);
            QCOMPARE(prod.days.at(i).tokens.input + staging.days.at(i).tokens.input,
                     all.days.at(i).tokens.input);
            QCOMPARE(prod.days.at(i).batchesEnded + staging.days.at(i).batchesEnded,
                     all.days.at(i).batchesEnded);
        }
    }

    // Beside each budget, the chosen profile's spent and in flight equal a direct SQL; with all
    // profiles, the gate's own figures (which count every profile whatever is chosen).
    void budgetsByProfileEqualDirectSql() {
        Ledger ledger;
        QVERIFY(ledger.open(m_budgetLedger));
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QString day = today.toString(Qt::ISODate);
        const QString month = QDate(today.year(), today.month(), 1).toString(Qt::ISODate);
        const QList<BudgetGate::Line> gate =
            BudgetGate(ledger, PriceBook::load()).evaluate({}).lines;
        QCOMPARE(gate.size(), 3);
        const auto spent = [&](const QString& p, const QString& since, const QString& column,
                               const QString& model) {
            return scalar(ledger,
                          QStringLiteral("SELECT COALESCE(SUM(%1), 0) FROM results r JOIN batches "
                                         "b ON b.id = r.batch_id WHERE b.profile = ? AND r.day "
                                         ">= ? AND (COALESCE(?, '') = '' OR r.model = ?)")
                              .arg(column),
                          {p, since, model, model});
        };
        const QString tokens = QStringLiteral(
            "r.input_tokens + r.cache_creation_input_tokens + r.cache_read_input_tokens");
        struct Expect {
            qint64 spent, inFlight;
        };
        QHash<QString, QHash<QString, Expect>> expected; // profile -> budget -> figures
        for (const QString& p : {kProd, kStaging}) {
            expected[p][QStringLiteral("daily-usd")] = {
                spent(p, day, QStringLiteral("r.cost_micros"), {}),
                inFlightOf(ledger, p, QStringLiteral("worst_case_micros"))};
            expected[p][QStringLiteral("haiku-month")] = {
                spent(p, month, QStringLiteral("r.cost_micros"), kHaiku),
                inFlightOf(ledger, p, QStringLiteral("worst_case_micros"), kHaiku)};
            expected[p][QStringLiteral("daily-tokens")] = {
                spent(p, day, tokens, {}), inFlightOf(ledger, p, QStringLiteral("input_tokens"))};
        }
        QCOMPARE(expected[kProd][QStringLiteral("daily-usd")].spent, 1'500'000);
        QCOMPARE(expected[kStaging][QStringLiteral("daily-usd")].inFlight, 600'000);

        LedgerWorker worker;
        worker.open(m_budgetLedger);
        Ledger::setMainThreadGuard(true);
        const int violations = Ledger::mainThreadViolations();
        BudgetsDialog dialog(&worker);
        BudgetTableModel* model = dialog.model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&dialog, &BudgetsDialog::loaded);
        QVERIFY(loaded.wait(30000));
        auto* box = dialog.findChild<ProfileBox*>(QStringLiteral("budgetProfile"));
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(box->findData(kStaging) >= 0, 30000);
        const auto raw = [&](const QString& budget, int column) {
            return model->index(model->rowOf(budget), column)
                .data(BudgetTableModel::RawRole)
                .toLongLong();
        };
        const auto check = [&](const QString& p) {
            for (const BudgetGate::Line& line : gate) {
                // The gate's columns stay global.
                QCOMPARE(raw(line.budget, BudgetTableModel::Spent), line.spent);
                QCOMPARE(raw(line.budget, BudgetTableModel::InFlight), line.inFlight);
                QCOMPARE(raw(line.budget, BudgetTableModel::Remaining), line.remaining());
                const Expect e = p.isEmpty() ? Expect{line.spent, line.inFlight}
                                             : expected.value(p).value(line.budget);
                QCOMPARE(raw(line.budget, BudgetTableModel::ProfileSpent), e.spent);
                QCOMPARE(raw(line.budget, BudgetTableModel::ProfileInFlight), e.inFlight);
            }
        };
        check(QString());
        for (const QString& p : {kProd, kStaging, QString()}) {
            loaded.clear();
            dialog.setProfile(p);
            QVERIFY(loaded.wait(30000));
            QCOMPARE(model->profile(), p);
            check(p);
            if (!p.isEmpty())
                QVERIFY(model->headerData(BudgetTableModel::ProfileSpent, Qt::Horizontal)
                            .toString()
                            .contains(p));
        }
        QCOMPARE(Ledger::mainThreadViolations(), violations);
        Ledger::setMainThreadGuard(false);
        // The two profiles add up to the gate's figures (every batch here has a profile).
        for (const BudgetGate::Line& line : gate) {
            QCOMPARE(expected[kProd][line.budget].spent + expected[kStaging][line.budget].spent,
                     line.spent);
            QCOMPARE(expected[kProd][line.budget].inFlight +
                         expected[kStaging][line.budget].inFlight,
                     line.inFlight);
        }
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Batchscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Batchscope"));
    TstProfileSpend test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_profilespend.moc"
