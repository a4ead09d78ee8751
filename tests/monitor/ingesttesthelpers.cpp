#include "ingesttesthelpers.h"
#include "apijobwait.h"

#include "api/batchjob.h"
#include "api/batchrequestsbuilder.h"
#include "cost/costcalculator.h"
#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/resultstore.h"
#include "monitor/resultingestor.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>
#include <QUuid>

namespace bs::test {

namespace {
QJsonObject message(const QString& text) {
    return {{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), text}};
}

} // namespace

QList<StoredRequest> makeRequests(int n, int maxTokens, int invalidEvery, bool varied) {
    static const QString shared(9000, QLatin1Char('s'));
    static const QStringList models = {QStringLiteral("claude-haiku-5-5"),
                                       QStringLiteral("claude-sonnet-5-5"),
                                       QStringLiteral("claude-opus-5-5")};
    QList<StoredRequest> list;
    list.reserve(n);
    for (int i = 1; i <= n; ++i) {
        QJsonObject p{{QStringLiteral("model"), models.at(i % models.size())},
                      {QStringLiteral("max_tokens"), maxTokens},
                      {QStringLiteral("messages"),
                       QJsonArray{message(QStringLiteral("Question number %1: say something "
                                                         "about the number.")
                                              .arg(i))}}};
        switch (varied ? i % 7 : 0) {
        case 1:   // a cached prefix, 5 minutes
        case 2: { // and 1 hour
            QJsonObject cc{{QStringLiteral("type"), QStringLiteral("ephemeral")}};
            if (i % 7 == 2)
                cc.insert(QStringLiteral("ttl"), QStringLiteral("1h"));
            p.insert(QStringLiteral("system"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                            {QStringLiteral("text"), shared},
                                            {QStringLiteral("cache_control"), cc}}});
            break;
        }
        case 3:
            p.insert(QStringLiteral("tools"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("type"), QStringLiteral("web_search_20250305")},
                         {QStringLiteral("name"), QStringLiteral("web_search")}}});
            break;
        default:
            break;
        }
        if (invalidEvery > 0 && i % invalidEvery == 0)
            p.insert(QStringLiteral("model"), QStringLiteral("claude-no-such-model"));
        list.append({QStringLiteral("req-%1").arg(i, 6, 10, QLatin1Char('0')),
                     QJsonDocument(p).toJson(QJsonDocument::Compact), 1});
    }
    return list;
}

ApiConfig simConfig(const QUrl& base) {
    ApiConfig c;
    c.baseUrl = base;
    c.apiKey = QStringLiteral("test-key-not-a-real-secret");
    c.timeoutMs = 30000;
    c.maxRetries = 6;
    c.notFoundGraceMs = 20000;
    return c;
}

RetryPolicy fastRetryPolicy(int maxRetries) {
    RetryPolicy p;
    p.maxRetries = maxRetries;
    p.timeScale = 0.001; // a retry-after of seconds costs milliseconds
    return p;
}

std::optional<MessageBatch> createAndWaitEnded(ApiClient& client, const QString& ledgerPath,
                                               const QList<StoredRequest>& requests, QString* error,
                                               int sendCount, bool waitEnded) {
    Ledger ledger;
    if (!ledger.open(ledgerPath)) {
        *error = ledger.lastError();
        return std::nullopt;
    }
    BatchLocal local;
    local.sourceFile = QStringLiteral("/tmp/test.jsonl");
    local.submittedBy = QStringLiteral("test");
    local.submittedAt = QDateTime::currentDateTimeUtc();
    const QString localId = DraftStore(ledger).create(local);
    if (localId.isEmpty() || !DraftStore(ledger).storeRequests(localId, requests)) {
        *error = ledger.lastError();
        return std::nullopt;
    }
    BatchRequestsBuilder builder;
    for (const StoredRequest& r : requests.mid(0, sendCount < 0 ? requests.size() : sendCount)) {
        if (!builder.append(r.customId, r.params)) {
            *error = builder.errorString();
            return std::nullopt;
        }
    }
    if (!DraftStore(ledger).markCreating(localId)) {
        *error = ledger.lastError();
        return std::nullopt;
    }
    BatchJob* create = client.createBatch(builder.take());
    ApiError e = bs::test::waitForJob(create);
    const MessageBatch created = create->batch();
    delete create;
    if (e.isError()) {
        *error = e.toString();
        return std::nullopt;
    }
    if (!DraftStore(ledger).attach(localId, created)) {
        *error = ledger.lastError();
        return std::nullopt;
    }
    if (!waitEnded)
        return created;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 120000) {
        BatchJob* job = client.retrieveBatch(created.id);
        e = bs::test::waitForJob(job);
        const MessageBatch b = job->batch();
        delete job;
        if (e.isError()) {
            *error = e.toString();
            return std::nullopt;
        }
        if (b.isEnded()) {
            BatchStore(ledger).upsert(b);
            return b;
        }
        QTest::qWait(20);
    }
    *error = QStringLiteral("batch did not end");
    return std::nullopt;
}

bool advanceSimClock(const QUrl& base, qint64 seconds) {
    QNetworkAccessManager nam;
    QNetworkRequest req(base.resolved(QUrl(QStringLiteral("/_sim/clock"))));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply =
        nam.post(req, "{\"advance_seconds\":" + QByteArray::number(seconds) + "}");
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const bool ok = reply->error() == QNetworkReply::NoError;
    reply->deleteLater();
    return ok;
}

QByteArray simControl(const QUrl& base, const QByteArray& method, const QString& path,
                      const QByteArray& body) {
    QNetworkAccessManager nam;
    QNetworkRequest req(base.resolved(QUrl(path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QByteArray answer = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    if (answer.isNull() && reply->error() == QNetworkReply::NoError)
        answer = QByteArray("");
    reply->deleteLater();
    return answer;
}

IngestReport ingest(const IngestOptions& options, const MessageBatch& batch, int timeoutMs) {
    ResultIngestor ingestor(options);
    ingestor.start(batch);
    ingestor.waitForFinished(timeoutMs);
    if (ingestor.isRunning()) {
        IngestReport r;
        r.errorMessage = QStringLiteral("test: ingestion did not finish in time");
        return r;
    }
    return ingestor.report();
}

QDate spendDay(const MessageBatch& batch) {
    return (batch.endedAt.isValid() ? batch.endedAt : batch.createdAt).toUTC().date();
}

QByteArray fetchResultsFile(const ApiConfig& config, const MessageBatch& batch) {
    QNetworkAccessManager nam;
    QNetworkRequest req{QUrl(batch.resultsUrl)};
    req.setRawHeader("x-api-key", config.apiKey.toUtf8());
    req.setRawHeader("anthropic-version", "2023-06-01");
    for (int attempt = 0; attempt < 8; ++attempt) {
        QNetworkReply* reply = nam.get(req);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        const bool good = reply->error() == QNetworkReply::NoError &&
                          reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        reply->deleteLater();
        if (good)
            return body;
        QThread::msleep(50);
    }
    return {};
}

IndependentTotals independentTotals(const ApiConfig& config, const MessageBatch& batch,
                                    const PriceBook& book) {
    IndependentTotals t;
    QNetworkAccessManager nam;
    QUrl url(batch.resultsUrl);
    QNetworkRequest req(url);
    req.setRawHeader("x-api-key", config.apiKey.toUtf8());
    req.setRawHeader("anthropic-version", "2023-06-01");
    const QDate day = spendDay(batch);
    QSet<QString> ids;
    // The faults of a test may still be armed: try a few times, every download from the start.
    for (int attempt = 0; attempt < 8; ++attempt) {
        QNetworkReply* reply = nam.get(req);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        const bool good = reply->error() == QNetworkReply::NoError && status == 200 &&
                          (length <= 0 || length == body.size());
        reply->deleteLater();
        if (!good) {
            t.error = QStringLiteral("download failed: status %1").arg(status);
            QThread::msleep(50);
            continue;
        }
        t = IndependentTotals();
        ids.clear();
        bool parsedAll = true;
        for (const QByteArray& line : body.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError pe;
            const QJsonObject o = QJsonDocument::fromJson(line, &pe).object();
            if (pe.error != QJsonParseError::NoError) {
                parsedAll = false; // a truncated last line: download again
                break;
            }
            ++t.lines;
            ids.insert(o.value(QLatin1String("custom_id")).toString());
            const QJsonObject result = o.value(QLatin1String("result")).toObject();
            const QString type = result.value(QLatin1String("type")).toString();
            const QJsonObject msg = result.value(QLatin1String("message")).toObject();
            const Usage usage = Usage::fromJson(msg.value(QLatin1String("usage")).toObject());
            const CostResult c = CostCalculator::costOfResult(
                book, type, msg.value(QLatin1String("model")).toString(), usage, day);
            if (type == QLatin1String("succeeded"))
                ++t.succeeded;
            else
                ++t.notSucceeded;
            if (!c.priced)
                ++t.unpriced;
            else
                t.micros += c.micros;
        }
        if (!parsedAll) {
            t.error = QStringLiteral("a line did not parse");
            continue;
        }
        t.distinctIds = ids.size();
        t.ok = true;
        return t;
    }
    return t;
}

namespace {
QSqlDatabase plainConnection(const QString& path) {
    const QString name = QStringLiteral("check-") + QUuid::createUuid().toString();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.open();
    return db;
}
void dropConnection(QSqlDatabase& db) {
    const QString name = db.connectionName();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}
} // namespace

LedgerTotals ledgerTotals(const QString& ledgerPath, const QString& batchId) {
    LedgerTotals t;
    QSqlDatabase db = plainConnection(ledgerPath);
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(cost_micros), 0), "
                                 "COALESCE(SUM(CASE WHEN priced = 0 THEN 1 ELSE 0 END), 0) "
                                 "FROM results WHERE batch_id = ?"));
        q.addBindValue(batchId);
        if (q.exec() && q.next()) {
            t.rows = q.value(0).toLongLong();
            t.micros = q.value(1).toLongLong();
            t.unpriced = q.value(2).toLongLong();
        }
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM retry_queue WHERE batch_id = ?"));
        q.addBindValue(batchId);
        if (q.exec() && q.next())
            t.retryItems = q.value(0).toLongLong();
        q.prepare(QStringLiteral("SELECT results_ingested_at FROM batches WHERE id = ?"));
        q.addBindValue(batchId);
        if (q.exec() && q.next())
            t.ingested = !q.value(0).isNull();
    }
    dropConnection(db);
    return t;
}

QStringList dumpLedger(const QString& ledgerPath, bool withIngestedAt) {
    QStringList out;
    QSqlDatabase db = plainConnection(ledgerPath);
    {
        const auto dump = [&](const QString& sql, const QStringList& skip) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(sql)) {
                out.append(QStringLiteral("query failed: ") + sql);
                return;
            }
            while (q.next()) {
                const QSqlRecord rec = q.record();
                QStringList cells;
                for (int i = 0; i < rec.count(); ++i) {
                    if (skip.contains(rec.fieldName(i)))
                        continue;
                    const QVariant v = q.value(i);
                    cells.append(rec.fieldName(i) + QLatin1Char('=') +
                                 (v.isNull() ? QStringLiteral("NULL") : v.toString()));
                }
                out.append(cells.join(QLatin1Char('|')));
            }
        };
        // Where a line is stored (its block, its place in it) depends on how the rows were cut
        // into transactions; the line itself is compared below.
        QStringList skip{QStringLiteral("line_block"), QStringLiteral("line_index")};
        if (!withIngestedAt)
            skip.append(QStringLiteral("ingested_at"));
        dump(QStringLiteral("SELECT * FROM results ORDER BY batch_id, custom_id"), skip);
        dump(QStringLiteral("SELECT * FROM retry_queue ORDER BY batch_id, custom_id"),
             {QStringLiteral("id"), QStringLiteral("enqueued_at")});
    }
    QList<QPair<QString, QString>> keys;
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT batch_id, custom_id FROM results ORDER BY batch_id, "
                                  "custom_id")))
            while (q.next())
                keys.append({q.value(0).toString(), q.value(1).toString()});
    }
    dropConnection(db);
    // Each result's line as received, as the ledger gives it back.
    Ledger ledger;
    if (!ledger.open(ledgerPath)) {
        out.append(QStringLiteral("cannot open: ") + ledger.lastError());
        return out;
    }
    // The results come first in `out`, in the same order: each gets its line.
    ResultStore store(ledger);
    for (qsizetype i = 0; i < keys.size() && i < out.size(); ++i) {
        std::optional<QByteArray> line;
        const bool ok = store.lineOf(keys.at(i).first, keys.at(i).second, &line);
        out[i] += QStringLiteral("|line=") + (!ok    ? QStringLiteral("error ") + ledger.lastError()
                                              : line ? QString::fromUtf8(*line)
                                                     : QStringLiteral("none"));
    }
    return out;
}

} // namespace bs::test
