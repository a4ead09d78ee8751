// RetrySubmitter against a real batchscope-sim and SQLite: a batch with transient errors
// (--error-rate) and invalid params is ingested; a retry of class transient creates a new batch
// holding exactly those custom_ids with their original params, lineage and attempt recorded;
// batches of other tools are refused.
#include "api/apiclient.h"
#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/retryqueue.h"
#include "monitor/draftsubmitter.h"
#include "monitor/poller.h"
#include "monitor/retrysubmitter.h"
#include "simclient.h"
#include "simprocess.h"
#include "testenv.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

class TestRetrySubmitter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void retriesTransientItemsWithTheirParams() {
        QTemporaryDir dir;
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet"),
                       QStringLiteral("--seed"), QStringLiteral("11"),
                       QStringLiteral("--error-rate"), QStringLiteral("0.5")}),
            qPrintable(sim.errorString()));
        const QString path = dir.filePath(QStringLiteral("retry.sqlite"));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.apiKey = SimProcess::fakeKey();
        ApiClient client(config);

        // 20 requests: 18 valid, 2 without max_tokens (errored later as invalid_request_error).
        QHash<QString, QByteArray> params;
        QList<StoredRequest> requests;
        for (int i = 0; i < 20; ++i) {
            const QString id = QStringLiteral("item-%1").arg(i, 2, 10, QLatin1Char('0'));
            QJsonObject p = SimClient::params(QStringLiteral("question %1").arg(i), 32);
            if (i == 3 || i == 17)
                p.remove(QStringLiteral("max_tokens"));
            const QByteArray bytes = QJsonDocument(p).toJson(QJsonDocument::Compact);
            params.insert(id, bytes);
            requests.append(StoredRequest{id, bytes, 1});
        }
        BatchLocal local;
        local.sourceFile = QStringLiteral("/tmp/input.jsonl");
        const QString draft = DraftStore(ledger).create(local);
        QVERIFY(!draft.isEmpty());
        QVERIFY(DraftStore(ledger).storeRequests(draft, requests));
        DraftSubmitter submitter(&client, &ledger);
        QSignalSpy submitted(&submitter, &DraftSubmitter::finished);
        submitter.submit(draft);
        QVERIFY(submitted.wait(30000));
        const auto created = submitted.first().first().value<DraftSubmitter::Result>();
        QVERIFY2(created.ok, qPrintable(created.message));
        const QString batchId = created.batch.id;
        QCOMPARE(BatchStore(ledger).find(batchId)->local.localId, draft);

        // Poll until ended; the poller ingests (results + retry queue).
        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        IngestOptions options;
        options.api = config;
        options.ledgerPath = path;
        poller.enableIngestion(options);
        QSignalSpy ingested(&poller, &Poller::ingestionDone);
        QSignalSpy cycles(&poller, &Poller::cycleFinished);
        poller.pollNow();
        QVERIFY(cycles.wait(30000));
        QVERIFY(ingested.wait(30000));
        QVERIFY(ingested.first().first().value<IngestReport>().isComplete());

        QStringList transient;
        QStringList fixRequired;
        for (const RetryItem& item : RetryQueue(ledger).items(RetryClass::Transient))
            if (item.batchId == batchId)
                transient.append(item.customId);
        for (const RetryItem& item : RetryQueue(ledger).items(RetryClass::FixRequired))
            if (item.batchId == batchId)
                fixRequired.append(item.customId);
        fixRequired.sort();
        QCOMPARE(fixRequired, (QStringList{QStringLiteral("item-03"), QStringLiteral("item-17")}));
        QVERIFY2(!transient.isEmpty(), "the seed gave no transient errors");
        transient.sort();

        // An item refused for its key or workspace (authentication_error / permission_error) is
        // queued as access_denied, and no default (unnamed) retry ever picks it.
        RetryItem denied;
        denied.batchId = batchId;
        denied.customId = QStringLiteral("item-denied");
        denied.retryClass =
            classifyRetry(QStringLiteral("errored"), QStringLiteral("permission_error"),
                          QStringLiteral("Your API key does not have permission to use the "
                                         "specified resource."));
        QCOMPARE(denied.retryClass, RetryClass::AccessDenied);
        QCOMPARE(RetryQueue(ledger).enqueue({denied}), qint64(1));
        QVERIFY(!RetrySubmitter::defaultClasses().contains(RetryClass::AccessDenied));

        RetrySubmitter retry(&client, &ledger);
        QSignalSpy done(&retry, &RetrySubmitter::finished);
        QVERIFY(retry.retryClasses(batchId, {RetryClass::Transient}));
        QVERIFY(done.wait(30000));
        const auto result = done.first().first().value<RetrySubmitter::Result>();
        QVERIFY2(result.ok, qPrintable(result.message));
        QVERIFY(!result.newBatchId.isEmpty());
        QVERIFY(result.newBatchId != batchId);
        QStringList sent = result.customIds;
        sent.sort();
        QCOMPARE(sent, transient);

        // Lineage and write-ahead: the new batch's draft holds exactly those items, same params.
        const auto rec = BatchStore(ledger).find(result.newBatchId);
        QVERIFY(rec);
        QCOMPARE(rec->local.retryOf, batchId);
        QVERIFY(!rec->discovered);
        QCOMPARE(rec->batch.requestCounts.total(), qint64(transient.size()));
        QStringList stored;
        QVERIFY(DraftStore(ledger).forEachRequest(result.localId, [&](const StoredRequest& r) {
            stored.append(r.customId);
            if (r.params != params.value(r.customId) || r.attempt != 2)
                stored.append(QStringLiteral("MISMATCH ") + r.customId);
            return true;
        }));
        stored.sort();
        QCOMPARE(stored, transient);
        // The queue items are resent, the fix_required ones still pending.
        for (const RetryItem& item :
             RetryQueue(ledger).items(RetryClass::Transient, RetryItem::State::Resent)) {
            if (item.batchId == batchId)
                QCOMPARE(item.resentBatchId, result.newBatchId);
        }
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Transient, RetryItem::State::Pending).size(),
                 0);
        QCOMPARE(RetryQueue(ledger).items(RetryClass::FixRequired).size(), 2);

        // Nothing left in that class: refused, nothing sent.
        done.clear();
        QVERIFY(!retry.retryClasses(batchId, {RetryClass::Transient}));
        QVERIFY(done.wait(5000));
        QVERIFY(!done.first().first().value<RetrySubmitter::Result>().ok);
        // Nor does a retry of the default classes: the access_denied item stays pending.
        done.clear();
        QVERIFY(!retry.retryClasses(batchId));
        QVERIFY(done.wait(5000));
        QVERIFY(!done.first().first().value<RetrySubmitter::Result>().ok);
        const auto stillDenied = RetryQueue(ledger).items(RetryClass::AccessDenied);
        QCOMPARE(stillDenied.size(), 1);
        QCOMPARE(stillDenied.first().customId, QStringLiteral("item-denied"));

        // Explicit custom_ids: one of the fix_required items can be sent on purpose.
        done.clear();
        QVERIFY(retry.retryCustomIds(batchId, {QStringLiteral("item-03")}));
        QVERIFY(done.wait(30000));
        QVERIFY(done.first().first().value<RetrySubmitter::Result>().ok);
        // A succeeded (or unknown) item is not waiting for a retry: refused.
        done.clear();
        QVERIFY(!retry.retryCustomIds(batchId, {QStringLiteral("no-such-item")}));
        QVERIFY(done.wait(5000));
        QVERIFY(done.first().first().value<RetrySubmitter::Result>().message.contains(
            QLatin1String("no-such-item")));
    }

    void discoveredBatchesAreRefused() {
        QTemporaryDir dir;
        SimProcess sim;
        QVERIFY2(
            sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet"),
                       QStringLiteral("--error-rate"), QStringLiteral("1")}),
            qPrintable(sim.errorString()));
        const QString path = dir.filePath(QStringLiteral("foreign.sqlite"));
        Ledger ledger;
        QVERIFY(ledger.open(path));
        ApiConfig config;
        config.baseUrl = sim.baseUrl();
        config.apiKey = SimProcess::fakeKey();
        ApiClient client(config);
        SimClient other(sim.baseUrl(), SimProcess::fakeKey());
        const auto reply = other.create(QJsonArray{
            SimClient::request(QStringLiteral("f1"), SimClient::params(QStringLiteral("x"), 8))});
        QCOMPARE(reply.status, 200);
        const QString id = reply.json().value(QLatin1String("id")).toString();

        Poller poller(&client, &ledger);
        poller.setWatchReachability(false);
        IngestOptions options;
        options.api = config;
        options.ledgerPath = path;
        poller.enableIngestion(options);
        QSignalSpy ingested(&poller, &Poller::ingestionDone);
        poller.pollNow();
        QVERIFY(ingested.wait(30000));
        QVERIFY(BatchStore(ledger).find(id)->discovered);
        QCOMPARE(RetryQueue(ledger).items(RetryClass::Transient).size(), 1); // its item failed

        RetrySubmitter retry(&client, &ledger);
        QSignalSpy done(&retry, &RetrySubmitter::finished);
        QVERIFY(!retry.retryClasses(id, {RetryClass::Transient}));
        QVERIFY(done.wait(5000));
        const auto result = done.first().first().value<RetrySubmitter::Result>();
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(QLatin1String("another tool")),
                 qPrintable(result.message));
        QCOMPARE(DraftStore(ledger).unattached().size(), 0); // nothing written
        QCOMPARE(BatchStore(ledger).all().size(), 1);        // nothing sent

        // Attaching a file that is not its source is refused (count / custom_id mismatch).
        auto writeJsonl = [&dir](const QString& name, const QStringList& ids) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly))
                return QString();
            for (const QString& id : ids)
                f.write(QJsonDocument(QJsonObject{{QStringLiteral("custom_id"), id},
                                                  {QStringLiteral("params"),
                                                   SimClient::params(QStringLiteral("x"), 8)}})
                            .toJson(QJsonDocument::Compact) +
                        '\n');
            return f.fileName();
        };
        const QString wrongCount =
            writeJsonl(QStringLiteral("two.jsonl"), {QStringLiteral("f1"), QStringLiteral("f2")});
        QVERIFY(retry.attachSourceFile(id, wrongCount).contains(QLatin1String("not the file")));
        const QString wrongId = writeJsonl(QStringLiteral("other.jsonl"), {QStringLiteral("g1")});
        QVERIFY(retry.attachSourceFile(id, wrongId).contains(QLatin1String("g1")) ||
                retry.attachSourceFile(id, wrongId).contains(QLatin1String("f1")));
        QVERIFY(BatchStore(ledger).find(id)->discovered);

        // With its source file attached it becomes re-sendable, params from the file.
        const QString source = writeJsonl(QStringLiteral("source.jsonl"), {QStringLiteral("f1")});
        const QString attachError = retry.attachSourceFile(id, source);
        QVERIFY2(attachError.isEmpty(), qPrintable(attachError));
        QVERIFY(!BatchStore(ledger).find(id)->discovered);
        QCOMPARE(BatchStore(ledger).find(id)->local.sourceFile,
                 QFileInfo(source).absoluteFilePath());
        done.clear();
        QVERIFY(retry.retryClasses(id, {RetryClass::Transient}));
        QVERIFY(done.wait(30000));
        const auto resent = done.first().first().value<RetrySubmitter::Result>();
        QVERIFY2(resent.ok, qPrintable(resent.message));
        QCOMPARE(resent.customIds, QStringList{QStringLiteral("f1")});
        QCOMPARE(BatchStore(ledger).find(resent.newBatchId)->local.retryOf, id);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestRetrySubmitter t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_retrysubmitter.moc"
