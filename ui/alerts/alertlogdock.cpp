#include "alertlogdock.h"

#include "alertlogfilter.h"
#include "alertlogmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace bs::ui {

AlertLogDock::AlertLogDock(QWidget* parent)
    : QDockWidget(tr("Alert Log"), parent) {
    setObjectName(QStringLiteral("alertLogDock"));
    m_model = new AlertLogModel(this);
    m_filter = new AlertLogFilter(this);
    m_filter->setSourceModel(m_model);

    auto* body = new QWidget(this);
    m_severity = new QComboBox(body);
    m_severity->setObjectName(QStringLiteral("alertSeverityFilter"));
    m_severity->addItem(tr("All severities"), 0);
    m_severity->addItem(tr("Warnings and critical"), 1);
    m_severity->addItem(tr("Critical only"), 2);
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumSeverity(m_severity->currentData().toInt()); });
    m_text = new QLineEdit(body);
    m_text->setObjectName(QStringLiteral("alertTextFilter"));
    m_text->setPlaceholderText(tr("Filter alerts by rule, batch id or text"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, m_filter, &AlertLogFilter::setText);

    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("alertLogTable"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertLogModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // batch ids; a message keeps its end (the cost)
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // The message is the widest: last, stretched (the delivery before it).
    m_view->horizontalHeader()->moveSection(AlertLogModel::Message, AlertLogModel::Delivery);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& i) {
        const QString id = i.data(AlertLogModel::BatchIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT batchActivated(id);
    });
    connect(m_model, &AlertLogModel::refreshed, this, [this] {
        if (m_fitted || m_model->rowCount() == 0)
            return;
        m_fitted = true;
        m_view->resizeColumnsToContents();
        // Batch ids and delivery notes are long: their middle is elided (the tooltip has them
        // whole) so that the message keeps the room.
        const int chars = m_view->fontMetrics().averageCharWidth();
        m_view->setColumnWidth(AlertLogModel::Subject,
                               qMin(m_view->columnWidth(AlertLogModel::Subject), chars * 20));
        m_view->setColumnWidth(AlertLogModel::Delivery,
                               qMin(m_view->columnWidth(AlertLogModel::Delivery), chars * 22));
    });

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_severity);
    bar->addWidget(m_text, 1);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(body);
}

void AlertLogDock::setWorker(LedgerWorker* worker) {
    m_model->setWorker(worker);
}

} // namespace bs::ui
