// TokenCalibrator against the real batchscope-sim: a spread sample per model goes to
// count_tokens, the ratio counted / local per model is what the sim counts for exactly those
// requests (asked again here, independently), and a scan with that ratio re-prices the estimate;
// a model count_tokens refuses stays local; no server or a refused key leaves everything local
// with a message. `batchscope-cli validate --calibrate --json` reports it; without --calibrate
// validate still needs no key.
#include "api/apiclient.h"
#include "api/counttokensjob.h"
#include "apijobwait.h"
#include "cost/pricebook.h"
#include "intake/jsonlscanner.h"
#include "intake/tokencalibrator.h"
#include "simprocess.h"
#include "testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using bs::test::SimProcess;

namespace {

// Line i of a model: a prompt whose length grows with i, so a sample taken from other lines
// would count differently.
QByteArray requestLine(const QString& model, int i) {
    QString text;
    for (int w = 0; w < 20 + i * 3; ++w)
        text += QStringLiteral("word%1 ").arg(w % 7);
    const QJsonObject params{
        {QStringLiteral("model"), model},
        {QStringLiteral("max_tokens"), 100},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), text}}}}};
    return QJsonDocument(
               QJsonObject{{QStringLiteral("custom_id"), QStringLiteral("%1-%2").arg(model).arg(i)},
                           {QStringLiteral("params"), params}})
        .toJson(QJsonDocument::Compact);
}

TokenCalibrator::Result runCalibration(ApiClient* client, const QString& path,
                                       const JsonlScanner::Options& options) {
    TokenCalibrator calibrator(client);
    QSignalSpy done(&calibrator, &TokenCalibrator::finished);
    calibrator.calibrate(path, options);
    if (!done.wait(60000))
        return {};
    return done.first().first().value<TokenCalibrator::Result>();
}

const TokenCalibrator::ModelSample* sampleOf(const TokenCalibrator::Result& r,
                                             const QString& model) {
    for (const auto& m : r.models)
        if (m.model == model)
            return &m;
    return nullptr;
}

} // namespace

class TestTokenCalibrator : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;
    QString m_file;
    PriceBook m_book = PriceBook::builtIn();

    ApiConfig config(const QString& key = SimProcess::fakeKey()) const {
        ApiConfig c;
        c.baseUrl = m_sim.baseUrl();
        c.apiKey = key;
        c.maxRetries = 0;
        return c;
    }
    JsonlScanner::Options options() const {
        JsonlScanner::Options o;
        o.prices = &m_book;
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(
                     {QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--quiet")}),
                 qPrintable(m_sim.errorString()));
        // 50 haiku requests, 30 of a new-tokenizer model (the sim counts +30 %), interleaved.
        m_file = m_dir.filePath(QStringLiteral("mixed.jsonl"));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 50; ++i) {
            f.write(requestLine(QStringLiteral("claude-haiku-5-5"), i) + '\n');
            if (i < 30)
                f.write(requestLine(QStringLiteral("claude-opus-4-7"), i) + '\n');
        }
    }

    void ratioFromASpreadSample() {
        ApiClient client(config());
        const TokenCalibrator::Result r = runCalibration(&client, m_file, options());
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY2(r.message.isEmpty(), qPrintable(r.message));
        QCOMPARE(r.models.size(), 2);

        // The sample: lines k * n / 8 of each model; what the sim counts for those, asked here.
        for (const auto& [model, n] : {std::pair{QStringLiteral("claude-haiku-5-5"), 50},
                                       std::pair{QStringLiteral("claude-opus-4-7"), 30}}) {
            qint64 counted = 0, local = 0;
            for (int k = 0; k < TokenCalibrator::kSamplePerModel; ++k) {
                const int i = k * n / TokenCalibrator::kSamplePerModel;
                const QByteArray line = requestLine(model, i);
                const QJsonObject params = QJsonDocument::fromJson(line)
                                               .object()
                                               .value(QLatin1String("params"))
                                               .toObject();
                CountTokensJob* job = client.countTokens(CountTokensJob::bodyFromParams(params));
                job->setAutoDelete(false);
                QVERIFY(bs::test::waitForJob(job).isOk());
                counted += job->inputTokens();
                delete job;
                // The local estimate of that request: its own one-line scan.
                const QString one = m_dir.filePath(QStringLiteral("one.jsonl"));
                QFile f(one);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(line + '\n');
                f.close();
                JsonlScanner s(one, options());
                QVERIFY(s.scan());
                local += s.estimates().first().inputTokens;
            }
            const auto* m = sampleOf(r, model);
            QVERIFY(m);
            QVERIFY2(m->calibrated(), qPrintable(m->error));
            QCOMPARE(m->sampled, TokenCalibrator::kSamplePerModel);
            QCOMPARE(m->countedTokens, counted);
            QCOMPARE(m->localTokens, local);
        }

        // Applied: each request's local estimate times the ratio, priced as before.
        JsonlScanner local(m_file, options());
        QVERIFY(local.scan());
        JsonlScanner::Options withRatios = options();
        withRatios.inputRatios = r.ratios();
        JsonlScanner calibrated(m_file, withRatios);
        QVERIFY(calibrated.scan());
        QCOMPARE(calibrated.estimates().size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            const JsonlScanner::ModelEstimate& a = local.estimates().at(i);
            const JsonlScanner::ModelEstimate& b = calibrated.estimates().at(i);
            const auto* m = sampleOf(r, b.model);
            QVERIFY(!a.calibrated);
            QVERIFY(b.calibrated);
            QCOMPARE(a.inputTokensLocal, a.inputTokens);
            QCOMPARE(b.inputTokensLocal, a.inputTokens);
            QCOMPARE(b.maxOutputTokens, a.maxOutputTokens);
            // Rounded per request: within half a token per request of the whole-sum ratio.
            const double expected =
                double(a.inputTokens) * double(m->countedTokens) / double(m->localTokens);
            QVERIFY2(qAbs(double(b.inputTokens) - expected) <= double(b.requests) / 2 + 1,
                     qPrintable(QStringLiteral("%1 vs %2").arg(b.inputTokens).arg(expected)));
            QVERIFY(b.inputTokens != a.inputTokens);
            // The cost moves by the extra input tokens at the model's batch input price.
            const ModelPricing* p = m_book.find(b.model);
            QVERIFY(p);
            const double delta = double(b.inputTokens - a.inputTokens) *
                                 double(p->pricesOn(QDateTime::currentDateTimeUtc().date()).input) *
                                 double(m_book.batchMultiplierPpm()) / 1e12;
            QVERIFY2(qAbs(double(b.worstCaseMicros - a.worstCaseMicros) - delta) <= 1.0,
                     qPrintable(QStringLiteral("%1 -> %2, delta %3")
                                    .arg(a.worstCaseMicros)
                                    .arg(b.worstCaseMicros)
                                    .arg(delta)));
        }
    }

    // A model count_tokens does not know stays local; the others are calibrated.
    void refusedModelStaysLocal() {
        const QString path = m_dir.filePath(QStringLiteral("unknown.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 5; ++i) {
            f.write(requestLine(QStringLiteral("claude-haiku-5-5"), i) + '\n');
            f.write(requestLine(QStringLiteral("claude-nonexistent-9"), i) + '\n');
        }
        f.close();
        ApiClient client(config());
        const TokenCalibrator::Result r = runCalibration(&client, path, options());
        QVERIFY(r.ok);
        QVERIFY(sampleOf(r, QStringLiteral("claude-haiku-5-5"))->calibrated());
        const auto* unknown = sampleOf(r, QStringLiteral("claude-nonexistent-9"));
        QVERIFY(unknown);
        QVERIFY(!unknown->calibrated());
        QVERIFY2(r.message.contains(QLatin1String("claude-nonexistent-9")), qPrintable(r.message));
        QVERIFY(!r.ratios().contains(QStringLiteral("claude-nonexistent-9")));
    }

    // A refused key, or no server: nothing calibrated, a message that says so.
    void failuresLeaveTheEstimateLocal() {
        ApiClient refused(config(QStringLiteral("wrong-key-not-a-secret")));
        const TokenCalibrator::Result a = runCalibration(&refused, m_file, options());
        QVERIFY(!a.ok);
        QVERIFY(a.ratios().isEmpty());
        QVERIFY2(a.message.contains(QLatin1String("count_tokens failed")) &&
                     a.message.contains(QLatin1String("local")),
                 qPrintable(a.message));

        SimProcess gone;
        QVERIFY2(gone.start({QStringLiteral("--quiet")}), qPrintable(gone.errorString()));
        ApiConfig c = config();
        c.baseUrl = gone.baseUrl();
        gone.stop();
        ApiClient offline(c);
        const TokenCalibrator::Result b = runCalibration(&offline, m_file, options());
        QVERIFY(!b.ok);
        QVERIFY(b.ratios().isEmpty());
        QVERIFY2(b.message.contains(QLatin1String("count_tokens failed")), qPrintable(b.message));
    }

    void cliValidateCalibrate() {
        const auto run = [&](const QStringList& args, bool withKey) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("ANTHROPIC_API_KEY"));
            if (withKey)
                env.insert(QStringLiteral("ANTHROPIC_API_KEY"), SimProcess::fakeKey());
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(BS_CLI_PATH),
                    QStringList{QStringLiteral("--base-url"), m_sim.baseUrl().toString(),
                                QStringLiteral("--ledger"),
                                m_dir.filePath(QStringLiteral("cli.sqlite")),
                                QStringLiteral("--json"), QStringLiteral("validate"), m_file} +
                        args);
            p.waitForFinished(60000);
            // The JSON report on stdout; stderr (progress, warnings) for failure messages.
            const QByteArray out = p.readAllStandardOutput();
            return std::pair{p.exitCode(), QByteArray(out + "\n# " + p.readAllStandardError())};
        };
        // Without --calibrate: no key needed, the local estimate.
        const auto [plainCode, plain] = run({}, false);
        QVERIFY2(plainCode == 0, plain.constData());
        QJsonObject o = QJsonDocument::fromJson(plain.left(plain.indexOf("\n# "))).object();
        QCOMPARE(o[u"estimate_calibrated"].toBool(), false);
        QJsonObject haiku = o[u"estimate"].toObject()[u"claude-haiku-5-5"].toObject();
        QCOMPARE(haiku[u"calibrated"].toBool(), false);
        QCOMPARE(haiku[u"input_tokens_local"].toInteger(), haiku[u"input_tokens"].toInteger());
        const qint64 localTokens = haiku[u"input_tokens"].toInteger();
        QVERIFY(localTokens > 0);

        // --calibrate without a key: refused, saying how to give one.
        const auto [noKeyCode, noKey] = run({QStringLiteral("--calibrate")}, false);
        QVERIFY2(noKeyCode != 0, noKey.constData());

        const auto [code, out] = run({QStringLiteral("--calibrate")}, true);
        QVERIFY2(code == 0, out.constData());
        o = QJsonDocument::fromJson(out.left(out.indexOf("\n# "))).object();
        QCOMPARE(o[u"estimate_calibrated"].toBool(), true);
        haiku = o[u"estimate"].toObject()[u"claude-haiku-5-5"].toObject();
        QCOMPARE(haiku[u"calibrated"].toBool(), true);
        QCOMPARE(haiku[u"input_tokens_local"].toInteger(), localTokens);
        QVERIFY(haiku[u"input_tokens"].toInteger() != localTokens);
    }
};

QTEST_GUILESS_MAIN(TestTokenCalibrator)
#include "tst_tokencalibrator.moc"
