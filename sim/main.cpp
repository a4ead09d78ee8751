#include "apiserver.h"
#include "options.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <thread>

int main(int argc, char** argv) {
    // Signals are taken by one thread with sigwait, so that stopping is an ordinary call.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("batchscope-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BS_VERSION));

    bs::sim::Options options;
    int exitCode = 0;
    if (!options.parse(QCoreApplication::arguments(), exitCode))
        return exitCode;

    bs::sim::ApiServer server(options);
    std::string error;
    if (!server.start(error)) {
        std::fprintf(stderr, "batchscope-sim: %s\n", error.c_str());
        return 1;
    }
    std::thread waiter([&server, set] {
        int sig = 0;
        sigwait(&set, &sig);
        server.stop();
    });
    server.run();
    // run() also returns if the listener fails; wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
}
