#include "cancelcommand.h"

#include "api/apiclient.h"
#include "cli/clicontext.h"
#include "cli/cliformat.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "ledger/batchrecord.h"

#include <QJsonArray>

namespace bs::cli {

QString CancelCommand::summary() const {
    return tr("Ask the API to cancel a batch.");
}

QString CancelCommand::description() const {
    return tr("Asks the API to cancel a batch. Requests already processed keep their results; "
              "the batch ends once the API has stopped the rest.");
}

void CancelCommand::addOptions(QCommandLineParser& parser) {
    parser.addPositionalArgument(QStringLiteral("BATCH"), tr("A batch id (msgbatch_...)."));
}

int CancelCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    QString id;
    if (!batchArgument(parser, ctx, &id, &rc))
        return rc;
    BatchRecord record;
    if (rc = ctx.storeBatchAnswer(ctx.client()->cancelBatch(id), id, &record); rc != Exit::Ok)
        return rc;
    QJsonObject out;
    out[QLatin1String("batches")] = QJsonArray{CliFormat::batch(record)};
    ctx.out().print(out,
                    tr("Cancel requested.") + QLatin1Char('\n') + CliFormat::batchLine(record));
    return Exit::Ok;
}

} // namespace bs::cli
