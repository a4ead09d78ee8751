#include "alertscommand.h"

#include "cli/clicontext.h"
#include "cli/clioutput.h"
#include "cli/exitcode.h"
#include "ledger/alertlog.h"
#include "ledger/ledger.h"

#include <QJsonArray>

namespace bs::cli {

QString AlertsCommand::summary() const {
    return tr("List the alert log (what fired, and how its delivery went), newest first.");
}

void AlertsCommand::addOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("since"),
                                        tr("Only alerts from this day on (UTC)."),
                                        QStringLiteral("YYYY-MM-DD")));
    parser.addOption(QCommandLineOption(QStringLiteral("limit"),
                                        tr("At most N alerts (default 100)."), QStringLiteral("N"),
                                        QStringLiteral("100")));
}

int AlertsCommand::run(const QCommandLineParser& parser, CliContext& ctx) {
    int rc = Exit::Ok;
    if (!expectPositional(parser, 0, QString(), ctx, &rc))
        return rc;
    QDate since;
    if (!dateOption(parser, QStringLiteral("since"), ctx, &since, &rc))
        return rc;
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        return usageError(ctx, tr("--limit wants a positive number."));
    if (!ctx.openLedger())
        return Exit::LedgerFailure;
    Ledger& ledger = *ctx.ledger();
    const auto list = AlertLog(ledger).recent(
        since.isValid() ? QDateTime(since, QTime(0, 0), Qt::UTC) : QDateTime(), limit);
    if (!ledger.lastError().isEmpty())
        return ctx.out().fail(Exit::LedgerFailure, ledger.lastError());
    QJsonArray items;
    QStringList human;
    for (const AlertRecord& a : list) {
        QJsonObject o{{QStringLiteral("id"), a.id},
                      {QStringLiteral("at"), a.at.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("severity"), a.severity},
                      {QStringLiteral("rule"), a.kind},
                      {QStringLiteral("subject"), a.subject},
                      {QStringLiteral("period"), a.period},
                      {QStringLiteral("batch_id"), a.batchId},
                      {QStringLiteral("message"), a.message},
                      {QStringLiteral("delivery"), AlertRecord::deliveryName(a.delivery)},
                      {QStringLiteral("delivery_attempts"), a.deliveryAttempts},
                      {QStringLiteral("delivery_note"), a.deliveryNote}};
        items.append(o);
        QString delivery = AlertRecord::deliveryName(a.delivery);
        if (a.delivery != AlertRecord::Delivery::None && a.deliveryAttempts > 0)
            delivery += QStringLiteral(" (%1)").arg(a.deliveryAttempts);
        if (!a.deliveryNote.isEmpty())
            delivery += QStringLiteral(": ") + a.deliveryNote;
        human << QStringLiteral("%1  %2  %3  %4  [%5]\n    %6")
                     .arg(a.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), a.severity, a.kind,
                          a.subject.isEmpty() ? a.batchId : a.subject, delivery, a.message);
    }
    QJsonObject out{{QStringLiteral("alerts"), items}};
    ctx.out().print(out,
                    list.isEmpty() ? tr("The alert log is empty.") : human.join(QLatin1Char('\n')));
    return Exit::Ok;
}

} // namespace bs::cli
