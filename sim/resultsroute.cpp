// ApiServer: GET /v1/messages/batches/{id}/results (streamed from the results file, with the
// results faults: a TCP reset after N bytes, a truncated last line).
#include "apiserver.h"

#include "httphelpers.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace bs::sim {

namespace {

constexpr size_t kChunk = 256 * 1024;

// Finds this connection's socket and resets it (TCP RST), as a broken network would.
void armReset(int localPort, int remotePort) {
    DIR* d = ::opendir("/proc/self/fd");
    if (!d)
        return;
    while (dirent* e = ::readdir(d)) {
        const int fd = std::atoi(e->d_name);
        if (fd <= 2)
            continue;
        sockaddr_storage local{}, peer{};
        socklen_t ll = sizeof local, pl = sizeof peer;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &ll) != 0 ||
            ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &pl) != 0)
            continue;
        auto port = [](const sockaddr_storage& a) {
            if (a.ss_family == AF_INET)
                return int(ntohs(reinterpret_cast<const sockaddr_in*>(&a)->sin_port));
            if (a.ss_family == AF_INET6)
                return int(ntohs(reinterpret_cast<const sockaddr_in6*>(&a)->sin6_port));
            return -1;
        };
        if (port(local) == localPort && port(peer) == remotePort) {
            // Disconnecting an established TCP socket (connect with AF_UNSPEC) aborts it
            // with a RST right away; the fd stays valid for the server to close later.
            linger l{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            sockaddr unspec{};
            unspec.sa_family = AF_UNSPEC;
            (void)::connect(fd, &unspec, sizeof unspec);
        }
    }
    ::closedir(d);
}

} // namespace

using http::pathOnly;

void ApiServer::results(const httplib::Request& req, httplib::Response& res) {
    auto b = lookup(req.matches[1], res);
    if (!b)
        return;
    bool changed = false, failed = false, ended = false, gone = false;
    std::string path;
    {
        std::lock_guard lock(b->mutex);
        refreshAndSave(*b, changed, failed);
        ended = b->status() == Batch::Status::Ended;
        gone = b->resultsDeleted;
        path = b->resultsPath(m_store.dir());
    }
    if (changed)
        m_store.save(m_clock.nowUs());
    if (failed) {
        sendError(res, 500, "api_error", "could not write the results file");
        return;
    }
    if (!ended) {
        sendError(res, 400, "invalid_request_error",
                  "Batch '" + b->id + "' has not ended yet; results are not available");
        return;
    }
    if (gone) {
        sendError(res, 404, "not_found_error",
                  "The results of batch '" + b->id + "' have been archived");
        return;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        if (fd >= 0)
            ::close(fd);
        sendError(res, 404, "not_found_error", "results not found");
        return;
    }
    size_t size = size_t(st.st_size);
    int64_t resetAt = -1;
    if (auto f = m_faults.takeResultsFault(pathOnly(req.path))) {
        if (f->truncateLastLine && size > 1) {
            // Find the start of the last line and cut it in half.
            size_t lastStart = 0;
            char buf[4096];
            size_t pos = size - 1; // skip the final newline
            bool found = false;
            while (pos > 0 && !found) {
                const size_t from = pos >= sizeof buf ? pos - sizeof buf : 0;
                const ssize_t n = ::pread(fd, buf, pos - from, off_t(from));
                if (n <= 0)
                    break;
                for (size_t i = size_t(n); i-- > 0;) {
                    if (buf[i] == '\n') {
                        lastStart = from + i + 1;
                        found = true;
                        break;
                    }
                }
                pos = from;
            }
            size = lastStart + (size - lastStart) / 2;
        }
        if (f->resetAfterBytes >= 0)
            resetAt = std::min<int64_t>(f->resetAfterBytes, int64_t(size));
        m_logger.log("results fault on " + b->id);
    }
    auto buffer = std::make_shared<std::vector<char>>(kChunk);
    const int localPort = req.local_port, remotePort = req.remote_port;
    res.set_header("Content-Disposition", "attachment; filename=\"" + b->id + "_results.jsonl\"");
    res.set_content_provider(
        size, "application/binary",
        [fd, buffer, resetAt, localPort, remotePort](size_t offset, size_t length,
                                                     httplib::DataSink& sink) {
            size_t want = std::min(length, kChunk);
            if (resetAt >= 0) {
                if (int64_t(offset) >= resetAt) {
                    armReset(localPort, remotePort);
                    return false;
                }
                want = std::min<size_t>(want, size_t(resetAt - int64_t(offset)));
            }
            const ssize_t n = ::pread(fd, buffer->data(), want, off_t(offset));
            if (n <= 0)
                return false;
            return sink.write(buffer->data(), size_t(n));
        },
        [fd](bool) { ::close(fd); });
}

} // namespace bs::sim
