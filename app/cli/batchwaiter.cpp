#include "batchwaiter.h"

#include "api/apiclient.h"
#include "clicontext.h"
#include "cliformat.h"
#include "clioutput.h"
#include "exitcode.h"
#include "ledger/batchstore.h"
#include "ledger/ledger.h"
#include "monitor/ingestrecords.h"
#include "monitor/poller.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QSet>

namespace bs::cli {

int BatchWaiter::waitAndIngest(const QStringList& batchIds, QJsonObject* out) {
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
    Ledger* ledger = m_ctx.ledger();
    Poller poller(m_ctx.client(), ledger);
    poller.setSchedule(PollSchedule(policy));
    poller.setWatchReachability(false);
    poller.setDiscoverForeign(false);
    QSet<QString> pending(batchIds.cbegin(), batchIds.cend());
    QEventLoop loop;
    QObject::connect(&poller, &Poller::cycleFinished, &loop, [&](const Poller::CycleReport&) {
        for (const QString& id : batchIds) {
            const auto rec = BatchStore(*ledger).find(id);
            if (rec && rec->batch.isEnded())
                pending.remove(id);
        }
        if (pending.isEmpty())
            loop.quit();
    });
    constexpr int kMaxFailures = 10;
    ApiError giveUp;
    QObject::connect(&poller, &Poller::errorOccurred, &loop, [&](const ApiError& e) {
        if (CliContext::apiExit(e) == Exit::AuthMissing ||
            poller.state().consecutiveErrors >= kMaxFailures) {
            giveUp = e;
            loop.quit();
            return;
        }
        m_ctx.out().warn(tr("Polling failed (will try again): %1").arg(e.toString()));
    });
    poller.start();
    loop.exec();
    poller.stop();
    if (giveUp.isError())
        return m_ctx.out().fail(
            CliContext::apiExit(giveUp),
            tr("Gave up waiting for %1: %2 The batches were created; run "
               "'batchscope-cli status' and 'batchscope-cli results BATCH' later.")
                .arg(batchIds.join(QLatin1String(", ")), giveUp.toString()));

    QJsonArray ingests;
    QJsonArray batches;
    QStringList human;
    bool partial = false;
    for (const QString& id : batchIds) {
        IngestReport report;
        if (!m_ctx.ingest(id, &report))
            return m_ctx.out().fail(
                report.error.isError() ? CliContext::apiExit(report.error) : Exit::LedgerFailure,
                tr("Ingesting the results of %1 failed: %2")
                    .arg(id,
                         report.errorMessage.isEmpty() ? report.summary() : report.errorMessage));
        partial = partial || CliFormat::hasFailures(report);
        ingests.append(CliFormat::ingest(report));
        human.append(report.summary());
        if (const auto rec = BatchStore(*ledger).find(id))
            batches.append(CliFormat::batch(*rec));
    }
    (*out)[QLatin1String("batches")] = batches;
    (*out)[QLatin1String("results")] = ingests;
    (*out)[QLatin1String("partial")] = partial;
    m_ctx.out().print(*out, human.join(QLatin1Char('\n')));
    return partial ? Exit::Partial : Exit::Ok;
}

} // namespace bs::cli
