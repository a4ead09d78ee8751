#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledgertesthelpers.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using namespace bs::ledgertest;

class TestDraftStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Intake's "custom_id already used" warning: the ids of a set the ledger has stored.
    void usedCustomIds() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString localId = DraftStore(ledger).create(BatchLocal());
        QVERIFY(DraftStore(ledger).storeRequests(
            localId, {StoredRequest{QStringLiteral("old-1"), QByteArrayLiteral("{}"), 1},
                      StoredRequest{QStringLiteral("old-2"), QByteArrayLiteral("{}"), 1}}));
        const QSet<QString> asked{QStringLiteral("old-2"), QStringLiteral("new-1")};
        QCOMPARE(DraftStore(ledger).usedCustomIds(asked), QSet<QString>{QStringLiteral("old-2")});
        QVERIFY(DraftStore(ledger).usedCustomIds({}).isEmpty());
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
        const QString localId = DraftStore(ledger).create(local);
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
        QVERIFY(DraftStore(ledger).storeRequests(localId, requests.mid(0, 20)));
        QVERIFY(DraftStore(ledger).storeRequests(localId, requests.mid(20)));
        QVERIFY(spy.count() >= 2);
        QCOMPARE(spy.last().at(0).value<Ledger::Change>(), Ledger::Change::Requests);

        {
            RawDb raw(path);
            // zstd (ParamsCodec::Zstd) for new rows; small params stay plain.
            QCOMPARE(raw.scalar(QStringLiteral("SELECT params_compressed FROM requests WHERE "
                                               "custom_id='row-big'"))
                         .toInt(),
                     2);
            QVERIFY(raw.scalar(QStringLiteral("SELECT length(params) FROM requests WHERE "
                                              "custom_id='row-big'"))
                        .toInt() < 10'000);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT params_compressed FROM requests WHERE "
                                               "custom_id='row-0001'"))
                         .toInt(),
                     0);
        }

        QList<StoredRequest> streamed;
        QVERIFY(DraftStore(ledger).forEachRequest(localId, [&](const StoredRequest& r) {
            streamed.append(r);
            return true;
        }));
        QCOMPARE(streamed, requests); // same order, same bytes, attempt 1

        auto d = DraftStore(ledger).find(localId);
        QVERIFY(d);
        QCOMPARE(d->state, DraftInfo::State::Stored);
        QCOMPARE(d->requestCount, qint64(51));
        QCOMPARE(DraftStore(ledger).unattached().size(), 1);

        QVERIFY(DraftStore(ledger).markCreating(localId));
        QVERIFY(
            !DraftStore(ledger).storeRequests(localId, requests.mid(0, 1))); // no more once sending
        MessageBatch created =
            makeBatch(QStringLiteral("msgbatch_wa"), MessageBatch::Status::InProgress, 51);
        created.createdAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(DraftStore(ledger).matchForBatch(created), localId);
        QVERIFY(DraftStore(ledger).attach(localId, created));
        QVERIFY(DraftStore(ledger).unattached().isEmpty());
        QCOMPARE(DraftStore(ledger).find(localId)->batchId, created.id);

        const auto rec = BatchStore(ledger).find(created.id);
        QVERIFY(rec);
        QCOMPARE(rec->local.sourceFile, local.sourceFile);
        QCOMPARE(rec->local.sourceSha256, local.sourceSha256);
        QCOMPARE(rec->local.localId, localId);
        QVERIFY(rec->local.submittedAt.isValid());
        QCOMPARE(DraftStore(ledger).requestCount(created.id), qint64(51));

        const auto some = DraftStore(ledger).requestsOfBatch(
            created.id,
            {QStringLiteral("row-big"), QStringLiteral("row-0007"), QStringLiteral("row-nope")});
        QCOMPARE(some.size(), 2);
        QCOMPARE(some.value(QStringLiteral("row-big")).params, big.params);
        QCOMPARE(some.value(QStringLiteral("row-0007")).params, requests.at(7).params);
        QCOMPARE(DraftStore(ledger).requestsOfBatch(created.id, {}).size(), 51);

        QVERIFY(DraftStore(ledger).attach(localId, created)); // repeating the attach is harmless
    }

    // Mixed-text params as the fixtures hold them: zstd'ed, half the size or less, and read back
    // byte for byte (key order, a 2^53 + 1 integer, escapes, non-ASCII, a trailing space).
    void zstdRoundTrip() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const QString localId = DraftStore(ledger).create(BatchLocal());
        QList<StoredRequest> requests;
        qint64 plainBytes = 0;
        for (int i = 0; i < 200; ++i) {
            QByteArray text;
            while (text.size() < 2500)
                text += QByteArray(i % 2 ? "데이터 café \\n \"quoted\" " : "the ledger batch ") +
                        QByteArray::number(i * 7919 % 1013) + ' ';
            StoredRequest r;
            r.customId = QStringLiteral("z-%1").arg(i);
            r.params = "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":9007199254740993,"
                       "\"messages\":[{\"role\":\"user\",\"content\":\"" +
                       text + "\"}], \"a\":1 } ";
            plainBytes += r.params.size();
            requests.append(r);
        }
        QVERIFY(DraftStore(ledger).storeRequests(localId, requests));
        {
            RawDb raw(path);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM requests WHERE "
                                               "params_compressed = 2"))
                         .toInt(),
                     200);
            const qint64 stored =
                raw.scalar(QStringLiteral("SELECT SUM(length(params)) FROM requests")).toLongLong();
            QVERIFY2(stored * 2 <= plainBytes, qPrintable(QString::number(stored)));
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT SUM(params_size) FROM requests")).toLongLong(),
                plainBytes);
        }
        QList<StoredRequest> back;
        QVERIFY(DraftStore(ledger).forEachRequest(localId, [&](const StoredRequest& r) {
            back.append(r);
            return true;
        }));
        QCOMPARE(back, requests);
    }

    // A ledger written by an older version holds qCompress'ed rows (params_compressed = 1): they
    // are still read, next to new zstd rows; a damaged row fails the stream with a message.
    void readsOldQCompressRows() {
        const QString path = freshPath();
        Ledger ledger;
        QVERIFY(ledger.open(path));
        const QString localId = DraftStore(ledger).create(BatchLocal());
        const QByteArray oldParams = "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":16,"
                                     "\"messages\":[{\"role\":\"user\",\"content\":\"" +
                                     QByteArray(6000, 'q') + "\"}]}";
        {
            RawDb raw(path);
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO requests(local_id, custom_id, seq, params, "
                                        "params_compressed, params_size) VALUES('%1', 'old', "
                                        "1, X'%2', 1, %3)")
                             .arg(localId, QString::fromLatin1(qCompress(oldParams).toHex()))
                             .arg(oldParams.size())));
        }
        const StoredRequest fresh{QStringLiteral("new"), oldParams + ' ', 1};
        QVERIFY(DraftStore(ledger).storeRequests(localId, {fresh}));
        QList<StoredRequest> back;
        QVERIFY(DraftStore(ledger).forEachRequest(localId, [&](const StoredRequest& r) {
            back.append(r);
            return true;
        }));
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).customId, QStringLiteral("old"));
        QCOMPARE(back.at(0).params, oldParams);
        QCOMPARE(back.at(1), fresh);

        {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral(
                "UPDATE requests SET params = X'28b52ffd00' WHERE custom_id = 'new'")));
        }
        QVERIFY(
            !DraftStore(ledger).forEachRequest(localId, [](const StoredRequest&) { return true; }));
        QVERIFY2(ledger.lastError().contains(QLatin1String("damaged")),
                 qPrintable(ledger.lastError()));
    }

    void crashReconciliation() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        // Stored but never sent: safe to send; creating: reconcile by count and time.
        const QString stored = DraftStore(ledger).create({});
        QVERIFY(DraftStore(ledger).storeRequests(stored, {{QStringLiteral("a"), "{}", 1}}));
        const QString creating = DraftStore(ledger).create({});
        QVERIFY(DraftStore(ledger).storeRequests(
            creating, {{QStringLiteral("a"), "{}", 1}, {QStringLiteral("b"), "{}", 1}}));
        QVERIFY(DraftStore(ledger).markCreating(creating));

        const auto open = DraftStore(ledger).unattached();
        QCOMPARE(open.size(), 2);

        MessageBatch seen =
            makeBatch(QStringLiteral("msgbatch_seen"), MessageBatch::Status::InProgress, 2);
        seen.createdAt = QDateTime::currentDateTimeUtc().addSecs(3);
        QCOMPARE(DraftStore(ledger).matchForBatch(seen), creating);
        seen.requestCounts.processing = 3; // other size: not ours
        QVERIFY(DraftStore(ledger).matchForBatch(seen).isEmpty());
        seen.requestCounts.processing = 2;
        seen.createdAt = seen.createdAt.addSecs(-7200); // far earlier: not ours
        QVERIFY(DraftStore(ledger).matchForBatch(seen).isEmpty());

        QVERIFY(DraftStore(ledger).abandon(stored, QStringLiteral("user canceled")));
        QCOMPARE(DraftStore(ledger).find(stored)->state, DraftInfo::State::Abandoned);
        QVERIFY(!DraftStore(ledger).abandon(stored, QString())); // only once
        QCOMPARE(DraftStore(ledger).unattached().size(), 1);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestDraftStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_draftstore.moc"
