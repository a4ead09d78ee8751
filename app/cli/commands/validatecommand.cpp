#include "validatecommand.h"

#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "core/sha256.h"
#include "cost/money.h"
#include "cost/pricebook.h"
#include "intake/budgetgate.h"
#include "intake/jsonlscanner.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

namespace bs::cli {

QString ValidateCommand::summary() const {
    return tr("Check a JSONL file as submit would: no key, no network, nothing stored.");
}

QString ValidateCommand::description() const {
    return tr("Checks every line of a JSONL file of {\"custom_id\", \"params\"} objects and lists "
              "each problem as FILE:LINE[:COLUMN][:FIELD]: error|warning|note: what is wrong. "
              "Errors make the file invalid (exit 2); warnings and notes do not (exit 0). Needs "
              "no API key and sends nothing; an existing ledger is read (never created) to warn "
              "about custom_ids used before. A file without errors is reported with the batches "
              "it would be sent as (at most 100,000 requests and 256 MB each) and the estimate "
              "per model: requests, input tokens (characters / 4), output tokens at worst "
              "(max_tokens) and the worst-case cost at batch prices.") +
           QLatin1Char(' ') +
           tr("With --calibrate (an API key is needed) up to %1 requests per model, spread through "
              "the file, are sent to count_tokens (never created as a batch) and the input-token "
              "estimate and its cost are calibrated with what it counts.")
               .arg(TokenCalibrator::kSamplePerModel);
}

QCommandLineOption ValidateCommand::splitAtOption() {
    return QCommandLineOption(QStringLiteral("split-at"),
                              tr("At most N requests per batch (default 100000)."),
                              QStringLiteral("N"));
}

bool ValidateCommand::splitLimits(const Command& command, const QCommandLineParser& parser,
                                  CliContext& ctx, BatchSplitter::Limits* limits, int* exitCode) {
    *limits = BatchSplitter::Limits();
    if (!parser.isSet(QStringLiteral("split-at")))
        return true;
    bool ok = false;
    const int n = parser.value(QStringLiteral("split-at")).toInt(&ok);
    if (!ok || n < 1 || n > BatchRequestsBuilder::kMaxRequests) {
        *exitCode = command.usageError(ctx, tr("--split-at must be a number from 1 to %1.")
                                                .arg(BatchRequestsBuilder::kMaxRequests));
        return false;
    }
    limits->maxRequests = n;
    return true;
}

void ValidateCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(splitAtOption());
    parser.addOption(QCommandLineOption(
        QStringLiteral("calibrate"),
        tr("Calibrate the input-token estimate with the API's count_tokens on a sample of up to "
           "%1 requests per model (needs an API key; sends those requests to count_tokens only).")
            .arg(TokenCalibrator::kSamplePerModel)));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The JSONL file to check."));
}

int ValidateCommand::check(CliContext& ctx, const QString& shown, const QString& verdict,
                           const BatchSplitter::Limits& limits, Purpose purpose, qint64* requests,
                           const TokenCalibrator::Result* calibration,
                           FileSubmitter::Checked* checked) {
    QString bookError;
    const PriceBook prices = PriceBook::load(&bookError);
    if (!bookError.isEmpty())
        ctx.out().warn(bookError);
    const QString path = QFileInfo(shown).absoluteFilePath();
    JsonlScanner* scanner = nullptr;
    JsonlScanner::Options options;
    options.prices = &prices;
    options.splitLimits = limits;
    if (calibration)
        options.inputRatios = calibration->ratios();
    // Only a file without errors is worth the ledger; validate never creates one.
    if (purpose != Purpose::Validate || QFile::exists(ctx.ledgerPath()))
        options.usedCustomIds = [&](const QSet<QString>& ids) -> QSet<QString> {
            if (scanner->errorCount() > 0)
                return {};
            if (!ctx.ledger() && !ctx.openLedger())
                return {};
            return DraftStore(*ctx.ledger()).usedCustomIds(ids);
        };
    // Submit: the file's digest in this pass (FileSubmitter compares it while storing).
    Sha256 sha;
    if (checked)
        options.onBytes = [&sha](const char* data, qint64 size) { sha.add(data, size); };
    JsonlScanner scan(path, options);
    scanner = &scan;
    const bool read = scan.scan();
    *requests = scan.requestCount();
    if (checked && read && scan.valid()) {
        checked->requests = scan.requestCount();
        checked->sha256 = sha.hex();
        checked->parts = scan.partEstimates();
    }

    QStringList lines;
    QJsonArray problems;
    for (const JsonlScanner::Problem& p : scan.problems()) {
        lines.append(p.toString(shown));
        QJsonObject o{{QStringLiteral("line"), p.line},
                      {QStringLiteral("field"), p.field},
                      {QStringLiteral("severity"), JsonlScanner::severityName(p.severity)},
                      {QStringLiteral("message"), p.message}};
        if (p.column > 0)
            o[QLatin1String("column")] = p.column;
        problems.append(o);
    }
    if (scan.problemCount() > scan.problems().size())
        lines.append(
            tr("... and %1 more problems.").arg(scan.problemCount() - scan.problems().size()));
    QJsonObject report;
    report[QLatin1String("file")] = shown;
    report[QLatin1String("valid")] = scan.valid();
    report[QLatin1String("requests")] = scan.requestCount();
    report[QLatin1String("problem_count")] = scan.problemCount();
    report[QLatin1String("error_count")] = scan.errorCount();
    report[QLatin1String("warning_count")] = scan.warningCount();
    report[QLatin1String("info_count")] = scan.infoCount();
    report[QLatin1String("problems")] = problems;

    const bool warningsStop = purpose == Purpose::Submit && scan.warningCount() > 0;
    if (!scan.valid() || warningsStop) {
        if (scan.valid())
            lines.append(tr("%n warning(s): read them; to send the file as it is, submit again "
                            "with --accept-warnings.",
                            nullptr, int(qMin<qint64>(scan.warningCount(), INT_MAX))));
        lines.append(verdict);
        return ctx.out().fail(Exit::InputInvalid, lines.join(QLatin1Char('\n')), report);
    }
    // Valid: problems left are warnings and notes; a person reads them on stderr.
    if (!lines.isEmpty())
        ctx.out().warn(lines.join(QLatin1Char('\n')));
    if (purpose != Purpose::Validate)
        return Exit::Ok;

    QJsonArray batches;
    for (const BatchSplitter::Part& part : scan.batches())
        batches.append(QJsonObject{{QStringLiteral("requests"), qint64(part.requests)},
                                   {QStringLiteral("body_bytes"), part.bodyBytes}});
    report[QLatin1String("batches")] = batches;
    QJsonObject estimate;
    QStringList human{
        tr("%1 is valid: %2 requests, sent as %n batch(es).", nullptr, int(scan.batches().size()))
            .arg(shown)
            .arg(scan.requestCount())};
    const QLocale c = QLocale::c();
    bool calibrated = false;
    // Expected cost: at the output/max_tokens ratio this ledger has seen per model (read only
    // from an existing ledger; none: the worst case).
    QList<JsonlScanner::ModelEstimate> estimates = scan.estimates();
    if (QFile::exists(ctx.ledgerPath()) && (ctx.ledger() || ctx.openLedger()))
        BudgetGate(*ctx.ledger(), prices).addExpected(&estimates);
    for (const JsonlScanner::ModelEstimate& e : std::as_const(estimates)) {
        QJsonObject m{{QStringLiteral("requests"), e.requests},
                      {QStringLiteral("input_tokens"), e.inputTokens},
                      {QStringLiteral("input_tokens_local"), e.inputTokensLocal},
                      {QStringLiteral("calibrated"), e.calibrated},
                      {QStringLiteral("max_output_tokens"), e.maxOutputTokens},
                      {QStringLiteral("priced"), e.priced}};
        // Exact: an integer of micro-dollars (null when the model has no price).
        m[QLatin1String("worst_case_micros")] =
            e.priced ? QJsonValue(e.worstCaseMicros) : QJsonValue(QJsonValue::Null);
        m[QLatin1String("expected_micros")] =
            e.priced ? QJsonValue(e.expectedMicros) : QJsonValue(QJsonValue::Null);
        estimate[e.model] = m;
        if (e.priced && e.expectedMicros != e.worstCaseMicros)
            human.append(tr("  %1: %2 requests, ~%3 input tokens, at most %4 output tokens, at "
                            "most %5, expected %6 (the output this ledger has seen).")
                             .arg(e.model, c.toString(e.requests), c.toString(e.inputTokens),
                                  c.toString(e.maxOutputTokens), formatMoney(e.worstCaseMicros, 2),
                                  formatMoney(e.expectedMicros, 2)));
        else
            human.append(
                tr("  %1: %2 requests, ~%3 input tokens, at most %4 output tokens, at most %5.")
                    .arg(e.model, c.toString(e.requests), c.toString(e.inputTokens),
                         c.toString(e.maxOutputTokens),
                         e.priced ? formatMoney(e.worstCaseMicros, 2) : tr("unpriced")));
        if (e.calibrated)
            human.last() += QLatin1Char(' ') + tr("(calibrated with count_tokens; ~%1 locally)")
                                                   .arg(c.toString(e.inputTokensLocal));
        calibrated = calibrated || e.calibrated;
    }
    report[QLatin1String("estimate")] = estimate;
    report[QLatin1String("estimate_calibrated")] = calibrated;
    ctx.out().print(report, human.join(QLatin1Char('\n')));
    return Exit::Ok;
}

int ValidateCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    BatchSplitter::Limits limits;
    if (!expectPositional(parser, 1, QStringLiteral("FILE"), ctx, &rc) ||
        !splitLimits(*this, parser, ctx, &limits, &rc))
        return rc;
    const QString shown = parser.positionalArguments().first();
    qint64 requests = 0;
    const QString verdict =
        tr("%1 is not valid. Fix the lines above and check it again.").arg(shown);
    if (!parser.isSet(QStringLiteral("calibrate")))
        return check(ctx, shown, verdict, limits, Purpose::Validate, &requests);

    // --calibrate: the file is checked first (a bad file needs no key), then sampled.
    TokenCalibrator::Result calibration;
    {
        QString bookError;
        const PriceBook prices = PriceBook::load(&bookError);
        JsonlScanner::Options options;
        options.prices = &prices;
        options.splitLimits = limits;
        JsonlScanner probe(QFileInfo(shown).absoluteFilePath(), options);
        probe.scan();
        if (!probe.valid())
            return check(ctx, shown, verdict, limits, Purpose::Validate, &requests);
        if (rc = ctx.prepareApi(); rc != Exit::Ok)
            return rc;
        ctx.out().progress(tr("Calibrating the estimate with count_tokens..."));
        TokenCalibrator calibrator(ctx.client());
        QEventLoop loop;
        QObject::connect(&calibrator, &TokenCalibrator::finished, &loop,
                         [&](const TokenCalibrator::Result& r) {
                             calibration = r;
                             loop.quit();
                         });
        calibrator.calibrate(QFileInfo(shown).absoluteFilePath(), options);
        loop.exec();
    }
    if (!calibration.message.isEmpty())
        ctx.out().warn(calibration.message);
    return check(ctx, shown, verdict, limits, Purpose::Validate, &requests, &calibration);
}

} // namespace bs::cli
