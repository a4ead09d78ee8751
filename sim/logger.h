#pragma once

#include <mutex>
#include <string>

namespace bs::sim {

// Writes the base URL line, then log lines, to stdout. A log line never blocks the server:
// when stdout is a pipe nobody reads, lines are dropped instead.
class Logger {
public:
    void setQuiet(bool quiet) { m_quiet = quiet; }
    void first(const std::string& baseUrl);
    void log(const std::string& line);

private:
    std::mutex m_mutex;
    bool m_quiet = false;
    bool m_nonBlocking = false;
};

} // namespace bs::sim
