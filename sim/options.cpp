#include "options.h"

#include <QCommandLineParser>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace bs::sim {

namespace {

const char* const kFaultHelp = R"(
Faults (--fault SPEC, repeatable; also POST /_sim/faults on loopback with the same keys as JSON):
  SPEC is a JSON object or comma-separated key=value pairs, e.g.
    --fault status=429,retry_after=1,count=3
    --fault '{"status":529,"path":"/v1/messages/batches*","count":-1}'
  keys:  status=N              answer with HTTP N and the standard error envelope
         retry_after=S         add retry-after: S (seconds) to a status fault
         retry_after_ms=MS     add retry-after-ms: MS
         should_retry=BOOL     add x-should-retry: true|false
         error_type=T message=M  override the envelope's error.type / message
         spend_cap=true        429 of the monthly spend cap (no retry-after, details.error_code)
         delay_ms=MS           answer MS later (alone: a slow but normal response)
         reset_after_bytes=N   results download: reset the connection after N body bytes
         truncate_last_line=true  results download: cut the body in the middle of the last line
         not_found_after_create_ms=MS  batches created while active answer 404 for MS
         method=GET|POST|DELETE|*   path=WILDCARD (default /v1/*)
         count=N (default 1; -1 = unlimited)   skip=N (let N matching requests pass first)
Control endpoints (loopback only, no key needed):
  POST /_sim/faults   add rule(s): one object or an array      GET /_sim/faults   list
  DELETE /_sim/faults clear all rules
  POST /_sim/clock {"advance_seconds":S}  move simulated time forward   GET /_sim/clock
)";

} // namespace

bool Options::parse(const QStringList& arguments, int& exitCode) {
    QCommandLineParser p;
    p.setApplicationDescription(
        u"batchscope-sim: a local server implementing the Anthropic Message Batches API.\n"
        u"Prints its base URL as the first line on stdout, then a log."_s);
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({u"host"_s, u"Address to bind (default 127.0.0.1)."_s, u"HOST"_s, host});
    p.addOption({u"port"_s, u"Port (0 = any free port)."_s, u"PORT"_s, u"0"_s});
    p.addOption(
        {u"api-key"_s, u"The accepted API key (x-api-key or Authorization: Bearer)."_s, u"KEY"_s});
    p.addOption({u"admin-key"_s,
                 u"The accepted Admin API key (x-api-key) of /v1/organizations/cost_report and "
                 u"usage_report/messages; it is refused elsewhere."_s,
                 u"KEY"_s});
    p.addOption({u"speed"_s,
                 u"Simulated seconds per real second (default 120). 0 = every request finishes "
                 u"instantly."_s,
                 u"X"_s, u"120"_s});
    p.addOption({u"seed"_s, u"Seed of all outcomes (default 1)."_s, u"N"_s, u"1"_s});
    p.addOption({u"error-rate"_s,
                 u"Share of valid requests that error with api_error/overloaded_error "
                 u"(default 0.02)."_s,
                 u"R"_s, u"0.02"_s});
    p.addOption({u"expire-rate"_s,
                 u"Share of requests that never finish and expire after 24 h (default 0)."_s,
                 u"R"_s, u"0"_s});
    p.addOption({u"fault"_s, u"A fault rule (see below); repeatable."_s, u"SPEC"_s});
    p.addOption({u"state"_s, u"Keep batches in FILE (and FILE.d/) across restarts."_s, u"FILE"_s});
    p.addOption({u"max-body-bytes"_s, u"Create body limit (default 256 MiB)."_s, u"N"_s});
    p.addOption({u"threads"_s, u"HTTP worker threads (default 32)."_s, u"N"_s, u"32"_s});
    p.addOption({u"quiet"_s, u"Print only the base URL."_s});

    if (!p.parse(arguments)) {
        std::fprintf(stderr, "batchscope-sim: %s\n", qPrintable(p.errorText()));
        exitCode = 2;
        return false;
    }
    if (p.isSet(u"help"_s)) {
        std::fputs(qPrintable(p.helpText()), stdout);
        std::fputs(kFaultHelp, stdout);
        exitCode = 0;
        return false;
    }
    if (p.isSet(u"version"_s)) {
        std::printf("batchscope-sim %s\n", BS_VERSION);
        exitCode = 0;
        return false;
    }
    auto fail = [&](const QString& what) {
        std::fprintf(stderr, "batchscope-sim: invalid %s\n", qPrintable(what));
        exitCode = 2;
        return false;
    };
    bool ok = true;
    host = p.value(u"host"_s);
    port = p.value(u"port"_s).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return fail(u"--port"_s);
    apiKey = p.value(u"api-key"_s);
    adminKey = p.value(u"admin-key"_s);
    speed = p.value(u"speed"_s).toDouble(&ok);
    if (!ok || speed < 0)
        return fail(u"--speed"_s);
    seed = p.value(u"seed"_s).toULongLong(&ok);
    if (!ok)
        return fail(u"--seed"_s);
    errorRate = p.value(u"error-rate"_s).toDouble(&ok);
    if (!ok || errorRate < 0 || errorRate > 1)
        return fail(u"--error-rate"_s);
    expireRate = p.value(u"expire-rate"_s).toDouble(&ok);
    if (!ok || expireRate < 0 || expireRate > 1)
        return fail(u"--expire-rate"_s);
    faults = p.values(u"fault"_s);
    statePath = p.value(u"state"_s);
    if (p.isSet(u"max-body-bytes"_s)) {
        maxBodyBytes = p.value(u"max-body-bytes"_s).toLongLong(&ok);
        if (!ok || maxBodyBytes < 1)
            return fail(u"--max-body-bytes"_s);
    }
    threads = p.value(u"threads"_s).toInt(&ok);
    if (!ok || threads < 2 || threads > 1024)
        return fail(u"--threads"_s);
    quiet = p.isSet(u"quiet"_s);
    return true;
}

} // namespace bs::sim
