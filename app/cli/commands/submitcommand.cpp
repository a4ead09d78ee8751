#include "submitcommand.h"

#include "cli/batchwaiter.h"
#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "intake/batchsplitter.h"
#include "intake/jsonlscanner.h"
#include "ledger/batchstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "monitor/draftsubmitter.h"
#include "validatecommand.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace bs::cli {

namespace {

QString sha256Of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

} // namespace

QString SubmitCommand::summary() const {
    return tr("Validate a JSONL file, store every request, create the batch(es).");
}

QString SubmitCommand::description() const {
    return tr("Validates a JSONL file of {\"custom_id\", \"params\"} lines (nothing is sent and no "
              "key is needed when it is invalid), stores every request in the ledger, then "
              "creates the batch(es): a file above 100,000 requests or 256 MB is split, in file "
              "order. --wait polls until they end and ingests the results.");
}

void SubmitCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("wait"),
                                        tr("Wait until the batches end and ingest the results.")));
    parser.addOption(ValidateCommand::splitAtOption());
    parser.addOption(QCommandLineOption(
        QStringLiteral("accept-warnings"),
        tr("Send the file although the check found warnings (they are printed either way).")));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The JSONL file to submit."));
}

int SubmitCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    BatchSplitter::Limits limits;
    if (!expectPositional(parser, 1, QStringLiteral("FILE"), ctx, &rc) ||
        !ValidateCommand::splitLimits(*this, parser, ctx, &limits, &rc))
        return rc;
    const QString shown = parser.positionalArguments().first();
    const QString path = QFileInfo(shown).absoluteFilePath();
    qint64 requests = 0;
    // Validation first: a bad file is reported without a key, a ledger or the network.
    // Errors always stop it; warnings stop it unless --accept-warnings; notes never do.
    rc = ValidateCommand::check(
        ctx, shown, tr("%1: nothing was sent. Fix the lines above and submit again.").arg(shown),
        limits,
        parser.isSet(QStringLiteral("accept-warnings"))
            ? ValidateCommand::Purpose::SubmitAcceptWarnings
            : ValidateCommand::Purpose::Submit,
        &requests);
    if (rc != Exit::Ok)
        return rc;
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    if (rc = ctx.prepareApi(); rc != Exit::Ok)
        return rc;
    Ledger* ledger = ctx.ledger();

    BatchLocal local;
    local.sourceFile = path;
    local.sourceSha256 = sha256Of(path);
    local.submittedBy = qEnvironmentVariable("USER");
    local.submittedAt = QDateTime::currentDateTimeUtc();

    // Write-ahead: every request into drafts (one per batch) before any create.
    BatchSplitter splitter(limits);
    QStringList drafts;
    QList<StoredRequest> chunk;
    bool ok = true;
    auto flush = [&]() {
        if (!chunk.isEmpty() && ok)
            ok = DraftStore(*ledger).storeRequests(drafts.last(), chunk);
        chunk.clear();
    };
    // The same reader again: params are stored as the exact bytes of the file.
    JsonlScanner::Options options;
    options.maxProblems = 1;
    JsonlScanner input(path, options);
    qint64 stored = 0;
    const bool read = input.scan([&](const JsonlScanner::Request& r) {
        const QString customId = QString::fromLatin1(r.customId);
        if (splitter.place(BatchSplitter::requestBytes(r.customId.size(), r.params.size()))) {
            flush();
            const QString id = DraftStore(*ledger).create(local);
            if (id.isEmpty())
                ok = false;
            else
                drafts.append(id);
        }
        if (!ok)
            return false;
        chunk.append(StoredRequest{customId, r.params.toByteArray(), 1});
        ++stored;
        if (chunk.size() >= 2000)
            flush();
        return ok;
    });
    flush();
    // The file changed between the check and the store: send nothing.
    const bool changed = ok && read && (input.errorCount() > 0 || stored != requests);
    if (!read || !ok || changed) {
        const QString why = changed ? tr("the file changed while it was read; check it again")
                            : read  ? ledger->lastError()
                                    : tr("the file could not be read again");
        for (const QString& d : std::as_const(drafts))
            DraftStore(*ledger).abandon(d, tr("not sent: storing the requests failed"));
        return ctx.out().fail(read && !changed ? Exit::LedgerFailure : Exit::InputInvalid,
                              tr("Could not store the requests of %1: %2").arg(shown, why));
    }

    DraftSubmitter submitter(ctx.client(), ledger);
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
                DraftStore(*ledger).abandon(drafts.at(j), tr("not sent: an earlier part failed"));
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
            return ctx.out().fail(result.error.isError() ? CliContext::apiExit(result.error)
                                                         : Exit::LedgerFailure,
                                  msg);
        }
        created.append(result.batch.id);
        if (const auto rec = BatchStore(*ledger).find(result.batch.id)) {
            batchesJson.append(CliFormat::batch(*rec));
            human.append(CliFormat::batchLine(*rec));
        }
    }
    QJsonObject out;
    out[QLatin1String("file")] = shown;
    out[QLatin1String("requests")] = requests;
    out[QLatin1String("batches")] = batchesJson;
    if (!parser.isSet(QStringLiteral("wait"))) {
        ctx.out().print(
            out, tr("Submitted %1 requests from %2 as %n batch(es):", nullptr, int(created.size()))
                         .arg(requests)
                         .arg(shown) +
                     QLatin1Char('\n') + human.join(QLatin1Char('\n')));
        return Exit::Ok;
    }
    ctx.out().progress(tr("Submitted %1 requests as %2; waiting for the end...")
                           .arg(requests)
                           .arg(created.join(QLatin1String(", "))));
    return BatchWaiter(ctx).waitAndIngest(created, &out);
}

} // namespace bs::cli
