#include "../ledger/ledgertesthelpers.h"
#include "cost/pricebook.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/costqueries.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "ledger/settingsstore.h"
#include "metrics/metricscollector.h"
#include "metrics/metricsformat.h"
#include "metrics/metricsserver.h"
#include "metrics/statsdpusher.h"
#include "metricsparse.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace bs;
using namespace bs::ledgertest;
using namespace bs::metricstest;

// The exported figures equal the ledger's: scraped over real HTTP from MetricsServer, checked
// by promtool, and pushed as DogStatsD datagrams to a real UDP socket.
class TestMetrics : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Ledger m_ledger;
    const QDate m_today{2026, 11, 21};
    const QDateTime m_now{m_today, QTime(12, 0), Qt::UTC};
    const PriceBook m_prices = PriceBook::builtIn();

    QString draft(const QString& model, qint64 requests, Money worstCase) {
        const QString local = DraftStore(m_ledger).create(BatchLocal{});
        BudgetStore::Reservation r;
        r.model = model;
        r.requests = requests;
        r.inputTokens = requests * 100;
        r.worstCaseMicros = worstCase;
        BudgetStore(m_ledger).addReservations(local, {r});
        return local;
    }

    QByteArray get(const QUrl& url, int* status) {
        QNetworkAccessManager nam;
        QNetworkReply* reply = nam.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_ledger.open(m_dir.filePath(QStringLiteral("m.sqlite"))));
        const MessageBatch a =
            makeBatch(QStringLiteral("msgbatch_a"), MessageBatch::Status::Ended, 4);
        const MessageBatch b = makeBatch(QStringLiteral("msgbatch_b"));
        QVERIFY(BatchStore(m_ledger).upsert({a, b}));
        auto r1 = makeResult(a.id, QStringLiteral("1"), QStringLiteral("claude-opus-5-5"), 1000,
                             200, 1'234'567);
        r1.usage.cacheReadInputTokens = 50;
        auto r2 =
            makeResult(a.id, QStringLiteral("2"), QStringLiteral("claude-haiku-5-5"), 300, 30, 7);
        auto r3 =
            makeResult(a.id, QStringLiteral("3"), QStringLiteral("claude-haiku-5-5"), 0, 0, 0);
        r3.type = QStringLiteral("errored");
        r3.errorType = QStringLiteral("overloaded_error");
        r3.costMicros = 0;
        auto r4 = makeResult(a.id, QStringLiteral("4"), QStringLiteral("claude-mystery"), 10, 1, 0);
        r4.priced = false;
        for (ResultRow* r : {&r1, &r2, &r3, &r4})
            r->day = m_today;
        QCOMPARE(ResultStore(m_ledger).insert({r1, r2, r3, r4}), qint64(4));
        QVERIFY(SettingsStore(m_ledger).setBudget(
            {QStringLiteral("monthly \"ops\""), 2'000'000, BudgetSetting::Period::Month}));
        QVERIFY(SettingsStore(m_ledger).setBudget(
            {QStringLiteral("haiku-tokens"), 1'000, BudgetSetting::Period::Day,
             BudgetSetting::Kind::InputTokens, QStringLiteral("claude-haiku-5-5")}));
        // Processing history: three ended haiku batches of 50 requests (10, 20 and 90 minutes;
        // one more of 2,000 requests, 5 hours), and one canceled (left out).
        const qint64 minutes[] = {10, 20, 90};
        for (int i = 0; i < 3; ++i) {
            MessageBatch h =
                makeBatch(QStringLiteral("msgbatch_h%1").arg(i), MessageBatch::Status::Ended, 50);
            h.endedAt = h.createdAt.addSecs(60 * minutes[i]);
            QVERIFY(
                DraftStore(m_ledger).attach(draft(QStringLiteral("claude-haiku-5-5"), 50, 1), h));
        }
        MessageBatch big =
            makeBatch(QStringLiteral("msgbatch_big"), MessageBatch::Status::Ended, 2000);
        big.endedAt = big.createdAt.addSecs(5 * 3600);
        QVERIFY(
            DraftStore(m_ledger).attach(draft(QStringLiteral("claude-haiku-5-5"), 2000, 1), big));
        MessageBatch canceled =
            makeBatch(QStringLiteral("msgbatch_c"), MessageBatch::Status::Ended, 50);
        canceled.cancelInitiatedAt = canceled.createdAt.addSecs(60);
        canceled.endedAt = canceled.createdAt.addSecs(120);
        QVERIFY(DraftStore(m_ledger).attach(draft(QStringLiteral("claude-haiku-5-5"), 50, 1),
                                            canceled));
        for (const QString& id : {QStringLiteral("msgbatch_h0"), QStringLiteral("msgbatch_h1"),
                                  QStringLiteral("msgbatch_h2"), QStringLiteral("msgbatch_big"),
                                  QStringLiteral("msgbatch_c")})
            QVERIFY(BatchStore(m_ledger).markResultsIngested(id, m_now)); // no longer in flight
        // In flight: a draft not sent yet, 100 opus requests, $2.50 worst case.
        draft(QStringLiteral("claude-opus-5-5"), 100, 2'500'000);
    }

    void formats() {
        QCOMPARE(MetricsCollector::usd(1'234'567), QStringLiteral("1.234567"));
        QCOMPARE(MetricsCollector::usd(-5), QStringLiteral("-0.000005"));
        QCOMPARE(MetricsCollector::ratio(1, 3), QStringLiteral("0.333333"));
        QCOMPARE(MetricsCollector::ratio(5, 0), QStringLiteral("+Inf"));
    }

    void scrapedValuesEqualTheLedger() {
        ProcessCounters counters;
        counters.polls = 7;
        counters.pollErrors = 2;
        counters.addApiError(QStringLiteral("network"));
        counters.addApiError(QStringLiteral("network"));
        MetricsServer server([&] {
            QList<MetricFamily> f;
            return MetricsCollector::collect(m_ledger, counters, m_now, m_prices, &f)
                       ? MetricsFormat::prometheus(f)
                       : QByteArray();
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int status = 0;
        const QByteArray body = get(server.url(), &status);
        QCOMPARE(status, 200);
        QByteArray lint;
        const int rc = promtoolCheck(body, &lint);
        QVERIFY2(rc != -1, "promtool is missing: run ./dev setup (Debian package prometheus)");
        QVERIFY2(rc == 0, QByteArray(lint + "\n" + body).constData());

        const auto m = parsePrometheus(body);
        for (const CostGroup& g : CostQueries(m_ledger).groupedBy(CostQueries::Grouping::Model)) {
            const QString spend =
                QStringLiteral("batchscope_spend_usd_total{model=\"%1\"}").arg(g.key);
            QVERIFY2(m.contains(spend), qPrintable(spend));
            QCOMPARE(micros(m.value(spend)), g.totals.micros);
            QCOMPARE(m.value(QStringLiteral("batchscope_tokens_total{model=\"%1\",class=\"input\"}")
                                 .arg(g.key))
                         .toLongLong(),
                     g.totals.inputTokens);
            QCOMPARE(
                m.value(QStringLiteral("batchscope_tokens_total{model=\"%1\",class=\"cache_read\"}")
                            .arg(g.key))
                    .toLongLong(),
                g.totals.cacheReadInputTokens);
        }
        QCOMPARE(micros(m.value(
                     QStringLiteral("batchscope_spend_usd_total{model=\"claude-opus-5-5\"}"))),
                 Money(1'234'567));
        QCOMPARE(m.value(QStringLiteral("batchscope_batches{status=\"ended\"}")),
                 QStringLiteral("6"));
        QCOMPARE(m.value(QStringLiteral("batchscope_batches{status=\"in_progress\"}")),
                 QStringLiteral("1"));
        QCOMPARE(m.value(QStringLiteral("batchscope_results_total{type=\"errored\","
                                        "error_class=\"overloaded_error\"}")),
                 QStringLiteral("1"));
        QCOMPARE(m.value(QStringLiteral(
                     "batchscope_results_total{type=\"succeeded\",error_class=\"none\"}")),
                 QStringLiteral("3"));
        QCOMPARE(m.value(QStringLiteral("batchscope_unpriced_results{model=\"claude-mystery\"}")),
                 QStringLiteral("1"));
        // The budget's name is escaped; its ratio is the ledger's spend over the limit.
        const Money spent =
            CostQueries(m_ledger).spentInPeriod(BudgetSetting::Period::Month, m_today);
        QCOMPARE(m.value(QStringLiteral("batchscope_budget_used_ratio{budget=\"monthly "
                                        "\\\"ops\\\"\",period=\"month\",kind=\"usd\","
                                        "model=\"all\"}")),
                 MetricsCollector::ratio(spent, 2'000'000));
        // Every budget: the haiku input-token budget counts haiku's input tokens of the day
        // (300 of 1,000), and what batches in flight reserved of haiku (nothing).
        const QString tokens =
            QStringLiteral("{budget=\"haiku-tokens\",period=\"day\",kind=\"input_tokens\","
                           "model=\"claude-haiku-5-5\"}");
        QCOMPARE(m.value(QStringLiteral("batchscope_budget_used_ratio") + tokens),
                 QStringLiteral("0.300000"));
        QCOMPARE(m.value(QStringLiteral("batchscope_budget_inflight_ratio") + tokens),
                 QStringLiteral("0.000000"));
        QCOMPARE(m.value(QStringLiteral("batchscope_budget_limit_tokens") + tokens),
                 QStringLiteral("1000"));
        // In flight: the opus draft's worst case, exactly.
        QCOMPARE(micros(m.value(QStringLiteral(
                     "batchscope_inflight_worst_case_usd{model=\"claude-opus-5-5\"}"))),
                 Money(2'500'000));
        QCOMPARE(m.value(QStringLiteral("batchscope_inflight_requests{model=\"claude-opus-5-5\"}")),
                 QStringLiteral("100"));
        // Processing time: a histogram per model (the canceled batch left out), P50 / P95 per
        // model and size band. Haiku: 600, 1200, 5400 s (50 requests) and 18000 s (2,000).
        const QString h = QStringLiteral("batchscope_batch_processing_seconds");
        const QString haiku = QStringLiteral("model=\"claude-haiku-5-5\"");
        QCOMPARE(m.value(h + QStringLiteral("_bucket{%1,le=\"300\"}").arg(haiku)),
                 QStringLiteral("0"));
        QCOMPARE(m.value(h + QStringLiteral("_bucket{%1,le=\"900\"}").arg(haiku)),
                 QStringLiteral("1"));
        QCOMPARE(m.value(h + QStringLiteral("_bucket{%1,le=\"7200\"}").arg(haiku)),
                 QStringLiteral("3"));
        QCOMPARE(m.value(h + QStringLiteral("_bucket{%1,le=\"14400\"}").arg(haiku)),
                 QStringLiteral("3"));
        QCOMPARE(m.value(h + QStringLiteral("_bucket{%1,le=\"28800\"}").arg(haiku)),
                 QStringLiteral("4"));
        QCOMPARE(m.value(h + QStringLiteral("_bucket{%1,le=\"+Inf\"}").arg(haiku)),
                 QStringLiteral("4"));
        QCOMPARE(m.value(h + QStringLiteral("_count{%1}").arg(haiku)), QStringLiteral("4"));
        QCOMPARE(m.value(h + QStringLiteral("_sum{%1}").arg(haiku)), QStringLiteral("25200"));
        // msgbatch_a has no draft: its model is unknown (never its batch id).
        QCOMPARE(m.value(h + QStringLiteral("_count{model=\"unknown\"}")), QStringLiteral("1"));
        const QString p50 =
            QStringLiteral("batchscope_batch_processing_p50_seconds{%1,size_band=\"%2\"}");
        const QString p95 =
            QStringLiteral("batchscope_batch_processing_p95_seconds{%1,size_band=\"%2\"}");
        QCOMPARE(m.value(p50.arg(haiku, QStringLiteral("1-99"))), QStringLiteral("1200"));
        QCOMPARE(m.value(p95.arg(haiku, QStringLiteral("1-99"))), QStringLiteral("5400"));
        QCOMPARE(m.value(p95.arg(haiku, QStringLiteral("1000-9999"))), QStringLiteral("18000"));
        QCOMPARE(
            m.value(QStringLiteral("batchscope_batch_processing_samples{%1,size_band=\"1-99\"}")
                        .arg(haiku)),
            QStringLiteral("3"));
        QCOMPARE(m.value(QStringLiteral("batchscope_polls_total")), QStringLiteral("7"));
        QCOMPARE(m.value(QStringLiteral("batchscope_api_errors_total{kind=\"network\"}")),
                 QStringLiteral("2"));
        // No batch id anywhere: it is never a label.
        QVERIFY(!body.contains("msgbatch_"));

        QUrl other = server.url();
        other.setPath(QStringLiteral("/"));
        get(other, &status);
        QCOMPARE(status, 404);
    }

    void dogStatsdDatagrams() {
        QUdpSocket agent;
        QVERIFY(agent.bind(QHostAddress::LocalHost, 0));
        StatsdPusher pusher(QHostAddress::LocalHost, agent.localPort());
        QList<MetricFamily> families;
        QVERIFY(MetricsCollector::collect(m_ledger, ProcessCounters(), m_now, m_prices, &families));
        const int sent = pusher.push(families);
        QVERIFY(sent >= 1);
        QList<QByteArray> received;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (agent.hasPendingDatagrams()) {
                    QByteArray d(int(agent.pendingDatagramSize()), '\0');
                    agent.readDatagram(d.data(), d.size());
                    received << d;
                }
                return received.size() == sent;
            }(),
            30000);
        const auto m = parseDogStatsd(received);
        QCOMPARE(
            micros(m.value(QStringLiteral("batchscope.spend_usd_total|model:claude-opus-5-5"))),
            Money(1'234'567));
        QCOMPARE(
            m.value(QStringLiteral("batchscope.tokens_total|model:claude-haiku-5-5,class:input")),
            QStringLiteral("300"));
        QCOMPARE(m.value(QStringLiteral(
                     "batchscope.results_total|type:errored,error_class:overloaded_error")),
                 QStringLiteral("1"));
        // The histogram and the in-flight exposure too, as gauges.
        QCOMPARE(m.value(QStringLiteral(
                     "batchscope.batch_processing_seconds_count|model:claude-haiku-5-5")),
                 QStringLiteral("4"));
        QCOMPARE(m.value(QStringLiteral(
                     "batchscope.batch_processing_seconds_bucket|model:claude-haiku-5-5,le:900")),
                 QStringLiteral("1"));
        QCOMPARE(micros(m.value(
                     QStringLiteral("batchscope.inflight_worst_case_usd|model:claude-opus-5-5"))),
                 Money(2'500'000));
        QCOMPARE(m.value(QStringLiteral("batchscope.budget_used_ratio|budget:haiku-tokens,"
                                        "period:day,kind:input_tokens,model:claude-haiku-5-5")),
                 QStringLiteral("0.300000"));
        for (const QByteArray& d : received)
            QVERIFY(d.size() <= 1400);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
