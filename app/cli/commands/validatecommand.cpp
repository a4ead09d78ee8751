#include "validatecommand.h"

#include "cli/clicontext.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "intake/jsonlinput.h"

#include <QFileInfo>
#include <QJsonArray>

namespace bs::cli {

QString ValidateCommand::summary() const {
    return tr("Check a JSONL file as submit would: no key, no network, nothing stored.");
}

QString ValidateCommand::description() const {
    return tr("Checks every line of a JSONL file of {\"custom_id\", \"params\"} objects and lists "
              "each problem as FILE:LINE:FIELD: what is wrong. Needs no API key, sends nothing "
              "and opens no ledger. A valid file is reported with the batches it would be sent "
              "as (at most 100,000 requests and 256 MB each).");
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
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The JSONL file to check."));
}

int ValidateCommand::check(CliContext& ctx, const QString& shown, const QString& verdict,
                           qint64* requests) {
    JsonlInput input(QFileInfo(shown).absoluteFilePath());
    const bool valid = input.validate();
    *requests = input.requestCount();
    if (valid)
        return Exit::Ok;
    QStringList lines;
    QJsonArray problems;
    for (const JsonlInput::Problem& p : input.problems()) {
        lines.append(p.toString(shown));
        problems.append(QJsonObject{{QStringLiteral("line"), p.line},
                                    {QStringLiteral("field"), p.field},
                                    {QStringLiteral("message"), p.message}});
    }
    if (input.problemCount() > input.problems().size())
        lines.append(
            tr("... and %1 more problems.").arg(input.problemCount() - input.problems().size()));
    lines.append(verdict);
    QJsonObject extra;
    extra[QLatin1String("file")] = shown;
    extra[QLatin1String("valid")] = false;
    extra[QLatin1String("requests")] = input.requestCount();
    extra[QLatin1String("problem_count")] = input.problemCount();
    extra[QLatin1String("problems")] = problems;
    return ctx.out().fail(Exit::InputInvalid, lines.join(QLatin1Char('\n')), extra);
}

int ValidateCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    BatchSplitter::Limits limits;
    if (!expectPositional(parser, 1, QStringLiteral("FILE"), ctx, &rc) ||
        !splitLimits(*this, parser, ctx, &limits, &rc))
        return rc;
    const QString shown = parser.positionalArguments().first();
    qint64 requests = 0;
    rc =
        check(ctx, shown, tr("%1 is not valid. Fix the lines above and check it again.").arg(shown),
              &requests);
    if (rc != Exit::Ok)
        return rc;
    JsonlInput input(QFileInfo(shown).absoluteFilePath());
    const QList<BatchSplitter::Part> parts = BatchSplitter::plan(input, limits);
    QJsonArray batches;
    for (const BatchSplitter::Part& part : parts)
        batches.append(QJsonObject{{QStringLiteral("requests"), qint64(part.requests)},
                                   {QStringLiteral("body_bytes"), part.bodyBytes}});
    QJsonObject out;
    out[QLatin1String("file")] = shown;
    out[QLatin1String("valid")] = true;
    out[QLatin1String("requests")] = requests;
    out[QLatin1String("problem_count")] = 0;
    out[QLatin1String("problems")] = QJsonArray();
    out[QLatin1String("batches")] = batches;
    ctx.out().print(
        out, tr("%1 is valid: %2 requests, sent as %n batch(es).", nullptr, int(parts.size()))
                 .arg(shown)
                 .arg(requests));
    return Exit::Ok;
}

} // namespace bs::cli
