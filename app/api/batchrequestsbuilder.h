#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace bs {

// Builds the create body {"requests":[{"custom_id":..,"params":..},...]} directly into one
// buffer: params given as compact JSON text are appended as they are, not parsed or copied
// into a QJsonArray. The body can be up to 256 MB, so nothing else holds a second copy.
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
    qsizetype size() const { return m_body.size() + 2; }
    QString errorString() const { return m_error; }

    static bool isValidCustomId(const QString& customId);

    // The finished body; the builder is empty afterwards.
    QByteArray take();

private:
    QByteArray m_body;
    qsizetype m_count = 0;
    QString m_error;
};

} // namespace bs
