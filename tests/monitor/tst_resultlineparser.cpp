// ResultLineParser: every result type and usage shape of batches-api.md §7 (fixture
// tests/fixtures/results/shapes.jsonl), cross-checked field by field against the QJsonDocument
// path (Usage::fromJson), and every kind of malformed line.
#include "cost/usage.h"
#include "monitor/resultlineparser.h"
#include "testenv.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bs;

namespace {
QByteArray fixture() {
    QFile f(qEnvironmentVariable("BS_TEST_SOURCE_DIR") +
            QStringLiteral("/tests/fixtures/results/shapes.jsonl"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestResultLineParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!fixture().isEmpty()); }

    void everyShape() {
        ResultLineParser parser;
        QHash<QString, ResultRow> rows;
        const qint64 n = parser.parseChunk(
            fixture(), [&](qint64, bool ok, ResultRow& row, const QString& reason, QByteArrayView) {
                if (!ok)
                    qWarning() << reason;
                if (ok)
                    rows.insert(row.customId, row);
                return ok;
            });
        QCOMPARE(n, 9);
        QCOMPARE(rows.size(), 9);

        const ResultRow full = rows.value(QStringLiteral("full"));
        QCOMPARE(full.type, QStringLiteral("succeeded"));
        QCOMPARE(full.messageId, QStringLiteral("msg_01Full"));
        QCOMPARE(full.model, QStringLiteral("claude-sonnet-5-5"));
        QCOMPARE(full.stopReason, QStringLiteral("end_turn"));
        QCOMPARE(full.usage.inputTokens, 120);
        QCOMPARE(full.usage.outputTokens, 350);
        QCOMPARE(full.usage.cacheCreationInputTokens, 3000);
        QCOMPARE(full.usage.cacheReadInputTokens, 4000);
        QVERIFY(full.usage.hasCacheCreationBreakdown);
        QCOMPARE(full.usage.ephemeral5mInputTokens, 1000);
        QCOMPARE(full.usage.ephemeral1hInputTokens, 2000);
        QCOMPARE(full.usage.webSearchRequests, 3);
        QCOMPARE(full.usage.webFetchRequests, 2);
        QCOMPARE(full.usage.serviceTier, QStringLiteral("batch"));
        QCOMPARE(full.usage.inferenceGeo, QStringLiteral("us"));
        QVERIFY(full.errorType.isEmpty());

        const ResultRow nulls = rows.value(QStringLiteral("nulls"));
        QCOMPARE(nulls.usage.cacheCreationInputTokens, 0);
        QCOMPARE(nulls.usage.cacheReadInputTokens, 0);
        QVERIFY(!nulls.usage.hasCacheCreationBreakdown);
        QVERIFY(nulls.usage.serviceTier.isEmpty());
        QVERIFY(nulls.usage.inferenceGeo.isEmpty());
        QCOMPARE(nulls.stopReason, QStringLiteral("max_tokens"));

        const ResultRow reordered = rows.value(QStringLiteral("reordered"));
        QCOMPARE(reordered.type, QStringLiteral("succeeded"));
        QCOMPARE(reordered.usage.inputTokens, 8);
        QCOMPARE(reordered.usage.outputTokens, 9);
        QCOMPARE(reordered.stopReason, QStringLiteral("stop_sequence"));

        const ResultRow e1 = rows.value(QStringLiteral("errored-1"));
        QCOMPARE(e1.type, QStringLiteral("errored"));
        QCOMPARE(e1.errorType, QStringLiteral("invalid_request_error"));
        QCOMPARE(e1.errorMessage,
                 QStringLiteral("max_tokens: 999999 > 64000, which is the maximum allowed"));
        QCOMPARE(e1.requestId, QStringLiteral("req_011"));
        QVERIFY(e1.model.isEmpty());
        QCOMPARE(rows.value(QStringLiteral("errored-2")).errorType,
                 QStringLiteral("overloaded_error"));
        QCOMPARE(rows.value(QStringLiteral("canceled-1")).type, QStringLiteral("canceled"));
        QCOMPARE(rows.value(QStringLiteral("expired-1")).type, QStringLiteral("expired"));
        QCOMPARE(rows.value(QStringLiteral("unpriced")).model, QStringLiteral("claude-future-9"));
    }

    // The simdjson path gives exactly what the QJsonDocument path gives, for every line.
    void agreesWithQJsonDocument() {
        ResultLineParser parser;
        for (const QByteArray& line : fixture().split('\n')) {
            if (line.isEmpty())
                continue;
            ResultRow row;
            QString reason;
            QVERIFY2(parser.parseLine(line, &row, &reason), qPrintable(reason));
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QJsonObject result = o.value(QLatin1String("result")).toObject();
            const QJsonObject msg = result.value(QLatin1String("message")).toObject();
            const QJsonObject err = result.value(QLatin1String("error"))
                                        .toObject()
                                        .value(QLatin1String("error"))
                                        .toObject();
            QCOMPARE(row.customId, o.value(QLatin1String("custom_id")).toString());
            QCOMPARE(row.type, result.value(QLatin1String("type")).toString());
            QCOMPARE(row.model, msg.value(QLatin1String("model")).toString());
            QCOMPARE(row.messageId, msg.value(QLatin1String("id")).toString());
            QCOMPARE(row.stopReason, msg.value(QLatin1String("stop_reason")).toString());
            QCOMPARE(row.usage, Usage::fromJson(msg.value(QLatin1String("usage")).toObject()));
            QCOMPARE(row.errorType, err.value(QLatin1String("type")).toString());
            QCOMPARE(row.errorMessage, err.value(QLatin1String("message")).toString());
        }
    }

    void escapes() {
        ResultLineParser parser;
        ResultRow row;
        QString reason;
        QVERIFY(parser.parseLine("{\"custom_id\":\"a\\u002db\",\"result\":{\"type\":\"errored\","
                                 "\"error\":{\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                                 "\"message\":\"caf\\u00e9 \\\"quoted\\\" \\ud83d\\ude00\"}}}}",
                                 &row, &reason));
        QCOMPARE(row.customId, QStringLiteral("a-b"));
        QCOMPARE(row.errorMessage, QString::fromUtf8("caf\xc3\xa9 \"quoted\" \xf0\x9f\x98\x80"));
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("this is not json") << QStringLiteral("JSON");
        QTest::newRow("truncated") << QByteArray("{\"custom_id\":\"x\",\"result\":{\"type\":\"succ")
                                   << QStringLiteral("JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::newRow("no custom_id")
            << QByteArray("{\"result\":{\"type\":\"canceled\"}}") << QStringLiteral("custom_id");
        QTest::newRow("empty custom_id")
            << QByteArray("{\"custom_id\":\"\",\"result\":{\"type\":\"canceled\"}}")
            << QStringLiteral("custom_id");
        QTest::newRow("numeric custom_id")
            << QByteArray("{\"custom_id\":12,\"result\":{\"type\":\"canceled\"}}")
            << QStringLiteral("custom_id");
        QTest::newRow("no result")
            << QByteArray("{\"custom_id\":\"x\"}") << QStringLiteral("\"result\" is missing");
        QTest::newRow("no type") << QByteArray("{\"custom_id\":\"x\",\"result\":{}}")
                                 << QStringLiteral("result.type");
        QTest::newRow("succeeded without message")
            << QByteArray("{\"custom_id\":\"x\",\"result\":{\"type\":\"succeeded\"}}")
            << QStringLiteral("message");
        QTest::newRow("succeeded without usage")
            << QByteArray("{\"custom_id\":\"x\",\"result\":{\"type\":\"succeeded\",\"message\":{"
                          "\"id\":\"m\"}}}")
            << QStringLiteral("usage");
        QTest::newRow("string tokens")
            << QByteArray("{\"custom_id\":\"x\",\"result\":{\"type\":\"succeeded\",\"message\":{"
                          "\"usage\":{\"input_tokens\":\"12\"}}}}")
            << QStringLiteral("usage.input_tokens");
        QTest::newRow("negative tokens")
            << QByteArray("{\"custom_id\":\"x\",\"result\":{\"type\":\"succeeded\",\"message\":{"
                          "\"usage\":{\"output_tokens\":-3}}}}")
            << QStringLiteral("negative");
        QTest::newRow("fractional tokens")
            << QByteArray("{\"custom_id\":\"x\",\"result\":{\"type\":\"succeeded\",\"message\":{"
                          "\"usage\":{\"output_tokens\":1.5}}}}")
            << QStringLiteral("usage.output_tokens");
        QTest::newRow("text after object")
            << QByteArray(
                   "{\"custom_id\":\"x\",\"result\":{\"type\":\"canceled\"}} {\"custom_id\":\"y\"}")
            << QStringLiteral("text after");
    }

    void malformed() {
        QFETCH(QByteArray, line);
        QFETCH(QString, reason);
        ResultLineParser parser;
        ResultRow row;
        QString why;
        QVERIFY(!parser.parseLine(line, &row, &why));
        QVERIFY2(why.contains(reason), qPrintable(why));
        QCOMPARE(row, ResultRow()); // nothing half-filled comes back
    }

    // In a chunk, a bad line is reported with its index and the lines around it still parse.
    void chunkWithBadLineAndBlanks() {
        const QByteArray chunk = "{\"custom_id\":\"a\",\"result\":{\"type\":\"canceled\"}}\n"
                                 "\n"
                                 "{\"custom_id\":\"b\",\"result\":{\"type\":\n"
                                 "{\"custom_id\":\"c\",\"result\":{\"type\":\"expired\"}}\n";
        ResultLineParser parser;
        QStringList seen;
        QList<qint64> badIndexes;
        parser.parseChunk(
            chunk, [&](qint64 index, bool ok, ResultRow& row, const QString&, QByteArrayView) {
                if (ok)
                    seen.append(row.customId);
                else
                    badIndexes.append(index);
                return true;
            });
        QCOMPARE(seen, (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        QCOMPARE(badIndexes, QList<qint64>{1});
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestResultLineParser t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_resultlineparser.moc"
