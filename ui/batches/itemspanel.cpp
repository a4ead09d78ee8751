#include "batches/itemspanel.h"

#include "batches/itemtablemodel.h"
#include "batches/itemtext.h"
#include "ledger/ledgerworker.h"
#include "ledger/resultstore.h"
#include "ledger/retryclass.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bs::ui {

ItemsPanel::ItemsPanel(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("itemsTab"));
    m_model = new ItemTableModel(this);
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("itemTypeFilter"));
    m_type->addItem(tr("All results"), QString());
    m_type->addItem(tr("Succeeded"), QStringLiteral("succeeded"));
    m_type->addItem(tr("Errored"), QStringLiteral("errored"));
    m_type->addItem(tr("Canceled"), QStringLiteral("canceled"));
    m_type->addItem(tr("Expired"), QStringLiteral("expired"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("itemSearch"));
    m_search->setPlaceholderText(tr("Search custom_id"));
    m_search->setClearButtonEnabled(true);
    m_errorClass = new QComboBox(this);
    m_errorClass->setObjectName(QStringLiteral("itemClassFilter"));
    m_errorClass->addItem(tr("Any error class"), QString());
    for (RetryClass c : kAllRetryClasses)
        m_errorClass->addItem(retryClassLabel(c), retryClassName(c));
    m_message = new QLineEdit(this);
    m_message->setObjectName(QStringLiteral("itemMessageSearch"));
    m_message->setPlaceholderText(tr("Search error message"));
    m_message->setClearButtonEnabled(true);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ItemsPanel::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, &ItemsPanel::applyFilters);
    connect(m_errorClass, &QComboBox::currentIndexChanged, this, &ItemsPanel::applyFilters);
    connect(m_message, &QLineEdit::textChanged, this, &ItemsPanel::applyFilters);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("itemTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ItemsPanel::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ItemsPanel::showCurrent);
    connect(m_model, &ItemTableModel::pageLoaded, this, &ItemsPanel::trySelectPending);

    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("itemDetail"));
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select an item to see its message text or error."));
    // JSON and model output read best with fixed columns.
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    // Side by side: a pretty-printed error or a message gets the tab's whole height (under the
    // table it had a few lines and was cut off).
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("itemSplitter"));
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_type);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_errorClass);
    bar->addWidget(m_message, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
}

void ItemsPanel::setWorker(LedgerWorker* worker) {
    m_worker = worker;
    m_model->setWorker(worker);
}

void ItemsPanel::setBatch(const QString& batchId) {
    if (batchId != m_model->batchId())
        m_pendingSelect.clear();
    m_model->setBatch(batchId);
}

void ItemsPanel::applyFilters() {
    m_pendingSelect.clear();
    m_model->setFilter(m_type->currentData().toString(), m_search->text());
    m_model->setErrorFilter(m_errorClass->currentData().toString(), m_message->text());
}

void ItemsPanel::selectItem(const QString& customId) {
    m_pendingSelect = customId;
    trySelectPending();
}

void ItemsPanel::trySelectPending() {
    if (m_pendingSelect.isEmpty())
        return;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->rowAt(row)->customId == m_pendingSelect) {
            m_pendingSelect.clear();
            const QModelIndex index = m_model->index(row, 0);
            m_view->setCurrentIndex(index);
            m_view->selectRow(row);
            m_view->scrollTo(index);
            return;
        }
    }
    if (m_model->canFetchMore(QModelIndex()))
        m_model->fetchMore(QModelIndex());
    // else: still loading (pageLoaded comes back here), or not among the items: forgotten then.
    else if (!m_model->isLoading())
        m_pendingSelect.clear();
}

QString ItemsPanel::detailText() const {
    return m_detail->toPlainText();
}

void ItemsPanel::showCurrent() {
    ++m_generation;
    const QModelIndex current = m_view->currentIndex();
    const ResultRow* r = current.isValid() ? m_model->rowAt(current.row()) : nullptr;
    if (!r || !m_worker) {
        m_shown.clear();
        m_detail->clear();
        return;
    }
    const ResultRow row = *r;
    const int generation = m_generation;
    m_worker->run<QString>(
        this,
        [row](Ledger& ledger) {
            std::optional<QByteArray> line;
            if (!ResultStore(ledger).lineOf(row.batchId, row.customId, &line))
                return ledger.lastError();
            return ItemText::describe(row, line);
        },
        [this, generation, id = row.customId](QString text) {
            if (generation != m_generation)
                return;
            m_shown = id;
            m_detail->setPlainText(text);
            Q_EMIT itemShown(id);
        },
        LedgerWorker::Lane::Interactive); // the user waits for it
}

} // namespace bs::ui
