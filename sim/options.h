#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

namespace bs::sim {

// Command line of batchscope-sim.
class Options {
public:
    QString host = QStringLiteral("127.0.0.1");
    int port = 0;
    QString apiKey;       // empty: any non-empty key is accepted
    QString adminKey;     // the Admin API key; empty: any non-empty key but apiKey
    double speed = 120.0; // simulated seconds per real second; 0 = instant processing
    uint64_t seed = 1;
    double errorRate = 0.02; // share of valid requests that error transiently
    double expireRate = 0.0; // share of requests that never finish (expire after 24 h)
    QStringList faults;      // --fault SPEC, parsed by FaultInjector
    QString statePath;       // --state FILE
    qint64 maxBodyBytes = 256LL * 1024 * 1024;
    int threads = 32;
    bool quiet = false;

    // Parses argv; on error or --help prints and returns false with exitCode set.
    bool parse(const QStringList& arguments, int& exitCode);
};

} // namespace bs::sim
