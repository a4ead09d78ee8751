#include "batches/batchtablemodel.h"

#include "cost/money.h"
#include "ledger/batchstore.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QHash>
#include <QLocale>

namespace bs::ui {

namespace {
constexpr int kCoalesceMs = 250;
} // namespace

BatchTableModel::BatchTableModel(QObject* parent)
    : QAbstractTableModel(parent) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &BatchTableModel::refresh);
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            &BatchTableModel::onLedgerChanged);
}

void BatchTableModel::setLedger(Ledger* ledger) {
    m_ledger = ledger;
    m_allCostsStale = true;
    refresh();
}

void BatchTableModel::onLedgerChanged(LedgerNotifier::Change what, const QStringList& batchIds,
                                      const QString& path) {
    if (!m_ledger || path != m_ledger->path())
        return;
    if (what == LedgerNotifier::Change::Results) {
        if (batchIds.isEmpty())
            m_allCostsStale = true;
        for (const QString& id : batchIds)
            m_staleCosts.insert(id);
    } else if (what != LedgerNotifier::Change::Batches) {
        return;
    }
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void BatchTableModel::refresh() {
    m_coalesce.stop();
    QList<Row> rows;
    if (m_ledger) {
        if (m_allCostsStale) {
            m_costs.clear();
            for (const CostGroup& g :
                 CostQueries(*m_ledger).groupedBy(CostQueries::Grouping::Batch))
                m_costs.insert(g.key, g.totals);
        } else {
            for (const QString& id : std::as_const(m_staleCosts))
                m_costs.insert(id, CostQueries(*m_ledger).total(QDate(), id));
        }
        m_allCostsStale = false;
        m_staleCosts.clear();
        const QList<BatchRecord> records = BatchStore(*m_ledger).all();
        rows.reserve(records.size());
        for (const BatchRecord& r : records)
            rows.append({r, m_costs.value(r.batch.id)});
    } else {
        m_costs.clear();
        m_staleCosts.clear();
        m_allCostsStale = true;
    }
    Summary s;
    s.batches = int(rows.size());
    for (const Row& row : std::as_const(rows)) {
        const MessageBatch& b = row.record.batch;
        // A gone batch (the server no longer knows it) is neither running nor waiting.
        const bool gone = row.record.isGone();
        if (!gone && (b.processingStatus == MessageBatch::Status::InProgress ||
                      b.processingStatus == MessageBatch::Status::Canceling))
            ++s.unfinished;
        else if (!gone && b.isEnded() && !row.record.resultsIngestedAt.isValid())
            ++s.awaitingIngest;
        s.errored += b.requestCounts.errored + b.requestCounts.expired;
        s.spent += row.cost.micros;
        s.unpriced += row.cost.unpriced;
    }
    m_summary = s;

    bool sameRows = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).record.batch.id == m_rows.at(i).record.batch.id;
    if (sameRows) {
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
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
    if (record.isGone())
        return tr("Gone");
    switch (record.batch.processingStatus) {
    case MessageBatch::Status::InProgress:
        return tr("In progress");
    case MessageBatch::Status::Canceling:
        return tr("Canceling");
    case MessageBatch::Status::Ended:
        return record.resultsIngestedAt.isValid() ? tr("Ended") : tr("Ended, results pending");
    case MessageBatch::Status::Unknown:
        break;
    }
    return tr("Unknown");
}

QVariant BatchTableModel::display(const Row& row, int column) const {
    const MessageBatch& b = row.record.batch;
    const QLocale locale;
    const auto count = [&](qint64 n) { return locale.toString(n); };
    const auto when = [&](const QDateTime& t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
    };
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
    case Qt::TextAlignmentRole:
        if (column >= Processing && column <= Cost)
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
        if (column == Status && row.record.isGone())
            return tr("The server no longer knows this batch (deleted elsewhere, or in another "
                      "workspace). It is not polled any more; its stored requests and results "
                      "stay in the ledger.");
        if (column == Id && !row.record.local.retryOf.isEmpty())
            return tr("Retry of %1").arg(row.record.local.retryOf);
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
    default:
        return {};
    }
}

} // namespace bs::ui
