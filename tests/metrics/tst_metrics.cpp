#include "../ledger/ledgertesthelpers.h"
#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
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
            return MetricsCollector::collect(m_ledger, counters, m_today, &f)
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
                 QStringLiteral("1"));
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
                                        "\\\"ops\\\"\",period=\"month\"}")),
                 MetricsCollector::ratio(spent, 2'000'000));
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
        QVERIFY(MetricsCollector::collect(m_ledger, ProcessCounters(), m_today, &families));
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
        for (const QByteArray& d : received)
            QVERIFY(d.size() <= 1400);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
