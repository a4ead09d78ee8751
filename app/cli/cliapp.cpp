#include "cliapp.h"

#include "api/apiclient.h"
#include "api/apiconfig.h"
#include "api/batchjob.h"
#include "api/batchrequestsbuilder.h"
#include "core/appinfo.h"
#include "core/redactor.h"
#include "cost/money.h"
#include "jsonlinput.h"
#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "monitor/draftsubmitter.h"
#include "monitor/ingestrecords.h"
#include "monitor/poller.h"
#include "monitor/resultingestor.h"
#include "monitor/retrysubmitter.h"
#include "secrets/secretstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace bs::cli {

namespace {

// Removes "--name VALUE" / "--name=VALUE" from args. False when the value is missing.
bool takeValue(QStringList& args, const QString& name, QString* value, bool* present = nullptr) {
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == name) {
            if (i + 1 >= args.size())
                return false;
            *value = args.at(i + 1);
            args.remove(i, 2);
            if (present)
                *present = true;
            return true;
        }
        if (a.startsWith(name + QLatin1Char('='))) {
            *value = a.mid(name.size() + 1);
            args.remove(i);
            if (present)
                *present = true;
            return true;
        }
    }
    return true;
}

bool takeFlag(QStringList& args, const QString& name) {
    return args.removeAll(name) > 0;
}

QJsonValue timeJson(const QDateTime& t) {
    return t.isValid() ? QJsonValue(MessageBatch::formatTimestamp(t))
                       : QJsonValue(QJsonValue::Null);
}

QJsonValue textJson(const QString& s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString usd(Money micros) {
    // "12.345678" (no currency sign): exact, machine-readable.
    const bool neg = micros < 0;
    const quint64 m = neg ? quint64(-micros) : quint64(micros);
    return (neg ? QStringLiteral("-") : QString()) + QString::number(m / 1000000) +
           QLatin1Char('.') + QStringLiteral("%1").arg(m % 1000000, 6, 10, QLatin1Char('0'));
}

QJsonObject totalsJson(const CostTotals& t) {
    QJsonObject o;
    o[QLatin1String("cost_micros")] = double(t.micros);
    o[QLatin1String("cost_usd")] = usd(t.micros);
    o[QLatin1String("results")] = double(t.results);
    o[QLatin1String("succeeded")] = double(t.succeeded);
    o[QLatin1String("errored")] = double(t.errored);
    o[QLatin1String("canceled")] = double(t.canceled);
    o[QLatin1String("expired")] = double(t.expired);
    o[QLatin1String("unpriced")] = double(t.unpriced);
    o[QLatin1String("input_tokens")] = double(t.inputTokens);
    o[QLatin1String("output_tokens")] = double(t.outputTokens);
    o[QLatin1String("cache_creation_input_tokens")] = double(t.cacheCreationInputTokens);
    o[QLatin1String("cache_read_input_tokens")] = double(t.cacheReadInputTokens);
    o[QLatin1String("web_search_requests")] = double(t.webSearchRequests);
    return o;
}

QJsonObject ingestJson(const IngestReport& r) {
    QJsonObject o;
    o[QLatin1String("batch_id")] = r.batchId;
    o[QLatin1String("complete")] = r.isComplete();
    o[QLatin1String("succeeded")] = double(r.succeeded);
    o[QLatin1String("errored")] = double(r.errored);
    o[QLatin1String("canceled")] = double(r.canceled);
    o[QLatin1String("expired")] = double(r.expired);
    o[QLatin1String("unpriced")] = double(r.unpriced);
    o[QLatin1String("cost_micros")] = double(r.costMicros);
    o[QLatin1String("cost_usd")] = usd(r.costMicros);
    o[QLatin1String("rows_inserted")] = double(r.rowsInserted);
    o[QLatin1String("retries_enqueued")] = double(r.retriesEnqueued);
    o[QLatin1String("missing")] = double(r.missingCount);
    o[QLatin1String("malformed")] = double(r.malformedCount);
    return o;
}

bool hasFailures(const IngestReport& r) {
    return r.errored + r.canceled + r.expired + r.missingCount > 0;
}

} // namespace

CliApp::CliApp()
    : m_out(stdout)
    , m_err(stderr) {}

CliApp::~CliApp() = default;

QString CliApp::helpText() {
    return tr("Usage: batchscope-cli [--base-url URL] [--ledger FILE] [--json] COMMAND [ARGS]\n"
              "\n"
              "Headless Batchscope: submit, watch and account Message Batches with the same ledger "
              "as the app.\n"
              "\n"
              "Commands:\n"
              "  submit FILE [--wait]     Validate a JSONL file of {\"custom_id\", \"params\"} "
              "lines,\n"
              "                           store every request in the ledger, create the batch(es)\n"
              "                           (split above 100,000 requests or 256 MB). --wait polls\n"
              "                           until they end and ingests the results.\n"
              "  status [BATCH]           Refresh and show one batch, or every tracked batch.\n"
              "  results BATCH            Ingest the results of an ended batch now.\n"
              "  retry BATCH [--class C,...] [--source FILE]  Re-send failed items with their\n"
              "                           stored params. Classes: transient, billing,\n"
              "                           fix_required, expired, canceled (default:\n"
              "                           transient,expired). --source attaches the JSONL file a\n"
              "                           batch of another tool was made from (needed once).\n"
              "  cancel BATCH             Ask the API to cancel a batch.\n"
              "  cost [--since YYYY-MM-DD] [--by model|day|batch]  Spend from the ledger.\n"
              "  key set|clear            Store the API key in the OS keychain (set reads it from\n"
              "                           stdin, never from the command line) or remove it.\n"
              "\n"
              "Options:\n"
              "  --base-url URL   API base URL (default: $ANTHROPIC_BASE_URL, else "
              "https://api.anthropic.com)\n"
              "  --ledger FILE    Ledger file (default: the app's, %1)\n"
              "  --json           Machine-readable output: one JSON object on stdout\n"
              "  --split-at N     (submit) at most N requests per batch (default 100000)\n"
              "  -h, --help       This help\n"
              "  --version        Version\n"
              "\n"
              "API key: $ANTHROPIC_API_KEY when set, else the key stored with 'key set'.\n"
              "\n"
              "Exit codes:\n"
              "  0  ok\n"
              "  1  usage error (unknown command or option)\n"
              "  2  input file invalid (nothing was sent)\n"
              "  3  API or network error\n"
              "  4  API key missing or refused, keychain unavailable\n"
              "  5  ledger error\n"
              "  6  partial: some items errored, expired or were canceled\n")
        .arg(Ledger::defaultPath());
}

int CliApp::fail(int code, const QString& message) {
    const QString text = Redactor::redact(message);
    m_err << text << Qt::endl;
    if (m_json) {
        QJsonObject o;
        o[QLatin1String("ok")] = false;
        o[QLatin1String("exit_code")] = code;
        o[QLatin1String("error")] = text;
        m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << Qt::endl;
    }
    return code;
}

void CliApp::print(const QJsonObject& json, const QString& human) {
    if (m_json) {
        QJsonObject o = json;
        o[QLatin1String("ok")] = true;
        m_out << Redactor::redact(
                     QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)))
              << Qt::endl;
    } else if (!human.isEmpty()) {
        m_out << Redactor::redact(human) << Qt::endl;
    }
}

int CliApp::run(const QStringList& arguments) {
    QStringList args = arguments.mid(1);
    m_json = takeFlag(args, QStringLiteral("--json"));
    if (takeFlag(args, QStringLiteral("--help")) || takeFlag(args, QStringLiteral("-h"))) {
        m_out << helpText() << Qt::flush;
        return Ok;
    }
    if (takeFlag(args, QStringLiteral("--version"))) {
        m_out << QStringLiteral("batchscope-cli ") << AppInfo::version() << Qt::endl;
        return Ok;
    }
    if (!takeValue(args, QStringLiteral("--base-url"), &m_baseUrl))
        return fail(Usage, tr("--base-url needs a URL."));
    if (!takeValue(args, QStringLiteral("--ledger"), &m_ledgerPath))
        return fail(Usage, tr("--ledger needs a file name."));
    QString split;
    if (!takeValue(args, QStringLiteral("--split-at"), &split))
        return fail(Usage, tr("--split-at needs a number."));
    if (!split.isEmpty()) {
        bool ok = false;
        m_splitAt = split.toInt(&ok);
        if (!ok || m_splitAt < 1 || m_splitAt > 100000)
            return fail(Usage, tr("--split-at must be a number from 1 to 100000."));
    }
    if (args.isEmpty())
        return fail(Usage, tr("No command given.") + QLatin1Char('\n') + helpText());
    const QString command = args.takeFirst();
    if (command == QLatin1String("submit"))
        return cmdSubmit(args);
    if (command == QLatin1String("status"))
        return cmdStatus(args);
    if (command == QLatin1String("results"))
        return cmdResults(args);
    if (command == QLatin1String("retry"))
        return cmdRetry(args);
    if (command == QLatin1String("cancel"))
        return cmdCancel(args);
    if (command == QLatin1String("cost"))
        return cmdCost(args);
    if (command == QLatin1String("key"))
        return cmdKey(args);
    return fail(Usage, tr("Unknown command \"%1\". Run batchscope-cli --help.").arg(command));
}

bool CliApp::openLedger() {
    if (m_ledger)
        return true;
    m_ledger = std::make_unique<Ledger>();
    const QString path = m_ledgerPath.isEmpty() ? Ledger::defaultPath() : m_ledgerPath;
    if (!m_ledger->open(path)) {
        fail(LedgerFailure, tr("Cannot open the ledger %1: %2").arg(path, m_ledger->lastError()));
        m_ledger.reset();
        return false;
    }
    return true;
}

int CliApp::prepareApi() {
    ApiConfig config = ApiConfig::fromEnvironment();
    if (!m_baseUrl.isEmpty())
        config.baseUrl = QUrl(m_baseUrl);
    const ApiError urlError = ApiClient::checkUrl(config.baseUrl);
    if (urlError.isError())
        return fail(
            Usage,
            tr("Invalid base URL %1: %2").arg(config.baseUrl.toString(), urlError.toString()));
    QString key = qEnvironmentVariable("ANTHROPIC_API_KEY").trimmed();
    if (key.isEmpty()) {
        SecretStore store;
        QEventLoop loop;
        SecretStore::Result result;
        store.readKey(QString(), &loop, [&](const SecretStore::Result& r) {
            result = r;
            loop.quit();
        });
        loop.exec();
        if (result.isOk() && !result.secret.isEmpty()) {
            key = result.secret;
        } else if (result.isNotFound() || result.isOk()) {
            return fail(AuthMissing,
                        tr("No API key. Store one with 'batchscope-cli key set' (it reads the key "
                           "from stdin), or set the ANTHROPIC_API_KEY environment variable."));
        } else {
            return fail(AuthMissing,
                        tr("Could not read the API key from the keychain: %1 Once the "
                           "keychain works, store a key with 'batchscope-cli key set' (it reads "
                           "the key from stdin), or set the ANTHROPIC_API_KEY environment "
                           "variable.")
                            .arg(result.message));
        }
    }
    config.apiKey = key;
    m_client = std::make_unique<ApiClient>(config);
    return Ok;
}

int CliApp::apiExit(const ApiError& error) const {
    if (error.kind == ApiError::Kind::Http && (error.httpStatus == 401 || error.httpStatus == 403))
        return AuthMissing;
    return ApiFailure;
}

QJsonObject CliApp::batchJson(const BatchRecord& r) const {
    QJsonObject o;
    const MessageBatch& b = r.batch;
    o[QLatin1String("id")] = b.id;
    o[QLatin1String("processing_status")] = MessageBatch::statusToString(b.processingStatus);
    QJsonObject counts;
    counts[QLatin1String("processing")] = double(b.requestCounts.processing);
    counts[QLatin1String("succeeded")] = double(b.requestCounts.succeeded);
    counts[QLatin1String("errored")] = double(b.requestCounts.errored);
    counts[QLatin1String("canceled")] = double(b.requestCounts.canceled);
    counts[QLatin1String("expired")] = double(b.requestCounts.expired);
    o[QLatin1String("request_counts")] = counts;
    o[QLatin1String("created_at")] = timeJson(b.createdAt);
    o[QLatin1String("expires_at")] = timeJson(b.expiresAt);
    o[QLatin1String("ended_at")] = timeJson(b.endedAt);
    o[QLatin1String("cancel_initiated_at")] = timeJson(b.cancelInitiatedAt);
    o[QLatin1String("discovered")] = r.discovered;
    o[QLatin1String("retry_of")] = textJson(r.local.retryOf);
    o[QLatin1String("source_file")] = textJson(r.local.sourceFile);
    o[QLatin1String("results_ingested")] = r.resultsIngestedAt.isValid();
    return o;
}

QString CliApp::batchLine(const BatchRecord& r) const {
    const RequestCounts& c = r.batch.requestCounts;
    QString line = tr("%1  %2  processing %3, succeeded %4, errored %5, canceled %6, expired %7")
                       .arg(r.batch.id, MessageBatch::statusToString(r.batch.processingStatus))
                       .arg(c.processing)
                       .arg(c.succeeded)
                       .arg(c.errored)
                       .arg(c.canceled)
                       .arg(c.expired);
    if (r.discovered)
        line += tr("  [discovered: created by another tool, cannot be re-sent]");
    if (!r.local.retryOf.isEmpty())
        line += tr("  [retry of %1]").arg(r.local.retryOf);
    if (r.resultsIngestedAt.isValid())
        line += tr("  [results ingested]");
    return line;
}

// ---- submit ---------------------------------------------------------------------------------

int CliApp::cmdSubmit(const QStringList& argsIn) {
    QStringList args = argsIn;
    const bool wait = takeFlag(args, QStringLiteral("--wait"));
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        return fail(Usage, tr("Usage: batchscope-cli submit FILE [--wait]"));
    const QString path = QFileInfo(args.first()).absoluteFilePath();
    const QString shown = args.first();

    JsonlInput input(path);
    if (!input.validate()) {
        QStringList lines;
        for (QString e : input.errors())
            lines.append(e.replace(path, shown));
        if (input.errorCount() > input.errors().size())
            lines.append(
                tr("... and %1 more problems.").arg(input.errorCount() - input.errors().size()));
        lines.append(tr("%1 is not valid: nothing was sent. Fix the lines above and submit again.")
                         .arg(shown));
        return fail(InputInvalid, lines.join(QLatin1Char('\n')));
    }
    if (const int rc = prepareApi(); rc != Ok)
        return rc;
    if (!openLedger())
        return LedgerFailure;

    // sha256 of the file, streamed.
    QString sha;
    {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            QCryptographicHash h(QCryptographicHash::Sha256);
            h.addData(&f);
            sha = QString::fromLatin1(h.result().toHex());
        }
    }
    BatchLocal local;
    local.sourceFile = path;
    local.sourceSha256 = sha;
    local.submittedBy = qEnvironmentVariable("USER");
    local.submittedAt = QDateTime::currentDateTimeUtc();

    // Write-ahead: every request into drafts (split by count and body size) before any create.
    const qsizetype maxCount = m_splitAt > 0 ? m_splitAt : BatchRequestsBuilder::kMaxRequests;
    const qsizetype maxBytes = BatchRequestsBuilder::kMaxBodyBytes - 64 * 1024;
    QStringList drafts;
    QList<StoredRequest> chunk;
    qsizetype count = 0;
    qsizetype bytes = 0;
    bool ok = true;
    auto flush = [&]() {
        if (!chunk.isEmpty() && ok)
            ok = DraftStore(*m_ledger).storeRequests(drafts.last(), chunk);
        chunk.clear();
    };
    const bool read = input.forEach([&](const QString& customId, const QByteArray& params) {
        const qsizetype size = params.size() + customId.size() + 32;
        if (drafts.isEmpty() || count + 1 > maxCount || bytes + size > maxBytes) {
            flush();
            const QString id = DraftStore(*m_ledger).create(local);
            if (id.isEmpty()) {
                ok = false;
                return false;
            }
            drafts.append(id);
            count = 0;
            bytes = 16;
        }
        chunk.append(StoredRequest{customId, params, 1});
        ++count;
        bytes += size;
        if (chunk.size() >= 2000)
            flush();
        return ok;
    });
    flush();
    if (!read || !ok) {
        const QString why = m_ledger->lastError();
        for (const QString& d : std::as_const(drafts))
            DraftStore(*m_ledger).abandon(d, tr("not sent: storing the requests failed"));
        return fail(read ? LedgerFailure : InputInvalid,
                    tr("Could not store the requests of %1: %2").arg(shown, why));
    }

    DraftSubmitter submitter(m_client.get(), m_ledger.get());
    QStringList created;
    QJsonArray batchesJson;
    QStringList human;
    for (qsizetype i = 0; i < drafts.size(); ++i) {
        QEventLoop loop;
        DraftSubmitter::Result result;
        QObject::connect(&submitter, &DraftSubmitter::finished, &loop,
                         [&](const DraftSubmitter::Result& r) {
                             result = r;
                             loop.quit();
                         });
        submitter.submit(drafts.at(i));
        loop.exec();
        if (!result.ok) {
            for (qsizetype j = i + 1; j < drafts.size(); ++j)
                DraftStore(*m_ledger).abandon(drafts.at(j), tr("not sent: an earlier part failed"));
            QString msg = tr("Creating batch %1 of %2 failed: %3")
                              .arg(i + 1)
                              .arg(drafts.size())
                              .arg(result.message);
            if (result.mayHaveBeenCreated)
                msg +=
                    QLatin1Char(' ') +
                    tr("The batch may have been created; 'batchscope-cli status' reconciles it.");
            if (!created.isEmpty())
                msg += QLatin1Char(' ') +
                       tr("Created before the failure: %1.").arg(created.join(QLatin1String(", ")));
            return fail(result.error.isError() ? apiExit(result.error) : LedgerFailure, msg);
        }
        created.append(result.batch.id);
        if (const auto rec = BatchStore(*m_ledger).find(result.batch.id)) {
            batchesJson.append(batchJson(*rec));
            human.append(batchLine(*rec));
        }
    }
    QJsonObject out;
    out[QLatin1String("file")] = shown;
    out[QLatin1String("requests")] = double(input.requestCount());
    out[QLatin1String("batches")] = batchesJson;
    if (!wait) {
        print(out,
              tr("Submitted %1 requests from %2 as %n batch(es):", nullptr, int(created.size()))
                      .arg(input.requestCount())
                      .arg(shown) +
                  QLatin1Char('\n') + human.join(QLatin1Char('\n')));
        return Ok;
    }
    if (!m_json)
        m_out << tr("Submitted %1 requests as %2; waiting for the end...")
                     .arg(input.requestCount())
                     .arg(created.join(QLatin1String(", ")))
              << Qt::endl;
    return waitAndIngest(created, &out);
}

int CliApp::waitAndIngest(const QStringList& batchIds, QJsonObject* out) {
    PollSchedule::Policy policy;
    policy.freshMs = 1000;
    policy.freshAgeMs = 60 * 1000;
    policy.youngMs = 5000;
    policy.youngAgeMs = 10 * 60 * 1000;
    policy.steadyMs = 30000;
    policy.idleMs = 1000;
    policy.errorBaseMs = 2000;
    policy.maxBackoffMs = 60000;
    policy.pauseAfterConnectionErrors = 0; // a CLI keeps trying (with backoff)
    Poller poller(m_client.get(), m_ledger.get());
    poller.setSchedule(PollSchedule(policy));
    poller.setWatchReachability(false);
    poller.setDiscoverForeign(false);
    QSet<QString> pending(batchIds.cbegin(), batchIds.cend());
    QEventLoop loop;
    QObject::connect(&poller, &Poller::cycleFinished, &loop, [&](const Poller::CycleReport&) {
        for (const QString& id : batchIds) {
            const auto rec = BatchStore(*m_ledger).find(id);
            if (rec && rec->batch.isEnded())
                pending.remove(id);
        }
        if (pending.isEmpty())
            loop.quit();
    });
    // Transient failures are retried with backoff; a refused key, or kMaxFailures cycles in a
    // row, end the wait (the batches exist: 'status' and 'results' pick them up later).
    constexpr int kMaxFailures = 10;
    ApiError giveUp;
    QObject::connect(&poller, &Poller::errorOccurred, &loop, [&](const ApiError& e) {
        if (apiExit(e) == AuthMissing || poller.state().consecutiveErrors >= kMaxFailures) {
            giveUp = e;
            loop.quit();
            return;
        }
        m_err << Redactor::redact(tr("Polling failed (will try again): %1").arg(e.toString()))
              << Qt::endl;
    });
    poller.start();
    loop.exec();
    poller.stop();
    if (giveUp.isError())
        return fail(apiExit(giveUp),
                    tr("Gave up waiting for %1: %2 The batches were created; run "
                       "'batchscope-cli status' and 'batchscope-cli results BATCH' later.")
                        .arg(batchIds.join(QLatin1String(", ")), giveUp.toString()));

    QJsonArray ingests;
    QJsonArray batches;
    QStringList human;
    bool partial = false;
    for (const QString& id : batchIds) {
        IngestReport report;
        if (!ingest(id, &report))
            return fail(report.error.isError() ? apiExit(report.error) : LedgerFailure,
                        tr("Ingesting the results of %1 failed: %2")
                            .arg(id, report.errorMessage.isEmpty() ? report.summary()
                                                                   : report.errorMessage));
        partial = partial || hasFailures(report);
        ingests.append(ingestJson(report));
        human.append(report.summary());
        if (const auto rec = BatchStore(*m_ledger).find(id))
            batches.append(batchJson(*rec));
    }
    (*out)[QLatin1String("batches")] = batches;
    (*out)[QLatin1String("results")] = ingests;
    (*out)[QLatin1String("partial")] = partial;
    print(*out, human.join(QLatin1Char('\n')));
    return partial ? Partial : Ok;
}

bool CliApp::ingest(const QString& batchId, IngestReport* report) {
    IngestOptions options;
    options.api = m_client->config();
    options.retryPolicy = m_client->retryPolicy();
    options.ledgerPath = m_ledger->path();
    ResultIngestor ingestor(options);
    if (!ingestor.start(batchId)) {
        report->batchId = batchId;
        report->errorMessage = tr("Could not start the ingestion of %1.").arg(batchId);
        return false;
    }
    ingestor.waitForFinished();
    *report = ingestor.report();
    return report->isComplete();
}

// ---- status / results / cancel --------------------------------------------------------------

int CliApp::cmdStatus(const QStringList& args) {
    if (args.size() > 1 || (args.size() == 1 && args.first().startsWith(QLatin1String("--"))))
        return fail(Usage, tr("Usage: batchscope-cli status [BATCH]"));
    if (const int rc = prepareApi(); rc != Ok)
        return rc;
    if (!openLedger())
        return LedgerFailure;
    QList<BatchRecord> records;
    if (args.size() == 1) {
        const QString id = args.first();
        if (!ApiClient::isValidBatchId(id))
            return fail(Usage, tr("\"%1\" is not a batch id.").arg(id));
        BatchRecord record;
        if (const int rc = storeBatchAnswer(m_client->retrieveBatch(id), id, &record); rc != Ok)
            return rc;
        records.append(record);
    } else {
        // One poll cycle refreshes every tracked batch (and discovers other tools' batches).
        Poller poller(m_client.get(), m_ledger.get());
        poller.setWatchReachability(false);
        QEventLoop loop;
        Poller::CycleReport report;
        QObject::connect(&poller, &Poller::cycleFinished, &loop, [&](const Poller::CycleReport& r) {
            report = r;
            loop.quit();
        });
        poller.pollNow();
        loop.exec();
        if (!report.ok)
            return fail(apiExit(report.error), report.error.toString());
        records = BatchStore(*m_ledger).all();
    }
    QJsonArray arr;
    QStringList human;
    for (const BatchRecord& r : std::as_const(records)) {
        arr.append(batchJson(r));
        human.append(batchLine(r));
    }
    QJsonObject out;
    out[QLatin1String("batches")] = arr;
    print(out, human.isEmpty() ? tr("No batches tracked.") : human.join(QLatin1Char('\n')));
    return Ok;
}

int CliApp::prepareBatchCommand(const QStringList& args, const QString& usage, QString* id) {
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        return fail(Usage, usage);
    *id = args.first();
    if (!ApiClient::isValidBatchId(*id))
        return fail(Usage, tr("\"%1\" is not a batch id.").arg(*id));
    if (const int rc = prepareApi(); rc != Ok)
        return rc;
    if (!openLedger())
        return LedgerFailure;
    return Ok;
}

int CliApp::cmdResults(const QStringList& args) {
    QString id;
    if (const int rc = prepareBatchCommand(args, tr("Usage: batchscope-cli results BATCH"), &id);
        rc != Ok)
        return rc;
    IngestReport report;
    if (!ingest(id, &report))
        return fail(report.error.isError() ? apiExit(report.error) : LedgerFailure,
                    report.errorMessage.isEmpty() ? report.summary() : report.errorMessage);
    QJsonObject out = ingestJson(report);
    out[QLatin1String("partial")] = hasFailures(report);
    print(out, report.summary());
    return hasFailures(report) ? Partial : Ok;
}

int CliApp::cmdCancel(const QStringList& args) {
    QString id;
    if (const int rc = prepareBatchCommand(args, tr("Usage: batchscope-cli cancel BATCH"), &id);
        rc != Ok)
        return rc;
    BatchRecord record;
    if (const int rc = storeBatchAnswer(m_client->cancelBatch(id), id, &record); rc != Ok)
        return rc;
    QJsonObject out;
    out[QLatin1String("batches")] = QJsonArray{batchJson(record)};
    print(out, tr("Cancel requested.") + QLatin1Char('\n') + batchLine(record));
    return Ok;
}

int CliApp::storeBatchAnswer(BatchJob* job, const QString& batchId, BatchRecord* record) {
    QEventLoop loop;
    ApiError error;
    MessageBatch batch;
    QObject::connect(job, &BatchJob::finished, &loop, [&](const ApiError& e) {
        error = e;
        if (e.isOk())
            batch = job->batch();
        loop.quit();
    });
    loop.exec();
    if (error.isError())
        return fail(apiExit(error), error.toString());
    const bool known = BatchStore(*m_ledger).find(batchId).has_value();
    if (!(known ? BatchStore(*m_ledger).upsert(batch)
                : BatchStore(*m_ledger).upsertDiscovered({batch})))
        return fail(LedgerFailure, m_ledger->lastError());
    const auto stored = BatchStore(*m_ledger).find(batchId);
    if (!stored)
        return fail(LedgerFailure, m_ledger->lastError());
    *record = *stored;
    return Ok;
}

// ---- retry ----------------------------------------------------------------------------------

int CliApp::cmdRetry(const QStringList& argsIn) {
    QStringList args = argsIn;
    QString classText;
    if (!takeValue(args, QStringLiteral("--class"), &classText))
        return fail(Usage, tr("--class needs a list, e.g. --class transient,expired"));
    QString source;
    if (!takeValue(args, QStringLiteral("--source"), &source))
        return fail(Usage, tr("--source needs the JSONL file the batch was made from."));
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        return fail(
            Usage, tr("Usage: batchscope-cli retry BATCH [--class transient,...] [--source FILE]"));
    const QString id = args.first();
    QList<RetryClass> classes;
    if (!classText.isEmpty()) {
        const QStringList names = classText.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString& n : names) {
            const auto c = retryClassFromName(n.trimmed());
            if (!c)
                return fail(Usage, tr("Unknown retry class \"%1\". Classes: transient, billing, "
                                      "fix_required, expired, canceled.")
                                       .arg(n.trimmed()));
            classes.append(*c);
        }
    }
    if (!openLedger())
        return LedgerFailure;
    // Refusals that need no key first (discovered batch, unknown batch).
    {
        const auto rec = BatchStore(*m_ledger).find(id);
        if (!rec)
            return fail(Usage, tr("Batch %1 is not in the ledger.").arg(id));
        if (rec->discovered && !source.isEmpty()) {
            RetrySubmitter attacher(nullptr, m_ledger.get());
            const QString error = attacher.attachSourceFile(id, source);
            if (!error.isEmpty())
                return fail(InputInvalid, error);
        } else if (rec->discovered) {
            return fail(Usage,
                        tr("Batch %1 was created by another tool, so Batchscope has no stored "
                           "params for its items and cannot re-send them. Attach the JSONL "
                           "file it was made from: batchscope-cli retry %1 --source FILE")
                            .arg(id));
        }
    }
    if (const int rc = prepareApi(); rc != Ok)
        return rc;
    RetrySubmitter submitter(m_client.get(), m_ledger.get());
    QEventLoop loop;
    RetrySubmitter::Result result;
    QObject::connect(&submitter, &RetrySubmitter::finished, &loop,
                     [&](const RetrySubmitter::Result& r) {
                         result = r;
                         loop.quit();
                     });
    submitter.retryClasses(id, classes);
    loop.exec();
    if (!result.ok) {
        if (result.error.isError())
            return fail(apiExit(result.error), result.message);
        return fail(Usage, result.message);
    }
    QJsonObject out;
    out[QLatin1String("retry_of")] = id;
    out[QLatin1String("custom_ids")] = QJsonArray::fromStringList(result.customIds);
    out[QLatin1String("skipped")] = QJsonArray::fromStringList(result.skipped);
    QJsonArray arr;
    QString human;
    if (const auto rec = BatchStore(*m_ledger).find(result.newBatchId)) {
        arr.append(batchJson(*rec));
        human = batchLine(*rec);
    }
    out[QLatin1String("batches")] = arr;
    print(out, tr("Re-sent %n item(s) of %1 as:", nullptr, int(result.customIds.size())).arg(id) +
                   QLatin1Char('\n') + human);
    return Ok;
}

// ---- cost -----------------------------------------------------------------------------------

int CliApp::cmdCost(const QStringList& argsIn) {
    QStringList args = argsIn;
    QString sinceText;
    QString by;
    if (!takeValue(args, QStringLiteral("--since"), &sinceText))
        return fail(Usage, tr("--since needs a date (YYYY-MM-DD)."));
    if (!takeValue(args, QStringLiteral("--by"), &by))
        return fail(Usage, tr("--by needs model, day or batch."));
    if (!args.isEmpty())
        return fail(Usage,
                    tr("Usage: batchscope-cli cost [--since YYYY-MM-DD] [--by model|day|batch]"));
    QDate since;
    if (!sinceText.isEmpty()) {
        since = QDate::fromString(sinceText, Qt::ISODate);
        if (!since.isValid())
            return fail(Usage, tr("\"%1\" is not a date; write YYYY-MM-DD.").arg(sinceText));
    }
    std::optional<CostQueries::Grouping> grouping;
    if (by == QLatin1String("model"))
        grouping = CostQueries::Grouping::Model;
    else if (by == QLatin1String("day"))
        grouping = CostQueries::Grouping::Day;
    else if (by == QLatin1String("batch"))
        grouping = CostQueries::Grouping::Batch;
    else if (!by.isEmpty())
        return fail(Usage, tr("--by must be model, day or batch, not \"%1\".").arg(by));
    if (!openLedger())
        return LedgerFailure;
    const CostTotals total = CostQueries(*m_ledger).total(since);
    if (!m_ledger->lastError().isEmpty())
        return fail(LedgerFailure, m_ledger->lastError());
    QJsonObject out;
    out[QLatin1String("since")] =
        since.isValid() ? QJsonValue(since.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
    out[QLatin1String("by")] = textJson(by);
    out[QLatin1String("total")] = totalsJson(total);
    QStringList human;
    human.append(
        tr("Total: %1 over %2 results (%3 succeeded, %4 errored)%5")
            .arg(formatMoney(total.micros))
            .arg(total.results)
            .arg(total.succeeded)
            .arg(total.errored)
            .arg(total.unpriced > 0
                     ? tr("; %1 results of unpriced models are not counted").arg(total.unpriced)
                     : QString()));
    QJsonArray groups;
    if (grouping) {
        const QList<CostGroup> list = CostQueries(*m_ledger).groupedBy(*grouping, since);
        if (!m_ledger->lastError().isEmpty())
            return fail(LedgerFailure, m_ledger->lastError());
        for (const CostGroup& g : list) {
            QJsonObject o = totalsJson(g.totals);
            o[QLatin1String("key")] = g.key;
            groups.append(o);
            human.append(
                QStringLiteral("  %1  %2  (%3 results)")
                    .arg(g.key.isEmpty() ? tr("(none)") : g.key, formatMoney(g.totals.micros))
                    .arg(g.totals.results));
        }
    }
    out[QLatin1String("groups")] = groups;
    print(out, human.join(QLatin1Char('\n')));
    return Ok;
}

// ---- key ------------------------------------------------------------------------------------

int CliApp::cmdKey(const QStringList& args) {
    if (args.size() != 1 ||
        (args.first() != QLatin1String("set") && args.first() != QLatin1String("clear")))
        return fail(Usage, tr("Usage: batchscope-cli key set|clear   ('key set' reads the key "
                              "from stdin; it is never taken from the command line)"));
    SecretStore store;
    QEventLoop loop;
    SecretStore::Result result;
    auto done = [&](const SecretStore::Result& r) {
        result = r;
        loop.quit();
    };
    const bool set = args.first() == QLatin1String("set");
    if (set) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(Usage, tr("Cannot read the key from stdin."));
        const QString key = QString::fromUtf8(in.readLine(64 * 1024)).trimmed();
        if (key.isEmpty())
            return fail(Usage, tr("No key on stdin. Pipe it in, e.g. "
                                  "'batchscope-cli key set < keyfile'."));
        store.writeKey(QString(), key, &loop, done);
    } else {
        store.deleteKey(QString(), &loop, done);
    }
    loop.exec();
    if (!result.isOk() && !(!set && result.isNotFound()))
        return fail(AuthMissing, result.message);
    QJsonObject out;
    out[QLatin1String("action")] = set ? QStringLiteral("set") : QStringLiteral("clear");
    print(out,
          set ? tr("API key stored in the keychain.") : tr("API key removed from the keychain."));
    return Ok;
}

} // namespace bs::cli
