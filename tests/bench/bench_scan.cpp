// bench_scan: JsonlScanner (scan + validate + split + estimate, nothing stored) on two generated
// ~256 MB files of 100,000 requests with long prompts (~2.6 KB a line, mostly one string), read
// from the page cache: one of words with escapes and non-ASCII text, one of plain ASCII words
// (QJsonDocument is much faster on the second, so the ratio is honest on both). Prints MB/s, the
// peak RSS of this process during the scan (VmHWM, reset first through /proc/self/clear_refs), and
// the two baselines measured in the same run on the same file: a QJsonDocument::fromJson-per-line
// check (what intake did before) and `wc -l` (the ceiling: reading the bytes and finding the
// lines). Issue 9's goal: >= 800 MB/s, >= 3x the QJsonDocument scan, RSS <= 64 MB.
#include "cost/pricebook.h"
#include "intake/jsonlscanner.h"
#include "procstatus.h"
#include "testenv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace bs;

namespace {

constexpr int kRequests = 100000;
constexpr int kPromptBytes = 2500;

bool resetPeakRss() {
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

// mixed: words with escapes and non-ASCII text (QJsonDocument is slow on those); plain: ASCII
// words only (the case the issue measured QJsonDocument at ~300 MB/s).
bool generate(const QString& path, bool mixed) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    const QByteArray plainWords[] = {"the ",   "ledger ", "batch ",   "token ",  "operator ",
                                     "cost ",  "budget ", "file ",    "result ", "window ",
                                     "retry ", "model ",  "request ", "spend ",  "line "};
    const QByteArray mixedWords[] = {"the ",  "ledger ", "batch ",          "token ",  "operator ",
                                     "cost ", "\\n",     "\\\"quoted\\\" ", "데이터 ", "budget ",
                                     "file ", "result ", "window ",         "café ",   "retry "};
    QByteArray block;
    quint32 seed = 12345;
    for (int i = 0; i < kRequests; ++i) {
        QByteArray prompt;
        prompt.reserve(kPromptBytes + 16);
        while (prompt.size() < kPromptBytes) {
            seed = seed * 1664525u + 1013904223u;
            const quint32 pick = (seed >> 16) % std::size(mixedWords);
            prompt += mixed ? mixedWords[pick] : plainWords[pick];
        }
        block += "{\"custom_id\":\"req-" + QByteArray::number(i) +
                 "\",\"params\":{\"model\":\"claude-haiku-5-5\",\"max_tokens\":1024,"
                 "\"system\":\"Summarise the text.\",\"messages\":[{\"role\":\"user\","
                 "\"content\":\"" +
                 prompt + "\"}]}}\n";
        if (block.size() > (1 << 20)) {
            if (f.write(block) != block.size())
                return false;
            block.clear();
        }
    }
    return f.write(block) == block.size();
}

double seconds(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e9;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The old way: QJsonDocument per line, with the shape checks intake made.
qint64 qjsonScan(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    qint64 ok = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QJsonObject p = o.value(QLatin1String("params")).toObject();
        if (o.value(QLatin1String("custom_id")).isString() &&
            p.value(QLatin1String("model")).isString() &&
            p.value(QLatin1String("max_tokens")).toInteger() > 0 &&
            p.value(QLatin1String("messages")).isArray())
            ++ok;
    }
    return ok;
}

bool measure(const QString& path, const char* label, bool* met) {
    const double mb = double(QFileInfo(path).size()) / 1e6;
    std::printf("bench_scan (%s): %d requests, %.1f MB\n", label, kRequests, mb);
    const PriceBook book = PriceBook::builtIn();

    // Warm the page cache (and every code path) once.
    {
        JsonlScanner::Options options;
        options.prices = &book;
        JsonlScanner warm(path, options);
        warm.scan();
        if (!warm.valid() || warm.requestCount() != kRequests) {
            std::fprintf(stderr, "bench_scan: the generated file is not valid (%lld problems)\n",
                         static_cast<long long>(warm.problemCount()));
            return false;
        }
    }

    std::vector<double> ours, qjson, wc;
    qint64 peakKb = 0;
    for (int run = 0; run < 3; ++run) {
        resetPeakRss();
        QElapsedTimer t;
        t.start();
        JsonlScanner::Options options;
        options.prices = &book;
        JsonlScanner scanner(path, options);
        scanner.scan();
        ours.push_back(seconds(t));
        peakKb = qMax(peakKb, bs::test::procStatusKb(0, "VmHWM:"));
        if (scanner.requestCount() != kRequests)
            return false;
    }
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        if (qjsonScan(path) != kRequests)
            return false;
        qjson.push_back(seconds(t));
    }
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("wc"), {QStringLiteral("-l"), path});
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return false;
        wc.push_back(seconds(t));
    }
    const double oursMbs = mb / median(ours);
    const double qjsonMbs = mb / median(qjson);
    const double wcMbs = mb / median(wc);
    std::printf("  scan+validate: %.0f MB/s (median of 3), peak RSS %.1f MB\n", oursMbs,
                double(peakKb) / 1024.0);
    std::printf("  QJsonDocument per line: %.0f MB/s  -> ours/QJsonDocument = %.2fx\n", qjsonMbs,
                oursMbs / qjsonMbs);
    std::printf("  wc -l: %.0f MB/s  -> ours/wc = %.2f\n", wcMbs, oursMbs / wcMbs);
    const bool ok = oursMbs >= 800 && oursMbs >= 3 * qjsonMbs && peakKb <= 64 * 1024;
    *met = *met && ok;
    std::printf("  goal: >= 800 MB/s, >= 3x QJsonDocument, RSS <= 64 MB: %s\n",
                ok ? "met" : "NOT met");
    return true;
}

} // namespace

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    bool met = true;
    for (const bool mixed : {true, false}) {
        const QString path =
            dir.filePath(mixed ? QStringLiteral("mixed.jsonl") : QStringLiteral("plain.jsonl"));
        if (!generate(path, mixed) || !measure(path, mixed ? "mixed text" : "plain ASCII", &met))
            return 1;
        QFile::remove(path);
    }
    // Figures, not a test: the exit code stays 0 either way.
    std::printf("bench_scan: goals %s on both files\n", met ? "met" : "NOT met");
    return 0;
}
