#pragma once

#include "api/batchrequestsbuilder.h"

#include <QCoreApplication>
#include <QString>
#include <QTemporaryFile>

#include <memory>

namespace bs {

// A create body {"requests":[...]} written to a temporary file as it is built, a chunk at a
// time (never the whole body in memory): beside the ledger (its disk has room for the requests
// already), else in the temporary folder; removed with the object. DraftSubmitter builds one
// from a draft's stored requests; FileSubmitter builds one per part while it stores the
// requests (the same bytes, without reading them back from the ledger).
class CreateBodyFile {
    Q_DECLARE_TR_FUNCTIONS(bs::CreateBodyFile)

public:
    // Null (and *error) when no temporary file can be made.
    static std::unique_ptr<CreateBodyFile> open(const QString& ledgerPath, QString* error);

    // False (errorString()) when the request is refused (BatchRequestsBuilder) or the write
    // fails.
    bool append(const QString& customId, const QByteArray& params);
    // Writes the rest and flushes; the file is then the whole body.
    bool finish();

    qsizetype count() const { return m_count; } // requests appended
    QTemporaryFile* file() const { return m_file.get(); }
    QString errorString() const { return m_error; }

private:
    explicit CreateBodyFile(std::unique_ptr<QTemporaryFile> file);
    bool write(const QByteArray& bytes);

    std::unique_ptr<QTemporaryFile> m_file;
    BatchRequestsBuilder m_builder;
    qsizetype m_count = 0;
    QString m_error;
};

} // namespace bs
