#include "createbodyfile.h"

#include <QDir>
#include <QFileInfo>

namespace bs {

namespace {
// Built bytes are written to the file once this many are pending.
constexpr qsizetype kWriteChunk = 1 << 20;
} // namespace

CreateBodyFile::CreateBodyFile(std::unique_ptr<QTemporaryFile> file)
    : m_file(std::move(file)) {}

std::unique_ptr<CreateBodyFile> CreateBodyFile::open(const QString& ledgerPath, QString* error) {
    const QString ledgerDir = QFileInfo(ledgerPath).absolutePath();
    for (const QString& dir : {ledgerDir, QDir::tempPath()}) {
        if (dir.isEmpty())
            continue;
        auto file = std::make_unique<QTemporaryFile>(
            QDir(dir).filePath(QStringLiteral(".batchscope-create-XXXXXX.json")));
        if (file->open())
            return std::unique_ptr<CreateBodyFile>(new CreateBodyFile(std::move(file)));
    }
    if (error)
        *error = tr("Could not create a temporary file for the request body in %1: free some "
                    "disk space and submit again.")
                     .arg(ledgerDir);
    return nullptr;
}

bool CreateBodyFile::write(const QByteArray& bytes) {
    if (m_file->write(bytes) == bytes.size())
        return true;
    m_error = tr("Could not write the request body to %1: %2")
                  .arg(m_file->fileName(), m_file->errorString());
    return false;
}

bool CreateBodyFile::append(const QString& customId, const QByteArray& params) {
    if (!m_builder.append(customId, params)) {
        m_error = m_builder.errorString();
        return false;
    }
    ++m_count;
    return m_builder.pendingSize() < kWriteChunk || write(m_builder.takePending());
}

bool CreateBodyFile::finish() {
    if (!write(m_builder.take()))
        return false;
    if (m_file->flush())
        return true;
    m_error = tr("Could not write the request body to %1: %2")
                  .arg(m_file->fileName(), m_file->errorString());
    return false;
}

} // namespace bs
