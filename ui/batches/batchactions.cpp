#include "batches/batchactions.h"

#include "batches/batchtablemodel.h"
#include "batches/itemtablemodel.h"
#include "batches/retrydialog.h"

#include "export/exportjob.h"
#include "monitor/consolesession.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace bs::ui {

BatchActions::BatchActions(QTableView* batchView, BatchTableModel* model, QWidget* window)
    : QObject(window)
    , m_view(batchView)
    , m_model(model)
    , m_window(window) {
    setObjectName(QStringLiteral("batchActions"));
    m_retryErrored = make(QStringLiteral("actionRetryErrored"), tr("&Retry Errored…"),
                          QKeySequence(Qt::CTRL | Qt::Key_R), &BatchActions::onRetryErrored);
    m_retryItems =
        make(QStringLiteral("actionRetryItems"), tr("Retry &Selected Items"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), &BatchActions::onRetryItems);
    m_cancel = make(QStringLiteral("actionCancelBatch"), tr("&Cancel Batch"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), &BatchActions::onCancel);
    m_delete = make(QStringLiteral("actionDeleteBatch"), tr("&Delete Batch"),
                    QKeySequence(QKeySequence::Delete), &BatchActions::onDelete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_delete);
    m_ingest = make(QStringLiteral("actionIngestNow"), tr("&Ingest Results Now"),
                    QKeySequence(Qt::CTRL | Qt::Key_I), &BatchActions::onIngest);
    m_attach = make(QStringLiteral("actionAttachSource"), tr("&Attach Source File…"),
                    QKeySequence(), &BatchActions::onAttach);
    m_exportJsonl = make(QStringLiteral("actionExportJsonl"), tr("Export Results as &JSONL…"),
                         QKeySequence(Qt::CTRL | Qt::Key_E), &BatchActions::onExportJsonl);
    m_exportCsv = make(QStringLiteral("actionExportCsv"), tr("Export Results as C&SV…"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &BatchActions::onExportCsv);
    m_retryErrored->setToolTip(tr("Re-send the failed items of the selected batch (asks first)"));
    m_cancel->setToolTip(tr("Ask the API to cancel the selected batch (asks first)"));
    m_delete->setToolTip(tr("Delete the selected ended batch on the server; the ledger keeps "
                            "its results (asks first)"));

    m_menu = new QMenu(tr("&Batch"), window);
    m_menu->setObjectName(QStringLiteral("batchMenu"));
    m_toolBar = new QToolBar(tr("Batches"), window);
    m_toolBar->setObjectName(QStringLiteral("batchToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BatchActions::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BatchActions::updateActions);
    connect(m_model, &BatchTableModel::refreshed, this, &BatchActions::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BatchActions::updateActions);
    updateActions();
}

BatchActions::~BatchActions() = default;

QAction* BatchActions::make(const QString& name, const QString& text, const QKeySequence& shortcut,
                            void (BatchActions::*slot)()) {
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void BatchActions::setWindowActions(QAction* submitFile, QAction* copyId, QAction* refresh) {
    m_submitFile = submitFile;
    m_copyId = copyId;
    m_refresh = refresh;

    m_menu->clear();
    m_menu->addActions({m_retryErrored, m_retryItems});
    m_menu->addSeparator();
    m_menu->addActions({m_cancel, m_delete});
    m_menu->addSeparator();
    m_menu->addActions({m_ingest, m_attach});
    m_menu->addSeparator();
    m_menu->addActions({m_exportJsonl, m_exportCsv});
    m_menu->addSeparator();
    if (m_copyId)
        m_menu->addAction(m_copyId);
    if (m_refresh)
        m_menu->addAction(m_refresh);

    // Submit file… | Retry errored | Cancel | Delete | Export | Refresh
    m_toolBar->clear();
    if (m_submitFile) {
        QAction* submit = m_toolBar->addAction(tr("Submit File…"));
        submit->setObjectName(QStringLiteral("toolSubmitFile"));
        submit->setToolTip(m_submitFile->toolTip());
        connect(submit, &QAction::triggered, m_submitFile, &QAction::trigger);
        m_toolBar->addSeparator();
    }
    m_toolBar->addActions({m_retryErrored, m_cancel, m_delete});
    auto* exportMenu = new QMenu(m_toolBar);
    exportMenu->addActions({m_exportJsonl, m_exportCsv});
    m_exportMenuAction = new QAction(tr("Export"), this);
    m_exportMenuAction->setObjectName(QStringLiteral("toolExport"));
    m_exportMenuAction->setMenu(exportMenu);
    connect(m_exportMenuAction, &QAction::triggered, m_exportCsv, &QAction::trigger);
    m_toolBar->addAction(m_exportMenuAction);
    if (auto* button = qobject_cast<QToolButton*>(m_toolBar->widgetForAction(m_exportMenuAction)))
        button->setPopupMode(QToolButton::MenuButtonPopup);
    if (m_refresh) {
        m_toolBar->addSeparator();
        m_toolBar->addAction(m_refresh);
    }
    // Toolbar buttons show no mnemonic: Qt drops the '&' but not a translation's "(&R)" form
    // (Korean and other CJK menus), which would read "(R)" on the button.
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\s*\\(&[^)]\\)"));
    for (QAction* action : m_toolBar->actions()) {
        if (action->isSeparator())
            continue;
        QString text = action->text();
        text.remove(cjkMnemonic);
        text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        action->setIconText(text);
    }
    updateActions();
}

void BatchActions::setItemsView(QTableView* view, ItemTableModel* model) {
    m_itemsView = view;
    m_items = model;
    view->addAction(m_retryItems);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(m_window);
        menu.addAction(m_retryItems);
        menu.exec(m_itemsView->viewport()->mapToGlobal(at));
    });
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BatchActions::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &BatchActions::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &BatchActions::updateActions);
}

void BatchActions::setSession(ConsoleSession* session) {
    if (m_session && m_session->operations())
        m_session->operations()->disconnect(this);
    m_session = session;
    if (session) {
        connect(session->operations(), &BatchOperations::finished, this, &BatchActions::onFinished);
        connect(session, &ConsoleSession::monitoringStarted, this, &BatchActions::updateActions);
        connect(session, &ConsoleSession::monitoringUnavailable, this,
                &BatchActions::updateActions);
    }
    updateActions();
}

BatchOperations* BatchActions::operations() const {
    return m_session ? m_session->operations() : nullptr;
}

void BatchActions::fillContextMenu(QMenu* menu) const {
    menu->addActions({m_retryErrored, m_cancel, m_delete});
    menu->addSeparator();
    menu->addActions({m_ingest, m_attach, m_exportJsonl, m_exportCsv});
    menu->addSeparator();
    if (m_copyId)
        menu->addAction(m_copyId);
    if (m_refresh)
        menu->addAction(m_refresh);
}

QString BatchActions::currentBatchId() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(BatchTableModel::BatchIdRole).toString() : QString();
}

QStringList BatchActions::selectedBatchIds() const {
    QStringList ids;
    if (m_view->selectionModel())
        for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
            ids << i.data(BatchTableModel::BatchIdRole).toString();
    if (ids.isEmpty() && !currentBatchId().isEmpty())
        ids << currentBatchId();
    return ids;
}

QStringList BatchActions::selectedItemIds() const {
    QStringList ids;
    if (!m_itemsView || !m_items || !m_itemsView->selectionModel())
        return ids;
    for (const QModelIndex& i : m_itemsView->selectionModel()->selectedRows())
        if (const ResultRow* r = m_items->rowAt(i.row());
            r && r->type != QLatin1String("succeeded"))
            ids << r->customId;
    return ids;
}

void BatchActions::updateActions() {
    const BatchTableModel::Row* row = nullptr;
    QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        if (auto* proxy = qobject_cast<QAbstractProxyModel*>(m_view->model()))
            current = proxy->mapToSource(current);
        row = m_model->rowAt(current.row());
    }
    const bool api = m_session && m_session->isMonitoring();
    const bool gone = row && row->record.isOffServer();
    const bool ended = row && row->record.batch.isEnded();
    const bool running =
        row && !gone && row->record.batch.processingStatus == MessageBatch::Status::InProgress;
    const auto& counts = row ? row->record.batch.requestCounts : RequestCounts();
    const bool failed = row && (row->cost.errored + row->cost.expired + row->cost.canceled > 0 ||
                                counts.errored + counts.expired + counts.canceled > 0);
    m_retryErrored->setEnabled(api && ended && failed);
    m_retryItems->setEnabled(api && row && !selectedItemIds().isEmpty());
    m_cancel->setEnabled(api && running);
    m_delete->setEnabled(api && ended && !gone);
    m_ingest->setEnabled(api && ended && !gone);
    m_attach->setEnabled(api && row && row->record.discovered);
    const bool results = row && row->cost.results > 0;
    m_exportJsonl->setEnabled(results && m_session);
    m_exportCsv->setEnabled(results && m_session);
    if (m_exportMenuAction)
        m_exportMenuAction->setEnabled(results && m_session);
}

bool BatchActions::confirm(const QString& title, const QString& text, const QString& okText) {
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("confirmBox"));
    QAbstractButton* ok = box.addButton(okText, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == ok;
}

void BatchActions::onRetryErrored() {
    const QString id = currentBatchId();
    BatchOperations* ops = operations();
    if (id.isEmpty() || !ops)
        return;
    ops->retrySummary(id, this, [this](BatchOperations::RetrySummary summary) {
        BatchOperations* ops = operations();
        if (!ops)
            return;
        if (summary.discovered) {
            Q_EMIT message(tr("Batch %1 was created by another tool: attach its source file "
                              "first (Batch → Attach Source File…).")
                               .arg(summary.batchId));
            return;
        }
        if (summary.total() == 0) {
            Q_EMIT message(
                tr("Batch %1 has no failed items waiting to be retried.").arg(summary.batchId));
            return;
        }
        RetryDialog dialog(summary, m_window);
        if (dialog.exec() != QDialog::Accepted || dialog.chosenClasses().isEmpty())
            return;
        Q_EMIT message(tr("Re-sending %n item(s) of %1…", nullptr,
                          int(qMin<qint64>(dialog.chosenItems(), INT_MAX)))
                           .arg(summary.batchId));
        ops->retryClasses(summary.batchId, dialog.chosenClasses());
    });
}

void BatchActions::onRetryItems() {
    const QString id = m_items ? m_items->batchId() : QString();
    const QStringList items = selectedItemIds();
    BatchOperations* ops = operations();
    if (id.isEmpty() || items.isEmpty() || !ops)
        return;
    if (!confirm(tr("Retry Selected Items"),
                 tr("Re-send %n item(s) of %1 as a new batch? This is billed like any batch.",
                    nullptr, int(items.size()))
                     .arg(id),
                 tr("Re-send")))
        return;
    ops->retryCustomIds(id, items);
}

void BatchActions::onCancel() {
    const QString id = currentBatchId();
    BatchOperations* ops = operations();
    if (id.isEmpty() || !ops)
        return;
    if (!confirm(tr("Cancel Batch"),
                 tr("Cancel batch %1? Requests not yet processed are dropped (not billed); those "
                    "already done keep their results.")
                     .arg(id),
                 tr("Cancel Batch")))
        return;
    ops->cancelBatch(id);
}

void BatchActions::onDelete() {
    const QString id = currentBatchId();
    BatchOperations* ops = operations();
    if (id.isEmpty() || !ops || !m_delete->isEnabled())
        return;
    if (!confirm(tr("Delete Batch"),
                 tr("Delete batch %1 on the server? Its results can no longer be downloaded "
                    "from the API; the ledger keeps what it stored (results, costs, retry "
                    "items).")
                     .arg(id),
                 tr("Delete")))
        return;
    ops->deleteBatch(id);
}

void BatchActions::onIngest() {
    const QString id = currentBatchId();
    if (BatchOperations* ops = operations(); ops && !id.isEmpty())
        ops->ingestNow(id);
}

void BatchActions::onAttach() {
    const QString id = currentBatchId();
    BatchOperations* ops = operations();
    if (id.isEmpty() || !ops)
        return;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Attach the source file of %1").arg(id),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("JSON Lines (*.jsonl *.ndjson *.json);;All files (*)"));
    if (!path.isEmpty())
        ops->attachSourceFile(id, path);
}

void BatchActions::onExportJsonl() {
    askExport(ResultExporter::Format::Jsonl);
}

void BatchActions::onExportCsv() {
    askExport(ResultExporter::Format::Csv);
}

void BatchActions::askExport(ResultExporter::Format format) {
    const QStringList ids = selectedBatchIds();
    if (ids.isEmpty())
        return;
    const bool csv = format == ResultExporter::Format::Csv;
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              QLatin1Char('/') +
                              (ids.size() == 1 ? ids.first() : QStringLiteral("batches")) +
                              (csv ? QStringLiteral(".csv") : QStringLiteral(".jsonl"));
    const QString path = QFileDialog::getSaveFileName(
        m_window, csv ? tr("Export Results as CSV") : tr("Export Results as JSONL"), suggested,
        csv ? tr("CSV (*.csv)") : tr("JSON Lines (*.jsonl)"));
    if (!path.isEmpty())
        exportTo(format, path);
}

void BatchActions::exportTo(ResultExporter::Format format, const QString& path) {
    const QStringList ids = selectedBatchIds();
    if (ids.isEmpty() || !m_session || m_export)
        return;
    m_export = new ExportJob(this);
    m_progress =
        new QProgressDialog(tr("Exporting the results of %n batch(es)…", nullptr, int(ids.size())),
                            tr("Cancel"), 0, 0, m_window);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setWindowTitle(tr("Export"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_export, &ExportJob::cancel);
    connect(m_export, &ExportJob::progress, this, [this](qint64 done, qint64 total) {
        if (!m_progress)
            return;
        // QProgressDialog counts in int: scaled to per mille.
        m_progress->setMaximum(1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(m_export, &ExportJob::finished, this, [this, path](const ResultExporter::Outcome& o) {
        if (m_progress) {
            m_progress->disconnect(this);
            m_progress->close();
            m_progress->deleteLater();
        }
        m_export->deleteLater();
        m_export = nullptr;
        Q_EMIT message(o.ok ? o.summary(path) : o.message);
        Q_EMIT exportFinished(o);
    });
    m_export->start(m_session->ledgerPath(), ids, format, path);
}

void BatchActions::onFinished(const BatchOperations::Result& result) {
    Q_EMIT message(result.message);
    if (!result.ok) {
        // Not modal: nothing waits on the user to read it.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Batchscope"), result.message,
                                    QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("operationFailedBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal);
        box->show();
    }
    Q_EMIT operationFinished(result);
    updateActions();
}

} // namespace bs::ui
