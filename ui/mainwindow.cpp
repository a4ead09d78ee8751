#include "mainwindow.h"

#include "aboutdialog.h"
#include "batches/batchtablemodel.h"
#include "intake/filecheckdialog.h"

#include "api/apierror.h"
#include "core/redactor.h"
#include "cost/money.h"
#include "monitor/consolesession.h"
#include "monitor/ingestrecords.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>

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
           "line and shows how the file will be split to fit the API limits before anything is "
           "sent.") +
        QStringLiteral("</p><p>") +
        tr("Or choose File → Open JSONL… (%1).")
            .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)) +
        QStringLiteral("</p>"));

    m_batchModel = new BatchTableModel(this);
    m_batchProxy = new QSortFilterProxyModel(this);
    m_batchProxy->setSourceModel(m_batchModel);
    m_batchProxy->setSortRole(BatchTableModel::SortRole);
    m_batchView = new QTableView(this);
    m_batchView->setObjectName(QStringLiteral("batchTable"));
    m_batchView->setModel(m_batchProxy);
    m_batchView->setSortingEnabled(true);
    m_batchView->sortByColumn(BatchTableModel::Created, Qt::DescendingOrder);
    m_batchView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_batchView->setAlternatingRowColors(true);
    m_batchView->setWordWrap(false);
    m_batchView->setTextElideMode(Qt::ElideMiddle);
    m_batchView->verticalHeader()->hide();
    m_batchView->horizontalHeader()->setSectionsMovable(true);
    m_batchView->horizontalHeader()->setStretchLastSection(true);
    m_batchView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_batchView);
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
    m_refresh = viewMenu->addAction(tr("&Refresh Now"), this, &MainWindow::refreshNow);
    m_refresh->setObjectName(QStringLiteral("actionRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setEnabled(false);

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
    if (!session)
        return;
    connect(session, &ConsoleSession::monitoringStarted, this, [this] {
        m_refresh->setEnabled(true);
        m_monitoring->setText(tr("Watching %1").arg(m_session->baseUrl().host()));
        m_monitoring->setToolTip(Redactor::redactUrl(m_session->baseUrl()));
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
    m_pages->setCurrentWidget(s.batches > 0 ? static_cast<QWidget*>(m_batchView)
                                            : static_cast<QWidget*>(m_placeholder));
    if (s.batches == 0) {
        m_summary->clear();
        return;
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

void MainWindow::acceptFile(const QString& path) {
    statusBar()->showMessage(tr("Checking %1…").arg(QFileInfo(path).fileName()), 5000);
    auto* dialog = new FileCheckDialog(path, this);
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
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(geometryKey(), saveGeometry());
    settings.setValue(stateKey(), saveState());
    settings.setValue(batchHeaderKey(), m_batchView->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    event->accept();
}

} // namespace bs::ui
