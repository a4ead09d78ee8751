#include "reconciliationdialog.h"

#include "reconciletablemodel.h"

#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace bs::ui {

ReconciliationDialog::ReconciliationDialog(const QString& ledgerPath, const QUrl& baseUrl,
                                           QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("reconciliationDialog"));
    setWindowTitle(tr("Reconciliation with Anthropic"));
    resize(820, 420);

    m_since = new QDateEdit(QDateTime::currentDateTimeUtc().date().addDays(-6), this);
    m_since->setObjectName(QStringLiteral("reconcileSince"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_refresh = new QPushButton(tr("&Reconcile"), this);
    m_refresh->setObjectName(QStringLiteral("reconcileRefresh"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("From (UTC):"), this));
    top->addWidget(m_since);
    top->addWidget(m_refresh);
    top->addStretch();

    m_model = new ReconcileTableModel(this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(ReconcileTableModel::RawRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("reconcileTable"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ReconcileTableModel::Day, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ReconcileTableModel::Model,
                                                     QHeaderView::Stretch);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reconcileStatus"));
    m_status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    ApiConfig config = ApiConfig::fromEnvironment();
    if (baseUrl.isValid())
        config.baseUrl = baseUrl;
    m_thread = new QThread; // not the dialog's child: it may outlive the dialog (see below)
    m_thread->setObjectName(QStringLiteral("reconciliation"));
    m_worker = new Reconciliation(ledgerPath, config);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Reconciliation::finished, this,
            [this](const ReconcileRows& rows, Reconciliation::Failure f, const QString& e, int) {
                showResult(rows, f, e);
            });
    connect(m_refresh, &QPushButton::clicked, this, &ReconciliationDialog::refresh);
    m_thread->start();
    refresh();
}

ReconciliationDialog::~ReconciliationDialog() {
    // Never joined on the GUI thread: the worker and the thread delete themselves once its
    // event loop has ended (a pending keychain read, query or request first runs out).
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->quit();
}

void ReconciliationDialog::refresh() {
    m_refresh->setEnabled(false);
    m_status->setText(tr("Fetching Anthropic's cost report…"));
    const QDate since = m_since->date();
    Reconciliation* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, since] { worker->run(since); }, Qt::QueuedConnection);
}

void ReconciliationDialog::showResult(const ReconcileRows& rows, Reconciliation::Failure failure,
                                      const QString& error) {
    m_refresh->setEnabled(true);
    if (failure != Reconciliation::Failure::None) {
        m_status->setText(error);
        Q_EMIT reconciled();
        return;
    }
    m_model->setRows(rows);
    const int flagged = m_model->flaggedCount();
    m_status->setText(rows.isEmpty() ? tr("Nothing to compare: no batch spend in this period.")
                      : flagged ? tr("%n row(s) differ by more than 1 %: check the price table.",
                                     nullptr, flagged)
                                : tr("The ledger and Anthropic agree on every row."));
    Q_EMIT reconciled();
}

} // namespace bs::ui
