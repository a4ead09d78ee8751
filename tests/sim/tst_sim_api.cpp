// batchscope-sim over real HTTP: every endpoint and rule of reference/batches-api.md.
#include "simclient.h"
#include "simprocess.h"

#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

struct Sim {
    SimProcess process;
    std::unique_ptr<SimClient> client;
    bool start(const QStringList& args) {
        if (!process.start(args))
            return false;
        client = std::make_unique<SimClient>(process.baseUrl(), SimProcess::fakeKey());
        return true;
    }
};

QJsonArray simpleRequests(int n, const QString& prefix = u"row-"_s, int maxTokens = 128) {
    QJsonArray a;
    for (int i = 0; i < n; ++i) {
        a.append(SimClient::request(
            prefix + QString::number(i).rightJustified(5, u'0'),
            SimClient::params(u"Question number "_s + QString::number(i), maxTokens)));
    }
    return a;
}

QHash<QString, QJsonObject> byCustomId(const QList<QJsonObject>& lines) {
    QHash<QString, QJsonObject> out;
    for (const QJsonObject& l : lines)
        out.insert(l[u"custom_id"].toString(), l[u"result"].toObject());
    return out;
}

} // namespace

class TstSimApi : public QObject {
    Q_OBJECT

private slots:
    void firstLineIsBaseUrl();
    void authAndVersion();
    void responseHeaders();
    void createRetrieveResultsInstant();
    void createValidation();
    void bodyTooLarge();
    void paramsErrorsComeBackAsResults();
    void succeededMessageShape();
    void cacheAndServerTools();
    void outcomesAreDeterministic();
    void transientErrors();
    void listPagination();
    void cancelLifecycle();
    void expiryAfter24Hours();
    void archiveAfter29Days();
    void deleteRules();
    void countTokens();
    void statePersistsAcrossRestart();
};

void TstSimApi::firstLineIsBaseUrl() {
    Sim sim;
    QVERIFY2(sim.start({u"--speed"_s, u"0"_s}), qPrintable(sim.process.errorString()));
    QCOMPARE(sim.process.baseUrl().scheme(), u"http"_s);
    QCOMPARE(sim.process.baseUrl().host(), u"127.0.0.1"_s);
    QVERIFY(sim.process.baseUrl().path().isEmpty());
}

void TstSimApi::authAndVersion() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s}));
    SimClient& c = *sim.client;
    const QString path = u"/v1/messages/batches"_s;

    auto r = c.send("GET", path, {}, {}, /*auth*/ false);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json()[u"type"].toString(), u"error"_s);
    QCOMPARE(r.errorType(), u"authentication_error"_s);
    QVERIFY(r.json()[u"request_id"].toString().startsWith(u"req_"_s));
    QCOMPARE(r.json()[u"request_id"].toString().toUtf8(), r.header("request-id"));

    r = c.send("GET", path, {}, {{"x-api-key", "wrong-key"}}, false);
    QCOMPARE(r.status, 401);
    r = c.send("GET", path, {}, {{"Authorization", "Bearer wrong-key"}}, false);
    QCOMPARE(r.status, 401);
    r = c.send("GET", path, {}, {{"Authorization", "Bearer " + SimProcess::fakeKey().toUtf8()}},
               false);
    QCOMPARE(r.status, 200);
    QCOMPARE(c.get(path).status, 200); // x-api-key

    r = c.send("GET", path, {}, {}, true, /*version*/ false);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorType(), u"invalid_request_error"_s);
    QVERIFY(r.json()[u"error"].toObject()[u"message"].toString().contains(u"anthropic-version"_s));
    r = c.send("GET", path, {}, {{"anthropic-version", "2026-10-21"}}, true, false);
    QCOMPARE(r.status, 200);
    r = c.send("GET", path, {}, {{"anthropic-version", "yesterday"}}, true, false);
    QCOMPARE(r.status, 400);

    // Results are protected too.
    r = c.send("GET", path + u"/msgbatch_x/results"_s, {}, {}, false);
    QCOMPARE(r.status, 401);
    // Unknown path: the standard envelope.
    r = c.get(u"/v1/nothing"_s);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorType(), u"not_found_error"_s);
}

void TstSimApi::responseHeaders() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s}));
    const auto a = sim.client->get(u"/v1/messages/batches"_s);
    const auto b = sim.client->get(u"/v1/messages/batches"_s);
    QVERIFY(a.header("request-id").startsWith("req_"));
    QVERIFY(a.header("request-id") != b.header("request-id"));
    QCOMPARE(a.header("anthropic-ratelimit-requests-limit"), QByteArray("4000"));
    QVERIFY(!a.header("anthropic-ratelimit-requests-remaining").isEmpty());
    QVERIFY(a.header("anthropic-ratelimit-requests-remaining").toInt() >
                b.header("anthropic-ratelimit-requests-remaining").toInt() ||
            b.header("anthropic-ratelimit-requests-remaining") == "3999"); // minute rollover
    QVERIFY(a.header("anthropic-ratelimit-requests-reset").endsWith('Z'));
    QVERIFY(!a.header("anthropic-ratelimit-tokens-limit").isEmpty());
    QVERIFY(a.header("anthropic-workspace-id").startsWith("wrkspc_"));
}

void TstSimApi::createRetrieveResultsInstant() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s, u"--error-rate"_s, u"0"_s}));
    SimClient& c = *sim.client;
    const int n = 60;
    auto r = c.create(simpleRequests(n));
    QCOMPARE(r.status, 200);
    QJsonObject b = r.json();
    const QString id = b[u"id"].toString();
    QVERIFY(id.startsWith(u"msgbatch_"_s));
    QCOMPARE(b[u"type"].toString(), u"message_batch"_s);
    QCOMPARE(b[u"processing_status"].toString(), u"in_progress"_s);
    const QJsonObject counts = b[u"request_counts"].toObject();
    QCOMPARE(counts[u"processing"].toInt(), n);
    for (auto k : {u"succeeded", u"errored", u"canceled", u"expired"})
        QCOMPARE(counts[k].toInt(), 0);
    QVERIFY(b[u"results_url"].isNull());
    QVERIFY(b[u"ended_at"].isNull());
    QVERIFY(b[u"cancel_initiated_at"].isNull());
    QVERIFY(b[u"archived_at"].isNull());
    const QDateTime created = QDateTime::fromString(b[u"created_at"].toString(), Qt::ISODateWithMs);
    const QDateTime expires = QDateTime::fromString(b[u"expires_at"].toString(), Qt::ISODateWithMs);
    QVERIFY(created.isValid());
    QCOMPARE(created.secsTo(expires), 86400);
    QVERIFY(b[u"created_at"].toString().endsWith(u'Z'));

    r = c.get(u"/v1/messages/batches/"_s + id);
    QCOMPARE(r.status, 200);
    b = r.json();
    QCOMPARE(b[u"processing_status"].toString(), u"ended"_s);
    QCOMPARE(b[u"request_counts"].toObject()[u"succeeded"].toInt(), n);
    QCOMPARE(b[u"request_counts"].toObject()[u"processing"].toInt(), 0);
    QVERIFY(!b[u"ended_at"].isNull());
    const QUrl resultsUrl(b[u"results_url"].toString());
    QVERIFY(resultsUrl.isValid());
    QCOMPARE(resultsUrl.scheme(), u"http"_s);
    QCOMPARE(resultsUrl.port(), sim.process.baseUrl().port());
    QCOMPARE(resultsUrl.path(), u"/v1/messages/batches/"_s + id + u"/results"_s);

    r = c.send("GET", resultsUrl.toString(), {}, {{"Accept", "application/binary"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.endsWith('\n'));
    const auto lines = r.lines();
    QCOMPARE(lines.size(), n);
    QStringList order;
    QSet<QString> ids;
    for (const QJsonObject& l : lines) {
        order << l[u"custom_id"].toString();
        ids.insert(l[u"custom_id"].toString());
        QCOMPARE(l[u"result"].toObject()[u"type"].toString(), u"succeeded"_s);
    }
    QCOMPARE(ids.size(), n);
    QStringList sorted = order;
    sorted.sort();
    QVERIFY2(order != sorted, "results must come in a shuffled order");
}

void TstSimApi::createValidation() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s}));
    SimClient& c = *sim.client;
    auto expect400 = [&](const QByteArray& body, const QString& fragment) {
        const auto r = c.postRaw(u"/v1/messages/batches"_s, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorType(), u"invalid_request_error"_s);
        const QString msg = r.json()[u"error"].toObject()[u"message"].toString();
        QVERIFY2(msg.contains(fragment), qPrintable(msg));
    };
    expect400("not json", u"JSON"_s);
    expect400(R"({"requests":[]})", u"at least 1"_s);
    expect400(R"({"nothing":1})", u"requests"_s);
    auto one = [](const QString& id) {
        return QJsonDocument(QJsonObject{{u"requests"_s, QJsonArray{SimClient::request(
                                                             id, SimClient::params(u"x"_s))}}})
            .toJson(QJsonDocument::Compact);
    };
    expect400(one(u"has space"_s), u"pattern"_s);
    expect400(one(u""_s), u"pattern"_s);
    expect400(one(QString(65, u'a')), u"pattern"_s);
    QCOMPARE(c.postRaw(u"/v1/messages/batches"_s, one(QString(64, u'a'))).status, 200);
    QCOMPARE(c.postRaw(u"/v1/messages/batches"_s, one(u"A-z_09"_s)).status, 200);
    expect400(R"({"requests":[{"custom_id":"a","params":{}},{"custom_id":"a","params":{}}]})",
              u"duplicate"_s);
    expect400(R"({"requests":[{"custom_id":"a"}]})", u"params"_s);

    // The first problem in file order is the answer, wherever it lies: the items of a large
    // create are analysed on several threads, each over a range of them.
    auto many = [](const QHash<int, QByteArray>& replaced) {
        QByteArray body = "{\"requests\":[";
        for (int i = 0; i < 10000; ++i) {
            if (i)
                body += ',';
            body += replaced.value(i, "{\"custom_id\":\"m" + QByteArray::number(i) +
                                          "\",\"params\":{\"model\":\"x\"}}");
        }
        return QByteArray(body + "]}");
    };
    const QByteArray badId = R"({"custom_id":"bad id","params":{}})";
    const QByteArray noParams = R"({"custom_id":"np"})";
    expect400(many({{3000, badId}, {7000, noParams}}), u"requests.3000.custom_id"_s);
    expect400(many({{7000, badId}, {3000, noParams}}), u"requests.3000.params"_s);
    expect400(many({{9999, noParams}}), u"requests.9999.params"_s);
    expect400(many({{3000, badId}, {8000, "5"}}), u"requests.3000.custom_id"_s);
    expect400(many({{8000, "5"}}), u"requests.8000: Input should be a valid object"_s);
    // Repeated keys: the last one counts, as in a JSON parser that keeps one of them.
    expect400(R"({"requests":[{"custom_id":"ok","custom_id":"not ok","params":{}}]})",
              u"pattern"_s);

    // 100,000 is the limit; one more fails the create.
    QByteArray big = "{\"requests\":[";
    for (int i = 0; i < 100001; ++i) {
        if (i)
            big += ',';
        big += "{\"custom_id\":\"r" + QByteArray::number(i) + "\",\"params\":{}}";
    }
    big += "]}";
    expect400(big, u"100000"_s);
    // Exactly 100,000 is accepted (params errors are per request, later).
    const int cut = big.lastIndexOf(",{\"custom_id\"");
    QByteArray exact = big.left(cut) + "]}";
    const auto r = c.postRaw(u"/v1/messages/batches"_s, exact);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[u"request_counts"].toObject()[u"processing"].toInt(), 100000);
}

void TstSimApi::bodyTooLarge() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s, u"--max-body-bytes"_s, u"4096"_s}));
    const auto r = sim.client->create(simpleRequests(100));
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorType(), u"request_too_large"_s);
    QVERIFY(r.json()[u"request_id"].toString().startsWith(u"req_"_s));
    QCOMPARE(sim.client->create(simpleRequests(2)).status, 200);
}

void TstSimApi::paramsErrorsComeBackAsResults() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s, u"--error-rate"_s, u"0"_s}));
    SimClient& c = *sim.client;
    QJsonObject noModel = SimClient::params(u"x"_s);
    noModel.remove(u"model"_s);
    QJsonObject noMax = SimClient::params(u"x"_s);
    noMax.remove(u"max_tokens"_s);
    QJsonObject stream = SimClient::params(u"x"_s);
    stream.insert(u"stream"_s, true);
    const QString huge(900000, u'w'); // ~225k tokens > a 200k window
    const QJsonArray requests{
        SimClient::request(u"ok"_s, SimClient::params(u"fine"_s)),
        SimClient::request(u"no-model"_s, noModel),
        SimClient::request(u"no-max"_s, noMax),
        SimClient::request(u"max-zero"_s, SimClient::params(u"x"_s, 0)),
        SimClient::request(u"stream"_s, stream),
        SimClient::request(u"unknown-model"_s, SimClient::params(u"x"_s, 10, u"claude-nope-9"_s)),
        SimClient::request(u"too-long"_s,
                           SimClient::params(huge, 10, u"claude-haiku-4-5-20251001"_s)),
        SimClient::request(u"fits-1m"_s, SimClient::params(huge, 10, u"claude-sonnet-5-5"_s)),
    };
    auto r = c.create(requests);
    QCOMPARE(r.status, 200);
    const QString id = r.json()[u"id"].toString();
    r = c.get(u"/v1/messages/batches/"_s + id);
    const QJsonObject counts = r.json()[u"request_counts"].toObject();
    QCOMPARE(counts[u"succeeded"].toInt(), 2);
    QCOMPARE(counts[u"errored"].toInt(), 6);
    const auto results = byCustomId(c.get(r.json()[u"results_url"].toString()).lines());
    QCOMPARE(results.size(), 8);
    for (const QString& bad : {u"no-model"_s, u"no-max"_s, u"max-zero"_s, u"stream"_s,
                               u"unknown-model"_s, u"too-long"_s}) {
        const QJsonObject res = results[bad];
        QCOMPARE(res[u"type"].toString(), u"errored"_s);
        const QJsonObject env = res[u"error"].toObject();
        QCOMPARE(env[u"type"].toString(), u"error"_s);
        QCOMPARE(env[u"error"].toObject()[u"type"].toString(), u"invalid_request_error"_s);
        QVERIFY(!env[u"error"].toObject()[u"message"].toString().isEmpty());
        QVERIFY(env[u"request_id"].toString().startsWith(u"req_"_s));
    }
    QVERIFY(results[u"too-long"_s][u"error"]
                .toObject()[u"error"]
                .toObject()[u"message"]
                .toString()
                .contains(u"prompt is too long"_s));
    QCOMPARE(results[u"ok"_s][u"type"].toString(), u"succeeded"_s);
    QCOMPARE(results[u"fits-1m"_s][u"type"].toString(), u"succeeded"_s);
}

void TstSimApi::succeededMessageShape() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s, u"--error-rate"_s, u"0"_s}));
    SimClient& c = *sim.client;
    const QString text(4000, u'a'); // ~1000 tokens
    QJsonArray requests;
    for (int i = 0; i < 40; ++i)
        requests.append(
            SimClient::request(u"m"_s + QString::number(i), SimClient::params(text, 50 + i * 10)));
    auto r = c.create(requests);
    const QString id = r.json()[u"id"].toString();
    const auto lines = c.get(u"/v1/messages/batches/"_s + id + u"/results"_s).lines();
    QCOMPARE(lines.size(), 40);
    QSet<QString> stopReasons;
    for (const QJsonObject& l : lines) {
        const int maxTokens = 50 + l[u"custom_id"].toString().mid(1).toInt() * 10;
        const QJsonObject m = l[u"result"].toObject()[u"message"].toObject();
        QVERIFY(m[u"id"].toString().startsWith(u"msg_"_s));
        QCOMPARE(m[u"type"].toString(), u"message"_s);
        QCOMPARE(m[u"role"].toString(), u"assistant"_s);
        QCOMPARE(m[u"model"].toString(), u"claude-haiku-5-5"_s);
        const QJsonArray content = m[u"content"].toArray();
        QVERIFY(!content.isEmpty());
        QCOMPARE(content.last().toObject()[u"type"].toString(), u"text"_s);
        QVERIFY(!content.last().toObject()[u"text"].toString().isEmpty());
        stopReasons.insert(m[u"stop_reason"].toString());
        QVERIFY(m.contains(u"stop_sequence"_s));
        const QJsonObject u = m[u"usage"].toObject();
        // Haiku 5.5 uses the newer tokenizer: ~1000 * 1.3 tokens.
        QVERIFY2(u[u"input_tokens"].toInt() > 1000 && u[u"input_tokens"].toInt() < 1500,
                 qPrintable(QString::number(u[u"input_tokens"].toInt())));
        QVERIFY(u[u"output_tokens"].toInt() >= 1);
        QVERIFY(u[u"output_tokens"].toInt() <= maxTokens);
        if (m[u"stop_reason"].toString() == u"max_tokens"_s)
            QCOMPARE(u[u"output_tokens"].toInt(), maxTokens);
        QCOMPARE(u[u"cache_creation_input_tokens"].toInt(), 0);
        QCOMPARE(u[u"cache_read_input_tokens"].toInt(), 0);
        QVERIFY(u[u"cache_creation"].isObject());
        QCOMPARE(u[u"cache_creation"].toObject()[u"ephemeral_5m_input_tokens"].toInt(), 0);
        QCOMPARE(u[u"cache_creation"].toObject()[u"ephemeral_1h_input_tokens"].toInt(), 0);
        QCOMPARE(u[u"service_tier"].toString(), u"batch"_s);
    }
    QVERIFY(stopReasons.contains(u"end_turn"_s));
    QVERIFY(stopReasons.contains(u"max_tokens"_s));
}

void TstSimApi::cacheAndServerTools() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s, u"--error-rate"_s, u"0"_s}));
    SimClient& c = *sim.client;
    const QString shared(12000, u's'); // ~3900 tokens with the new tokenizer
    auto cachedParams = [&](const QString& ttl, const QString& question) {
        QJsonObject p = SimClient::params(question, 100, u"claude-sonnet-5-5"_s);
        QJsonObject cc{{u"type"_s, u"ephemeral"_s}};
        if (!ttl.isEmpty())
            cc.insert(u"ttl"_s, ttl);
        p.insert(u"system"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s},
                                                     {u"text"_s, QString(shared + ttl)},
                                                     {u"cache_control"_s, cc}}});
        return p;
    };
    QJsonArray requests;
    for (int i = 0; i < 8; ++i)
        requests.append(SimClient::request(u"h"_s + QString::number(i),
                                           cachedParams(u"1h"_s, u"q"_s + QString::number(i))));
    for (int i = 0; i < 8; ++i)
        requests.append(SimClient::request(u"f"_s + QString::number(i),
                                           cachedParams(QString(), u"q"_s + QString::number(i))));
    QJsonObject search = SimClient::params(u"find news"_s, 200, u"claude-opus-5-5"_s);
    search.insert(u"tools"_s, QJsonArray{QJsonObject{{u"type"_s, u"web_search_20250305"_s},
                                                     {u"name"_s, u"web_search"_s}}});
    requests.append(SimClient::request(u"search"_s, search));
    auto r = c.create(requests);
    QCOMPARE(r.status, 200);
    const auto results = byCustomId(
        c.get(u"/v1/messages/batches/"_s + r.json()[u"id"].toString() + u"/results"_s).lines());
    QCOMPARE(results.size(), 17);
    for (const QString& prefix : {u"h"_s, u"f"_s}) {
        int writes = 0, reads = 0;
        for (int i = 0; i < 8; ++i) {
            const QJsonObject u =
                results[prefix + QString::number(i)][u"message"].toObject()[u"usage"].toObject();
            const QJsonObject cc = u[u"cache_creation"].toObject();
            const int written = u[u"cache_creation_input_tokens"].toInt();
            const int read = u[u"cache_read_input_tokens"].toInt();
            QVERIFY((written > 0) != (read > 0));
            QCOMPARE(cc[u"ephemeral_5m_input_tokens"].toInt() +
                         cc[u"ephemeral_1h_input_tokens"].toInt(),
                     written);
            if (prefix == u"h"_s)
                QCOMPARE(cc[u"ephemeral_5m_input_tokens"].toInt(), 0);
            else
                QCOMPARE(cc[u"ephemeral_1h_input_tokens"].toInt(), 0);
            QVERIFY(u[u"input_tokens"].toInt() < 50); // the question only
            writes += written > 0;
            reads += read > 0;
        }
        QVERIFY(writes >= 1);
        QVERIFY(reads >= 1);
    }
    const QJsonObject su = results[u"search"_s][u"message"].toObject()[u"usage"].toObject();
    QVERIFY(su[u"server_tool_use"].toObject()[u"web_search_requests"].toInt() >= 1);
}

void TstSimApi::outcomesAreDeterministic() {
    auto run = [](const QString& seed) {
        Sim sim;
        if (!sim.start({u"--speed"_s, u"0"_s, u"--seed"_s, seed, u"--error-rate"_s, u"0.2"_s}))
            return QByteArray();
        auto r = sim.client->create(simpleRequests(50));
        const auto body =
            sim.client->get(u"/v1/messages/batches/"_s + r.json()[u"id"].toString() + u"/results"_s)
                .body;
        return body;
    };
    const QByteArray a = run(u"42"_s), b = run(u"42"_s), c = run(u"43"_s);
    QVERIFY(!a.isEmpty());
    QCOMPARE(a, b); // same order, same ids, same text
    QVERIFY(a != c);
}

void TstSimApi::transientErrors() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s, u"--error-rate"_s, u"0.5"_s}));
    auto r = sim.client->create(simpleRequests(200));
    const QString id = r.json()[u"id"].toString();
    const QJsonObject counts =
        sim.client->get(u"/v1/messages/batches/"_s + id).json()[u"request_counts"].toObject();
    QVERIFY(counts[u"errored"].toInt() > 50 && counts[u"errored"].toInt() < 150);
    QCOMPARE(counts[u"errored"].toInt() + counts[u"succeeded"].toInt(), 200);
    QSet<QString> types;
    for (const QJsonObject& l :
         sim.client->get(u"/v1/messages/batches/"_s + id + u"/results"_s).lines()) {
        const QJsonObject res = l[u"result"].toObject();
        if (res[u"type"].toString() == u"errored"_s)
            types.insert(res[u"error"].toObject()[u"error"].toObject()[u"type"].toString());
    }
    QCOMPARE(types, (QSet<QString>{u"api_error"_s, u"overloaded_error"_s}));
}

void TstSimApi::listPagination() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s}));
    SimClient& c = *sim.client;
    QStringList created;
    for (int i = 0; i < 7; ++i)
        created.prepend(c.create(simpleRequests(1)).json()[u"id"].toString()); // newest first

    auto page = c.get(u"/v1/messages/batches?limit=3"_s).json();
    auto ids = [](const QJsonObject& p) {
        QStringList out;
        for (const QJsonValue& v : p[u"data"].toArray())
            out << v.toObject()[u"id"].toString();
        return out;
    };
    QCOMPARE(ids(page), created.mid(0, 3));
    QVERIFY(page[u"has_more"].toBool());
    QCOMPARE(page[u"first_id"].toString(), created[0]);
    QCOMPARE(page[u"last_id"].toString(), created[2]);
    page = c.get(u"/v1/messages/batches?limit=3&after_id="_s + created[2]).json();
    QCOMPARE(ids(page), created.mid(3, 3));
    QVERIFY(page[u"has_more"].toBool());
    page = c.get(u"/v1/messages/batches?limit=3&after_id="_s + created[5]).json();
    QCOMPARE(ids(page), created.mid(6, 1));
    QVERIFY(!page[u"has_more"].toBool());
    // Backwards from the oldest: the 3 batches just newer, newest first.
    page = c.get(u"/v1/messages/batches?limit=3&before_id="_s + created[6]).json();
    QCOMPARE(ids(page), created.mid(3, 3));
    QVERIFY(page[u"has_more"].toBool());
    page = c.get(u"/v1/messages/batches?limit=3&before_id="_s + created[3]).json();
    QCOMPARE(ids(page), created.mid(0, 3));
    QVERIFY(!page[u"has_more"].toBool());
    // Default limit 20; the type of each item is a MessageBatch.
    page = c.get(u"/v1/messages/batches"_s).json();
    QCOMPARE(ids(page), created);
    QVERIFY(!page[u"has_more"].toBool());
    QCOMPARE(page[u"data"].toArray()[0].toObject()[u"type"].toString(), u"message_batch"_s);
    for (int i = 0; i < 14; ++i)
        c.create(simpleRequests(1));
    page = c.get(u"/v1/messages/batches"_s).json();
    QCOMPARE(page[u"data"].toArray().size(), 20);
    QVERIFY(page[u"has_more"].toBool());
    QCOMPARE(c.get(u"/v1/messages/batches?limit=1000"_s).json()[u"data"].toArray().size(), 21);
    // Limits.
    QCOMPARE(c.get(u"/v1/messages/batches?limit=0"_s).status, 400);
    QCOMPARE(c.get(u"/v1/messages/batches?limit=1001"_s).status, 400);
    QCOMPARE(c.get(u"/v1/messages/batches?limit=abc"_s).status, 400);
    // Empty page: nulls.
    page = c.get(u"/v1/messages/batches?after_id="_s + created[6]).json();
    QVERIFY(page[u"data"].toArray().isEmpty());
    QVERIFY(page[u"first_id"].isNull());
    QVERIFY(page[u"last_id"].isNull());
}

void TstSimApi::cancelLifecycle() {
    Sim sim;
    // Real-time speed: nothing finishes on its own during the test.
    QVERIFY(sim.start({u"--speed"_s, u"1"_s, u"--error-rate"_s, u"0"_s}));
    SimClient& c = *sim.client;
    const QString id = c.create(simpleRequests(30)).json()[u"id"].toString();
    const QString path = u"/v1/messages/batches/"_s + id;
    QCOMPARE(c.get(path).json()[u"processing_status"].toString(), u"in_progress"_s);
    QCOMPARE(c.get(path + u"/results"_s).status, 400); // not ended yet
    QCOMPARE(c.del(path).status, 400);                 // delete needs an ended batch

    auto r = c.send("POST", path + u"/cancel"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[u"processing_status"].toString(), u"canceling"_s);
    QVERIFY(!r.json()[u"cancel_initiated_at"].isNull());
    QCOMPARE(r.json()[u"request_counts"].toObject()[u"processing"].toInt(), 30);
    QVERIFY(r.json()[u"results_url"].isNull());
    QCOMPARE(c.get(path).json()[u"processing_status"].toString(), u"canceling"_s);
    QCOMPARE(c.del(path).status, 400);

    QCOMPARE(c.advance(3600).status, 200);
    const QJsonObject b = c.get(path).json();
    QCOMPARE(b[u"processing_status"].toString(), u"ended"_s);
    const QJsonObject counts = b[u"request_counts"].toObject();
    QCOMPARE(counts[u"processing"].toInt(), 0);
    QVERIFY(counts[u"canceled"].toInt() >= 1);
    QCOMPARE(counts[u"canceled"].toInt() + counts[u"succeeded"].toInt(), 30);
    const auto lines = c.get(b[u"results_url"].toString()).lines();
    QCOMPARE(lines.size(), 30);
    int canceled = 0;
    for (const QJsonObject& l : lines) {
        if (l[u"result"].toObject()[u"type"].toString() == u"canceled"_s) {
            ++canceled;
            QCOMPARE(l[u"result"].toObject().keys(), QStringList{u"type"_s});
        }
    }
    QCOMPARE(canceled, counts[u"canceled"].toInt());
    // Cancel of an ended batch is refused.
    r = c.send("POST", path + u"/cancel"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorType(), u"invalid_request_error"_s);
    QCOMPARE(c.send("POST", u"/v1/messages/batches/msgbatch_nope/cancel"_s).status, 404);
}

void TstSimApi::expiryAfter24Hours() {
    Sim sim;
    QVERIFY(
        sim.start({u"--speed"_s, u"0"_s, u"--error-rate"_s, u"0"_s, u"--expire-rate"_s, u"0.5"_s}));
    SimClient& c = *sim.client;
    const QString path =
        u"/v1/messages/batches/"_s + c.create(simpleRequests(40)).json()[u"id"].toString();
    QCOMPARE(c.get(path).json()[u"processing_status"].toString(), u"in_progress"_s);
    c.advance(23 * 3600);
    QCOMPARE(c.get(path).json()[u"processing_status"].toString(), u"in_progress"_s);
    QCOMPARE(c.get(path).json()[u"request_counts"].toObject()[u"processing"].toInt(), 40);
    c.advance(3600 + 1);
    const QJsonObject b = c.get(path).json();
    QCOMPARE(b[u"processing_status"].toString(), u"ended"_s);
    QCOMPARE(b[u"ended_at"].toString(), b[u"expires_at"].toString());
    const QJsonObject counts = b[u"request_counts"].toObject();
    QVERIFY(counts[u"expired"].toInt() > 5);
    QVERIFY(counts[u"succeeded"].toInt() > 5);
    QCOMPARE(counts[u"expired"].toInt() + counts[u"succeeded"].toInt(), 40);
    int expired = 0;
    for (const QJsonObject& l : c.get(b[u"results_url"].toString()).lines())
        expired += l[u"result"].toObject()[u"type"].toString() == u"expired"_s;
    QCOMPARE(expired, counts[u"expired"].toInt());
}

void TstSimApi::archiveAfter29Days() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s}));
    SimClient& c = *sim.client;
    const QString path =
        u"/v1/messages/batches/"_s + c.create(simpleRequests(3)).json()[u"id"].toString();
    QCOMPARE(c.get(path + u"/results"_s).status, 200);
    c.advance(28 * 86400);
    QCOMPARE(c.get(path + u"/results"_s).status, 200);
    QVERIFY(c.get(path).json()[u"archived_at"].isNull());
    c.advance(86400 + 1);
    const QJsonObject b = c.get(path).json();
    QVERIFY(!b[u"archived_at"].isNull());
    QCOMPARE(b[u"processing_status"].toString(), u"ended"_s);
    const auto r = c.get(path + u"/results"_s);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorType(), u"not_found_error"_s);
    // Still listable.
    QCOMPARE(c.get(u"/v1/messages/batches"_s).json()[u"data"].toArray().size(), 1);
}

void TstSimApi::deleteRules() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s}));
    SimClient& c = *sim.client;
    const QString id = c.create(simpleRequests(3)).json()[u"id"].toString();
    const QString path = u"/v1/messages/batches/"_s + id;
    auto r = c.del(path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), (QJsonObject{{u"id"_s, id}, {u"type"_s, u"message_batch_deleted"_s}}));
    QCOMPARE(c.get(path).status, 404);
    QCOMPARE(c.get(path).errorType(), u"not_found_error"_s);
    QCOMPARE(c.get(path + u"/results"_s).status, 404);
    QCOMPARE(c.del(path).status, 404);
    QVERIFY(c.get(u"/v1/messages/batches"_s).json()[u"data"].toArray().isEmpty());
}

void TstSimApi::countTokens() {
    Sim sim;
    QVERIFY(sim.start({u"--speed"_s, u"0"_s}));
    SimClient& c = *sim.client;
    auto count = [&](const QString& text, const QString& model) {
        QJsonObject body = SimClient::params(text, 1, model);
        body.remove(u"max_tokens"_s);
        return c.post(u"/v1/messages/count_tokens"_s, body);
    };
    auto r = count(QString(400, u'x'), u"claude-sonnet-4-6"_s);
    QCOMPARE(r.status, 200);
    const int small = r.json()[u"input_tokens"].toInt();
    QVERIFY(small >= 100 && small < 130);
    const int big =
        count(QString(4000, u'x'), u"claude-sonnet-4-6"_s).json()[u"input_tokens"].toInt();
    QVERIFY(big > 9 * small);
    const int newer =
        count(QString(4000, u'x'), u"claude-sonnet-5-5"_s).json()[u"input_tokens"].toInt();
    QVERIFY(newer > big); // the 4.7+ tokenizer counts more
    QCOMPARE(count(u"x"_s, u"claude-unknown"_s).status, 404);
    r = c.post(u"/v1/messages/count_tokens"_s, {{u"messages"_s, QJsonArray()}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorType(), u"invalid_request_error"_s);
}

void TstSimApi::statePersistsAcrossRestart() {
    QTemporaryDir dir;
    const QString state = dir.filePath(u"state.json"_s);
    QString endedId, runningId;
    QByteArray results;
    {
        Sim sim;
        QVERIFY(sim.start({u"--speed"_s, u"0"_s, u"--state"_s, state}));
        endedId = sim.client->create(simpleRequests(10)).json()[u"id"].toString();
        results = sim.client->get(u"/v1/messages/batches/"_s + endedId + u"/results"_s).body;
        QVERIFY(!results.isEmpty());
        sim.process.stop();
    }
    {
        Sim sim;
        QVERIFY(sim.start({u"--speed"_s, u"1"_s, u"--state"_s, state}));
        auto b = sim.client->get(u"/v1/messages/batches/"_s + endedId).json();
        QCOMPARE(b[u"processing_status"].toString(), u"ended"_s);
        QCOMPARE(b[u"request_counts"].toObject()[u"succeeded"].toInt() +
                     b[u"request_counts"].toObject()[u"errored"].toInt(),
                 10);
        QCOMPARE(sim.client->get(b[u"results_url"].toString()).body, results);
        runningId = sim.client->create(simpleRequests(5)).json()[u"id"].toString();
        QCOMPARE(
            sim.client->send("POST", u"/v1/messages/batches/"_s + runningId + u"/cancel"_s).status,
            200);
        sim.process.kill(); // even a crash keeps what was acknowledged
    }
    {
        Sim sim;
        QVERIFY(sim.start({u"--speed"_s, u"1"_s, u"--state"_s, state}));
        auto page = sim.client->get(u"/v1/messages/batches"_s).json();
        QCOMPARE(page[u"data"].toArray().size(), 2);
        QCOMPARE(page[u"first_id"].toString(), runningId);
        auto b = sim.client->get(u"/v1/messages/batches/"_s + runningId).json();
        QCOMPARE(b[u"processing_status"].toString(), u"canceling"_s);
        sim.client->advance(3600);
        b = sim.client->get(u"/v1/messages/batches/"_s + runningId).json();
        QCOMPARE(b[u"processing_status"].toString(), u"ended"_s);
        QCOMPARE(sim.client->get(b[u"results_url"].toString()).lines().size(), 5);
    }
}

QTEST_GUILESS_MAIN(TstSimApi)
#include "tst_sim_api.moc"
