// Reconciler (pure): the ledger's day_model_costs against cost report lines, and the exact
// parse of the report's amounts (decimal strings in cents).
#include "api/costreportjob.h"
#include "reconcile/reconciler.h"

#include <QTest>

using namespace bs;

namespace {

CostReportLine tokens(QDate day, const QString& model, qint64 pico,
                      const QString& tier = QStringLiteral("batch")) {
    CostReportLine l;
    l.day = day;
    l.costType = QStringLiteral("tokens");
    l.model = model;
    l.serviceTier = tier;
    l.tokenType = QStringLiteral("output_tokens");
    l.amountPicoUsd = pico;
    return l;
}

DayModelCost ledger(QDate day, const QString& model, Money micros, qint64 searches = 0,
                    qint64 unpriced = 0) {
    DayModelCost c;
    c.day = day;
    c.model = model;
    c.totals.micros = micros;
    c.totals.webSearchRequests = searches;
    c.totals.unpriced = unpriced;
    return c;
}

} // namespace

class TstReconciler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseCents() {
        qint64 v = 0;
        QVERIFY(CostReportJob::parseCents(QStringLiteral("123.45"), &v));
        QCOMPARE(v, qint64(1234500000000)); // $1.2345 in 10^-12 $
        QVERIFY(CostReportJob::parseCents(QStringLiteral("0.075625"), &v));
        QCOMPARE(v, qint64(756250000));
        QVERIFY(CostReportJob::parseCents(QStringLiteral("2"), &v));
        QCOMPARE(v, qint64(20000000000));
        QVERIFY(CostReportJob::parseCents(QStringLiteral("0.00000000019"), &v)); // beyond: cut
        QCOMPARE(v, qint64(1));
        QVERIFY(!CostReportJob::parseCents(QStringLiteral("1e3"), &v));
        QVERIFY(!CostReportJob::parseCents(QStringLiteral(""), &v));
        QVERIFY(!CostReportJob::parseCents(QStringLiteral("1."), &v));
    }

    void flagThreshold() {
        QVERIFY(!Reconciler::isFlagged(1000000, 1000000, 0));
        QVERIFY(!Reconciler::isFlagged(1010000, 1000000, 0)); // exactly 1 %: not over
        QVERIFY(Reconciler::isFlagged(1010001, 1000000, 0));
        QVERIFY(Reconciler::isFlagged(989999, 1000000, 0));
        QVERIFY(!Reconciler::isFlagged(1999, 1000, 0)); // 100 % but under $0.001
        QVERIFY(Reconciler::isFlagged(2000, 1000, 0));
        QVERIFY(Reconciler::isFlagged(5000, 0, 0)); // Anthropic says nothing was spent
        QVERIFY(Reconciler::isFlagged(0, 0, 3));    // unpriced results: cost unknown
    }

    void compare() {
        const QDate d1(2026, 11, 28), d2(2026, 11, 29);
        const QString opus = QStringLiteral("claude-opus-4-6");
        const QString haiku = QStringLiteral("claude-haiku-4-5-20251001");
        // Ledger: opus on d1 with 3 searches at $0.01 priced into its cost; haiku on d2 wrong;
        // results without a model ('') are free and left out.
        const QList<DayModelCost> l{ledger(d1, opus, 530000, 3), ledger(d1, QString(), 0),
                                    ledger(d2, haiku, 200000)};
        CostReportLine search;
        search.day = d1;
        search.costType = QStringLiteral("web_search");
        search.amountPicoUsd = 30000000000; // 3 cents
        const QList<CostReportLine> r{
            tokens(d1, opus, 400000000000),
            tokens(d1, opus, 100000400000),
            search,
            tokens(d2, haiku, 100000000000),
            tokens(d2, haiku, 999000000000000, QStringLiteral("standard")), // not batch: ignored
            tokens(d2.addDays(1), haiku, 1)};                               // out of range
        const ReconcileRows rows = Reconciler::compare(l, r, 10000, d1, d2.addDays(1));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].model, opus);
        QCOMPARE(rows[0].ledger, Money(500000));    // less the searches
        QCOMPARE(rows[0].anthropic, Money(500000)); // 500000.4 micros, half up
        QVERIFY(!rows[0].flagged);
        QCOMPARE(rows[1].kind, ReconcileRow::Kind::WebSearch);
        QCOMPARE(rows[1].ledger, Money(30000));
        QCOMPARE(rows[1].anthropic, Money(30000));
        QVERIFY(!rows[1].flagged);
        QCOMPARE(rows[2].model, haiku);
        QCOMPARE(rows[2].difference(), Money(100000));
        QVERIFY(rows[2].flagged);
    }
};

QTEST_GUILESS_MAIN(TstReconciler)
#include "tst_reconciler.moc"
