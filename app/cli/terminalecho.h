#pragma once

namespace bs::cli {

// Turns off the echo of a terminal for as long as it lives, so that a secret typed at a prompt
// (`key set`) is not shown, and restores the terminal as it was when it goes: on every return
// path, and also when SIGINT, SIGTERM or SIGHUP end the process meanwhile (the signal then
// takes its usual course). Does nothing when the file descriptor is not a terminal (a pipe, a
// file), which is how scripts give the key.
class TerminalEcho {
public:
    explicit TerminalEcho(int fd);
    ~TerminalEcho();
    TerminalEcho(const TerminalEcho&) = delete;
    TerminalEcho& operator=(const TerminalEcho&) = delete;

    bool isTerminal() const { return m_terminal; }
    // True when echo was on and is now off.
    bool isHidden() const { return m_hidden; }

private:
    int m_fd = -1;
    bool m_terminal = false;
    bool m_hidden = false;
};

} // namespace bs::cli
