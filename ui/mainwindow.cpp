#include "mainwindow.h"

#include "aboutdialog.h"
#include "batches/batchactions.h"
#include "batches/batchdetails.h"
#include "batches/batchfilterproxy.h"
#include "batches/batchtablemodel.h"
#include "batches/itemspanel.h"
#include "batches/itemtablemodel.h"
#include "batches/progressdelegate.h"
#include "dashboard/spenddock.h"
#include "intake/submitdialog.h"
#include "reconcile/reconciliationdialog.h"
#include "settings/settingsactions.h"

#include "api/apierror.h"
#include "core/redactor.h"
#include "cost/money.h"
#include "monitor/consolesession.h"
#include "monitor/ingestrecords.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

namespace bs::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Batchscope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/batchscope.svg")));
    setAcceptDrops(true);

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(32);
    m_placeholder->setText(
        QStringLiteral("<h2>") + tr("Drop a JSONL file here to start") +
        QStringLiteral("</h2><p>") +
        tr("One request per line: {\"custom_id\": …, \"params\": {…}}. Batchscope checks every "
           "line, shows how the file will be split to fit the API limits, what it will cost per "
           "model and what it adds to your budgets, before anything is sent.") +
        QStringLiteral("</p><p>") +
        tr("Or choose File → Open JSONL… (%1).")
            .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)) +
        QStringLiteral("</p>"));

    m_batchModel = new BatchTableModel(this);
    m_batchProxy = new BatchFilterProxy(this);
    m_batchProxy->setBatchModel(m_batchModel);
    m_batchPage = createBatchPage();

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_batchPage);
    setCentralWidget(m_pages);
    connect(m_batchModel, &BatchTableModel::refreshed, this, &MainWindow::updateSummary);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_monitoring = new QLabel(this);
    m_monitoring->setObjectName(QStringLiteral("monitoring"));
    for (QLabel* label : {m_summary, m_monitoring}) {
        label->setFrameStyle(QFrame::StyledPanel | QFrame::Sunken);
        label->setContentsMargins(4, 0, 4, 0);
        statusBar()->addPermanentWidget(label);
    }

    createActions();
    statusBar()->showMessage(tr("Ready"));
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createBatchPage() {
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("batchPage"));

    m_statusFilter = new QComboBox(page);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    const QList<std::pair<BatchFilterProxy::StatusFilter, QString>> filters{
        {BatchFilterProxy::StatusFilter::All, tr("All batches")},
        {BatchFilterProxy::StatusFilter::InProgress, tr("In progress")},
        {BatchFilterProxy::StatusFilter::Ended, tr("Ended")},
        {BatchFilterProxy::StatusFilter::NeedsAttention, tr("Needs attention")},
        {BatchFilterProxy::StatusFilter::Gone, tr("Gone or deleted")},
    };
    for (const auto& [filter, label] : filters)
        m_statusFilter->addItem(label, QVariant::fromValue(int(filter)));
    m_statusFilter->setToolTip(tr("Needs attention: errored or expired items, unpriced results, "
                                  "or results not ingested yet."));
    m_filterText = new QLineEdit(page);
    m_filterText->setObjectName(QStringLiteral("filterText"));
    m_filterText->setPlaceholderText(tr("Filter by batch id or source file (Ctrl+F)"));
    m_filterText->setClearButtonEnabled(true);
    auto* focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, m_filterText,
            [this] { m_filterText->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusFilter);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_batchProxy->setStatusFilter(
            BatchFilterProxy::StatusFilter(m_statusFilter->currentData().toInt()));
    });
    connect(m_filterText, &QLineEdit::textChanged, m_batchProxy, &BatchFilterProxy::setText);

    m_batchView = new QTableView(page);
    m_batchView->setObjectName(QStringLiteral("batchTable"));
    m_batchView->setModel(m_batchProxy);
    m_batchView->setSortingEnabled(true);
    m_batchView->sortByColumn(BatchTableModel::Created, Qt::DescendingOrder);
    m_batchView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_batchView->setAlternatingRowColors(true);
    m_batchView->setWordWrap(false);
    m_batchView->setTextElideMode(Qt::ElideMiddle);
    m_batchView->verticalHeader()->hide();
    m_batchView->setItemDelegateForColumn(BatchTableModel::Progress,
                                          new ProgressDelegate(m_batchView));
    QHeaderView* header = m_batchView->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setContextMenuPolicy(Qt::CustomContextMenu);

    // Column chooser: the same menu under View and on the header.
    m_columnsMenu = new QMenu(tr("&Columns"), this);
    m_columnsMenu->setObjectName(QStringLiteral("columnsMenu"));
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &MainWindow::fillColumnsMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this](const QPoint& at) {
        m_columnsMenu->popup(m_batchView->horizontalHeader()->mapToGlobal(at));
    });

    m_copyId = new QAction(tr("&Copy Batch ID"), this);
    m_copyId->setObjectName(QStringLiteral("actionCopyBatchId"));
    m_copyId->setShortcut(QKeySequence::Copy);
    m_copyId->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyId, &QAction::triggered, this, &MainWindow::copyBatchIds);
    m_batchView->addAction(m_copyId);
    m_batchView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_batchView, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        m_actions->fillContextMenu(&menu);
        menu.exec(m_batchView->viewport()->mapToGlobal(at));
    });

    // Details of the selected batch, below the table.
    m_details = new BatchDetails(page);
    auto* tabs = m_detailTabs = new QTabWidget(page);
    tabs->setObjectName(QStringLiteral("detailTabs"));
    tabs->addTab(m_details, tr("Overview"));
    m_itemsPanel = new ItemsPanel(tabs);
    m_items = m_itemsPanel->model();
    tabs->addTab(m_itemsPanel, tr("Items"));
    const auto showCurrent = [this] {
        const QModelIndex current = m_batchView->currentIndex();
        const QString id =
            current.isValid() ? current.data(BatchTableModel::BatchIdRole).toString() : QString();
        if (id == m_details->batchId())
            return;
        m_details->showBatch(id);
        m_itemsPanel->setBatch(id);
    };
    connect(m_batchView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            showCurrent);
    // A write-ahead draft's row becomes its batch's row in place (no new current row): the
    // details follow it.
    connect(m_batchView->model(), &QAbstractItemModel::dataChanged, this, showCurrent);
    m_splitter = new QSplitter(Qt::Vertical, page);
    m_splitter->setObjectName(QStringLiteral("batchSplitter"));
    m_splitter->addWidget(m_batchView);
    m_splitter->addWidget(tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_statusFilter);
    m_settings = new SettingsActions(this, m_batchProxy);
    bar->addWidget(m_settings->profileFilter());
    bar->addWidget(m_filterText, 1);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);
    return page;
}

void MainWindow::focusBatch(const QString& batchId, bool items, const QString& itemId) {
    m_focus = {batchId.trimmed(), items || !itemId.isEmpty(), itemId};
    applyPendingFocus();
}

void MainWindow::applyPendingFocus() {
    if (m_focus.batchId.isEmpty())
        return;
    const auto find = [this] {
        for (int row = 0; row < m_batchProxy->rowCount(); ++row) {
            const QModelIndex index = m_batchProxy->index(row, 0);
            if (index.data(BatchTableModel::BatchIdRole).toString() == m_focus.batchId)
                return index;
        }
        return QModelIndex();
    };
    QModelIndex index = find();
    if (!index.isValid() && m_batchModel->rowCount() > 0 &&
        (m_statusFilter->currentIndex() != 0 || !m_filterText->text().isEmpty())) {
        // Hidden by a remembered filter: show every batch.
        m_statusFilter->setCurrentIndex(0);
        m_filterText->clear();
        index = find();
    }
    if (!index.isValid())
        return; // not loaded yet: updateSummary() calls again when rows come
    const Focus focus = std::exchange(m_focus, Focus());
    m_selectedFirst = true;
    m_batchView->setCurrentIndex(index);
    m_batchView->selectRow(index.row());
    m_batchView->scrollTo(index);
    if (focus.items)
        m_detailTabs->setCurrentWidget(m_itemsPanel);
    if (!focus.itemId.isEmpty())
        m_itemsPanel->selectItem(focus.itemId);
}

void MainWindow::fillColumnsMenu() {
    m_columnsMenu->clear();
    QHeaderView* header = m_batchView->horizontalHeader();
    int visible = 0;
    for (int c = 0; c < BatchTableModel::ColumnCount; ++c)
        visible += header->isSectionHidden(c) ? 0 : 1;
    for (int c = 0; c < BatchTableModel::ColumnCount; ++c) {
        QAction* a = m_columnsMenu->addAction(
            m_batchModel->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        a->setObjectName(QStringLiteral("column%1").arg(c));
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(header->isSectionHidden(c) || visible > 1); // never hide the last one
        connect(a, &QAction::toggled, this,
                [this, c](bool on) { m_batchView->horizontalHeader()->setSectionHidden(c, !on); });
    }
}

void MainWindow::copyBatchIds() {
    QStringList ids;
    const QModelIndexList rows = m_batchView->selectionModel()
                                     ? m_batchView->selectionModel()->selectedRows()
                                     : QModelIndexList();
    for (const QModelIndex& i : rows)
        ids << i.data(BatchTableModel::BatchIdRole).toString();
    if (ids.isEmpty() && m_batchView->currentIndex().isValid())
        ids << m_batchView->currentIndex().data(BatchTableModel::BatchIdRole).toString();
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("Copied %n batch ID(s).", nullptr, int(ids.size())), 3000);
}

void MainWindow::createActions() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* open = fileMenu->addAction(tr("&Open JSONL…"), this, &MainWindow::openJsonl);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu")); // the alert log and tray items join it
    m_refresh = viewMenu->addAction(tr("&Refresh Now"), this, &MainWindow::refreshNow);
    m_refresh->setObjectName(QStringLiteral("actionRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setEnabled(false);
    viewMenu->addMenu(m_columnsMenu);
    m_spend = SpendDock::install(this, viewMenu);
    viewMenu
        ->addAction(tr("Re&conciliation…"), this,
                    [this] {
                        auto* d = new ReconciliationDialog(
                            m_session ? m_session->ledgerPath() : QString(),
                            m_session ? m_session->baseUrl() : QUrl(), this);
                        d->setAttribute(Qt::WA_DeleteOnClose);
                        d->show();
                    })
        ->setObjectName(QStringLiteral("actionReconciliation"));

    m_actions = new BatchActions(m_batchView, m_batchModel, this);
    m_actions->setWindowActions(open, m_copyId, m_refresh);
    m_actions->setItemsView(m_itemsPanel->view(), m_items);
    menuBar()->addMenu(m_actions->menu());
    addToolBar(m_actions->toolBar());
    connect(m_actions, &BatchActions::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 15000); });

    menuBar()->addMenu(m_settings->menu());
    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About Batchscope"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::attachSession(ConsoleSession* session) {
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    // The model reads through the session's ledger worker: no SQL on this thread.
    m_batchModel->setWorker(session ? session->worker() : nullptr);
    m_details->setWorker(session ? session->worker() : nullptr);
    m_itemsPanel->setWorker(session ? session->worker() : nullptr);
    m_spend->setWorker(session ? session->worker() : nullptr);
    m_actions->setSession(session);
    m_settings->setWorker(session ? session->worker() : nullptr);
    if (!session)
        return;
    connect(session, &ConsoleSession::monitoringStarted, this, [this] {
        m_refresh->setEnabled(true);
        m_monitoring->setText(tr("Watching %1").arg(m_session->baseUrl().host()));
        m_monitoring->setToolTip(Redactor::redactUrl(m_session->baseUrl()));
    });
    // Last and next poll beside the connection, from each cycle's report.
    connect(session, &ConsoleSession::cycleFinished, this, [this](const Poller::CycleReport& r) {
        if (!m_session)
            return;
        const QLocale locale;
        m_monitoring->setText(
            tr("Watching %1 · last poll %2 · next %3")
                .arg(m_session->baseUrl().host(),
                     locale.toString(QTime::currentTime(), QStringLiteral("HH:mm:ss")),
                     tr("in %1").arg(BatchTableModel::durationText(r.nextIntervalMs / 1000))));
        if (!r.ok)
            m_monitoring->setText(m_monitoring->text() + QStringLiteral(" · ") +
                                  tr("last poll failed"));
    });
    connect(session, &ConsoleSession::monitoringUnavailable, this,
            &MainWindow::showMonitoringProblem);
    connect(session, &ConsoleSession::pollFailed, this, &MainWindow::onPollFailed);
    connect(session, &ConsoleSession::ingestionDone, this, &MainWindow::onIngestionDone);
    m_monitoring->setText(session->isMonitoring() ? tr("Watching %1").arg(session->baseUrl().host())
                                                  : tr("Not watching"));
}

void MainWindow::refreshNow() {
    if (m_session && m_session->isMonitoring()) {
        m_session->refreshNow();
        statusBar()->showMessage(tr("Refreshing…"), 3000);
    }
}

void MainWindow::updateSummary() {
    const BatchTableModel::Summary s = m_batchModel->summary();
    // Drafts being sent are rows too: the first submission shows the table at once.
    const bool any = s.batches > 0 || m_batchModel->rowCount() > 0;
    m_pages->setCurrentWidget(any ? static_cast<QWidget*>(m_batchPage)
                                  : static_cast<QWidget*>(m_placeholder));
    if (!any) {
        m_summary->clear();
        return;
    }
    applyPendingFocus();
    if (!m_selectedFirst && !m_batchView->currentIndex().isValid() &&
        m_batchProxy->rowCount() > 0) {
        // Something to show below the table from the start: the first (newest) batch.
        m_selectedFirst = true;
        m_batchView->setCurrentIndex(m_batchProxy->index(0, 0));
        m_batchView->selectRow(0);
    }
    if (m_fitColumns) {
        // First rows and no remembered layout: columns as wide as what they show.
        m_fitColumns = false;
        m_batchView->resizeColumnsToContents();
        // Batch ids are long and alike: their middle is elided rather than the dates pushed
        // off the window.
        m_batchView->setColumnWidth(BatchTableModel::Id,
                                    qMin(m_batchView->columnWidth(BatchTableModel::Id),
                                         m_batchView->fontMetrics().averageCharWidth() * 26));
    }
    QStringList parts;
    parts << tr("%n batch(es)", nullptr, s.batches);
    if (s.unfinished > 0)
        parts << tr("%n in progress", nullptr, s.unfinished);
    if (s.awaitingIngest > 0)
        parts << tr("%n awaiting results", nullptr, s.awaitingIngest);
    if (s.errored > 0)
        parts << tr("%n failed item(s)", nullptr, int(qMin<qint64>(s.errored, INT_MAX)));
    parts << tr("spent %1").arg(formatMoney(s.spent, 2));
    if (s.unpriced > 0)
        parts << tr("%n unpriced result(s)", nullptr, int(qMin<qint64>(s.unpriced, INT_MAX)));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::showMonitoringProblem(const QString& message) {
    m_refresh->setEnabled(false);
    m_monitoring->setText(tr("Not watching"));
    m_monitoring->setToolTip(message);
    statusBar()->showMessage(message);
}

void MainWindow::onPollFailed(const ApiError& error) {
    statusBar()->showMessage(
        Redactor::redact(tr("Could not refresh the batches: %1").arg(error.toString())), 15000);
}

void MainWindow::onIngestionDone(const IngestReport& report) {
    // Short, beside the totals; a failure says in full what to do.
    const QString message = report.isComplete()
                                ? tr("Results of %1 stored: %n line(s), %2.", nullptr,
                                     int(qMin<qint64>(report.lines, INT_MAX)))
                                      .arg(report.batchId, formatMoney(report.costMicros, 2))
                                : report.errorMessage;
    statusBar()->showMessage(Redactor::redact(message), 15000);
}

void MainWindow::openJsonl() {
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open JSONL file"), start,
                                     tr("JSON Lines (*.jsonl *.ndjson *.json);;All files (*)"));
    if (!path.isEmpty())
        acceptFile(path);
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::openFile(const QString& path) {
    acceptFile(QFileInfo(path).absoluteFilePath());
}

void MainWindow::bringToFront() {
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::acceptFile(const QString& path) {
    statusBar()->showMessage(tr("Checking %1…").arg(QFileInfo(path).fileName()), 5000);
    auto* dialog = new SubmitDialog(path, m_session, this);
    dialog->show();
    Q_EMIT jsonlFileChosen(path);
}

QString MainWindow::jsonlPathFrom(const QMimeData* mime) {
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return {};
    return urls.first().toLocalFile();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!jsonlPathFrom(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event) {
    // Must accept here too, or the drop is refused after the first move.
    if (!jsonlPathFrom(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = jsonlPathFrom(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    acceptFile(path);
}

void MainWindow::restoreLayout() {
    QSettings settings;
    const QByteArray geometry = settings.value(geometryKey()).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1100, 720);
    restoreState(settings.value(stateKey()).toByteArray());
    const QByteArray header = settings.value(batchHeaderKey()).toByteArray();
    m_fitColumns = header.isEmpty() || !m_batchView->horizontalHeader()->restoreState(header);
    if (m_fitColumns) {
        // The first layout: the request total beside the status, the rarely needed ones hidden.
        QHeaderView* h = m_batchView->horizontalHeader();
        h->moveSection(h->visualIndex(BatchTableModel::Requests),
                       h->visualIndex(BatchTableModel::Status) + 1);
        h->setSectionHidden(BatchTableModel::Lineage, true);
        h->moveSection(h->visualIndex(BatchTableModel::Progress),
                       h->visualIndex(BatchTableModel::Status) + 1);
    }
    const int status = m_statusFilter->findData(settings.value(statusFilterKey(), 0).toInt());
    m_statusFilter->setCurrentIndex(qMax(0, status));
    m_filterText->setText(settings.value(filterTextKey()).toString());
    m_splitter->restoreState(settings.value(splitterKey()).toByteArray());
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(geometryKey(), saveGeometry());
    settings.setValue(stateKey(), saveState());
    settings.setValue(batchHeaderKey(), m_batchView->horizontalHeader()->saveState());
    settings.setValue(statusFilterKey(), m_statusFilter->currentData().toInt());
    settings.setValue(filterTextKey(), m_filterText->text());
    settings.setValue(splitterKey(), m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    event->accept();
}

} // namespace bs::ui
