#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace bs {

// Builds the create body {"requests":[{"custom_id":..,"params":..},...]} directly into one
// buffer: params given as compact JSON text are appended as they are, not parsed or copied
// into a QJsonArray. The body can be up to 256 MB: a caller that streams it (DraftSubmitter
// writes it to a file) takes what is built so far with takePending() as it goes, so only a
// chunk is in memory; the pieces, then take(), concatenate to the same body.
class BatchRequestsBuilder {
    Q_DECLARE_TR_FUNCTIONS(bs::BatchRequestsBuilder)

public:
    static constexpr qsizetype kMaxRequests = 100000;
    static constexpr qsizetype kMaxBodyBytes = 256LL * 1000 * 1000;

    explicit BatchRequestsBuilder(qsizetype reserveBytes = 0);

    // False (and errorString()) when custom_id does not match ^[a-zA-Z0-9_-]{1,64}$, the params
    // text is not a JSON object, or a limit would be exceeded. Uniqueness of custom_id is the
    // caller's business (the ledger knows it).
    bool append(const QString& customId, const QByteArray& paramsJson);
    bool append(const QString& customId, const QJsonObject& params);

    qsizetype count() const { return m_count; }
    // The whole body's size so far, taken pieces included, with its closing "]}".
    qsizetype size() const { return m_taken + m_body.size() + 2; }
    // Bytes built and not yet taken.
    qsizetype pendingSize() const { return m_body.size(); }
    QString errorString() const { return m_error; }

    static bool isValidCustomId(const QString& customId);

    // The body built since the last takePending() (the start of the body the first time);
    // appending goes on after it.
    QByteArray takePending();
    // The finished body (its rest, after takePending() pieces); the builder is empty afterwards.
    QByteArray take();

private:
    QByteArray m_body;
    qsizetype m_count = 0;
    qsizetype m_taken = 0; // bytes handed out by takePending()
    QString m_error;
};

} // namespace bs
