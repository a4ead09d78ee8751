// batchscope-sim over real HTTP: inference_geo (echo and refusal) and the Admin API's usage and
// cost reports (reference/batches-api.md §13), checked against the usage of the results the
// simulator served and prices written here from reference/pricing.md.
#include "simclient.h"
#include "simprocess.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using bs::test::SimClient;
using bs::test::SimProcess;

namespace {

const QString kAdminKey = u"test-admin-key-not-a-real-secret"_s;

struct Sim {
    SimProcess process;
    std::unique_ptr<SimClient> client, admin;
    bool start(const QStringList& extra = {}) {
        if (!process.start(QStringList{u"--speed"_s, u"0"_s, u"--error-rate"_s, u"0"_s,
                                       u"--admin-key"_s, kAdminKey} +
                           extra))
            return false;
        client = std::make_unique<SimClient>(process.baseUrl(), SimProcess::fakeKey());
        admin = std::make_unique<SimClient>(process.baseUrl(), kAdminKey);
        return true;
    }
    // Creates a batch, waits for it to end (instant) and returns its results by custom_id.
    QHash<QString, QJsonObject> run(const QJsonArray& requests) {
        QHash<QString, QJsonObject> out;
        const auto created = client->create(requests);
        const QString id = created.json()[u"id"].toString();
        if (client->get(u"/v1/messages/batches/"_s + id).json()[u"processing_status"] != u"ended"_s)
            return out;
        for (const QJsonObject& l :
             client->get(u"/v1/messages/batches/"_s + id + u"/results"_s).lines())
            out.insert(l[u"custom_id"].toString(), l[u"result"].toObject());
        return out;
    }
};

QJsonObject geoParams(const QString& model, const QJsonValue& geo, const QString& text) {
    QJsonObject p = SimClient::params(text, 200, model);
    if (!geo.isUndefined())
        p[u"inference_geo"_s] = geo;
    return p;
}

// Batch list prices in micro-dollars per MTok (reference/pricing.md §1), input, 5m, 1h, read,
// output; x 0.5 batch; x 1.1 for inference_geo "us".
QHash<QString, QList<qint64>> prices() {
    return {{u"claude-opus-4-6"_s, {5000000, 6250000, 10000000, 500000, 25000000}},
            {u"claude-sonnet-4-6"_s, {3000000, 3750000, 6000000, 300000, 15000000}},
            {u"claude-haiku-5-5"_s, {100000, 125000, 200000, 10000, 500000}},
            {u"claude-haiku-4-5-20251001"_s, {1000000, 1250000, 2000000, 100000, 5000000}}};
}

// The cost of one result's usage, in 10^-16 dollars (exact), without web searches.
qint64 tokenUnits(const QString& model, const QJsonObject& usage) {
    const QList<qint64> p = prices().value(model);
    const QJsonObject cc = usage[u"cache_creation"].toObject();
    const qint64 pico = usage[u"input_tokens"].toInteger() * p[0] +
                        cc[u"ephemeral_5m_input_tokens"].toInteger() * p[1] +
                        cc[u"ephemeral_1h_input_tokens"].toInteger() * p[2] +
                        usage[u"cache_read_input_tokens"].toInteger() * p[3] +
                        usage[u"output_tokens"].toInteger() * p[4];
    const qint64 geo = usage[u"inference_geo"].toString() == u"us"_s ? 110 : 100;
    return pico * 50 * geo;
}

// "12.345" cents -> 10^-16 dollars.
qint64 unitsOf(const QString& cents) {
    const qsizetype dot = cents.indexOf(u'.');
    const QString whole = dot < 0 ? cents : cents.left(dot);
    QString frac = dot < 0 ? QString() : cents.mid(dot + 1);
    frac = frac.leftJustified(14, u'0');
    return whole.toLongLong() * 100000000000000LL + frac.toLongLong();
}

QString today() {
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate) + u"T00:00:00Z"_s;
}

} // namespace

class TstSimAdmin : public QObject {
    Q_OBJECT

private slots:
    void inferenceGeo();
    void adminKeyOnly();
    void costReportMatchesResults();
    void usageReportMatchesResults();
    void pagingAndValidation();
    void bookkeepingSurvivesRestartAndDelete();
};

void TstSimAdmin::inferenceGeo() {
    Sim sim;
    QVERIFY2(sim.start(), qPrintable(sim.process.errorString()));
    QJsonArray reqs;
    reqs.append(SimClient::request(u"us-46"_s, geoParams(u"claude-opus-4-6"_s, u"us"_s, u"a"_s)));
    reqs.append(
        SimClient::request(u"global-46"_s, geoParams(u"claude-sonnet-4-6"_s, u"global"_s, u"b"_s)));
    reqs.append(SimClient::request(u"none-46"_s, geoParams(u"claude-haiku-5-5"_s, {}, u"c"_s)));
    reqs.append(SimClient::request(u"us-45"_s, geoParams(u"claude-opus-4-5"_s, u"us"_s, u"d"_s)));
    reqs.append(
        SimClient::request(u"global-45"_s, geoParams(u"claude-haiku-4-5"_s, u"global"_s, u"e"_s)));
    reqs.append(SimClient::request(u"eu-46"_s, geoParams(u"claude-opus-4-6"_s, u"eu"_s, u"f"_s)));
    const auto r = sim.run(reqs);
    QCOMPARE(r.size(), 6);
    auto usage = [&](const QString& id) {
        return r[id][u"message"].toObject()[u"usage"].toObject();
    };
    QCOMPARE(r[u"us-46"_s][u"type"].toString(), u"succeeded"_s);
    QCOMPARE(usage(u"us-46"_s)[u"inference_geo"].toString(), u"us"_s);
    QCOMPARE(usage(u"global-46"_s)[u"inference_geo"].toString(), u"global"_s);
    QCOMPARE(usage(u"none-46"_s)[u"inference_geo"].toString(), u"global"_s);
    for (const QString& id : {u"us-45"_s, u"global-45"_s, u"eu-46"_s}) {
        QCOMPARE(r[id][u"type"].toString(), u"errored"_s);
        const QJsonObject err = r[id][u"error"].toObject()[u"error"].toObject();
        QCOMPARE(err[u"type"].toString(), u"invalid_request_error"_s);
        QVERIFY2(err[u"message"].toString().startsWith(u"inference_geo: "_s),
                 qPrintable(err[u"message"].toString()));
    }
    const QString msg45 =
        r[u"us-45"_s][u"error"].toObject()[u"error"].toObject()[u"message"].toString();
    QVERIFY(msg45.contains(u"claude-opus-4-5-20251101"_s));
    QVERIFY(msg45.contains(u"Claude 4.6"_s));
}

void TstSimAdmin::adminKeyOnly() {
    Sim sim;
    QVERIFY(sim.start());
    const QString path = u"/v1/organizations/cost_report?starting_at="_s + today();
    // An ordinary API key is refused by the Admin API, and the Admin key by the Messages API.
    auto r = sim.client->get(path);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorType(), u"authentication_error"_s);
    QCOMPARE(sim.admin->get(u"/v1/messages/batches"_s).status, 401);
    // The Admin API takes x-api-key only.
    r = sim.admin->send("GET", path, {}, {{"Authorization", "Bearer " + kAdminKey.toUtf8()}},
                        false);
    QCOMPARE(r.status, 401);
    r = sim.admin->get(path);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json()[u"data"].isArray());
    QCOMPARE(
        sim.admin->get(u"/v1/organizations/usage_report/messages?starting_at="_s + today()).status,
        200);
}

void TstSimAdmin::costReportMatchesResults() {
    Sim sim;
    QVERIFY(sim.start());
    const QJsonObject webSearch{{u"type"_s, u"web_search_20250305"_s},
                                {u"name"_s, u"web_search"_s}};
    const QJsonObject cached{{u"type"_s, u"ephemeral"_s}};
    QJsonArray reqs;
    const QString longText = QString(u"Shared context paragraph. "_s).repeated(900);
    for (int i = 0; i < 12; ++i) {
        const QString model =
            QList<QString>{u"claude-opus-4-6"_s, u"claude-sonnet-4-6"_s, u"claude-haiku-5-5"_s,
                           u"claude-haiku-4-5-20251001"_s}[i % 4];
        QJsonObject p = SimClient::params(u"Question "_s + QString::number(i), 300, model);
        if (i % 4 != 3 && i % 2 == 0)
            p[u"inference_geo"_s] = u"us"_s;
        if (i % 3 == 0)
            p[u"tools"_s] = QJsonArray{webSearch};
        p[u"system"_s] = QJsonArray{QJsonObject{
            {u"type"_s, u"text"_s}, {u"text"_s, longText}, {u"cache_control"_s, cached}}};
        reqs.append(SimClient::request(u"r"_s + QString::number(i), p));
    }
    const auto results = sim.run(reqs);
    QCOMPARE(results.size(), 12);
    QHash<QString, qint64> expected; // model -> 10^-16 $
    qint64 searches = 0, total = 0;
    bool sawWrite = false, sawRead = false;
    for (const QJsonObject& res : results) {
        QCOMPARE(res[u"type"].toString(), u"succeeded"_s);
        const QJsonObject m = res[u"message"].toObject(), u = m[u"usage"].toObject();
        expected[m[u"model"].toString()] += tokenUnits(m[u"model"].toString(), u);
        searches += u[u"server_tool_use"].toObject()[u"web_search_requests"].toInteger();
        sawWrite = sawWrite || u[u"cache_creation_input_tokens"].toInteger() > 0;
        sawRead = sawRead || u[u"cache_read_input_tokens"].toInteger() > 0;
    }
    QVERIFY(sawWrite && sawRead && searches > 0);
    for (qint64 v : std::as_const(expected))
        total += v;
    total += searches * 100000000000000LL; // $0.01 = 1 cent per search, no discount

    // Ungrouped: one amount per day.
    auto r = sim.admin->get(u"/v1/organizations/cost_report?starting_at="_s + today());
    QCOMPARE(r.status, 200);
    QJsonArray data = r.json()[u"data"].toArray();
    QCOMPARE(data.size(), 1);
    QJsonArray lines = data[0].toObject()[u"results"].toArray();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].toObject()[u"currency"].toString(), u"USD"_s);
    QVERIFY(lines[0].toObject()[u"description"].isNull());
    QCOMPARE(unitsOf(lines[0].toObject()[u"amount"].toString()), total);

    // By description: per model, tier and token type; web search without a model.
    r = sim.admin->get(u"/v1/organizations/cost_report?starting_at="_s + today() +
                       u"&group_by[]=description"_s);
    lines = r.json()[u"data"].toArray()[0].toObject()[u"results"].toArray();
    QHash<QString, qint64> got;
    qint64 searchCost = 0;
    QSet<QString> tokenTypes;
    for (const QJsonValue& v : lines) {
        const QJsonObject o = v.toObject();
        if (o[u"cost_type"].toString() == u"web_search"_s) {
            QVERIFY(o[u"model"].isNull());
            searchCost += unitsOf(o[u"amount"].toString());
            continue;
        }
        QCOMPARE(o[u"cost_type"].toString(), u"tokens"_s);
        QCOMPARE(o[u"service_tier"].toString(), u"batch"_s);
        QVERIFY(!o[u"description"].toString().isEmpty());
        tokenTypes.insert(o[u"token_type"].toString());
        const QString geo = o[u"inference_geo"].toString();
        if (o[u"model"].toString() == u"claude-haiku-4-5-20251001"_s)
            QCOMPARE(geo, u"not_available"_s);
        else
            QVERIFY(geo == u"us"_s || geo == u"global"_s);
        got[o[u"model"].toString()] += unitsOf(o[u"amount"].toString());
    }
    QCOMPARE(got, expected);
    QCOMPARE(searchCost, searches * 100000000000000LL);
    QVERIFY(tokenTypes.contains(u"uncached_input_tokens"_s));
    QVERIFY(tokenTypes.contains(u"output_tokens"_s));
    QVERIFY(tokenTypes.contains(u"cache_read_input_tokens"_s));
    QVERIFY(tokenTypes.contains(u"cache_creation.ephemeral_5m_input_tokens"_s));
}

void TstSimAdmin::usageReportMatchesResults() {
    Sim sim;
    QVERIFY(sim.start());
    QJsonArray reqs;
    for (int i = 0; i < 6; ++i) {
        QJsonObject p = SimClient::params(u"Question "_s + QString::number(i), 150,
                                          i % 2 ? u"claude-opus-4-6"_s : u"claude-haiku-5-5"_s);
        if (i % 3 == 0)
            p[u"inference_geo"_s] = u"us"_s;
        reqs.append(SimClient::request(u"u"_s + QString::number(i), p));
    }
    const auto results = sim.run(reqs);
    QHash<QString, qint64> out, in; // "model/geo" -> tokens
    for (const QJsonObject& res : results) {
        const QJsonObject m = res[u"message"].toObject(), u = m[u"usage"].toObject();
        const QString key = m[u"model"].toString() + u'/' + u[u"inference_geo"].toString();
        out[key] += u[u"output_tokens"].toInteger();
        in[key] += u[u"input_tokens"].toInteger();
    }
    const auto r = sim.admin->get(u"/v1/organizations/usage_report/messages?starting_at="_s +
                                  today() + u"&group_by[]=model&group_by[]=inference_geo"_s);
    QCOMPARE(r.status, 200);
    QHash<QString, qint64> gotOut, gotIn;
    for (const QJsonValue& v : r.json()[u"data"].toArray()[0].toObject()[u"results"].toArray()) {
        const QJsonObject o = v.toObject();
        QVERIFY(o[u"service_tier"].isNull()); // not grouped by it
        const QString key = o[u"model"].toString() + u'/' + o[u"inference_geo"].toString();
        gotOut[key] += o[u"output_tokens"].toInteger();
        gotIn[key] += o[u"uncached_input_tokens"].toInteger();
    }
    QCOMPARE(gotOut, out);
    QCOMPARE(gotIn, in);
}

void TstSimAdmin::pagingAndValidation() {
    Sim sim;
    QVERIFY(sim.start());
    const QString start =
        QDateTime::currentDateTimeUtc().addDays(-4).date().toString(Qt::ISODate) + u"T13:30:00Z"_s;
    QString path = u"/v1/organizations/cost_report?limit=2&starting_at="_s + start;
    QStringList starts;
    for (int page = 0; page < 5; ++page) {
        const auto r = sim.admin->get(path);
        QCOMPARE(r.status, 200);
        for (const QJsonValue& b : r.json()[u"data"].toArray()) {
            const QJsonObject o = b.toObject();
            QVERIFY(o[u"starting_at"].toString().endsWith(u"T00:00:00Z"_s)); // snapped to days
            starts.append(o[u"starting_at"].toString());
        }
        if (!r.json()[u"has_more"].toBool()) {
            QVERIFY(r.json()[u"next_page"].isNull());
            break;
        }
        path = u"/v1/organizations/cost_report?limit=2&starting_at="_s + start + u"&page="_s +
               r.json()[u"next_page"].toString();
    }
    QCOMPARE(starts.size(), 5); // four days back through today, in pages of two
    QCOMPARE(starts.last(), today());
    const QString base = u"/v1/organizations/cost_report?starting_at="_s + today();
    QCOMPARE(sim.admin->get(u"/v1/organizations/cost_report"_s).status, 400);
    QCOMPARE(sim.admin->get(base + u"&bucket_width=1h"_s).status, 400);
    QCOMPARE(sim.admin->get(base + u"&limit=32"_s).status, 400);
    QCOMPARE(sim.admin->get(base + u"&group_by[]=model"_s).status, 400);
    QCOMPARE(sim.admin->get(base + u"&page=bogus"_s).status, 400);
    QCOMPARE(sim.admin
                 ->get(u"/v1/organizations/usage_report/messages?bucket_width=1h&starting_at="_s +
                       today())
                 .json()[u"data"]
                 .toArray()
                 .size(),
             QDateTime::currentDateTimeUtc().time().hour() + 1);
}

void TstSimAdmin::bookkeepingSurvivesRestartAndDelete() {
    QTemporaryDir dir;
    const QString state = dir.filePath(u"sim.json"_s);
    const QString path = u"/v1/organizations/cost_report?starting_at="_s + today();
    QByteArray before;
    {
        Sim sim;
        QVERIFY(sim.start({u"--state"_s, state}));
        QJsonArray reqs;
        for (int i = 0; i < 3; ++i)
            reqs.append(SimClient::request(u"s"_s + QString::number(i),
                                           SimClient::params(u"Keep me"_s, 100)));
        const QString id = sim.client->create(reqs).json()[u"id"].toString();
        QCOMPARE(sim.client->get(u"/v1/messages/batches/"_s + id).json()[u"processing_status"],
                 u"ended"_s);
        // Deleting a batch does not refund it.
        QCOMPARE(sim.client->del(u"/v1/messages/batches/"_s + id).status, 200);
        before = sim.admin->get(path).body;
        QVERIFY(before.contains("\"amount\""));
    }
    Sim again;
    QVERIFY(again.start({u"--state"_s, state}));
    QCOMPARE(again.admin->get(path).body, before);
}

QTEST_GUILESS_MAIN(TstSimAdmin)
#include "tst_sim_admin.moc"
