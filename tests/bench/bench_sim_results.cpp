// bench_sim_results: how fast batchscope-sim serves the results of a 100,000-request batch
// (~2 KB a line, >= 200 MB) over loopback, and its peak RSS. Baselines measured in the same
// run: the same bytes pushed through a plain loopback socket, and read from the (page-cached)
// results file. Targets (issue 3): >= 300 MB/s with the server's RSS <= 64 MB.
#include "procstatus.h"
#include "simprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

using bs::test::SimProcess;

namespace {

constexpr int kRequests = 100000;
constexpr size_t kBuf = 1 << 20;

int connectTo(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const char* p, size_t n) {
    while (n > 0) {
        const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0)
            return false;
        p += w;
        n -= size_t(w);
    }
    return true;
}

struct Response {
    int status = 0;
    std::string head;
    std::string body; // kept only when asked
    uint64_t bodyBytes = 0;
    uint64_t newlines = 0;
};

// A plain HTTP/1.1 client: one request, Connection: close, body until Content-Length.
Response http(int port, const std::string& method, const std::string& path, const std::string& body,
              bool keepBody) {
    Response r;
    const int fd = connectTo(port);
    if (fd < 0)
        return r;
    std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                      "\r\nx-api-key: " + SimProcess::fakeKey().toStdString() +
                      "\r\nanthropic-version: 2023-06-01\r\nAccept: application/binary\r\n"
                      "Connection: close\r\n";
    if (!body.empty())
        req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
               "\r\n";
    req += "\r\n";
    if (!sendAll(fd, req.data(), req.size()) || !sendAll(fd, body.data(), body.size())) {
        ::close(fd);
        return r;
    }
    std::vector<char> buf(kBuf);
    bool inBody = false;
    uint64_t length = UINT64_MAX;
    for (;;) {
        const ssize_t n = ::recv(fd, buf.data(), buf.size(), 0);
        if (n <= 0)
            break;
        const char* p = buf.data();
        size_t left = size_t(n);
        if (!inBody) {
            r.head.append(p, left);
            const auto end = r.head.find("\r\n\r\n");
            if (end == std::string::npos)
                continue;
            std::string rest = r.head.substr(end + 4);
            r.head.resize(end);
            r.status = std::atoi(r.head.c_str() + 9);
            std::string lower = r.head;
            std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
            const auto cl = lower.find("content-length:");
            if (cl != std::string::npos)
                length = std::strtoull(lower.c_str() + cl + 15, nullptr, 10);
            inBody = true;
            r.bodyBytes += rest.size();
            r.newlines += uint64_t(std::count(rest.begin(), rest.end(), '\n'));
            if (keepBody)
                r.body += rest;
        } else {
            r.bodyBytes += left;
            for (const char* q = p;
                 (q = static_cast<const char*>(std::memchr(q, '\n', size_t(p + left - q)))); ++q)
                ++r.newlines;
            if (keepBody)
                r.body.append(p, left);
        }
        if (r.bodyBytes >= length)
            break;
    }
    ::close(fd);
    return r;
}

// Baseline: the same number of bytes through a plain loopback socket, no HTTP, no disk.
double rawLoopbackMBps(uint64_t bytes) {
    const int ls = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(ls, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(ls, 1);
    ::getsockname(ls, reinterpret_cast<sockaddr*>(&a), &len);
    std::thread server([ls, bytes] {
        const int c = ::accept(ls, nullptr, nullptr);
        std::vector<char> block(256 * 1024, 'x');
        uint64_t sent = 0;
        while (sent < bytes) {
            const size_t n = size_t(std::min<uint64_t>(block.size(), bytes - sent));
            if (!sendAll(c, block.data(), n))
                break;
            sent += n;
        }
        ::close(c);
    });
    QElapsedTimer t;
    t.start();
    const int fd = connectTo(ntohs(a.sin_port));
    std::vector<char> buf(kBuf);
    uint64_t got = 0;
    while (got < bytes) {
        const ssize_t n = ::recv(fd, buf.data(), buf.size(), 0);
        if (n <= 0)
            break;
        got += uint64_t(n);
    }
    const double secs = double(t.nsecsElapsed()) / 1e9;
    ::close(fd);
    server.join();
    ::close(ls);
    return double(got) / 1e6 / secs;
}

double fileReadMBps(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    std::vector<char> buf(kBuf);
    QElapsedTimer t;
    t.start();
    qint64 total = 0, n;
    while ((n = f.read(buf.data(), qint64(buf.size()))) > 0)
        total += n;
    return double(total) / 1e6 / (double(t.nsecsElapsed()) / 1e9);
}

std::string jsonField(const std::string& json, const std::string& key) {
    const auto k = json.find("\"" + key + "\":\"");
    if (k == std::string::npos)
        return {};
    const auto start = k + key.size() + 4;
    return json.substr(start, json.find('"', start) - start);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("state.json"));
    SimProcess sim;
    if (!sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--error-rate"),
                    QStringLiteral("0.02"), QStringLiteral("--quiet"), QStringLiteral("--state"),
                    state})) {
        std::fprintf(stderr, "bench_sim_results: %s\n", qPrintable(sim.errorString()));
        return 1;
    }
    const int port = sim.baseUrl().port();

    // 100,000 requests; max_tokens 600 gives result lines of ~2 KB.
    std::string body = "{\"requests\":[";
    for (int i = 0; i < kRequests; ++i) {
        if (i)
            body += ',';
        body += "{\"custom_id\":\"row-" + std::to_string(i) +
                "\",\"params\":{\"model\":\"claude-haiku-5-5\",\"max_tokens\":600,"
                "\"messages\":[{\"role\":\"user\",\"content\":\"Summarise ticket " +
                std::to_string(i) + " in a few paragraphs.\"}]}}";
    }
    body += "]}";
    QElapsedTimer t;
    t.start();
    const Response created = http(port, "POST", "/v1/messages/batches", body, true);
    const double createSecs = double(t.nsecsElapsed()) / 1e9;
    const std::string id = jsonField(created.body, "id");
    if (created.status != 200 || id.empty()) {
        std::fprintf(stderr, "create failed: %d %s\n", created.status, created.body.c_str());
        return 1;
    }
    const qint64 rssAfterCreate = bs::test::procStatusKb(sim.pid(), "VmHWM:");
    t.restart();
    const Response ended = http(port, "GET", "/v1/messages/batches/" + id, {}, true);
    const double finalizeSecs = double(t.nsecsElapsed()) / 1e9;
    if (ended.body.find("\"ended\"") == std::string::npos) {
        std::fprintf(stderr, "batch did not end: %s\n", ended.body.c_str());
        return 1;
    }

    double best = 0, worst = 1e18;
    uint64_t bytes = 0, lines = 0;
    for (int round = 0; round < 3; ++round) {
        t.restart();
        const Response r = http(port, "GET", "/v1/messages/batches/" + id + "/results", {}, false);
        const double secs = double(t.nsecsElapsed()) / 1e9;
        if (r.status != 200 || r.newlines != uint64_t(kRequests)) {
            std::fprintf(stderr, "results download failed: status %d, %llu lines\n", r.status,
                         static_cast<unsigned long long>(r.newlines));
            return 1;
        }
        bytes = r.bodyBytes;
        lines = r.newlines;
        const double mbps = double(bytes) / 1e6 / secs;
        best = std::max(best, mbps);
        worst = std::min(worst, mbps);
    }
    const qint64 hwm = bs::test::procStatusKb(sim.pid(), "VmHWM:");
    const qint64 rss = bs::test::procStatusKb(sim.pid(), "VmRSS:");
    const double raw = rawLoopbackMBps(bytes);
    const double disk = fileReadMBps(state + QStringLiteral(".d/") + QString::fromStdString(id) +
                                     QStringLiteral(".jsonl"));

    std::printf("bench_sim_results: %d requests, results %.1f MB (%llu lines, %.0f B/line)\n",
                kRequests, double(bytes) / 1e6, static_cast<unsigned long long>(lines),
                double(bytes) / double(lines));
    std::printf("  create (%.1f MB body): %.2f s; first retrieve (writes results): %.2f s\n",
                double(body.size()) / 1e6, createSecs, finalizeSecs);
    std::printf("  serve results over loopback: best %.0f MB/s, worst %.0f MB/s (3 runs)\n", best,
                worst);
    std::printf("  sim peak RSS (VmHWM): %.1f MB (after create %.1f MB), RSS now %.1f MB\n",
                double(hwm) / 1024, double(rssAfterCreate) / 1024, double(rss) / 1024);
    std::printf("  baseline raw loopback socket: %.0f MB/s -> ratio %.2f\n", raw, best / raw);
    std::printf("  baseline read of the results file: %.0f MB/s -> ratio %.2f\n", disk,
                best / disk);
    const bool ok = best >= 300 && hwm <= 64 * 1024 && bytes >= 200000000;
    std::printf("  target >= 300 MB/s, <= 64 MB RSS, >= 200 MB: %s\n", ok ? "met" : "NOT met");
    sim.stop();
    return 0;
}
