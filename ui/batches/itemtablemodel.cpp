#include "batches/itemtablemodel.h"

#include "cost/money.h"
#include "ledger/ledgerworker.h"
#include "ledger/resultstore.h"

#include <QLocale>

namespace bs::ui {

ItemTableModel::ItemTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ItemTableModel::setWorker(LedgerWorker* worker) {
    m_worker = worker;
    m_batchId.clear();
    restart();
}

void ItemTableModel::setBatch(const QString& batchId) {
    if (batchId == m_batchId)
        return;
    m_batchId = batchId;
    restart();
}

void ItemTableModel::setFilter(const QString& type, const QString& text) {
    if (type == m_type && text.trimmed() == m_text)
        return;
    m_type = type;
    m_text = text.trimmed();
    restart();
}

void ItemTableModel::setErrorFilter(const QString& retryClass, const QString& messageText) {
    if (retryClass == m_retryClass && messageText.trimmed() == m_messageText)
        return;
    m_retryClass = retryClass;
    m_messageText = messageText.trimmed();
    restart();
}

void ItemTableModel::restart() {
    ++m_generation; // answers for the previous batch or filter are dropped
    m_inFlight = false;
    if (!m_rows.isEmpty()) {
        beginRemoveRows(QModelIndex(), 0, int(m_rows.size()) - 1);
        m_rows.clear();
        endRemoveRows();
    }
    m_atEnd = m_batchId.isEmpty() || !m_worker;
    if (!m_atEnd)
        fetchMore(QModelIndex());
}

bool ItemTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_atEnd && !m_inFlight;
}

void ItemTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent) || !m_worker)
        return;
    m_inFlight = true;
    const int generation = m_generation;
    const QString batchId = m_batchId;
    const QString after = m_rows.isEmpty() ? QString() : m_rows.last().customId;
    const QString type = m_type;
    const QString text = m_text;
    const QString retryClass = m_retryClass;
    const QString messageText = m_messageText;
    m_worker->run<QList<ResultRow>>(
        this,
        [=](Ledger& ledger) {
            return ResultStore(ledger).pageOf(batchId, after, kPageSize, type, text, retryClass,
                                              messageText);
        },
        [this, generation](QList<ResultRow> page) {
            if (generation != m_generation)
                return;
            // Still in flight while the rows go in: a view (or a model tester) that asks for more
            // from rowsAboutToBeInserted must not ask for this page again.
            m_atEnd = page.size() < kPageSize;
            if (!page.isEmpty()) {
                beginInsertRows(QModelIndex(), int(m_rows.size()),
                                int(m_rows.size() + page.size()) - 1);
                m_rows.append(page);
                endInsertRows();
            }
            m_inFlight = false;
            Q_EMIT pageLoaded(int(m_rows.size()), m_atEnd);
        },
        LedgerWorker::Lane::Interactive); // the user waits for it: never behind a bulk reload
}

int ItemTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ItemTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ItemTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResultRow& r = m_rows.at(index.row());
    const QLocale locale;
    if (role == Qt::TextAlignmentRole) {
        const int c = index.column();
        return QVariant::fromValue(Qt::Alignment(
            (c == InputTokens || c == OutputTokens || c == Cost ? Qt::AlignRight : Qt::AlignLeft) |
            Qt::AlignVCenter));
    }
    if (role == Qt::ToolTipRole && index.column() == ErrorMessage)
        return r.errorMessage;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CustomId:
        return r.customId;
    case Type:
        return r.type;
    case Model:
        return r.model;
    case InputTokens:
        return locale.toString(r.usage.inputTokens);
    case OutputTokens:
        return locale.toString(r.usage.outputTokens);
    case Cost:
        if (r.type != QLatin1String("succeeded"))
            return QString();
        return r.priced ? formatMoney(r.costMicros, 6) : tr("unpriced");
    case ErrorType:
        return r.errorType;
    case ErrorMessage:
        return r.errorMessage;
    default:
        return {};
    }
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CustomId:
        return tr("custom_id");
    case Type:
        return tr("Result");
    case Model:
        return tr("Model");
    case InputTokens:
        return tr("Input tokens");
    case OutputTokens:
        return tr("Output tokens");
    case Cost:
        return tr("Cost");
    case ErrorType:
        return tr("Error type");
    case ErrorMessage:
        return tr("Error message");
    default:
        return {};
    }
}

} // namespace bs::ui
