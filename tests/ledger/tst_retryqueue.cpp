#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/retryqueue.h"
#include "ledgertesthelpers.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace bs;
using namespace bs::ledgertest;

class TestRetryQueue : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("ledger-%1.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void retryQueueFlow() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        const QString localId = DraftStore(ledger).create({});
        QList<StoredRequest> reqs;
        for (const char* c : {"t1", "t2", "b1", "f1", "x1"})
            reqs.append({QLatin1String(c),
                         QByteArrayLiteral("{\"p\":\"") + QByteArray(c) + QByteArrayLiteral("\"}"),
                         1});
        QVERIFY(DraftStore(ledger).storeRequests(localId, reqs));
        const MessageBatch orig =
            makeBatch(QStringLiteral("msgbatch_orig"), MessageBatch::Status::Ended, 5);
        QVERIFY(DraftStore(ledger).attach(localId, orig));

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
        QCOMPARE(RetryQueue(ledger).enqueue(items), qint64(5));
        QCOMPARE(RetryQueue(ledger).enqueue(items), qint64(0)); // idempotent
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Ledger::Change>(), Ledger::Change::RetryQueue);

        QCOMPARE(RetryQueue(ledger).items().size(), 5);
        const auto transient = RetryQueue(ledger).items(RetryClass::Transient);
        QCOMPARE(transient.size(), 2);
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Billing).size(), 1);
        QCOMPARE(RetryQueue(ledger).items(RetryClass::FixRequired).size(), 1);
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Expired).size(), 1);
        QCOMPARE(transient.first().attempt, 1);

        QStringList skipped;
        const QString retryDraft =
            RetryQueue(ledger).createDraft({transient.at(0).id, transient.at(1).id}, {}, &skipped);
        QVERIFY2(!retryDraft.isEmpty(), qPrintable(ledger.lastError()));
        QVERIFY(skipped.isEmpty());
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Transient).size(), 0);
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Transient, RetryItem::State::Drafted).size(),
                 2);
        QCOMPARE(DraftStore(ledger).find(retryDraft)->local.retryOf, orig.id);

        QList<StoredRequest> again;
        QVERIFY(DraftStore(ledger).forEachRequest(retryDraft, [&](const StoredRequest& r) {
            again.append(r);
            return true;
        }));
        QCOMPARE(again.size(), 2);
        QCOMPARE(again.at(0).customId, QStringLiteral("t1"));
        QCOMPARE(again.at(0).params, reqs.at(0).params);
        QCOMPARE(again.at(0).attempt, 2);

        // Drafted items cannot be drafted twice.
        QVERIFY(RetryQueue(ledger).createDraft({transient.at(0).id}, {}).isEmpty());

        QVERIFY(DraftStore(ledger).markCreating(retryDraft));
        const MessageBatch retry =
            makeBatch(QStringLiteral("msgbatch_retry"), MessageBatch::Status::InProgress, 2);
        QVERIFY(DraftStore(ledger).attach(retryDraft, retry));
        const auto resent =
            RetryQueue(ledger).items(RetryClass::Transient, RetryItem::State::Resent);
        QCOMPARE(resent.size(), 2);
        QCOMPARE(resent.at(0).resentBatchId, retry.id);
        QVERIFY(resent.at(0).resentAt.isValid());
        QCOMPARE(BatchStore(ledger).find(retry.id)->local.retryOf, orig.id);
        QCOMPARE(BatchStore(ledger).retriesOf(orig.id).size(), 1);
        QCOMPARE(BatchStore(ledger).retriesOf(orig.id).first().batch.id, retry.id);

        // The retried item fails again: its attempt count comes from the stored request.
        RetryItem second = item("t1", "overloaded_error", "Overloaded");
        second.batchId = retry.id;
        QCOMPARE(RetryQueue(ledger).enqueue({second}), qint64(1));
        const auto pending = RetryQueue(ledger).items(RetryClass::Transient);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().attempt, 2);

        // Abandoning a retry draft puts its items back.
        const auto billing = RetryQueue(ledger).items(RetryClass::Billing);
        const QString d2 = RetryQueue(ledger).createDraft({billing.first().id}, {});
        QVERIFY(!d2.isEmpty());
        QVERIFY(DraftStore(ledger).abandon(d2, QStringLiteral("not now")));
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Billing).size(), 1);

        QVERIFY(RetryQueue(ledger).dismiss({billing.first().id}));
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Billing).size(), 0);
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Billing, RetryItem::State::Dismissed).size(),
                 1);
    }

    void retryWithoutParamsIsSkipped() {
        Ledger ledger;
        QVERIFY(ledger.open(freshPath()));
        QVERIFY(BatchStore(ledger).upsertDiscovered(
            {makeBatch(QStringLiteral("msgbatch_foreign"), MessageBatch::Status::Ended, 1)}));
        RetryItem it;
        it.batchId = QStringLiteral("msgbatch_foreign");
        it.customId = QStringLiteral("z");
        it.retryClass = RetryClass::Transient;
        QCOMPARE(RetryQueue(ledger).enqueue({it}), qint64(1));
        QStringList skipped;
        QVERIFY(RetryQueue(ledger)
                    .createDraft({RetryQueue(ledger).items().first().id}, {}, &skipped)
                    .isEmpty());
        QCOMPARE(skipped, QStringList{QStringLiteral("msgbatch_foreign/z")});
        QCOMPARE(RetryQueue(ledger).items().size(), 1); // still pending, nothing half-done
        QVERIFY(DraftStore(ledger).unattached().isEmpty());
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestRetryQueue test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_retryqueue.moc"
