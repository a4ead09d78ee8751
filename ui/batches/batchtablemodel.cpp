#include "batches/batchtablemodel.h"

#include "cost/money.h"
#include "ledger/batchstore.h"
#include "ledger/budgetstore.h"
#include "ledger/draftstore.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/summarystore.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QHash>
#include <QLocale>

#include <limits>

namespace bs::ui {

namespace {
constexpr int kCoalesceMs = 100;

bool sameRow(const BatchTableModel::Row& a, const BatchTableModel::Row& b) {
    return a.record.batch == b.record.batch && a.record.local == b.record.local &&
           a.record.discovered == b.record.discovered &&
           a.record.resultsIngestedAt == b.record.resultsIngestedAt &&
           a.record.goneAt == b.record.goneAt && a.record.deletedAt == b.record.deletedAt &&
           a.cost == b.cost && a.estimateMicros == b.estimateMicros &&
           a.estimateUnpriced == b.estimateUnpriced && a.draft == b.draft &&
           a.draftState == b.draftState && a.models == b.models &&
           a.eta.medianSeconds == b.eta.medianSeconds && a.eta.p95Seconds == b.eta.p95Seconds &&
           a.eta.samples == b.eta.samples;
}

// A write-ahead draft as a row: its requests are all "processing" until its batch exists.
BatchTableModel::Row draftRow(const DraftInfo& d) {
    BatchTableModel::Row row;
    row.draft = true;
    row.draftState = d.state;
    row.record.local = d.local;
    row.record.local.localId = d.localId;
    row.record.batch.processingStatus = MessageBatch::Status::InProgress;
    row.record.batch.requestCounts.processing = d.requestCount;
    row.record.batch.createdAt = d.createdAt;
    return row;
}
} // namespace

BatchTableModel::BatchTableModel(QObject* parent)
    : QAbstractTableModel(parent) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &BatchTableModel::fetch);
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            &BatchTableModel::onLedgerChanged);
}

void BatchTableModel::setWorker(LedgerWorker* worker) {
    if (worker == m_worker && worker)
        return;
    ++m_generation;
    m_worker = worker;
    m_eta = std::make_shared<EtaEstimator>(); // another worker's jobs never share it
    m_inFlight = false;
    m_dirty.clear();
    m_loaded = false;
    if (!m_rows.isEmpty()) {
        // Another ledger: its rows are not these (the one reset, not one per change).
        beginResetModel();
        m_rows.clear();
        m_index.clear();
        endResetModel();
    }
    m_summary = {};
    m_needAll = true;
    m_needDrafts = true;
    if (m_worker)
        fetch();
    else
        Q_EMIT refreshed();
}

QString BatchTableModel::keyOf(const Row& row) {
    return row.draft ? row.record.local.localId : row.record.batch.id;
}

void BatchTableModel::refresh() {
    m_needAll = true;
    m_needDrafts = true;
    if (!m_inFlight)
        fetch();
}

void BatchTableModel::onLedgerChanged(LedgerNotifier::Change what, const QStringList& batchIds,
                                      const QString& path) {
    if (!m_worker || path != m_worker->path())
        return;
    if (what == LedgerNotifier::Change::Requests) {
        // Drafts stored, sent, attached or abandoned: the unattached ones are read again (an
        // attached one's batch comes with the Batches change of the same commit).
        m_needDrafts = true;
    } else if (what == LedgerNotifier::Change::Results || what == LedgerNotifier::Change::Batches) {
        if (batchIds.isEmpty())
            m_needAll = true;
        for (const QString& id : batchIds)
            m_dirty.insert(id);
    } else {
        return;
    }
    if (!m_inFlight && !m_coalesce.isActive())
        m_coalesce.start();
}

void BatchTableModel::fetch() {
    m_coalesce.stop();
    if (!m_worker || m_inFlight || (!m_needAll && !m_needDrafts && m_dirty.isEmpty()))
        return;
    const bool all = std::exchange(m_needAll, false);
    const bool drafts = std::exchange(m_needDrafts, false);
    const QStringList ids = all ? QStringList() : QStringList(m_dirty.cbegin(), m_dirty.cend());
    m_dirty.clear();
    m_inFlight = true;
    const int generation = m_generation;
    // On the worker thread: copies in, copies out.
    m_worker->run<Answer>(
        this,
        [all, drafts, ids, eta = m_eta](Ledger& ledger) {
            Answer a;
            a.complete = all;
            // What each draft reserved (its models, and the estimate while in flight): every
            // draft at once for a complete read; a few rows ask their own.
            using Reservations = QList<BudgetStore::Reservation>;
            const QHash<QString, Reservations> reserved =
                all ? BudgetStore(ledger).ofDrafts() : QHash<QString, Reservations>();
            // The models of the results (batch_models), for a batch without a draft here.
            const QHash<QString, QStringList> resultModels =
                all ? SummaryStore(ledger).modelsOfBatches() : QHash<QString, QStringList>();
            const auto fill = [&](Row& out, bool inFlight) {
                const QString& localId = out.record.local.localId;
                if (localId.isEmpty())
                    return;
                const Reservations res =
                    all ? reserved.value(localId) : BudgetStore(ledger).ofDraft(localId);
                for (const BudgetStore::Reservation& r : res)
                    out.models.append(r.model);
                if (inFlight) {
                    const BudgetStore::Reservation sum = BudgetStore::total(res);
                    out.estimateMicros = sum.worstCaseMicros;
                    out.estimateUnpriced = sum.unpriced;
                }
            };
            const auto row = [&](const BatchRecord& r, const CostTotals& cost) {
                Row out;
                out.record = r;
                out.cost = cost;
                const bool running = !r.batch.isEnded() && !r.isOffServer();
                fill(out, running && cost.results == 0);
                if (out.models.isEmpty() && cost.results > 0)
                    out.models =
                        all ? resultModels.value(r.batch.id)
                            : SummaryStore(ledger).modelsOfBatches({r.batch.id}).value(r.batch.id);
                if (running && !out.models.isEmpty())
                    out.eta = eta->estimate(out.models.first(), r.batch.requestCounts.total());
                return out;
            };
            a.draftsRead = drafts;
            if (all) {
                const QHash<QString, CostTotals> costs = SummaryStore(ledger).ofBatches();
                const QList<BatchRecord> records = BatchStore(ledger).all();
                // The history first: ended batches of a known model, their processing time.
                QList<EtaEstimator::Sample> history;
                for (const BatchRecord& r : records) {
                    const Reservations m = reserved.value(r.local.localId);
                    const QString model =
                        !m.isEmpty() ? m.first().model : resultModels.value(r.batch.id).value(0);
                    if (r.batch.isEnded() && r.batch.endedAt.isValid() && !model.isEmpty())
                        history.append({model, r.batch.requestCounts.total(),
                                        r.batch.createdAt.secsTo(r.batch.endedAt)});
                }
                eta->setHistory(history);
                a.rows.reserve(records.size());
                for (const BatchRecord& r : records)
                    a.rows.append(row(r, costs.value(r.batch.id)));
            } else {
                for (const QString& id : ids) {
                    if (const auto r = BatchStore(ledger).find(id))
                        a.rows.append(row(*r, SummaryStore(ledger).ofBatch(id)));
                }
            }
            if (drafts) {
                for (const DraftInfo& d : DraftStore(ledger).unattached()) {
                    a.rows.append(draftRow(d));
                    fill(a.rows.last(), true); // a draft holds its reservation already
                }
            }
            a.summary = SummaryStore(ledger).overview();
            return a;
        },
        [this, generation](Answer answer) {
            if (generation != m_generation)
                return;
            m_inFlight = false;
            apply(answer);
            // What changed while this read was under way is read next.
            if (m_needAll || m_needDrafts || !m_dirty.isEmpty())
                m_coalesce.start();
        });
}

void BatchTableModel::reindex() {
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_index.insert(keyOf(m_rows.at(i)), i);
}

void BatchTableModel::apply(const Answer& answer) {
    m_loaded = true;
    m_summary = answer.summary;
    QList<int> changed;
    QList<Row> added;
    QSet<QString> seen;
    for (const Row& row : answer.rows) {
        const QString id = keyOf(row);
        seen.insert(id);
        auto it = m_index.constFind(id);
        if (it == m_index.cend() && !row.draft && !row.record.local.localId.isEmpty()) {
            // A batch created from a draft shown here: it takes over the draft's row.
            const auto draft = m_index.constFind(row.record.local.localId);
            if (draft != m_index.cend() && m_rows.at(*draft).draft) {
                const int at = *draft;
                m_index.remove(row.record.local.localId);
                m_index.insert(id, at);
                it = m_index.constFind(id);
            }
        }
        if (it == m_index.cend()) {
            added.append(row);
        } else if (!sameRow(m_rows.at(*it), row)) {
            m_rows[*it] = row;
            changed.append(*it);
        }
    }
    // Rows the answer no longer holds, removed from the bottom up: batches when it is complete
    // (the ledger never deletes a batch today, but a model must not show what is not there),
    // drafts when it read the drafts (abandoned, or attached to a batch not shown yet).
    const auto gone = [&](const Row& row) {
        if (seen.contains(keyOf(row)))
            return false;
        return row.draft ? answer.draftsRead : answer.complete;
    };
    if (std::any_of(m_rows.cbegin(), m_rows.cend(), gone)) {
        for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
            if (!gone(m_rows.at(i)))
                continue;
            beginRemoveRows(QModelIndex(), i, i);
            m_rows.removeAt(i);
            endRemoveRows();
            for (int& c : changed) {
                if (c > i)
                    --c;
            }
        }
        reindex();
    }
    // Values changed in place: one dataChanged per run of adjacent rows.
    std::sort(changed.begin(), changed.end());
    for (qsizetype i = 0; i < changed.size();) {
        qsizetype j = i;
        while (j + 1 < changed.size() && changed.at(j + 1) == changed.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(changed.at(i), 0), index(changed.at(j), ColumnCount - 1));
        i = j + 1;
    }
    // New batches: at the top (they are mostly the newest), in the answer's order.
    if (!added.isEmpty()) {
        beginInsertRows(QModelIndex(), 0, int(added.size()) - 1);
        m_rows = added + m_rows;
        reindex();
        endInsertRows();
    }
    Q_EMIT refreshed();
}

int BatchTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BatchTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString BatchTableModel::statusText(const BatchRecord& record) {
    if (record.isDeleted())
        return tr("Deleted");
    if (record.isGone())
        return tr("Gone");
    switch (record.batch.processingStatus) {
    case MessageBatch::Status::InProgress:
        return tr("In progress");
    case MessageBatch::Status::Canceling:
        return tr("Canceling");
    case MessageBatch::Status::Ended:
        if (record.batch.archivedAt.isValid())
            return tr("Archived");
        return record.resultsIngestedAt.isValid() ? tr("Ended") : tr("Ended, results pending");
    case MessageBatch::Status::Unknown:
        break;
    }
    return tr("Unknown");
}

QString BatchTableModel::durationText(qint64 seconds) {
    seconds = qMax<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

BatchTableModel::ProgressInfo BatchTableModel::progressOf(const BatchRecord& record) {
    ProgressInfo p;
    const MessageBatch& b = record.batch;
    p.ended = b.isEnded() || record.isOffServer();
    if (b.createdAt.isValid()) {
        const QDateTime until =
            p.ended && b.endedAt.isValid() ? b.endedAt : QDateTime::currentDateTimeUtc();
        p.elapsedSeconds = qMax<qint64>(0, b.createdAt.secsTo(until));
        if (b.expiresAt.isValid())
            p.expirySeconds = qMax<qint64>(1, b.createdAt.secsTo(b.expiresAt));
    }
    p.succeeded = b.requestCounts.succeeded;
    p.errored = b.requestCounts.errored;
    p.canceled = b.requestCounts.canceled;
    p.expired = b.requestCounts.expired;
    return p;
}

QVariant BatchTableModel::display(const Row& row, int column) const {
    const MessageBatch& b = row.record.batch;
    const QLocale locale;
    const auto count = [&](qint64 n) { return locale.toString(n); };
    const auto when = [&](const QDateTime& t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
    };
    if (row.draft && (column == Id || column == Status)) {
        if (column == Id)
            return tr("not created yet");
        return row.draftState == DraftInfo::State::Creating ? tr("Sending")
                                                            : tr("Stored, not sent");
    }
    switch (column) {
    case Id:
        return b.id;
    case Status:
        return statusText(row.record);
    case Processing:
        return count(b.requestCounts.processing);
    case Succeeded:
        return count(b.requestCounts.succeeded);
    case Errored:
        return count(b.requestCounts.errored);
    case Canceled:
        return count(b.requestCounts.canceled);
    case Expired:
        return count(b.requestCounts.expired);
    case Cost:
        if (row.cost.results == 0 && !b.isEnded() && row.estimateMicros > 0)
            // In flight: the worst case reserved at submission, until results come in.
            return tr("≤ %1 (estimate)").arg(formatMoney(row.estimateMicros, 2));
        if (row.cost.results == 0)
            return b.isEnded() ? tr("not ingested") : QString();
        if (row.cost.unpriced > 0)
            return tr("%1 + %n unpriced", nullptr, int(qMin<qint64>(row.cost.unpriced, INT_MAX)))
                .arg(formatMoney(row.cost.micros, 2));
        return formatMoney(row.cost.micros, 2);
    case Created:
        return when(b.createdAt);
    case Ended:
        return when(b.endedAt);
    case Requests:
        return count(b.requestCounts.total());
    case Age:
        return b.createdAt.isValid()
                   ? durationText(b.createdAt.secsTo(QDateTime::currentDateTimeUtc()))
                   : QString();
    case Lineage:
        return row.record.local.retryOf.isEmpty() ? QString()
                                                  : tr("retry of %1").arg(row.record.local.retryOf);
    case Progress: {
        const ProgressInfo p = progressOf(row.record);
        if (!p.ended)
            return tr("%1 of %2")
                .arg(durationText(p.elapsedSeconds), durationText(p.expirySeconds));
        return p.total() > 0 ? tr("%1% succeeded").arg(p.succeeded * 100 / p.total()) : tr("ended");
    }
    case Models:
        return row.models.join(QStringLiteral(", "));
    case Eta:
        return etaText(row);
    case Source:
        if (row.record.discovered)
            return tr("another tool");
        return row.record.local.sourceFile.isEmpty()
                   ? QString()
                   : QFileInfo(row.record.local.sourceFile).fileName();
    default:
        return {};
    }
}

QString BatchTableModel::etaText(const Row& row) {
    const MessageBatch& b = row.record.batch;
    if (row.draft || b.isEnded() || row.record.isOffServer())
        return {};
    if (!row.eta.isValid())
        return QStringLiteral("—");
    const qint64 elapsed = progressOf(row.record).elapsedSeconds;
    if (elapsed < row.eta.medianSeconds)
        return tr("~%1 (P95 %2)")
            .arg(durationText(row.eta.medianSeconds - elapsed),
                 durationText(row.eta.p95Seconds - elapsed));
    if (elapsed <= row.eta.p95Seconds)
        return tr("any time now (P95 %1)").arg(durationText(row.eta.p95Seconds - elapsed));
    return tr("overdue (P95 %1)").arg(durationText(row.eta.p95Seconds));
}

QVariant BatchTableModel::sortValue(const Row& row, int column) const {
    const MessageBatch& b = row.record.batch;
    switch (column) {
    case Processing:
        return b.requestCounts.processing;
    case Succeeded:
        return b.requestCounts.succeeded;
    case Errored:
        return b.requestCounts.errored;
    case Canceled:
        return b.requestCounts.canceled;
    case Expired:
        return b.requestCounts.expired;
    case Cost:
        return row.cost.micros;
    case Created:
        return b.createdAt;
    case Ended:
        return b.endedAt;
    case Requests:
        return b.requestCounts.total();
    case Age:
        // Older sorts as longer: seconds since created.
        return b.createdAt.isValid() ? b.createdAt.secsTo(QDateTime::currentDateTimeUtc())
                                     : qint64(-1);
    case Lineage:
        return row.record.local.retryOf;
    case Eta: // the median time left; no estimate last
        return row.eta.isValid() ? row.eta.medianSeconds - progressOf(row.record).elapsedSeconds
                                 : std::numeric_limits<qint64>::max();
    case Progress: {
        // In progress sorts by time elapsed, ended batches after them by their success share.
        const ProgressInfo p = progressOf(row.record);
        return p.ended ? 1'000'000'000 + (p.total() > 0 ? p.succeeded * 1000 / p.total() : 0)
                       : p.elapsedSeconds;
    }
    default:
        return display(row, column);
    }
}

QVariant BatchTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        return sortValue(row, column);
    case BatchIdRole:
        return row.record.batch.id;
    case ProgressRole:
        return column == Progress ? QVariant::fromValue(progressOf(row.record)) : QVariant();
    case Qt::TextAlignmentRole:
        if ((column >= Processing && column <= Cost) || column == Requests || column == Age)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if ((column == Errored && row.record.batch.requestCounts.errored > 0) ||
            (column == Expired && row.record.batch.requestCounts.expired > 0) ||
            (column == Cost && row.cost.unpriced > 0))
            return QBrush(QColor(0xc0, 0x2b, 0x2b));
        return {};
    case Qt::ToolTipRole:
        if (column == Source && !row.record.local.sourceFile.isEmpty())
            return row.record.local.sourceFile;
        if (column == Source && row.record.discovered)
            return tr("Created by another tool: its requests are not stored here, so its failed "
                      "items cannot be re-sent until its source file is attached.");
        if (column == Status && row.draft)
            return tr("Write-ahead: every request is stored in the ledger (%1) before the batch is "
                      "created, so nothing is lost or sent twice if the create fails or its "
                      "answer is lost.")
                .arg(row.record.local.localId);
        if (column == Status && row.record.isDeleted())
            return tr("Deleted on the server from here on %1. Its stored requests, results and "
                      "costs stay in the ledger.")
                .arg(QLocale().toString(row.record.deletedAt.toLocalTime(), QLocale::ShortFormat));
        if (column == Status && row.record.isGone())
            return tr("The server no longer knows this batch (deleted elsewhere, or in another "
                      "workspace). It is not polled any more; its stored requests and results "
                      "stay in the ledger.");
        if (column == Id && !row.record.local.retryOf.isEmpty())
            return tr("Retry of %1").arg(row.record.local.retryOf);
        if (column == Eta && row.eta.isValid())
            return tr("Median %1 and 95th percentile %2 of %n ended batch(es) of %3 with half to "
                      "twice as many requests, in this ledger.",
                      nullptr, row.eta.samples)
                .arg(durationText(row.eta.medianSeconds), durationText(row.eta.p95Seconds),
                     row.models.value(0));
        if (column == Eta && !row.record.batch.isEnded() && !row.draft)
            return tr("No estimate: this ledger has no ended batch of this model with a similar "
                      "number of requests yet.");
        if (column == Progress) {
            const ProgressInfo p = progressOf(row.record);
            if (!p.ended)
                return tr("Running for %1; a batch expires after %2. The API reports no "
                          "per-request progress until the batch ends.")
                    .arg(durationText(p.elapsedSeconds), durationText(p.expirySeconds));
            return tr("Succeeded %1 · Errored %2 · Canceled %3 · Expired %4")
                .arg(p.succeeded)
                .arg(p.errored)
                .arg(p.canceled)
                .arg(p.expired);
        }
        return {};
    default:
        return {};
    }
}

QVariant BatchTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Batch");
    case Source:
        return tr("Source");
    case Status:
        return tr("Status");
    case Processing:
        return tr("Processing");
    case Succeeded:
        return tr("Succeeded");
    case Errored:
        return tr("Errored");
    case Canceled:
        return tr("Canceled");
    case Expired:
        return tr("Expired");
    case Cost:
        return tr("Cost");
    case Created:
        return tr("Created");
    case Ended:
        return tr("Ended");
    case Requests:
        return tr("Requests");
    case Age:
        return tr("Age");
    case Lineage:
        return tr("Lineage");
    case Progress:
        return tr("Progress");
    case Models:
        return tr("Models");
    case Eta:
        return tr("ETA");
    default:
        return {};
    }
}

} // namespace bs::ui
