#include "batches/batchdetails.h"

#include "batches/batchtablemodel.h"
#include "cost/money.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledgerworker.h"
#include "ledger/summarystore.h"

#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bs::ui {

namespace {
QString escaped(const QString& s) {
    return s.toHtmlEscaped();
}
} // namespace

BatchDetails::BatchDetails(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("batchDetails"));
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("batchDetailsText"));
    m_view->setOpenLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            &BatchDetails::onLedgerChanged);
    showBatch(QString());
}

void BatchDetails::setWorker(LedgerWorker* worker) {
    m_worker = worker;
    showBatch(QString());
}

QString BatchDetails::text() const {
    return m_view->toPlainText();
}

void BatchDetails::showBatch(const QString& batchId) {
    m_batchId = batchId;
    ++m_request;
    if (batchId.isEmpty()) {
        m_view->setHtml(QStringLiteral("<p>") + tr("Select a batch to see its details.") +
                        QStringLiteral("</p>"));
        return;
    }
    load();
}

void BatchDetails::onLedgerChanged(LedgerNotifier::Change what, const QStringList& batchIds,
                                   const QString& path) {
    if (m_batchId.isEmpty() || !m_worker || path != m_worker->path())
        return;
    if (what != LedgerNotifier::Change::Batches && what != LedgerNotifier::Change::Results)
        return;
    if (batchIds.isEmpty() || batchIds.contains(m_batchId))
        load();
}

void BatchDetails::load() {
    if (!m_worker)
        return;
    const int request = ++m_request;
    const QString id = m_batchId;
    m_worker->run<Content>(
        this,
        [id](Ledger& ledger) {
            Content c;
            const auto r = BatchStore(ledger).find(id);
            if (!r)
                return c;
            c.found = true;
            c.record = *r;
            c.cost = SummaryStore(ledger).ofBatch(id);
            c.byModel = CostQueries(ledger).byModelOfBatch(id);
            c.retries = BatchStore(ledger).retriesOf(id);
            if (!r->local.localId.isEmpty()) {
                const auto reserved = BudgetStore(ledger).ofDraft(r->local.localId);
                c.estimated = !reserved.isEmpty();
                c.estimate = BudgetStore::total(reserved);
            }
            return c;
        },
        [this, request, id](Content c) {
            if (request != m_request)
                return;
            render(c);
            Q_EMIT shown(id);
        },
        LedgerWorker::Lane::Interactive);
}

void BatchDetails::render(const Content& c) {
    if (!c.found) {
        m_view->setHtml(QStringLiteral("<p>") +
                        tr("Batch %1 is not in the ledger.").arg(escaped(m_batchId)) +
                        QStringLiteral("</p>"));
        return;
    }
    const QLocale locale;
    const MessageBatch& b = c.record.batch;
    const auto when = [&](const QDateTime& t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat)
                           : QStringLiteral("—");
    };
    const auto n = [&](qint64 v) { return locale.toString(v); };
    QString html;
    const auto row = [&](const QString& label, const QString& value) {
        html += QStringLiteral("<tr><td style=\"padding-right: 12px\">%1</td><td>%2</td></tr>")
                    .arg(label, value);
    };
    // One table for every section, so that the values line up under each other.
    const auto heading = [&](const QString& title) {
        html += QStringLiteral("<tr><td colspan=\"2\" style=\"padding-top: 8px\"><b><u>%1</u></b>"
                               "</td></tr>")
                    .arg(title);
    };
    html +=
        QStringLiteral("<h3>%1</h3><table cellspacing=\"2\" cellpadding=\"1\">").arg(escaped(b.id));
    row(tr("Status"), escaped(BatchTableModel::statusText(c.record)));
    row(tr("Created"), when(b.createdAt));
    row(tr("Ended"), when(b.endedAt));
    if (b.createdAt.isValid() && b.endedAt.isValid())
        row(tr("Processing time"), BatchTableModel::durationText(b.createdAt.secsTo(b.endedAt)));
    row(tr("Expires"), when(b.expiresAt));
    if (b.cancelInitiatedAt.isValid())
        row(tr("Cancel requested"), when(b.cancelInitiatedAt));
    if (b.archivedAt.isValid())
        row(tr("Archived"), when(b.archivedAt));
    if (c.record.isDeleted())
        row(tr("Deleted on the server"), when(c.record.deletedAt));
    if (c.record.isGone())
        row(tr("Gone since"), when(c.record.goneAt));
    row(tr("Results ingested"), when(c.record.resultsIngestedAt));

    heading(tr("Requests"));
    const RequestCounts& rc = b.requestCounts;
    row(tr("Total"), n(rc.total()));
    row(tr("Processing"), n(rc.processing));
    row(tr("Succeeded"), n(rc.succeeded));
    row(tr("Errored"), n(rc.errored));
    row(tr("Canceled"), n(rc.canceled));
    row(tr("Expired"), n(rc.expired));

    heading(tr("Cost"));
    if (c.cost.results == 0) {
        row(tr("Cost"), b.isEnded() ? tr("not ingested") : tr("not ended yet"));
    } else {
        row(tr("Cost"), formatMoney(c.cost.micros, 6));
        if (c.cost.unpriced > 0)
            row(tr("Unpriced results"), n(c.cost.unpriced));
        row(tr("Results stored"), n(c.cost.results));
        row(tr("Input tokens"), n(c.cost.inputTokens));
        row(tr("Output tokens"), n(c.cost.outputTokens));
        row(tr("Cache writes (5 min / 1 h)"),
            tr("%1 (%2 / %3)")
                .arg(n(c.cost.cacheCreationInputTokens), n(c.cost.cacheCreation5mTokens),
                     n(c.cost.cacheCreation1hTokens)));
        row(tr("Cache reads"), n(c.cost.cacheReadInputTokens));
        row(tr("Web searches"), n(c.cost.webSearchRequests));
        for (const CostGroup& g : c.byModel) {
            if (g.key.isEmpty())
                continue; // errored / canceled / expired: no model, no cost
            row(escaped(g.key),
                tr("%1 · %2 result(s)").arg(formatMoney(g.totals.micros, 6), n(g.totals.results)));
        }
    }

    if (c.estimated) {
        // What the gate reserved at submission, beside what it cost.
        row(tr("Estimated at submission"),
            c.estimate.unpriced
                ? tr("unpriced model: no figure (~%1 input tokens, at most %2 output tokens)")
                      .arg(n(c.estimate.inputTokens), n(c.estimate.maxOutputTokens))
                : tr("at most %1 (~%2 input tokens, at most %3 output tokens)")
                      .arg(formatMoney(c.estimate.worstCaseMicros, 6), n(c.estimate.inputTokens),
                           n(c.estimate.maxOutputTokens)));
        if (c.cost.results > 0 && c.estimate.worstCaseMicros > 0 && !c.estimate.unpriced)
            row(tr("Actual against the estimate"),
                tr("%1% of the worst case").arg(c.cost.micros * 100 / c.estimate.worstCaseMicros));
    }

    heading(tr("Source and lineage"));
    if (c.record.discovered)
        row(tr("Source"), tr("created by another tool (no stored requests)"));
    else
        row(tr("Source file"), c.record.local.sourceFile.isEmpty()
                                   ? QStringLiteral("—")
                                   : escaped(c.record.local.sourceFile));
    if (!c.record.local.submittedBy.isEmpty())
        row(tr("Submitted by"), escaped(c.record.local.submittedBy));
    if (!c.record.local.retryOf.isEmpty())
        row(tr("Retry of"), escaped(c.record.local.retryOf));
    for (const BatchRecord& r : c.retries)
        row(tr("Retried by"), escaped(r.batch.id));
    if (!c.record.local.workspace.isEmpty())
        row(tr("Workspace"), escaped(c.record.local.workspace));
    html += QStringLiteral("</table>");
    m_view->setHtml(html);
}

} // namespace bs::ui
