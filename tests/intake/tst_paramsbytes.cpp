// A request is sent byte for byte as the user wrote it. A recording server on loopback
// (ScriptedServer) receives the create bodies; the params of a line with keys in a
// non-alphabetical order, an integer of 2^53 + 1, escapes, spacing and Unicode must arrive
// exactly as they stood in the file: at submit (scanner -> ledger -> DraftSubmitter), at retry
// (RetryQueue -> RetrySubmitter) and after attaching the source file of a batch made elsewhere.
// FileSubmitter sends the body it wrote while storing: byte for byte the body built from the
// ledger (DraftSubmitter's way, for a draft sent later).
#include "api/apiclient.h"
#include "intake/jsonlscanner.h"
#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/retryqueue.h"
#include "monitor/createbodyfile.h"
#include "monitor/draftsubmitter.h"
#include "monitor/filesubmitter.h"
#include "monitor/retrysubmitter.h"
#include "scriptedserver.h"
#include "testenv.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::ScriptedServer;

namespace {

// Keys out of order, 2^53 + 1, a nested schema whose property order matters, escapes, spaces.
const QByteArray kParams = QByteArrayLiteral(
    R"({"model":"claude-haiku-5-5", "max_tokens": 64,"zeta":true,"alpha":9007199254740993,)"
    R"("output_config":{"format":{"type":"json_schema","schema":{"type":"object","properties":)"
    R"({"z":{"type":"string"},"a":{"type":"integer","maximum":18446744073709551615}}}}},)"
    R"("messages":[{"role":"user","content":"caf\u00e9 \"q\" 한국어 \/ 1.50e+3"}]})");

QByteArray line(const QByteArray& customId, const QByteArray& params) {
    return "{\"custom_id\":\"" + customId + "\",  \"params\" :  " + params + " }";
}

QByteArray batchJson(const QByteArray& id, int requests) {
    return QByteArrayLiteral(R"({"id":")") + id +
           QByteArrayLiteral(R"(","type":"message_batch","processing_status":"in_progress",)"
                             R"("request_counts":{"processing":)") +
           QByteArray::number(requests) +
           QByteArrayLiteral(
               R"(,"succeeded":0,"errored":0,"canceled":0,"expired":0},)"
               R"("created_at":"2026-11-29T10:00:00.000000Z",)"
               R"("expires_at":"2026-11-30T10:00:00.000000Z","ended_at":null,)"
               R"("cancel_initiated_at":null,"archived_at":null,"results_url":null})");
}

// The params of the one request of a recorded create body, as bytes.
QByteArray paramsIn(const QByteArray& body, const QByteArray& customId) {
    const QByteArray head = "{\"requests\":[{\"custom_id\":\"" + customId + "\",\"params\":";
    if (!body.startsWith(head) || !body.endsWith("}]}"))
        return "UNEXPECTED BODY: " + body.left(200);
    return body.mid(head.size(), body.size() - head.size() - 3);
}

} // namespace

class TestParamsBytes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fileSubmitterSendsTheBodyOfTheLedger() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ScriptedServer server;
        QVERIFY(server.listen());
        int created = 0;
        server.handler = [&created](const ScriptedServer::Request& request) {
            if (request.method == "POST" && request.target.startsWith("/v1/messages/batches"))
                return ScriptedServer::json(
                    200, batchJson("msgbatch_file" + QByteArray::number(++created), 2));
            return ScriptedServer::apiError(404, "not_found_error", "unexpected");
        };
        Ledger ledger;
        QVERIFY(ledger.open(dir.filePath(QStringLiteral("file.sqlite"))));
        ApiConfig config;
        config.baseUrl = server.baseUrl();
        config.apiKey = QStringLiteral("sk-ant-test-bytes");
        ApiClient client(config);
        const QString source = dir.filePath(QStringLiteral("file.jsonl"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 5; ++i)
                f.write(line("file-" + QByteArray::number(i), kParams) + (i == 1 ? "\r\n" : "\n"));
        }
        FileSubmitter fs(&client, &ledger);
        FileSubmitter::Options options;
        options.limits.maxRequests = 2; // three parts: 2, 2, 1
        options.acceptWarnings = true;
        QSignalSpy done(&fs, &FileSubmitter::finished);
        fs.submit(source, options);
        QVERIFY(done.wait(20000));
        const auto r = done.first().first().value<FileSubmitter::Result>();
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.localIds.size(), 3);
        QCOMPARE(server.requests().size(), 3);
        for (int i = 0; i < 3; ++i) {
            QString error;
            const auto body = CreateBodyFile::open(ledger.path(), &error);
            QVERIFY2(body, qPrintable(error));
            QVERIFY(
                DraftStore(ledger).forEachRequest(r.localIds.at(i), [&](const StoredRequest& q) {
                    return body->append(q.customId, q.params);
                }));
            QVERIFY(body->finish());
            QVERIFY(body->file()->seek(0));
            QCOMPARE(server.requests().at(i).body, body->file()->readAll());
        }
        QCOMPARE(paramsIn(server.requests().at(2).body, "file-4"), kParams);
    }

    void sentAsWrittenAtSubmitAndRetry() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ScriptedServer server;
        QVERIFY(server.listen());
        int created = 0;
        server.handler = [&created](const ScriptedServer::Request& request) {
            if (request.method == "POST" && request.target.startsWith("/v1/messages/batches"))
                return ScriptedServer::json(
                    200, batchJson("msgbatch_rec" + QByteArray::number(++created), 1));
            return ScriptedServer::apiError(404, "not_found_error", "unexpected");
        };
        Ledger ledger;
        QVERIFY(ledger.open(dir.filePath(QStringLiteral("bytes.sqlite"))));
        ApiConfig config;
        config.baseUrl = server.baseUrl();
        config.apiKey = QStringLiteral("sk-ant-test-bytes");
        ApiClient client(config);

        // The file, read by the one reader into the ledger, as `submit` does.
        const QString source = dir.filePath(QStringLiteral("exact.jsonl"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(line("exact-1", kParams) + "\r\n");
        }
        JsonlScanner scanner(source);
        QList<StoredRequest> requests;
        QVERIFY(scanner.scan([&](const JsonlScanner::Request& r) {
            requests.append(
                StoredRequest{QString::fromLatin1(r.customId), r.params.toByteArray(), 1});
            return true;
        }));
        QCOMPARE(scanner.errorCount(), 0);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().params, kParams);

        const QString draft = DraftStore(ledger).create(BatchLocal());
        QVERIFY(DraftStore(ledger).storeRequests(draft, requests));
        DraftSubmitter submitter(&client, &ledger);
        QSignalSpy submitted(&submitter, &DraftSubmitter::finished);
        submitter.submit(draft);
        QVERIFY(submitted.wait(10000));
        const auto first = submitted.first().first().value<DraftSubmitter::Result>();
        QVERIFY2(first.ok, qPrintable(first.message));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(paramsIn(server.requests().last().body, "exact-1"), kParams);

        // Retry: the item failed; the retry sends the stored bytes again.
        RetryItem item;
        item.batchId = first.batch.id;
        item.customId = QStringLiteral("exact-1");
        item.retryClass = RetryClass::Transient;
        QCOMPARE(RetryQueue(ledger).enqueue({item}), qint64(1));
        RetrySubmitter retry(&client, &ledger);
        QSignalSpy retried(&retry, &RetrySubmitter::finished);
        QVERIFY(retry.retryClasses(first.batch.id, {RetryClass::Transient}));
        QVERIFY(retried.wait(10000));
        const auto second = retried.first().first().value<RetrySubmitter::Result>();
        QVERIFY2(second.ok, qPrintable(second.message));
        QCOMPARE(server.requests().size(), 2);
        QCOMPARE(paramsIn(server.requests().last().body, "exact-1"), kParams);

        // A batch made by another tool: its source file is attached, then an item retried.
        QJsonParseError pe;
        const QJsonObject other =
            QJsonDocument::fromJson(batchJson("msgbatch_elsewhere", 1), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QVERIFY(BatchStore(ledger).upsertDiscovered({MessageBatch::fromJson(other)}));
        const QString attached = dir.filePath(QStringLiteral("attached.jsonl"));
        {
            QFile f(attached);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(line("other-1", kParams) + "\n");
        }
        const QString attachError =
            retry.attachSourceFile(QStringLiteral("msgbatch_elsewhere"), attached);
        QVERIFY2(attachError.isEmpty(), qPrintable(attachError));
        item.batchId = QStringLiteral("msgbatch_elsewhere");
        item.customId = QStringLiteral("other-1");
        QCOMPARE(RetryQueue(ledger).enqueue({item}), qint64(1));
        retried.clear();
        QVERIFY(retry.retryClasses(QStringLiteral("msgbatch_elsewhere"), {RetryClass::Transient}));
        QVERIFY(retried.wait(10000));
        const auto third = retried.first().first().value<RetrySubmitter::Result>();
        QVERIFY2(third.ok, qPrintable(third.message));
        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(paramsIn(server.requests().last().body, "other-1"), kParams);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestParamsBytes t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_paramsbytes.moc"
