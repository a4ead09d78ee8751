#include "terminalecho.h"

#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace bs::cli {

namespace {

// What a signal handler needs to put the terminal back: plain data, set before the handlers.
struct Saved {
    int fd = -1;
    termios state{};
    struct sigaction previous[3]{};
};
Saved g_saved;
volatile sig_atomic_t g_active = 0;
constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void restoreAndReraise(int sig) {
    if (g_active)
        tcsetattr(g_saved.fd, TCSAFLUSH, &g_saved.state); // async-signal-safe
    g_active = 0;
    for (int i = 0; i < 3; ++i) {
        if (kSignals[i] == sig)
            sigaction(sig, &g_saved.previous[i], nullptr);
    }
    raise(sig);
}

} // namespace

TerminalEcho::TerminalEcho(int fd)
    : m_fd(fd)
    , m_terminal(isatty(fd) == 1) {
    if (!m_terminal || g_active)
        return;
    termios state{};
    if (tcgetattr(fd, &state) != 0 || !(state.c_lflag & ECHO))
        return;
    g_saved.fd = fd;
    g_saved.state = state;
    struct sigaction handler {};
    handler.sa_handler = restoreAndReraise;
    sigemptyset(&handler.sa_mask);
    for (int i = 0; i < 3; ++i)
        sigaction(kSignals[i], &handler, &g_saved.previous[i]);
    g_active = 1;
    termios hidden = state;
    hidden.c_lflag &= ~tcflag_t(ECHO);
    hidden.c_lflag |= ECHONL; // the Enter still moves to the next line
    if (tcsetattr(fd, TCSAFLUSH, &hidden) != 0) {
        g_active = 0;
        for (int i = 0; i < 3; ++i)
            sigaction(kSignals[i], &g_saved.previous[i], nullptr);
        return;
    }
    m_hidden = true;
}

TerminalEcho::~TerminalEcho() {
    if (!m_hidden)
        return;
    tcsetattr(m_fd, TCSAFLUSH, &g_saved.state);
    g_active = 0;
    for (int i = 0; i < 3; ++i)
        sigaction(kSignals[i], &g_saved.previous[i], nullptr);
}

} // namespace bs::cli
