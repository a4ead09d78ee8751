// JsonlScanner on the fixture corpus (tests/fixtures/intake): each problem is found on the right
// line with the right field and severity, valid files stay valid, params are handed over as the
// exact bytes of the file; the split of 100,000 / 100,001 requests and of a file above 256 MB
// (generated here, in a temporary folder); the worst-case estimate in exact micro-dollars.
#include "cost/pricebook.h"
#include "intake/jsonlinput.h"
#include "intake/jsonlscanner.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using Severity = JsonlScanner::Severity;

Q_DECLARE_METATYPE(bs::JsonlScanner::Severity)

namespace {

QString fixture(const QString& name) {
    return QStringLiteral(BS_INTAKE_FIXTURES "/") + name;
}

// The built-in book plus a model with a 10-token context window (prompt_too_large.jsonl).
PriceBook testBook() {
    QString error;
    const auto tiny = PriceBook::fromJson(
        "{\"models\":[{\"model_id\":\"test-tiny-window\",\"aliases\":[],"
        "\"geo_multiplier_eligible\":false,\"input\":1.0,\"cache_write_5m\":1.25,"
        "\"cache_write_1h\":2.0,\"cache_read\":0.1,\"output\":5.0,\"context_window\":10,"
        "\"max_output\":1000}]}",
        QStringLiteral("test"), &error, PriceBook::Require::ModelsOnly);
    if (!tiny)
        qFatal("test book: %s", qPrintable(error));
    return PriceBook::builtIn().mergedWith(*tiny);
}

QByteArray requestLine(int i, int promptBytes) {
    return "{\"custom_id\":\"r-" + QByteArray::number(i) +
           "\",\"params\":{\"model\":\"claude-haiku-5-5\",\"max_tokens\":16,\"messages\":[{"
           "\"role\":\"user\",\"content\":\"" +
           QByteArray(promptBytes, 'p') + "\"}]}}\n";
}

// Writes `count` requests of about `promptBytes` each, in 1 MB writes.
bool writeRequests(const QString& path, int count, int promptBytes) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray block;
    for (int i = 0; i < count; ++i) {
        block += requestLine(i, promptBytes);
        if (block.size() > (1 << 20)) {
            if (f.write(block) != block.size())
                return false;
            block.clear();
        }
    }
    return f.write(block) == block.size();
}

} // namespace

class TestJsonlScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void corpus_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<Severity>("severity");
        QTest::addColumn<QString>("says"); // a word of the message

        const auto row = [](const char* file, bool valid, qint64 line, const char* field,
                            Severity severity, const char* says) {
            QTest::newRow(file) << QString::fromLatin1(file) << valid << line
                                << QString::fromLatin1(field) << severity
                                << QString::fromUtf8(says);
        };
        const Severity E = Severity::Error, W = Severity::Warning, I = Severity::Info;
        row("valid_basic.jsonl", true, -1, "", I, "");
        row("valid_unicode.jsonl", true, -1, "", I, "");
        row("no_final_newline.jsonl", true, -1, "", I, "");
        row("valid_bom.jsonl", true, 1, "", I, "BOM");
        row("valid_crlf.jsonl", true, 1, "", I, "CRLF");
        row("blank_lines.jsonl", true, 2, "", I, "Blank");
        row("not_json.jsonl", false, 2, "", E, "Not valid JSON");
        row("not_object.jsonl", false, 2, "", E, "Not a JSON object");
        row("trailing_text.jsonl", false, 2, "", E, "Not valid JSON");
        row("trailing_object.jsonl", false, 2, "", E, "Not valid JSON");
        row("hidden_bad_number.jsonl", false, 2, "", E, "Not valid JSON");
        row("non_utf8.jsonl", false, 2, "", E, "UTF-8");
        row("custom_id_missing.jsonl", false, 2, "custom_id", E, "Missing");
        row("custom_id_malformed.jsonl", false, 2, "custom_id", E, "letters, digits");
        row("custom_id_too_long.jsonl", false, 2, "custom_id", E, "1 to 64");
        row("custom_id_not_string.jsonl", false, 2, "custom_id", E, "string");
        row("custom_id_duplicate.jsonl", false, 3, "custom_id", E, "on line 1 and on this line 3");
        row("params_missing.jsonl", false, 2, "params", E, "Missing");
        row("params_not_object.jsonl", false, 2, "params", E, "object");
        row("model_missing.jsonl", false, 2, "params.model", E, "Missing");
        row("max_tokens_missing.jsonl", false, 2, "params.max_tokens", E, "Missing");
        row("messages_missing.jsonl", false, 2, "params.messages", E, "Missing");
        row("messages_empty.jsonl", false, 2, "params.messages", E, "at least one");
        row("max_tokens_zero.jsonl", false, 2, "params.max_tokens", E, "at least 1");
        row("max_tokens_fraction.jsonl", false, 2, "params.max_tokens", E, "whole number");
        row("max_tokens_over_limit.jsonl", false, 2, "params.max_tokens", E, "64000");
        row("max_tokens_needs_beta.jsonl", true, 2, "params.max_tokens", W, "output-300k");
        row("stream_true.jsonl", false, 2, "params.stream", E, "Streaming");
        row("speed.jsonl", false, 2, "params.speed", E, "does not accept");
        row("store.jsonl", false, 2, "params.store", E, "does not accept");
        row("cache_hint.jsonl", false, 2, "params.cache_hint", E, "does not accept");
        row("research_preview.jsonl", false, 2, "params.research_preview_2026_02", E,
            "research preview");
        row("unknown_model.jsonl", true, 2, "params.model", W, "unpriced");
        row("moving_alias.jsonl", true, 2, "params.model", W, "claude-sonnet-4-5-20250929");
        row("prompt_too_large.jsonl", true, 2, "params.messages", W, "context window");
        row("unknown_field.jsonl", true, 2, "note", W, "not sent");
        row("empty.jsonl", false, 0, "", E, "no requests");
    }

    void corpus() {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        QFETCH(qint64, line);
        QFETCH(QString, field);
        QFETCH(Severity, severity);
        QFETCH(QString, says);
        const PriceBook book = testBook();
        JsonlScanner::Options options;
        options.prices = &book;
        JsonlScanner scanner(fixture(file), options);
        qint64 handed = 0;
        QVERIFY(scanner.scan([&](const JsonlScanner::Request& r) {
            ++handed;
            // The params handed over are a JSON object, exactly as in the file.
            return r.params.startsWith('{') && r.params.endsWith('}');
        }));
        QStringList all;
        for (const auto& p : scanner.problems())
            all << p.toString(file);
        const QString listed = all.join(QLatin1Char('\n'));
        QCOMPARE(scanner.valid(), valid);
        QCOMPARE(handed, scanner.requestCount());
        if (line < 0) {
            QVERIFY2(scanner.problems().isEmpty(), qPrintable(listed));
            QCOMPARE(scanner.requestCount(), 2);
            return;
        }
        // The expected problem is there, and it is the only error or warning.
        const auto& problems = scanner.problems();
        const auto found = std::find_if(problems.cbegin(), problems.cend(), [&](const auto& p) {
            return p.line == line && p.field == field && p.severity == severity &&
                   p.message.contains(says);
        });
        QVERIFY2(found != problems.cend(), qPrintable(listed));
        QCOMPARE(scanner.errorCount() + scanner.warningCount(), severity == Severity::Info ? 0 : 1);
    }

    // Columns where they are known: the first byte that is not UTF-8, where JSON breaks off.
    void columns() {
        JsonlScanner utf8(fixture(QStringLiteral("non_utf8.jsonl")));
        utf8.scan();
        QCOMPARE(utf8.problems().size(), 1);
        QFile f(fixture(QStringLiteral("non_utf8.jsonl")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray second = f.readAll().split('\n').at(1);
        QCOMPARE(utf8.problems().first().column, second.indexOf('\xe9') + 1);

        JsonlScanner json(fixture(QStringLiteral("not_json.jsonl")));
        json.scan();
        QCOMPARE(json.problems().size(), 1);
        // {"custom_id":"req-2","params":{"model" "x"}} breaks off at the second string.
        QCOMPARE(json.problems().first().column, qint64(40));
    }

    // Lines longer than a batch can carry are refused without being held; the next line is read.
    void overLongLine() {
        JsonlScanner::Options options;
        options.maxLineBytes = 300;
        options.chunkBytes = 4096; // smallest: the long line spans buffer refills
        JsonlScanner scanner(fixture(QStringLiteral("line_too_long.jsonl")), options);
        QVERIFY(scanner.scan());
        QCOMPARE(scanner.errorCount(), 1);
        QCOMPARE(scanner.problems().first().line, 2);
        QVERIFY(scanner.problems().first().message.contains(QLatin1String("MB")));
        QCOMPARE(scanner.requestCount(), 2); // lines 1 and 3
    }

    // A custom_id the ledger has seen is a warning on its line (through the callback).
    void usedInLedger() {
        JsonlScanner::Options options;
        QSet<QString> asked;
        options.usedCustomIds = [&asked](const QSet<QString>& ids) {
            asked = ids;
            return QSet<QString>{QStringLiteral("req-2")};
        };
        JsonlScanner scanner(fixture(QStringLiteral("valid_basic.jsonl")), options);
        QVERIFY(scanner.scan());
        QCOMPARE(asked, (QSet<QString>{QStringLiteral("req-1"), QStringLiteral("req-2")}));
        QVERIFY(scanner.valid());
        QCOMPARE(scanner.warningCount(), 1);
        QCOMPARE(scanner.problems().first().line, 2);
        QCOMPARE(scanner.problems().first().field, QStringLiteral("custom_id"));
        QVERIFY(scanner.problems().first().message.contains(QLatin1String("UUID")));
    }

    // Params are the bytes of the file: key order, spacing, big integers, escapes.
    void paramsAreTheFileBytes() {
        QTemporaryDir dir;
        const QByteArray params =
            "{\"zeta\": 1 "
            ",\"model\":\"claude-haiku-5-5\",\"alpha\":9007199254740993,\"max_tokens\":5,"
            "\"messages\":[{\"role\":\"user\",\"content\":\"\\u00e9\\n한\"}], "
            "\"metadata\":{\"b\":1,\"a\":2}}";
        const QString path = dir.filePath(QStringLiteral("p.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF  {\"params\":\t" + params + "\t , \"custom_id\":\"a\"}\r\n");
        f.close();
        QByteArray got;
        JsonlScanner scanner(path);
        QVERIFY(scanner.scan([&](const JsonlScanner::Request& r) {
            got = r.params.toByteArray();
            return true;
        }));
        QCOMPARE(got, params);
        // The facade hands over the same bytes.
        JsonlInput input(path);
        QByteArray viaInput;
        QVERIFY(input.forEach([&](const QString&, const QByteArray& p) {
            viaInput = p;
            return true;
        }));
        QCOMPARE(viaInput, params);
    }

    // Worst case per model at batch prices, rounded once for the whole model.
    void estimate() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Params of exactly 400 ASCII characters -> 100 input tokens each (Opus 4.6: $5 / $25).
        const auto padded = [](const QByteArray& head, int size) -> QByteArray {
            const QByteArray tail = QByteArrayLiteral("\"}]}");
            return head + QByteArray(size - head.size() - tail.size(), 'x') + tail;
        };
        const QByteArray opus = padded("{\"model\":\"claude-opus-4-6\",\"max_tokens\":1000,"
                                       "\"messages\":[{\"role\":\"user\",\"content\":\"",
                                       400);
        QCOMPARE(opus.size(), 400);
        // Haiku 5.5 ($0.10 / $0.50): 1 input token, 1 output: 0.3 micro-dollars a request.
        const QByteArray haiku =
            "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":1,\"messages\":[]}";
        f.write("{\"custom_id\":\"o1\",\"params\":" + opus + "}\n");
        f.write("{\"custom_id\":\"o2\",\"params\":" + opus + "}\n");
        f.write("{\"custom_id\":\"h1\",\"params\":" + haiku.left(haiku.size() - 3) +
                "[{\"role\":\"user\",\"content\":\"\"}]}}\n");
        f.write("{\"custom_id\":\"h2\",\"params\":" + haiku.left(haiku.size() - 3) +
                "[{\"role\":\"user\",\"content\":\"\"}]}}\n");
        f.close();
        const PriceBook book = PriceBook::builtIn();
        JsonlScanner::Options options;
        options.prices = &book;
        JsonlScanner scanner(path, options);
        QVERIFY(scanner.scan());
        QVERIFY(scanner.valid());
        QCOMPARE(scanner.estimates().size(), 2);
        const auto& o = scanner.estimates().at(0);
        QCOMPARE(o.model, QStringLiteral("claude-opus-4-6"));
        QCOMPARE(o.requests, 2);
        QCOMPARE(o.inputTokens, 200);
        QCOMPARE(o.maxOutputTokens, 2000);
        // (200 x $5 + 2000 x $25) / 1e6 x 0.5 = $0.0255
        QCOMPARE(o.worstCaseMicros, qint64(25500));
        const auto& h = scanner.estimates().at(1);
        QCOMPARE(h.model, QStringLiteral("claude-haiku-5-5"));
        // 85 characters of params -> 22 tokens each; (44 x 0.10 + 2 x 0.50) x 0.5 = 2.7 micro$
        QCOMPARE(h.inputTokens, 44);
        QCOMPARE(h.worstCaseMicros, qint64(3));
    }

    // Input tokens count characters, not bytes: Korean, accents and emoji in a params value
    // longer than one folding block of the eight-bytes-at-a-time count (2,040 bytes).
    void charactersNotBytes() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("u.jsonl"));
        QByteArray text;
        while (text.size() < 5000)
            text += "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 caf\xC3\xA9 \xF0\x9F\x8C\x8F ";
        const QByteArray params =
            "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":1,\"messages\":[{\"role\":"
            "\"user\",\"content\":\"" +
            text + "x\"}]}";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"custom_id\":\"u\",\"params\":" + params + "}\n");
        f.close();
        const PriceBook book = PriceBook::builtIn();
        JsonlScanner::Options options;
        options.prices = &book;
        JsonlScanner scanner(path, options);
        QVERIFY(scanner.scan());
        QVERIFY(scanner.valid());
        const qint64 characters = QString::fromUtf8(params).toUcs4().size();
        QVERIFY(characters < params.size());
        QCOMPARE(scanner.estimates().first().inputTokens, (characters + 3) / 4);
    }

    // 100,000 requests are one batch, 100,001 are two; nothing crashes on the way.
    void hundredThousand() {
        QTemporaryDir dir;
        for (const int count : {100000, 100001}) {
            const QString path = dir.filePath(QStringLiteral("n%1.jsonl").arg(count));
            QVERIFY(writeRequests(path, count, 20));
            JsonlScanner scanner(path);
            QVERIFY(scanner.scan());
            QVERIFY(scanner.valid());
            QCOMPARE(scanner.requestCount(), count);
            QCOMPARE(scanner.batches().size(), count == 100000 ? 1 : 2);
            QCOMPARE(scanner.batches().first().requests, 100000);
        }
    }

    // A file above 256 MB (fewer than 100,000 requests) is split by size, in order.
    void aboveTheBodyLimit() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        QVERIFY(writeRequests(path, 90000, 3000)); // ~279 MB
        QVERIFY(QFileInfo(path).size() > BatchRequestsBuilder::kMaxBodyBytes);
        JsonlScanner scanner(path);
        QVERIFY(scanner.scan());
        QVERIFY(scanner.valid());
        QCOMPARE(scanner.requestCount(), 90000);
        QCOMPARE(scanner.batches().size(), 2);
        for (const auto& part : scanner.batches())
            QVERIFY(part.bodyBytes <= BatchSplitter::Limits().maxBodyBytes);
        QCOMPARE(scanner.batches().at(0).requests + scanner.batches().at(1).requests, 90000);
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestJsonlScanner t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_jsonlscanner.moc"
