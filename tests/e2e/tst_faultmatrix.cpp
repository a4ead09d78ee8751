// The fault matrix, end to end: a real batchscope-sim with injected faults, a real ledger file.
// Each case creates a batch the way the app does (write-ahead requests in the ledger first, then
// ApiClient), waits for its end (--speed 0), arms the fault, ingests with ResultIngestor, and
// checks that the ledger holds every result exactly once and that its SQL cost total equals an
// independent recomputation (plain QNetworkAccessManager download, QJsonDocument per line,
// CostCalculator). The sim removes a count-limited rule once it has hit `count` times, so an
// empty rule list afterwards proves every fault really happened. Retry delays are scaled down
// (RetryPolicy::timeScale); nothing asserts on wall time.
#include "api/apiclient.h"
#include "ingesttesthelpers.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "monitor/resultingestor.h"
#include "simprocess.h"
#include "testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::test;

namespace {
constexpr int kRequests = 400; // ~2 KB lines: ~800 KB of results
}

class TestFaultMatrix : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    struct Run {
        IngestReport report;
        int restarts = 0;
        QString batchId;
        QByteArray simLog; // the simulator's request log: "METHOD path status request-id" lines
    };

    // Creates and ends a batch, arms `faults` (a JSON rule or array), ingests by id.
    void runCase(const QByteArray& faults, const std::function<void(IngestOptions&)>& tune,
                 const std::function<void(const Run&)>& check, bool armBeforeCreate = false) {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                            QStringLiteral("--error-rate"), QStringLiteral("0.05"),
                            QStringLiteral("--seed"), QStringLiteral("11")}),
                 qPrintable(sim.errorString()));
        const QString path = m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_files));
        ApiClient client(simConfig(sim.baseUrl()));
        client.setRetryPolicy(fastRetryPolicy());
        if (armBeforeCreate)
            QVERIFY(!simControl(sim.baseUrl(), "POST", QStringLiteral("/_sim/faults"), faults)
                         .isNull());
        QString error;
        const auto batch = createAndWaitEnded(client, path, makeRequests(kRequests, 600, 50),
                                              &error, -1, !armBeforeCreate);
        QVERIFY2(batch, qPrintable(error));
        if (!armBeforeCreate)
            QVERIFY(!simControl(sim.baseUrl(), "POST", QStringLiteral("/_sim/faults"), faults)
                         .isNull());

        IngestOptions o;
        o.api = simConfig(sim.baseUrl());
        o.retryPolicy = fastRetryPolicy();
        o.ledgerPath = path;
        o.priceBook = PriceBook::builtIn();
        if (tune)
            tune(o);
        ResultIngestor ingestor(o);
        QSignalSpy restarts(&ingestor, &ResultIngestor::downloadRestarted);
        QVERIFY(ingestor.start(batch->id)); // by id: the retrieve meets the faults too
        QVERIFY(ingestor.waitForFinished(300000));
        Run run{ingestor.report(), int(restarts.size()), batch->id, sim.log()};
        QVERIFY2(run.report.isComplete(), qPrintable(run.report.summary()));

        // Every fault rule was used up.
        const QByteArray rules = simControl(sim.baseUrl(), "GET", QStringLiteral("/_sim/faults"));
        const QJsonDocument doc = QJsonDocument::fromJson(rules);
        const QJsonArray list =
            doc.isArray() ? doc.array() : doc.object().value(QLatin1String("rules")).toArray();
        QVERIFY2(list.isEmpty(), rules.constData());

        // Every result exactly once; cost == the independent recomputation.
        const IndependentTotals ind = independentTotals(
            simConfig(sim.baseUrl()), *batchAfterEnd(client, batch->id), PriceBook::builtIn());
        QVERIFY2(ind.ok, qPrintable(ind.error));
        const LedgerTotals led = ledgerTotals(path, batch->id);
        QCOMPARE(ind.lines, qint64(kRequests));
        QCOMPARE(ind.distinctIds, qint64(kRequests));
        QCOMPARE(led.rows, qint64(kRequests));
        QCOMPARE(led.micros, ind.micros);
        QCOMPARE(led.unpriced, ind.unpriced);
        QVERIFY(led.micros > 0);
        QVERIFY(led.ingested);
        QCOMPARE(run.report.lines, qint64(kRequests));
        QCOMPARE(run.report.rowsInserted, qint64(kRequests));
        QCOMPARE(run.report.costMicros, ind.micros);
        QCOMPARE(run.report.missingCount, 0);
        QVERIFY(run.report.requestsKnown);
        QCOMPARE(led.retryItems, ind.notSucceeded);
        if (check)
            check(run);
    }

    std::optional<MessageBatch> batchAfterEnd(ApiClient& client, const QString& id) {
        Q_UNUSED(client);
        Ledger ledger;
        if (!ledger.open(m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(m_files))))
            return std::nullopt;
        const auto record = BatchStore(ledger).find(id);
        return record ? std::optional<MessageBatch>(record->batch) : std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void rateLimitStormWithRetryAfter() {
        runCase("[{\"status\":429,\"retry_after\":2,\"count\":5}]", {},
                [](const Run& r) { QCOMPARE(r.report.downloads, 1); });
    }

    void serverErrorBursts() {
        runCase("[{\"status\":500,\"count\":3},{\"status\":529,\"count\":3,\"skip\":1}]", {},
                [](const Run& r) { QCOMPARE(r.report.downloads, 1); });
    }

    void connectionResetMidResults() {
        // A reset that Qt reports before any line was handed over is retried inside the
        // ResultStream (nothing delivered yet); one after lines were delivered restarts the
        // download here. Both resets happened (the rule list is empty), in one way or the other.
        runCase("[{\"reset_after_bytes\":300000,\"count\":2}]", {}, [](const Run& r) {
            QVERIFY(r.report.downloads >= 2);
            QCOMPARE(r.restarts, r.report.downloads - 1);
        });
    }

    void truncatedLastLine() {
        runCase("[{\"truncate_last_line\":true,\"count\":2}]", {}, [](const Run& r) {
            QCOMPARE(r.report.downloads, 3);
            QCOMPARE(r.restarts, 2);
        });
    }

    // Slower than the transfer timeout twice: both attempts time out and are retried.
    void slowServer() {
        runCase(
            "[{\"delay_ms\":1500,\"count\":2,\"path\":\"*/"
            "results\"},{\"delay_ms\":300,\"count\":2}]",
            [](IngestOptions& o) { o.api.timeoutMs = 1000; },
            [](const Run& r) { QCOMPARE(r.report.downloads, 1); });
    }

    // The batch answers 404 for a while after its create: ingestion started right after the
    // create (by id) treats it as propagation delay.
    // The simulator's log shows that the grace path really ran: the ingestor's retrieve of the
    // batch got 404 at least once, then 200.
    void notFoundRightAfterCreate() {
        runCase(
            "{\"not_found_after_create_ms\":1500}", {},
            [](const Run& r) {
                const QByteArray retrieve = "GET /v1/messages/batches/" + r.batchId.toUtf8() + ' ';
                int notFound = 0;
                int found = 0;
                for (const QByteArray& line : r.simLog.split('\n')) {
                    if (!line.startsWith(retrieve))
                        continue;
                    const QByteArray status = line.mid(retrieve.size()).split(' ').value(0);
                    if (status == "404")
                        ++notFound;
                    else if (status == "200" && notFound > 0)
                        ++found;
                }
                QVERIFY2(notFound >= 1, r.simLog.constData());
                QVERIFY2(found >= 1, r.simLog.constData());
            },
            true);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestFaultMatrix t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_faultmatrix.moc"
