#include "cost/costcalculator.h"
#include "ledger/ledger.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace bs;

namespace {

MessageBatch makeBatch(const QString& id,
                       MessageBatch::Status status = MessageBatch::Status::InProgress,
                       qint64 requests = 3) {
    MessageBatch b;
    b.id = id;
    b.processingStatus = status;
    b.createdAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0, 0, 123), Qt::UTC);
    b.expiresAt = b.createdAt.addDays(1);
    if (status == MessageBatch::Status::Ended) {
        b.endedAt = QDateTime(QDate(2026, 11, 21), QTime(9, 30, 0, 5), Qt::UTC);
        b.requestCounts.succeeded = requests;
        b.resultsUrl = QStringLiteral("https://api.anthropic.com/v1/messages/batches/") + id +
                       QStringLiteral("/results");
    } else {
        b.requestCounts.processing = requests;
    }
    return b;
}

ResultRow makeResult(const QString& batchId, const QString& customId, const QString& model,
                     qint64 input, qint64 output, Money cost) {
    ResultRow r;
    r.batchId = batchId;
    r.customId = customId;
    r.type = QStringLiteral("succeeded");
    r.messageId = QStringLiteral("msg_") + customId;
    r.model = model;
    r.stopReason = QStringLiteral("end_turn");
    r.usage.inputTokens = input;
    r.usage.outputTokens = output;
    r.usage.serviceTier = QStringLiteral("batch");
    r.costMicros = cost;
    r.priced = true;
    return r;
}

int fileMode(const QString& path) {
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

QByteArray sha256Of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A raw SQLite connection beside the Ledger, for looking at what it wrote.
class RawDb {
public:
    explicit RawDb(const QString& path)
        : m_name(QStringLiteral("raw-%1").arg(++s_counter)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb() {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant scalar(const QString& sql, int column = 0) {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return QVariant(q.lastError().text());
        return q.value(column);
    }
    bool exec(const QString& sql) {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql);
    }

private:
    QString m_name;
    static inline int s_counter = 0;
};

} // namespace

class TestLedger : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultPathIsAppData() {
        QVERIFY(Ledger::defaultPath().endsWith(QStringLiteral("/ledger.sqlite")));
    }

    void migratesFromEmptyAndReopens() {
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
            QCOMPARE(ledger.openStatus(), Ledger::OpenStatus::Ok);
            QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
            QVERIFY(ledger.upsertBatch(makeBatch(QStringLiteral("msgbatch_keep"))));
        }
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
            QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
            QVERIFY(ledger.batch(QStringLiteral("msgbatch_keep")).has_value());
        }
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
                 Ledger::latestSchemaVersion());
        for (const char* table : {"batches", "drafts", "requests", "results", "retry_queue",
                                  "alerts", "settings", "budgets"}) {
            QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE "
                                               "type='table' AND name='%1'")
                                    .arg(QLatin1String(table)))
                         .toInt(),
                     1);
        }
    }

    void fileIsPrivateAndWal() {
        const QString path = m_dir.filePath(QStringLiteral("sub/dir/ledger.sqlite"));
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QVERIFY(ledger.upsertBatch(makeBatch(QStringLiteral("msgbatch_mode"))));
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(fileMode(path + QStringLiteral("-wal")), 0600);
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
    }

    void tightensWiderMode() {
        const QString path = freshPath();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        ::chmod(QFile::encodeName(path).constData(), 0644);
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QCOMPARE(fileMode(path), 0600);
    }

    void upgradesAVersionOneFileStepByStep() {
        // A file as version 1 left it (with the results_day / results_model indexes), holding
        // data: opening it applies migration 2 in its transaction and keeps every row.
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
            QVERIFY(ledger.upsertBatch(makeBatch(QStringLiteral("msgbatch_old"))));
            QCOMPARE(ledger.insertResults(
                         {makeResult(QStringLiteral("msgbatch_old"), QStringLiteral("a"),
                                     QStringLiteral("claude-haiku-5-5"), 10, 5, 7),
                          makeResult(QStringLiteral("msgbatch_old"), QStringLiteral("b"),
                                     QStringLiteral("claude-haiku-5-5"), 20, 5, 9)}),
                     2);
        }
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("DELETE FROM schema_version WHERE version >= 2")));
            QVERIFY(raw.exec(QStringLiteral("CREATE INDEX results_day ON results(day)")));
            QVERIFY(raw.exec(QStringLiteral("CREATE INDEX results_model ON results(model)")));
        }
        QVERIFY(Ledger::latestSchemaVersion() >= 2);
        Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
        QCOMPARE(ledger.resultCount(QStringLiteral("msgbatch_old")), qint64(2));
        QCOMPARE(ledger.costTotal(QDate(), QStringLiteral("msgbatch_old")).micros, Money(16));
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                           "'index' AND name IN ('results_day', 'results_model')"))
                     .toInt(),
                 0);
    }

    void newerSchemaIsRefusedAndKept() {
        const QString path = freshPath();
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
            QVERIFY(ledger.upsertBatch(makeBatch(QStringLiteral("msgbatch_future"))));
        }
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO schema_version(version, applied_at) VALUES(999, 'later')")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = sha256Of(path);
        Ledger ledger;
        QVERIFY(!ledger.open(path));
        QCOMPARE(ledger.openStatus(), Ledger::OpenStatus::TooNew);
        QVERIFY2(ledger.lastError().contains(QStringLiteral("newer version")),
                 qPrintable(ledger.lastError()));
        QVERIFY(ledger.lastError().contains(path));
        QVERIFY(ledger.lastError().contains(QStringLiteral("999")));
        QVERIFY(!ledger.isOpen());
        QCOMPARE(sha256Of(path), before);
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(),
                 999);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT id FROM batches")).toString(),
                 QStringLiteral("msgbatch_future"));
    }

    void corruptFileIsRefusedAndKept() {
        const QString path = freshPath();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        const QByteArray before = sha256Of(path);
        Ledger ledger;
        QVERIFY(!ledger.open(path));
        QCOMPARE(ledger.openStatus(), Ledger::OpenStatus::NotALedger);
        QVERIFY(ledger.lastError().contains(path));
        QCOMPARE(sha256Of(path), before);
    }

    void foreignDatabaseIsRefused() {
        const QString path = freshPath();
        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes(x TEXT)")));
        }
        Ledger ledger;
        QVERIFY(!ledger.open(path));
        QCOMPARE(ledger.openStatus(), Ledger::OpenStatus::NotALedger);
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")).toInt(), 1);
    }

    void batchesRoundTripAndChangeOnlyOnDifference() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QSignalSpy spy(&ledger, &Ledger::changed);
        MessageBatch b = makeBatch(QStringLiteral("msgbatch_a"), MessageBatch::Status::Ended, 5);
        b.cancelInitiatedAt = b.createdAt.addSecs(60);
        b.archivedAt = b.createdAt.addDays(29);
        b.requestCounts = {0, 2, 1, 1, 1};
        QVERIFY(ledger.upsertBatch(b));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Ledger::Change>(), Ledger::Change::Batches);
        QCOMPARE(spy.at(0).at(1).toStringList(), QStringList{b.id});

        const auto rec = ledger.batch(b.id);
        QVERIFY(rec.has_value());
        QCOMPARE(rec->batch, b);
        QVERIFY(!rec->discovered);

        QVERIFY(ledger.upsertBatch(b)); // identical: no change signal
        QCOMPARE(spy.count(), 1);

        BatchLocal local;
        local.sourceFile = QStringLiteral("/data/in.jsonl");
        local.sourceSha256 = QStringLiteral("ab12");
        local.submittedBy = QStringLiteral("op");
        local.submittedAt = b.createdAt;
        local.retryOf = QStringLiteral("msgbatch_parent");
        local.workspace = QStringLiteral("wrkspc_1");
        QVERIFY(ledger.setBatchLocal(b.id, local));
        b.requestCounts.errored = 0;
        b.requestCounts.succeeded = 3;
        QVERIFY(ledger.upsertBatch(b)); // server fields change; local fields are kept
        const auto again = ledger.batch(b.id);
        QCOMPARE(again->batch, b);
        QCOMPARE(again->local, local);
        QVERIFY(!ledger.batch(QStringLiteral("msgbatch_none")).has_value());
    }

    void discoveredBatchesAreFlagged() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(ledger.upsertDiscoveredBatches({makeBatch(QStringLiteral("msgbatch_other"))}));
        QVERIFY(ledger.batch(QStringLiteral("msgbatch_other"))->discovered);
        QVERIFY(ledger.requestsOfBatch(QStringLiteral("msgbatch_other"), {}).isEmpty());
        QVERIFY(ledger.missingCustomIds(QStringLiteral("msgbatch_other")).isEmpty());
    }

    void unendedBatchesUseTheIndex() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QList<MessageBatch> list;
        for (int i = 0; i < 3000; ++i) {
            const auto status = i % 3 == 0   ? MessageBatch::Status::InProgress
                                : i % 3 == 1 ? MessageBatch::Status::Canceling
                                             : MessageBatch::Status::Ended;
            MessageBatch b =
                makeBatch(QStringLiteral("msgbatch_%1").arg(i, 5, 10, QLatin1Char('0')), status);
            b.createdAt = b.createdAt.addSecs(i);
            list.append(b);
        }
        QVERIFY(ledger.upsertBatches(list));
        QCOMPARE(ledger.unendedBatches().size(), 2000);
        QCOMPARE(ledger.batchesByStatus(MessageBatch::Status::InProgress).size(), 1000);
        QCOMPARE(ledger.batchesByStatus(MessageBatch::Status::Ended).size(), 1000);
        QCOMPARE(ledger.batchesAwaitingIngest().size(), 1000);
        QVERIFY(ledger.markResultsIngested(QStringLiteral("msgbatch_00002"), {}));
        QCOMPARE(ledger.batchesAwaitingIngest().size(), 999);
        RawDb raw(path);
        const QString plan =
            raw.scalar(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM batches WHERE "
                                      "processing_status <> 'ended' ORDER BY created_at"),
                       3)
                .toString();
        QVERIFY2(plan.contains(QStringLiteral("batches_unended")), qPrintable(plan));
    }

    void writeAheadRequestsRoundTrip() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        QSignalSpy spy(&ledger, &Ledger::changed);
        BatchLocal local;
        local.sourceFile = QStringLiteral("/data/big.jsonl");
        local.sourceSha256 = QStringLiteral("ffee");
        local.submittedBy = QStringLiteral("op");
        const QString localId = ledger.createDraft(local);
        QVERIFY(localId.startsWith(QStringLiteral("local_")));

        QList<StoredRequest> requests;
        for (int i = 0; i < 50; ++i) {
            StoredRequest r;
            r.customId = QStringLiteral("row-%1").arg(i, 4, 10, QLatin1Char('0'));
            r.params = QByteArrayLiteral("{\"model\":\"claude-haiku-5-5\",\"max_tokens\":16,"
                                         "\"messages\":[{\"role\":\"user\",\"content\":\"") +
                       QByteArray::number(i) + QByteArrayLiteral("\"}]}");
            requests.append(r);
        }
        StoredRequest big;
        big.customId = QStringLiteral("row-big");
        big.params = QByteArrayLiteral("{\"model\":\"claude-opus-5-5\",\"max_tokens\":16,"
                                       "\"messages\":[{\"role\":\"user\",\"content\":\"") +
                     QByteArray(200'000, 'a') + QByteArrayLiteral("\"}]}");
        requests.append(big);
        QVERIFY(ledger.storeRequests(localId, requests.mid(0, 20)));
        QVERIFY(ledger.storeRequests(localId, requests.mid(20)));
        QVERIFY(spy.count() >= 2);
        QCOMPARE(spy.last().at(0).value<Ledger::Change>(), Ledger::Change::Requests);

        {
            RawDb raw(path);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT params_compressed FROM requests WHERE "
                                               "custom_id='row-big'"))
                         .toInt(),
                     1);
            QVERIFY(raw.scalar(QStringLiteral("SELECT length(params) FROM requests WHERE "
                                              "custom_id='row-big'"))
                        .toInt() < 10'000);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT params_compressed FROM requests WHERE "
                                               "custom_id='row-0001'"))
                         .toInt(),
                     0);
        }

        QList<StoredRequest> streamed;
        QVERIFY(ledger.forEachRequest(localId, [&](const StoredRequest& r) {
            streamed.append(r);
            return true;
        }));
        QCOMPARE(streamed, requests); // same order, same bytes, attempt 1

        auto d = ledger.draft(localId);
        QVERIFY(d);
        QCOMPARE(d->state, DraftInfo::State::Stored);
        QCOMPARE(d->requestCount, qint64(51));
        QCOMPARE(ledger.unattachedDrafts().size(), 1);

        QVERIFY(ledger.markDraftCreating(localId));
        QVERIFY(!ledger.storeRequests(localId, requests.mid(0, 1))); // no more once sending
        MessageBatch created =
            makeBatch(QStringLiteral("msgbatch_wa"), MessageBatch::Status::InProgress, 51);
        created.createdAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(ledger.matchDraftForBatch(created), localId);
        QVERIFY(ledger.attachBatch(localId, created));
        QVERIFY(ledger.unattachedDrafts().isEmpty());
        QCOMPARE(ledger.draft(localId)->batchId, created.id);

        const auto rec = ledger.batch(created.id);
        QVERIFY(rec);
        QCOMPARE(rec->local.sourceFile, local.sourceFile);
        QCOMPARE(rec->local.sourceSha256, local.sourceSha256);
        QCOMPARE(rec->local.localId, localId);
        QVERIFY(rec->local.submittedAt.isValid());
        QCOMPARE(ledger.requestCount(created.id), qint64(51));

        const auto some = ledger.requestsOfBatch(
            created.id,
            {QStringLiteral("row-big"), QStringLiteral("row-0007"), QStringLiteral("row-nope")});
        QCOMPARE(some.size(), 2);
        QCOMPARE(some.value(QStringLiteral("row-big")).params, big.params);
        QCOMPARE(some.value(QStringLiteral("row-0007")).params, requests.at(7).params);
        QCOMPARE(ledger.requestsOfBatch(created.id, {}).size(), 51);

        QVERIFY(ledger.attachBatch(localId, created)); // repeating the attach is harmless
    }

    void crashReconciliation() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        // Stored but never sent: safe to send; creating: reconcile by count and time.
        const QString stored = ledger.createDraft({});
        QVERIFY(ledger.storeRequests(stored, {{QStringLiteral("a"), "{}", 1}}));
        const QString creating = ledger.createDraft({});
        QVERIFY(ledger.storeRequests(
            creating, {{QStringLiteral("a"), "{}", 1}, {QStringLiteral("b"), "{}", 1}}));
        QVERIFY(ledger.markDraftCreating(creating));

        const auto open = ledger.unattachedDrafts();
        QCOMPARE(open.size(), 2);

        MessageBatch seen =
            makeBatch(QStringLiteral("msgbatch_seen"), MessageBatch::Status::InProgress, 2);
        seen.createdAt = QDateTime::currentDateTimeUtc().addSecs(3);
        QCOMPARE(ledger.matchDraftForBatch(seen), creating);
        seen.requestCounts.processing = 3; // other size: not ours
        QVERIFY(ledger.matchDraftForBatch(seen).isEmpty());
        seen.requestCounts.processing = 2;
        seen.createdAt = seen.createdAt.addSecs(-7200); // far earlier: not ours
        QVERIFY(ledger.matchDraftForBatch(seen).isEmpty());

        QVERIFY(ledger.abandonDraft(stored, QStringLiteral("user canceled")));
        QCOMPARE(ledger.draft(stored)->state, DraftInfo::State::Abandoned);
        QVERIFY(!ledger.abandonDraft(stored, QString())); // only once
        QCOMPARE(ledger.unattachedDrafts().size(), 1);
    }

    void resultsAreIdempotent() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString id = QStringLiteral("msgbatch_res");
        QVERIFY(ledger.upsertBatch(makeBatch(id, MessageBatch::Status::Ended, 5000)));
        QList<ResultRow> rows;
        for (int i = 0; i < 5000; ++i) {
            ResultRow r = makeResult(id, QStringLiteral("c%1").arg(i),
                                     QStringLiteral("claude-haiku-5-5"), 1000 + i, 100 + i, 70 + i);
            r.usage.cacheCreationInputTokens = 10;
            r.usage.ephemeral5mInputTokens = 4;
            r.usage.ephemeral1hInputTokens = 6;
            r.usage.hasCacheCreationBreakdown = true;
            r.usage.cacheReadInputTokens = 3;
            r.usage.webSearchRequests = i % 2;
            r.usage.webFetchRequests = 1;
            r.usage.inferenceGeo = QStringLiteral("global");
            rows.append(r);
        }
        QSignalSpy spy(&ledger, &Ledger::changed);
        // A crash after the first 2,000 rows, then a full re-run, then another re-run.
        QCOMPARE(ledger.insertResults(rows.mid(0, 2000)), qint64(2000));
        QCOMPARE(ledger.insertResults(rows), qint64(3000));
        const CostTotals first = ledger.costTotal();
        QCOMPARE(ledger.insertResults(rows), qint64(0));
        QCOMPARE(ledger.resultCount(id), qint64(5000));
        QCOMPARE(ledger.costTotal(), first);
        QCOMPARE(spy.count(), 2); // nothing new, nothing announced
        QCOMPARE(spy.at(0).at(0).value<Ledger::Change>(), Ledger::Change::Results);
        QCOMPARE(spy.at(0).at(1).toStringList(), QStringList{id});

        Money expected = 0;
        for (const ResultRow& r : rows)
            expected += r.costMicros;
        QCOMPARE(first.micros, expected);
        QCOMPARE(first.results, qint64(5000));
        QCOMPARE(first.succeeded, qint64(5000));
        QCOMPARE(first.webSearchRequests, qint64(2500));

        auto back = ledger.result(id, QStringLiteral("c42"));
        QVERIFY(back);
        ResultRow want = rows.at(42);
        want.day = QDate(2026, 11, 21); // the batch's ended_at day
        QCOMPARE(*back, want);
        QCOMPARE(ledger.results(id, 10, 5).size(), 5);
    }

    void crashMidIngestThenRecompute() {
        // Ingest with real costs, "crash" (drop the connection) after 3 of 5 chunks, resume
        // from the start: every result exactly once, total = an independent recomputation.
        const QString path = freshPath();
        const PriceBook book = PriceBook::builtIn();
        const QString id = QStringLiteral("msgbatch_fault");
        const QStringList models{QStringLiteral("claude-haiku-5-5"),
                                 QStringLiteral("claude-sonnet-5-5"),
                                 QStringLiteral("claude-opus-4-5"), QStringLiteral("claude-nova")};
        QList<ResultRow> rows;
        for (int i = 0; i < 10'000; ++i) {
            ResultRow r = makeResult(id, QStringLiteral("r%1").arg(i), models.at(i % 4),
                                     (i * 7919) % 150'000, (i * 31) % 4000, 0);
            r.usage.cacheReadInputTokens = i % 13 * 100;
            r.usage.inferenceGeo = i % 3 == 0 ? QStringLiteral("us") : QStringLiteral("global");
            r.setCost(CostCalculator::costOf(book, r.model, r.usage, QDate(2026, 11, 20)));
            rows.append(r);
        }
        {
            Ledger ledger;
            QVERIFY(ledger.open(path));
            QVERIFY(ledger.upsertBatch(makeBatch(id, MessageBatch::Status::Ended, 10'000)));
            for (int chunk = 0; chunk < 3; ++chunk)
                QCOMPARE(ledger.insertResults(rows.mid(chunk * 2000, 2000)), qint64(2000));
        } // crash: connection gone
        Ledger ledger;
        QVERIFY(ledger.open(path));
        qint64 inserted = 0;
        for (int chunk = 0; chunk < 5; ++chunk)
            inserted += ledger.insertResults(rows.mid(chunk * 2000, 2000));
        QCOMPARE(inserted, qint64(4000));
        QCOMPARE(ledger.resultCount(id), qint64(10'000));

        Money recomputed = 0;
        qint64 unpriced = 0;
        qint64 seen = 0;
        QVERIFY(ledger.forEachResult(id, [&](const ResultRow& r) {
            const CostResult c =
                CostCalculator::costOf(book, r.model, r.usage, QDate(2026, 11, 20));
            if (c.priced)
                recomputed += c.micros;
            else
                ++unpriced;
            ++seen;
            return true;
        }));
        QCOMPARE(seen, qint64(10'000));
        const CostTotals totals = ledger.costTotal();
        QCOMPARE(totals.micros, recomputed);
        QCOMPARE(totals.unpriced, unpriced);
        QCOMPARE(unpriced, qint64(2500));
        QVERIFY(totals.micros > 0);
    }

    void resultsNeedTheirBatch() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QCOMPARE(ledger.insertResults({makeResult(QStringLiteral("msgbatch_ghost"),
                                                  QStringLiteral("x"), QString(), 1, 1, 1)}),
                 qint64(-1));
        QVERIFY(!ledger.lastError().isEmpty());
        QCOMPARE(ledger.resultCount(), qint64(0)); // the transaction was rolled back
        QVERIFY(ledger.lastError().isEmpty());     // each call starts with a clean error
        // The same on a bulk-insert connection, which skips the per-row foreign-key lookup.
        QVERIFY(ledger.tuneForBulkInserts());
        QCOMPARE(ledger.insertResults({makeResult(QStringLiteral("msgbatch_ghost"),
                                                  QStringLiteral("y"), QString(), 1, 1, 1)}),
                 qint64(-1));
        QVERIFY(ledger.lastError().contains(QStringLiteral("msgbatch_ghost")));
        QCOMPARE(ledger.resultCount(), qint64(0));
    }

    void erroredAndUnpricedRows() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString id = QStringLiteral("msgbatch_mix");
        QVERIFY(ledger.upsertBatch(makeBatch(id, MessageBatch::Status::Ended, 4)));
        ResultRow errored;
        errored.batchId = id;
        errored.customId = QStringLiteral("e1");
        errored.type = QStringLiteral("errored");
        errored.errorType = QStringLiteral("overloaded_error");
        errored.errorMessage = QStringLiteral("Overloaded");
        errored.requestId = QStringLiteral("req_1");
        errored.costMicros = 0;
        ResultRow unpriced =
            makeResult(id, QStringLiteral("u1"), QStringLiteral("claude-nova-9"), 10, 10, 0);
        unpriced.priced = false;
        ResultRow ok =
            makeResult(id, QStringLiteral("s1"), QStringLiteral("claude-opus-5-5"), 10, 10, 123);
        QCOMPARE(ledger.insertResults({errored, unpriced, ok}), qint64(3));
        const CostTotals t = ledger.costTotal();
        QCOMPARE(t.micros, Money(123));
        QCOMPARE(t.unpriced, qint64(1));
        QCOMPARE(t.errored, qint64(1));
        QCOMPARE(t.succeeded, qint64(2));
        const auto back = ledger.result(id, QStringLiteral("e1"));
        QCOMPARE(back->errorType, errored.errorType);
        QCOMPARE(back->errorMessage, errored.errorMessage);
        QCOMPARE(back->requestId, errored.requestId);
        QVERIFY(!ledger.result(id, QStringLiteral("u1"))->priced);

        QVERIFY(ledger.updateResultCost(id, QStringLiteral("u1"), 77, true));
        QCOMPARE(ledger.costTotal().micros, Money(200));
        QCOMPARE(ledger.costTotal().unpriced, qint64(0));
    }

    void missingCustomIds() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString localId = ledger.createDraft({});
        QList<StoredRequest> reqs;
        for (const char* c : {"a", "b", "c", "d"})
            reqs.append({QLatin1String(c), QByteArrayLiteral("{}"), 1});
        QVERIFY(ledger.storeRequests(localId, reqs));
        const MessageBatch b =
            makeBatch(QStringLiteral("msgbatch_miss"), MessageBatch::Status::Ended, 4);
        QVERIFY(ledger.attachBatch(localId, b));
        QCOMPARE(ledger.missingCustomIds(b.id),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                              QStringLiteral("d")}));
        QVERIFY(ledger.insertResults({makeResult(b.id, QStringLiteral("b"), QString(), 0, 0, 0),
                                      makeResult(b.id, QStringLiteral("d"), QString(), 0, 0, 0)}) ==
                2);
        QCOMPARE(ledger.missingCustomIds(b.id),
                 (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    }

    // New files get 16 KiB pages; a file made with SQLite's default 4 KiB keeps them and works.
    void pageSizeOfNewAndExistingFiles() {
        const QString fresh = freshPath();
        {
            Ledger ledger;
            QVERIFY(ledger.open(fresh));
        }
        {
            RawDb raw(fresh);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA page_size")).toInt(), 16384);
        }
        const QString old = freshPath();
        {
            RawDb raw(old);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA page_size=4096")));
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE t(x)")));
            QVERIFY(raw.exec(QStringLiteral("DROP TABLE t")));
        }
        {
            Ledger ledger;
            QVERIFY2(ledger.open(old), qPrintable(ledger.lastError()));
            const QString id = QStringLiteral("msgbatch_small_pages");
            QVERIFY(ledger.upsertBatch(makeBatch(id, MessageBatch::Status::Ended, 1)));
            QCOMPARE(
                ledger.insertResults({makeResult(id, QStringLiteral("a"), QString(), 1, 1, 1)}),
                qint64(1));
        }
        RawDb raw(old);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA page_size")).toInt(), 4096);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM results")).toInt(), 1);
    }

    // resultCoverage (one merge over the two custom_id indexes) gives the same answers as the
    // three separate queries: ids in byte order (upper case, digits, UTF-8), results that match
    // no request, a batch without stored requests, and an unknown batch.
    void resultCoverageMatchesTheQueries() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString localId = ledger.createDraft({});
        const QStringList ids{QStringLiteral("a"),      QStringLiteral("a1"),
                              QStringLiteral("B"),      QStringLiteral("b"),
                              QStringLiteral("\u00e9"), QStringLiteral("10"),
                              QStringLiteral("9"),      QStringLiteral("z-last"),
                              QStringLiteral("aa"),     QStringLiteral("\u4e2d")};
        QList<StoredRequest> reqs;
        for (const QString& id : ids)
            reqs.append({id, QByteArrayLiteral("{}"), 1});
        QVERIFY(ledger.storeRequests(localId, reqs));
        const MessageBatch b =
            makeBatch(QStringLiteral("msgbatch_cov"), MessageBatch::Status::Ended, ids.size());
        QVERIFY(ledger.attachBatch(localId, b));

        const auto check = [&](const QString& batchId, qint64 results, qint64 requests,
                               qint64 missing) {
            const std::optional<ResultCoverage> c = ledger.resultCoverage(batchId);
            QVERIFY2(c, qPrintable(ledger.lastError()));
            QCOMPARE(c->results, results);
            QCOMPARE(c->requests, requests);
            QCOMPARE(c->missing, missing);
            QCOMPARE(c->results, ledger.resultCount(batchId));
            QCOMPARE(c->requests, ledger.requestCount(batchId));
            QCOMPARE(c->missing, qint64(ledger.missingCustomIds(batchId).size()));
        };
        check(b.id, 0, 10, 10);
        // Every other id, plus two that match no request (before and after all the others).
        QList<ResultRow> rows;
        for (int i = 0; i < ids.size(); i += 2)
            rows.append(makeResult(b.id, ids.at(i), QString(), 1, 1, 1));
        rows.append(makeResult(b.id, QStringLiteral("0-stray"), QString(), 1, 1, 1));
        rows.append(makeResult(b.id, QStringLiteral("\uffee-stray"), QString(), 1, 1, 1));
        QCOMPARE(ledger.insertResults(rows), qint64(7));
        check(b.id, 7, 10, 5);
        rows.clear();
        for (int i = 1; i < ids.size(); i += 2)
            rows.append(makeResult(b.id, ids.at(i), QString(), 1, 1, 1));
        QCOMPARE(ledger.insertResults(rows), qint64(5));
        check(b.id, 12, 10, 0);

        // Created by another tool: results, no requests.
        const MessageBatch other =
            makeBatch(QStringLiteral("msgbatch_elsewhere"), MessageBatch::Status::Ended, 2);
        QVERIFY(ledger.upsertDiscoveredBatches({other}));
        QCOMPARE(
            ledger.insertResults({makeResult(other.id, QStringLiteral("x"), QString(), 1, 1, 1)}),
            qint64(1));
        check(other.id, 1, 0, 0);
        check(QStringLiteral("msgbatch_unknown"), 0, 0, 0);
    }

    // Writes between beginTransaction() and commitTransaction() land together, with one change
    // signal; a failed write inside rolls the whole group back.
    void groupedWrites() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString id = QStringLiteral("msgbatch_group");
        QVERIFY(ledger.upsertBatch(makeBatch(id, MessageBatch::Status::Ended, 4)));
        QSignalSpy changed(&ledger, &Ledger::changed);
        Ledger reader; // another connection sees nothing before the commit
        QVERIFY(reader.open(ledger.path()));

        QVERIFY(ledger.beginTransaction());
        QCOMPARE(ledger.insertResults({makeResult(id, QStringLiteral("r1"), QString(), 1, 1, 1)}),
                 qint64(1));
        QCOMPARE(ledger.insertResults({makeResult(id, QStringLiteral("r2"), QString(), 1, 1, 1)}),
                 qint64(1));
        QCOMPARE(reader.resultCount(id), qint64(0));
        QCOMPARE(changed.size(), 0);
        QVERIFY(ledger.commitTransaction());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ledger.resultCount(id), qint64(2));

        QVERIFY(ledger.beginTransaction());
        QCOMPARE(ledger.insertResults({makeResult(id, QStringLiteral("r3"), QString(), 1, 1, 1)}),
                 qint64(1));
        QCOMPARE(ledger.insertResults({makeResult(QStringLiteral("msgbatch_ghost"),
                                                  QStringLiteral("r4"), QString(), 1, 1, 1)}),
                 qint64(-1));
        QVERIFY(!ledger.commitTransaction());
        QCOMPARE(ledger.resultCount(id), qint64(2)); // r3 went with the failed group
        QCOMPARE(changed.size(), 1);
        // The connection is usable again.
        QCOMPARE(ledger.insertResults({makeResult(id, QStringLiteral("r3"), QString(), 1, 1, 1)}),
                 qint64(1));
        QCOMPARE(ledger.resultCount(id), qint64(3));
    }

    void retryQueueFlow() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString localId = ledger.createDraft({});
        QList<StoredRequest> reqs;
        for (const char* c : {"t1", "t2", "b1", "f1", "x1"})
            reqs.append({QLatin1String(c),
                         QByteArrayLiteral("{\"p\":\"") + QByteArray(c) + QByteArrayLiteral("\"}"),
                         1});
        QVERIFY(ledger.storeRequests(localId, reqs));
        const MessageBatch orig =
            makeBatch(QStringLiteral("msgbatch_orig"), MessageBatch::Status::Ended, 5);
        QVERIFY(ledger.attachBatch(localId, orig));

        const auto item = [&](const char* id, const char* type, const char* msg) {
            RetryItem it;
            it.batchId = orig.id;
            it.customId = QLatin1String(id);
            it.errorType = QLatin1String(type);
            it.errorMessage = QLatin1String(msg);
            it.retryClass = classifyRetry(QStringLiteral("errored"), it.errorType, it.errorMessage);
            return it;
        };
        QList<RetryItem> items{
            item("t1", "overloaded_error", "Overloaded"), item("t2", "api_error", "boom"),
            item("b1", "invalid_request_error", "Your credit balance is too low"),
            item("f1", "invalid_request_error", "bad max_tokens")};
        RetryItem expired;
        expired.batchId = orig.id;
        expired.customId = QStringLiteral("x1");
        expired.retryClass = RetryClass::Expired;
        items.append(expired);

        QSignalSpy spy(&ledger, &Ledger::changed);
        QCOMPARE(ledger.enqueueRetries(items), qint64(5));
        QCOMPARE(ledger.enqueueRetries(items), qint64(0)); // idempotent
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Ledger::Change>(), Ledger::Change::RetryQueue);

        QCOMPARE(ledger.retryItems().size(), 5);
        const auto transient = ledger.retryItems(RetryClass::Transient);
        QCOMPARE(transient.size(), 2);
        QCOMPARE(ledger.retryItems(RetryClass::Billing).size(), 1);
        QCOMPARE(ledger.retryItems(RetryClass::FixRequired).size(), 1);
        QCOMPARE(ledger.retryItems(RetryClass::Expired).size(), 1);
        QCOMPARE(transient.first().attempt, 1);

        QStringList skipped;
        const QString retryDraft =
            ledger.createRetryDraft({transient.at(0).id, transient.at(1).id}, {}, &skipped);
        QVERIFY2(!retryDraft.isEmpty(), qPrintable(ledger.lastError()));
        QVERIFY(skipped.isEmpty());
        QCOMPARE(ledger.retryItems(RetryClass::Transient).size(), 0);
        QCOMPARE(ledger.retryItems(RetryClass::Transient, RetryItem::State::Drafted).size(), 2);
        QCOMPARE(ledger.draft(retryDraft)->local.retryOf, orig.id);

        QList<StoredRequest> again;
        QVERIFY(ledger.forEachRequest(retryDraft, [&](const StoredRequest& r) {
            again.append(r);
            return true;
        }));
        QCOMPARE(again.size(), 2);
        QCOMPARE(again.at(0).customId, QStringLiteral("t1"));
        QCOMPARE(again.at(0).params, reqs.at(0).params);
        QCOMPARE(again.at(0).attempt, 2);

        // Drafted items cannot be drafted twice.
        QVERIFY(ledger.createRetryDraft({transient.at(0).id}, {}).isEmpty());

        QVERIFY(ledger.markDraftCreating(retryDraft));
        const MessageBatch retry =
            makeBatch(QStringLiteral("msgbatch_retry"), MessageBatch::Status::InProgress, 2);
        QVERIFY(ledger.attachBatch(retryDraft, retry));
        const auto resent = ledger.retryItems(RetryClass::Transient, RetryItem::State::Resent);
        QCOMPARE(resent.size(), 2);
        QCOMPARE(resent.at(0).resentBatchId, retry.id);
        QVERIFY(resent.at(0).resentAt.isValid());
        QCOMPARE(ledger.batch(retry.id)->local.retryOf, orig.id);
        QCOMPARE(ledger.retriesOf(orig.id).size(), 1);
        QCOMPARE(ledger.retriesOf(orig.id).first().batch.id, retry.id);

        // The retried item fails again: its attempt count comes from the stored request.
        RetryItem second = item("t1", "overloaded_error", "Overloaded");
        second.batchId = retry.id;
        QCOMPARE(ledger.enqueueRetries({second}), qint64(1));
        const auto pending = ledger.retryItems(RetryClass::Transient);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().attempt, 2);

        // Abandoning a retry draft puts its items back.
        const auto billing = ledger.retryItems(RetryClass::Billing);
        const QString d2 = ledger.createRetryDraft({billing.first().id}, {});
        QVERIFY(!d2.isEmpty());
        QVERIFY(ledger.abandonDraft(d2, QStringLiteral("not now")));
        QCOMPARE(ledger.retryItems(RetryClass::Billing).size(), 1);

        QVERIFY(ledger.dismissRetries({billing.first().id}));
        QCOMPARE(ledger.retryItems(RetryClass::Billing).size(), 0);
        QCOMPARE(ledger.retryItems(RetryClass::Billing, RetryItem::State::Dismissed).size(), 1);
    }

    void retryWithoutParamsIsSkipped() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(ledger.upsertDiscoveredBatches(
            {makeBatch(QStringLiteral("msgbatch_foreign"), MessageBatch::Status::Ended, 1)}));
        RetryItem it;
        it.batchId = QStringLiteral("msgbatch_foreign");
        it.customId = QStringLiteral("z");
        it.retryClass = RetryClass::Transient;
        QCOMPARE(ledger.enqueueRetries({it}), qint64(1));
        QStringList skipped;
        QVERIFY(ledger.createRetryDraft({ledger.retryItems().first().id}, {}, &skipped).isEmpty());
        QCOMPARE(skipped, QStringList{QStringLiteral("msgbatch_foreign/z")});
        QCOMPARE(ledger.retryItems().size(), 1); // still pending, nothing half-done
        QVERIFY(ledger.unattachedDrafts().isEmpty());
    }

    void costAggregations() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        MessageBatch a = makeBatch(QStringLiteral("msgbatch_a"), MessageBatch::Status::Ended, 3);
        MessageBatch b = makeBatch(QStringLiteral("msgbatch_b"), MessageBatch::Status::Ended, 2);
        QVERIFY(ledger.upsertBatches({a, b}));
        auto r1 =
            makeResult(a.id, QStringLiteral("1"), QStringLiteral("claude-opus-5-5"), 100, 10, 1000);
        r1.day = QDate(2026, 11, 1);
        auto r2 =
            makeResult(a.id, QStringLiteral("2"), QStringLiteral("claude-haiku-5-5"), 200, 20, 20);
        r2.day = QDate(2026, 11, 2);
        auto r3 =
            makeResult(a.id, QStringLiteral("3"), QStringLiteral("claude-opus-5-5"), 300, 30, 3000);
        r3.day = QDate(2026, 11, 2);
        auto r4 =
            makeResult(b.id, QStringLiteral("1"), QStringLiteral("claude-haiku-5-5"), 400, 40, 40);
        r4.day = QDate(2026, 11, 3);
        auto r5 =
            makeResult(b.id, QStringLiteral("2"), QStringLiteral("claude-unknown"), 500, 50, 0);
        r5.priced = false;
        r5.day = QDate(2026, 11, 3);
        QCOMPARE(ledger.insertResults({r1, r2, r3, r4, r5}), qint64(5));

        const CostTotals all = ledger.costTotal();
        QCOMPARE(all.micros, Money(4060));
        QCOMPARE(all.inputTokens, qint64(1500));
        QCOMPARE(all.outputTokens, qint64(150));
        QCOMPARE(all.unpriced, qint64(1));
        QCOMPARE(ledger.costTotal(QDate(2026, 11, 2)).micros, Money(3060));
        QCOMPARE(ledger.costTotal({}, b.id).micros, Money(40));

        const auto byModel = ledger.costBy(Ledger::Grouping::Model);
        QCOMPARE(byModel.size(), 3);
        QCOMPARE(byModel.at(0).key, QStringLiteral("claude-haiku-5-5"));
        QCOMPARE(byModel.at(0).totals.micros, Money(60));
        QCOMPARE(byModel.at(1).key, QStringLiteral("claude-opus-5-5"));
        QCOMPARE(byModel.at(1).totals.micros, Money(4000));
        QCOMPARE(byModel.at(2).key, QStringLiteral("claude-unknown"));
        QCOMPARE(byModel.at(2).totals.unpriced, qint64(1));
        QCOMPARE(byModel.at(2).totals.micros, Money(0));

        const auto byDay = ledger.costBy(Ledger::Grouping::Day);
        QCOMPARE(byDay.size(), 3);
        QCOMPARE(byDay.at(0).key, QStringLiteral("2026-11-01"));
        QCOMPARE(byDay.at(1).totals.micros, Money(3020));
        QCOMPARE(byDay.at(2).totals.results, qint64(2));

        const auto byBatch = ledger.costBy(Ledger::Grouping::Batch, QDate(2026, 11, 2));
        QCOMPARE(byBatch.size(), 2);
        QCOMPARE(byBatch.at(0).key, a.id);
        QCOMPARE(byBatch.at(0).totals.micros, Money(3020));
        QCOMPARE(byBatch.at(1).totals.micros, Money(40));

        QCOMPARE(ledger.spentInPeriod(BudgetSetting::Period::Total, QDate(2026, 11, 3)),
                 Money(4060));
        QCOMPARE(ledger.spentInPeriod(BudgetSetting::Period::Day, QDate(2026, 11, 3)), Money(40));
        QCOMPARE(ledger.spentInPeriod(BudgetSetting::Period::Month, QDate(2026, 12, 1)), Money(0));

        QVERIFY(ledger.setBudget({QStringLiteral("nov"), 4'100, BudgetSetting::Period::Month}));
        const auto status = ledger.budgetStatus(QStringLiteral("nov"), QDate(2026, 11, 15));
        QVERIFY(status);
        QCOMPARE(status->spent(), Money(4060));
        QCOMPARE(status->remaining(), Money(40));
        QVERIFY(!status->wouldExceed(40));
        QVERIFY(status->wouldExceed(41));
        QCOMPARE(ledger.budgetStatus(QStringLiteral("nov"), QDate(2026, 12, 1))->spent(), Money(0));
        QVERIFY(!ledger.budgetStatus(QStringLiteral("none")));
    }

    void alertsSettingsBudgets() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QSignalSpy spy(&ledger, &Ledger::changed);
        AlertRecord a;
        a.severity = QStringLiteral("warning");
        a.kind = QStringLiteral("errored_items");
        a.batchId = QStringLiteral("msgbatch_z");
        a.message = QStringLiteral("3 items failed");
        QVERIFY(ledger.logAlert(a) > 0);
        QCOMPARE(spy.last().at(0).value<Ledger::Change>(), Ledger::Change::Alerts);
        QCOMPARE(spy.last().at(1).toStringList(), QStringList{a.batchId});
        const auto list = ledger.alerts();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().message, a.message);
        QVERIFY(list.first().at.isValid());

        QVERIFY(ledger.setSetting(QStringLiteral("k"), QStringLiteral("v1")));
        QVERIFY(ledger.setSetting(QStringLiteral("k"), QStringLiteral("v2")));
        QCOMPARE(ledger.setting(QStringLiteral("k")), QStringLiteral("v2"));
        QCOMPARE(ledger.setting(QStringLiteral("nope"), QStringLiteral("d")), QStringLiteral("d"));
        QCOMPARE(spy.last().at(0).value<Ledger::Change>(), Ledger::Change::Settings);

        QVERIFY(ledger.setBudget(
            {QStringLiteral("monthly"), 50'000'000, BudgetSetting::Period::Month}));
        QVERIFY(ledger.setBudget(
            {QStringLiteral("monthly"), 75'000'000, BudgetSetting::Period::Month}));
        QVERIFY(!ledger.setBudget({QString(), 1, BudgetSetting::Period::Day}));
        const auto b = ledger.budget(QStringLiteral("monthly"));
        QVERIFY(b);
        QCOMPARE(b->limitMicros, Money(75'000'000));
        QCOMPARE(ledger.budgets().size(), 1);
        QVERIFY(ledger.removeBudget(QStringLiteral("monthly")));
        QVERIFY(!ledger.budget(QStringLiteral("monthly")));
    }

    void secondConnectionOnWorkerThread() {
        const QString path = freshPath();
        Ledger gui;
        QVERIFY(gui.open(path));
        QVERIFY(gui.upsertBatch(
            makeBatch(QStringLiteral("msgbatch_w"), MessageBatch::Status::Ended, 2000)));
        QSignalSpy notified(LedgerNotifier::instance(), &LedgerNotifier::changed);
        Qt::HANDLE emittingThread = nullptr;
        QObject receiver;
        connect(LedgerNotifier::instance(), &LedgerNotifier::changed, &receiver,
                [&](LedgerNotifier::Change, const QStringList&, const QString&) {
                    emittingThread = QThread::currentThreadId();
                });

        QString workerError;
        qint64 inserted = -1;
        QThread* worker = QThread::create([&] {
            auto ledger = Ledger::openForThisThread(path, &workerError);
            if (!ledger)
                return;
            QList<ResultRow> rows;
            for (int i = 0; i < 2000; ++i)
                rows.append(makeResult(QStringLiteral("msgbatch_w"), QString::number(i),
                                       QStringLiteral("claude-sonnet-5-5"), 1, 1, 5));
            inserted = ledger->insertResults(rows);
            if (inserted < 0)
                workerError = ledger->lastError();
        });
        worker->start();
        // Meanwhile the GUI connection keeps reading.
        while (!worker->isFinished()) {
            QVERIFY(gui.resultCount() >= 0);
            QCoreApplication::processEvents();
        }
        worker->wait();
        delete worker;
        QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
        QCOMPARE(inserted, qint64(2000));
        QTRY_VERIFY(!notified.isEmpty());
        QCOMPARE(notified.last().at(0).value<LedgerNotifier::Change>(),
                 LedgerNotifier::Change::Results);
        QCOMPARE(notified.last().at(2).toString(), path);
        QTRY_VERIFY(emittingThread != nullptr);
        QCOMPARE(emittingThread, QThread::currentThreadId()); // delivered queued, in our thread
        QCOMPARE(gui.resultCount(QStringLiteral("msgbatch_w")), qint64(2000));
        QCOMPARE(gui.costTotal().micros, Money(10'000));
    }

    void wrongThreadIsRefused() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        bool ok = true;
        QThread* t = QThread::create(
            [&] { ok = ledger.upsertBatch(makeBatch(QStringLiteral("msgbatch_t"))); });
        t->start();
        t->wait();
        delete t;
        QVERIFY(!ok);
        QVERIFY(ledger.lastError().contains(QStringLiteral("thread")));
        QVERIFY(!ledger.batch(QStringLiteral("msgbatch_t")));
    }

    void twoConnectionsMigrateTheSameNewFile() {
        const QString path = freshPath();
        Ledger first;
        Ledger second;
        QVERIFY(first.open(path));
        QVERIFY2(second.open(path), qPrintable(second.lastError()));
        QVERIFY(first.upsertBatch(makeBatch(QStringLiteral("msgbatch_1"))));
        QVERIFY(second.batch(QStringLiteral("msgbatch_1")));
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestLedger test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ledger.moc"
