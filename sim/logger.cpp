#include "logger.h"

#include <fcntl.h>
#include <unistd.h>

namespace bs::sim {

void Logger::first(const std::string& baseUrl) {
    std::lock_guard lock(m_mutex);
    const std::string line = baseUrl + "\n";
    (void)!::write(STDOUT_FILENO, line.data(), line.size());
    if (!::isatty(STDOUT_FILENO)) {
        const int flags = ::fcntl(STDOUT_FILENO, F_GETFL);
        if (flags >= 0 && ::fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK) == 0)
            m_nonBlocking = true;
    }
}

void Logger::log(const std::string& line) {
    if (m_quiet)
        return;
    std::lock_guard lock(m_mutex);
    const std::string text = line + "\n";
    (void)!::write(STDOUT_FILENO, text.data(), text.size()); // dropped if the pipe is full
}

} // namespace bs::sim
