#include "jsonlinput.h"

namespace bs {

bool JsonlInput::validate(int maxProblems) {
    JsonlScanner::Options options = m_options;
    options.maxProblems = qMax(1, maxProblems);
    JsonlScanner scanner(m_path, options);
    scanner.scan();
    m_problems = scanner.problems();
    m_problemCount = scanner.problemCount();
    m_errorCount = scanner.errorCount();
    m_requests = scanner.requestCount();
    return scanner.valid();
}

bool JsonlInput::forEach(const std::function<bool(const QString&, const QByteArray&)>& callback) {
    JsonlScanner::Options options = m_options;
    options.maxProblems = 1;
    JsonlScanner scanner(m_path, options);
    bool stopped = false;
    const bool read = scanner.scan([&](const JsonlScanner::Request& r) {
        if (callback(QString::fromLatin1(r.customId), r.params.toByteArray()))
            return true;
        stopped = true;
        return false;
    });
    return read || stopped;
}

} // namespace bs
