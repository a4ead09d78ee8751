#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace bs {

// One console window per ledger, as desktop tools do: the first launch on a ledger listens on a
// local socket whose name is derived from the user and the ledger file's canonical path; a later
// launch on the same ledger hands its files (or, with none, just "raise") to it and exits.
//
// The socket is per user (the name holds a hash of the user and home folder, and the server
// accepts only the same user); a socket left behind by a crashed console is removed when nothing
// answers on it. The protocol: the client sends one line of JSON {"files": [absolute paths],
// "batch": id, "items": bool, "item": custom_id} ("batch" and after only with --batch); the server
// answers "ok\n" once it has taken them.
//
// handOver() blocks the calling thread for at most timeoutMs: main() calls it before any window
// exists, which is the one moment where waiting is right (the alternative is a second window).
class SingleInstance : public QObject {
    Q_OBJECT

public:
    explicit SingleInstance(const QString& ledgerPath, QObject* parent = nullptr);
    ~SingleInstance() override;

    // The local socket name for this user and ledger file ("batchscope-<hash>").
    static QString serverName(const QString& ledgerPath);
    QString serverName() const { return m_name; }

    // Hands the files (absolute paths; none: just raise the window) to the console already
    // running on this ledger. True when it took them (this process should exit 0); false when
    // none runs (or it did not answer in time).
    bool handOver(const QStringList& files, int timeoutMs = 3000);
    // The same, asking the console to also select a batch (`batchscope --batch ID [--items]
    // [--item CUSTOM_ID]`).
    struct Focus {
        QString batchId; // empty: none
        bool items = false;
        QString itemId;
    };
    bool handOver(const QStringList& files, const Focus& focus, int timeoutMs = 3000);

    // Becomes the instance of this ledger: listens, removing a stale socket of a dead console.
    // False (with errorString()) when the socket cannot be made; the console then runs alone.
    bool listen();
    bool isListening() const;
    QString errorString() const { return m_error; }

Q_SIGNALS:
    // Another launch on this ledger handed these files over (empty: it only asked to be shown).
    void filesHandedOver(const QStringList& files);
    // Another launch asked for this batch to be selected (after filesHandedOver, same message).
    void batchFocusRequested(const QString& batchId, bool items, const QString& itemId);

private:
    void onNewConnection();

    QString m_name;
    QString m_error;
    QLocalServer* m_server = nullptr;
};

} // namespace bs
