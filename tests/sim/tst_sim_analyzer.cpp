// The simulator's two ways of analysing a create's item give one answer: FastAnalyzer (simdjson
// on UTF-8 views, for the common shape) and the general path (QJsonObject + RequestAnalyzer),
// item by item on a corpus of shapes, and CreateStream (items analysed while the body arrives,
// fed in pieces of every size) against the general path over a whole body.
#include "createrequests.h"
#include "createstream.h"
#include "fastanalyzer.h"

#include <QTest>

#include <simdjson.h>

#include <random>

// GCC 12 at -O3 warns about `"literal" + std::string&&` (a false positive, GCC bug 105329).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

using namespace bs::sim;

namespace {

struct Case {
    const char* name;
    std::string item;
    bool fast; // FastAnalyzer is expected to take it (else it must decline)
};

std::string req(const std::string& id, const std::string& params) {
    return "{\"custom_id\":\"" + id + "\",\"params\":" + params + "}";
}

std::string msg(const std::string& content) {
    return "\"messages\":[{\"role\":\"user\",\"content\":" + content + "}]";
}

std::vector<Case> corpus() {
    const std::string m = "\"model\":\"claude-haiku-5-5\",\"max_tokens\":1024,";
    const std::string big(900000, 'x'); // > a 200k-token context window
    return {
        {"ascii", req("a", "{" + m + msg("\"Hello there\"") + "}"), true},
        {"korean+emoji", req("b", "{" + m + msg("\"데이터 café 😀 \\ud83d\\ude00\"") + "}"), true},
        {"escapes",
         req("c", "{" + m + msg("\"line\\nnext \\\"quoted\\\" \\\\ \\u00e9 \\u0000 \\/\"") + "}"),
         true},
        {"odd escaped quotes, brackets", req("c2", "{" + m + msg("\"a \\\" }]} b\"") + "}"), true},
        {"escaped backslash before the quote", req("c3", "{" + m + msg("\"ends \\\\\"") + "}"),
         true},
        {"system string", req("d", "{" + m + "\"system\":\"Summarise.\"," + msg("\"text\"") + "}"),
         true},
        {"system blocks",
         req("e", "{" + m +
                      "\"system\":[{\"type\":\"text\",\"text\":\"One\"},{\"text\":\"Two ü\","
                      "\"type\":\"text\"}]," +
                      msg("\"x\"") + "}"),
         true},
        {"content blocks",
         req("f", "{" + m +
                      "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
                      "\"a\"},{\"type\":\"text\",\"text\":\"bcd\"}]},{\"role\":\"assistant\","
                      "\"content\":\"ok\"},{\"role\":\"user\"}]}"),
         true},
        {"params key order",
         req("g", "{" + msg("\"hi\"") +
                      ",\"max_tokens\":5,\"model\":"
                      "\"claude-opus-4-8\"}"),
         true},
        {"new tokenizer",
         req("h", "{\"model\":\"claude-opus-4-7\",\"max_tokens\":10," + msg("\"1234567\"") + "}"),
         true},
        {"old tokenizer",
         req("i", "{\"model\":\"claude-opus-4-6\",\"max_tokens\":10," + msg("\"1234567\"") + "}"),
         true},
        {"unknown model",
         req("j", "{\"model\":\"claude-none-1\",\"max_tokens\":10," + msg("\"x\"") + "}"), true},
        {"retired model",
         req("k", "{\"model\":\"claude-opus-4-1\",\"max_tokens\":10," + msg("\"x\"") + "}"), true},
        {"no model", req("l", "{\"max_tokens\":10," + msg("\"x\"") + "}"), true},
        {"model not a string", req("l2", "{\"model\":5,\"max_tokens\":10," + msg("\"x\"") + "}"),
         true},
        {"empty model", req("l3", "{\"model\":\"\",\"max_tokens\":10," + msg("\"x\"") + "}"), true},
        {"no max_tokens", req("m", "{\"model\":\"claude-haiku-5-5\"," + msg("\"x\"") + "}"), true},
        {"null max_tokens",
         req("m2", "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":null," + msg("\"x\"") + "}"),
         true},
        {"max_tokens 0",
         req("n", "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":0," + msg("\"x\"") + "}"), true},
        {"max_tokens 1.5",
         req("o", "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":1.5," + msg("\"x\"") + "}"),
         true},
        {"max_tokens 2.0",
         req("o2", "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":2.0," + msg("\"x\"") + "}"),
         true},
        {"max_tokens huge",
         req("p",
             "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":99999999999," + msg("\"x\"") + "}"),
         true},
        {"max_tokens too large",
         req("q", "{\"model\":\"claude-opus-4-1\",\"max_tokens\":64000," + msg("\"x\"") + "}"),
         true},
        {"max_tokens string",
         req("q2", "{\"model\":\"claude-haiku-5-5\",\"max_tokens\":\"5\"," + msg("\"x\"") + "}"),
         false},
        {"stream true", req("r", "{" + m + "\"stream\":true," + msg("\"x\"") + "}"), true},
        {"stream false", req("r2", "{" + m + "\"stream\":false," + msg("\"x\"") + "}"), true},
        {"no messages", req("s", "{" + m + "\"messages\":[]}"), true},
        {"prompt too long",
         req("t",
             "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10," + msg("\"" + big + "\"") + "}"),
         true},
        {"stop sequences",
         req("u", "{" + m + "\"stop_sequences\":[\"END\",\"STOP\"]," + msg("\"x\"") + "}"), true},
        {"harmless keys",
         req("v", "{" + m +
                      "\"temperature\":0.5,\"top_p\":0.9,\"top_k\":5,\"metadata\":"
                      "{\"user_id\":\"u\"}," +
                      msg("\"x\"") + "}"),
         true},
        {"bad custom_id", req("bad id!", "{" + m + msg("\"x\"") + "}"), true},
        {"long custom_id", req(std::string(65, 'a'), "{" + m + msg("\"x\"") + "}"), true},
        // Declined: the general path decides.
        {"tools",
         req("w",
             "{" + m + "\"tools\":[{\"name\":\"t\",\"input_schema\":{}}]," + msg("\"x\"") + "}"),
         false},
        {"cache_control block",
         req("x", "{" + m +
                      "\"system\":[{\"type\":\"text\",\"text\":\"S\",\"cache_control\":{\"type\":"
                      "\"ephemeral\"}}]," +
                      msg("\"x\"") + "}"),
         false},
        {"top-level cache_control",
         req("y", "{" + m + "\"cache_control\":{\"type\":\"ephemeral\"}," + msg("\"x\"") + "}"),
         false},
        {"thinking",
         req("z", "{" + m + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2000}," +
                      msg("\"x\"") + "}"),
         false},
        {"forbidden param", req("z2", "{" + m + "\"speed\":\"fast\"," + msg("\"x\"") + "}"), false},
        {"image block",
         req("z3",
             "{" + m + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\"}]}]}"),
         false},
        {"repeated key", req("z4", "{" + m + "\"model\":\"claude-opus-4-8\"," + msg("\"x\"") + "}"),
         false},
        {"repeated custom_id key",
         "{\"custom_id\":\"a\",\"custom_id\":\"b\",\"params\":{" + m + msg("\"x\"") + "}}", false},
        {"params not an object", "{\"custom_id\":\"a\",\"params\":[1]}", false},
        {"no custom_id", "{\"params\":{" + m + msg("\"x\"") + "}}", false},
        {"messages not an array", req("z5", "{" + m + "\"messages\":\"x\"}"), false},
        {"not JSON", "{\"custom_id\":\"a\",\"params\":{", false},
    };
}

// The item's text in a buffer with simdjson's padding after it.
std::string padded(const std::string& s) {
    std::string b = s;
    b.reserve(s.size() + simdjson::SIMDJSON_PADDING);
    return b;
}

void compare(const RequestRecord& a, const RequestRecord& b) {
    QCOMPARE(a.customId, b.customId);
    QCOMPARE(a.detail, b.detail);
    QCOMPARE(a.hash, b.hash);
    QCOMPARE(a.cacheKey, b.cacheKey);
    QCOMPARE(a.maxTokens, b.maxTokens);
    QCOMPARE(a.inputTokens, b.inputTokens);
    QCOMPARE(a.cache5m, b.cache5m);
    QCOMPARE(a.cache1h, b.cache1h);
    QCOMPARE(a.thinkingBudget, b.thinkingBudget);
    QCOMPARE(a.model, b.model);
    QCOMPARE(a.invalid, b.invalid);
    QCOMPARE(a.flags, b.flags);
}

} // namespace

class TestSimAnalyzer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void utf16Length() {
        QCOMPARE(FastAnalyzer::utf16Length("abc"), size_t(3));
        const std::string mixed = "데이터 café 😀";
        QCOMPARE(qsizetype(FastAnalyzer::utf16Length(mixed)),
                 QString::fromUtf8(mixed.data(), qsizetype(mixed.size())).size());
    }

    void fastEqualsGeneral_data() {
        QTest::addColumn<int>("index");
        const std::vector<Case> cases = corpus();
        for (size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(cases[i].name) << int(i);
    }

    void fastEqualsGeneral() {
        QFETCH(int, index);
        const Case c = corpus()[size_t(index)];
        for (const bool beta : {false, true}) {
            const std::string text = padded(c.item);
            const std::string_view raw(text.data(), text.size());
            RequestRecord general, fast;
            const std::string generalProblem =
                CreateRequests::analyzeGeneral(raw, 7, beta, &general);
            std::string fastProblem = "unset";
            const FastAnalyzer::Outcome outcome =
                FastAnalyzer::analyze(raw, 7, beta, &fast, &fastProblem);
            QCOMPARE(outcome == FastAnalyzer::Outcome::Done, c.fast);
            RequestRecord chosen;
            QCOMPARE(CreateRequests::analyzeOne(raw, 7, beta, &chosen), generalProblem);
            if (generalProblem.empty())
                compare(chosen, general);
            if (!c.fast)
                continue;
            QCOMPARE(fastProblem, generalProblem);
            if (generalProblem.empty())
                compare(fast, general);
        }
    }

    // A whole body fed in pieces of random sizes: every item is found while it streams (and
    // taken by CreateRequests), the answer equals the general path's item by item.
    void streamEqualsGeneral() {
        std::vector<std::string> items;
        for (int round = 0; round < 20; ++round) {
            for (const Case& c : corpus()) {
                if (std::string_view(c.name) == "not JSON" ||
                    std::string_view(c.name) == "prompt too long")
                    continue;
                items.push_back(c.item);
            }
        }
        std::string text = "{\"requests\":[";
        for (size_t i = 0; i < items.size(); ++i)
            text += (i ? ",\n " : "") + items[i];
        text += "]}";
        std::mt19937 random(7);
        std::string body;
        body.reserve(text.size() + simdjson::SIMDJSON_PADDING);
        CreateStream stream(&body, false);
        for (size_t at = 0; at < text.size();) {
            const size_t n = std::min<size_t>(text.size() - at, 1 + random() % 5000);
            stream.append(text.data() + at, n);
            at += n;
        }
        stream.finish();
        QCOMPARE(body, text);
        // The items as the create's walk finds them.
        simdjson::ondemand::parser parser;
        simdjson::padded_string_view view(body.data(), body.size(), body.capacity());
        auto doc = parser.iterate(view);
        simdjson::ondemand::array requests;
        QVERIFY(!doc["requests"].get_array().get(requests));
        std::vector<std::string_view> raws;
        for (auto element : requests) {
            simdjson::ondemand::object item;
            std::string_view raw;
            QVERIFY(!element.get_object().get(item) && !item.raw_json().get(raw));
            raws.push_back(raw);
        }
        QCOMPARE(raws.size(), items.size());
        for (size_t i = 0; i < raws.size(); ++i) {
            const CreateStream::Item* found = stream.find(raws[i], i);
            QVERIFY2(found, qPrintable(QString::number(i)));
            RequestRecord general;
            const std::string problem = CreateRequests::analyzeGeneral(raws[i], i, false, &general);
            QCOMPARE(found->problem, problem);
            if (problem.empty())
                compare(found->record, general);
        }
    }
};

QTEST_GUILESS_MAIN(TestSimAnalyzer)
#include "tst_sim_analyzer.moc"
