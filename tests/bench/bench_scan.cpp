// bench_scan: JsonlScanner (scan + validate + split + estimate, nothing stored) on a generated
// ~256 MB file of 100,000 requests with long prompts (~2.6 KB a line, mostly one string with a
// few escapes and some non-ASCII text), read from the page cache. Prints MB/s, the peak RSS of
// this process during the scan (VmHWM, reset first through /proc/self/clear_refs), and the two
// baselines measured in the same run on the same file: a QJsonDocument::fromJson-per-line check
// (what intake did before) and `wc -l` (the ceiling: reading the bytes and finding the lines).
// Issue 9's goal: >= 800 MB/s, >= 3x the QJsonDocument scan, RSS <= 64 MB.
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

bool generate(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    const QByteArray words[] = {"the ",  "ledger ", "batch ",          "token ",  "operator ",
                                "cost ", "\\n",     "\\\"quoted\\\" ", "데이터 ", "budget ",
                                "file ", "result ", "window ",         "café ",   "retry "};
    QByteArray block;
    quint32 seed = 12345;
    for (int i = 0; i < kRequests; ++i) {
        QByteArray prompt;
        prompt.reserve(kPromptBytes + 16);
        while (prompt.size() < kPromptBytes) {
            seed = seed * 1664525u + 1013904223u;
            prompt += words[(seed >> 16) % std::size(words)];
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

} // namespace

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scan.jsonl"));
    if (!dir.isValid() || !generate(path)) {
        std::fprintf(stderr, "bench_scan: cannot write %s\n", qPrintable(path));
        return 1;
    }
    const double mb = double(QFileInfo(path).size()) / 1e6;
    std::printf("bench_scan: %d requests, %.1f MB\n", kRequests, mb);
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
            return 1;
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
            return 1;
    }
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        if (qjsonScan(path) != kRequests)
            return 1;
        qjson.push_back(seconds(t));
    }
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("wc"), {QStringLiteral("-l"), path});
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return 1;
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
    std::printf("  goal: >= 800 MB/s, >= 3x QJsonDocument, RSS <= 64 MB: %s\n",
                oursMbs >= 800 && oursMbs >= 3 * qjsonMbs && peakKb <= 64 * 1024 ? "met"
                                                                                 : "NOT met");
    return 0;
}
