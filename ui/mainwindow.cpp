#include "mainwindow.h"

#include "aboutdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

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
           "line, splits the file to fit the API limits and estimates the cost before anything "
           "is sent.") +
        QStringLiteral("</p><p>") +
        tr("Or choose File → Open JSONL… (%1).")
            .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)) +
        QStringLiteral("</p>"));
    setCentralWidget(m_placeholder);

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

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About Batchscope"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
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
    statusBar()->showMessage(tr("Selected %1").arg(QFileInfo(path).fileName()));
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
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(geometryKey(), saveGeometry());
    settings.setValue(stateKey(), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    event->accept();
}

} // namespace bs::ui
