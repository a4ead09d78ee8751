// Result lines as received (ledger schema 8): the ingestion stores each line of the results file
// as the server sent it, compressed, beside its row; the JSONL export writes those lines byte for
// byte, and says how many it had to rebuild for rows stored without one.
#include "api/apiclient.h"
#include "export/resultexporter.h"
#include "ingesttesthelpers.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "monitor/resultingestor.h"
#include "simprocess.h"
#include "testenv.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace bs;
using namespace bs::test;

class TestResultLines : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString newLedger() {
        return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_files));
    }

    IngestOptions options(const SimProcess& sim, const QString& ledgerPath) {
        IngestOptions o;
        o.api = simConfig(sim.baseUrl());
        o.retryPolicy = fastRetryPolicy();
        o.ledgerPath = ledgerPath;
        o.priceBook = PriceBook::builtIn();
        return o;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Each result line is stored as the server sent it (compressed beside its row), the JSONL
    // export writes those lines byte for byte, and a row without a stored line (ingested by an
    // older version) is rebuilt, counted and said; ingesting again fills the missing lines in.
    void linesAreStoredAsReceived() {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--speed"), QStringLiteral("0"),
                            QStringLiteral("--error-rate"), QStringLiteral("0.3"),
                            QStringLiteral("--seed"), QStringLiteral("11")}),
                 qPrintable(sim.errorString()));
        const QString path = newLedger();
        ApiClient client(simConfig(sim.baseUrl()));
        client.setRetryPolicy(fastRetryPolicy());
        QString error;
        const auto batch = createAndWaitEnded(client, path, makeRequests(60, 300, 10), &error);
        QVERIFY2(batch, qPrintable(error));
        const IngestReport r = ingest(options(sim, path), *batch);
        QVERIFY2(r.isComplete(), qPrintable(r.summary()));
        QVERIFY(r.errored > 0 && r.succeeded > 0);

        const QByteArray file = fetchResultsFile(simConfig(sim.baseUrl()), *batch);
        QList<QByteArray> received;
        for (const QByteArray& line : file.split('\n'))
            if (!line.isEmpty())
                received.append(line);
        QCOMPARE(received.size(), 60);
        Ledger ledger;
        QVERIFY(ledger.open(path));
        for (const QByteArray& line : std::as_const(received)) {
            const QString id = QJsonDocument::fromJson(line)
                                   .object()
                                   .value(QStringLiteral("custom_id"))
                                   .toString();
            std::optional<QByteArray> stored;
            QVERIFY2(ResultStore(ledger).lineOf(batch->id, id, &stored),
                     qPrintable(ledger.lastError()));
            QVERIFY2(stored, qPrintable(id));
            QCOMPARE(*stored, line);
        }
        // A plain connection of the test's own, for what no store says.
        const auto sql = [&](const QString& statement) {
            QList<qint64> row;
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lines"));
                db.setDatabaseName(path);
                if (db.open()) {
                    QSqlQuery q(db);
                    if (q.exec(statement) && q.next())
                        for (int i = 0; i < q.record().count(); ++i)
                            row.append(q.value(i).toLongLong());
                }
            }
            QSqlDatabase::removeDatabase(QStringLiteral("lines"));
            return row;
        };
        // In blocks, compressed: the bodies take less than the lines; every row points into a
        // block, and the blocks hold exactly the lines (every byte but the '\n' after the last
        // line of a block).
        const QList<qint64> sizes = sql(QStringLiteral(
            "SELECT SUM(length(body)), SUM(raw_size), SUM(codec = 2), SUM(count), COUNT(*) "
            "FROM result_blocks"));
        QCOMPARE(sizes.size(), 5);
        QCOMPARE(sizes.at(3), 60);
        QCOMPARE(sizes.at(1), file.size() - sizes.at(4));
        QVERIFY(sizes.at(0) < sizes.at(1));
        QVERIFY(sizes.at(2) > 0);
        QCOMPARE(
            sql(QStringLiteral("SELECT COUNT(*) FROM results WHERE line_block IS NULL")).value(0),
            0);

        const auto exportLines = [&](ResultExporter::Outcome* outcome) {
            const QString out = m_dir.filePath(QStringLiteral("export.jsonl"));
            *outcome =
                ResultExporter(ledger).exportTo({batch->id}, ResultExporter::Format::Jsonl, out);
            QFile f(out);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        ResultExporter::Outcome outcome;
        QByteArray exported = exportLines(&outcome);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE(outcome.rebuilt, 0);
        QVERIFY(exported.endsWith('\n'));
        QList<QByteArray> lines = exported.chopped(1).split('\n');
        std::sort(lines.begin(), lines.end());
        QList<QByteArray> sorted = received;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(lines, sorted); // byte for byte, in custom_id order

        // Three rows as an older version left them: no stored line.
        sql(QStringLiteral("UPDATE results SET line_block = NULL, line_index = NULL WHERE rowid "
                           "IN (SELECT rowid FROM results LIMIT 3)"));
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM results WHERE line_block IS NOT NULL"))
                     .value(0),
                 57);
        exported = exportLines(&outcome);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QCOMPARE(outcome.rebuilt, 3);
        QCOMPARE(exported.count('\n'), 60);
        QVERIFY2(outcome.summary(QStringLiteral("x")).contains(QStringLiteral("rebuilt")),
                 qPrintable(outcome.summary(QStringLiteral("x"))));
        // Ingested again: the lines are back.
        const IngestReport again = ingest(options(sim, path), *batch);
        QVERIFY2(again.isComplete(), qPrintable(again.summary()));
        QCOMPARE(again.rowsInserted, 0);
        exported = exportLines(&outcome);
        QCOMPARE(outcome.rebuilt, 0);
        lines = exported.chopped(1).split('\n');
        std::sort(lines.begin(), lines.end());
        QCOMPARE(lines, sorted);
        // The re-run's blocks are kept only for what they filled in: ingested once more, every
        // row has its line, so its blocks all go again.
        const qint64 blocksBefore =
            sql(QStringLiteral("SELECT COUNT(*) FROM result_blocks")).value(0);
        const IngestReport third = ingest(options(sim, path), *batch);
        QVERIFY2(third.isComplete(), qPrintable(third.summary()));
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM result_blocks")).value(0), blocksBefore);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM result_blocks b WHERE NOT EXISTS "
                                    "(SELECT 1 FROM results r WHERE r.line_block = b.id)"))
                     .value(0),
                 0);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestResultLines t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_resultlines.moc"
