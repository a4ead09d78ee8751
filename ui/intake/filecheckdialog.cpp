#include "filecheckdialog.h"

#include "cost/pricebook.h"

#include "problemtablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace bs::ui {

FileCheckDialog::FileCheckDialog(const QString& path, QWidget* parent)
    : QDialog(parent)
    , m_path(path) {
    setObjectName(QStringLiteral("fileCheckDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Check %1").arg(QFileInfo(path).fileName()));
    resize(760, 460);

    m_headline = new QLabel(tr("Reading %1…").arg(QFileInfo(path).fileName()), this);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // the reader reports no position: a busy indicator

    m_problems = new ProblemTableModel(this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_problems);
    proxy->setSortRole(ProblemTableModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("problemTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ProblemTableModel::Line, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->hide();

    m_plan = new QLabel(this);
    m_plan->setObjectName(QStringLiteral("plan"));
    m_plan->setWordWrap(true);
    m_next = new QLabel(this);
    m_next->setObjectName(QStringLiteral("next"));
    m_next->setWordWrap(true);
    m_next->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy Report"), QDialogButtonBox::ActionRole);
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(reportText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_plan);
    layout->addWidget(m_next);
    layout->addStretch(0);
    layout->addWidget(buttons);

    connect(&m_watcher, &QFutureWatcher<Check>::finished, this, [this] {
        m_check = m_watcher.result();
        m_checking = false;
        showCheck();
        Q_EMIT checked();
    });
    // Only the path is captured: the dialog may be closed (and gone) before the read ends.
    m_watcher.setFuture(QtConcurrent::run([path] { return checkFile(path); }));
}

FileCheckDialog::~FileCheckDialog() = default;

FileCheckDialog::Check FileCheckDialog::checkFile(const QString& path) {
    Check check;
    // One pass: problems, split plan and the model checks of the price table.
    const PriceBook prices = PriceBook::load();
    JsonlScanner::Options options;
    options.prices = &prices;
    options.maxProblems = kMaxProblems;
    JsonlScanner scanner(path, options);
    scanner.scan();
    check.valid = scanner.valid();
    check.requests = scanner.requestCount();
    check.problemCount = scanner.problemCount();
    check.errorCount = scanner.errorCount();
    check.problems = scanner.problems();
    if (check.valid)
        check.batches = scanner.batches();
    return check;
}

void FileCheckDialog::showCheck() {
    const QString name = QFileInfo(m_path).fileName();
    const QLocale locale;
    m_progress->hide();
    m_problems->setProblems(m_check.problems);
    m_table->setVisible(!m_check.problems.isEmpty());
    m_table->resizeColumnToContents(ProblemTableModel::Line);
    m_table->resizeColumnToContents(ProblemTableModel::Field);
    m_copy->setEnabled(!m_check.problems.isEmpty());
    if (!m_check.valid) {
        m_headline->setText(tr("%1: %n error(s). Nothing can be sent until they are fixed.",
                               nullptr, int(qMin<qint64>(m_check.errorCount, INT_MAX)))
                                .arg(name));
        if (m_check.problemCount > m_check.problems.size())
            m_plan->setText(
                tr("The first %1 are listed.").arg(locale.toString(m_check.problems.size())));
        else
            m_plan->clear();
        m_next->setText(tr("Fix the lines listed, save the file and drop it here again."));
        return;
    }
    m_headline->setText(
        m_check.problemCount == 0
            ? tr("%1: %n request(s), no problems found.", nullptr,
                 int(qMin<qint64>(m_check.requests, INT_MAX)))
                  .arg(name)
            : tr("%1: %n request(s), no errors; read the warnings and notes listed.", nullptr,
                 int(qMin<qint64>(m_check.requests, INT_MAX)))
                  .arg(name));
    QStringList sizes;
    for (const BatchSplitter::Part& part : m_check.batches)
        sizes << tr("%1 requests (%2)")
                     .arg(locale.toString(part.requests),
                          locale.formattedDataSize(part.bodyBytes, 1, QLocale::DataSizeSIFormat));
    m_plan->setText(tr("It will be sent as %n batch(es): %1.", nullptr, int(m_check.batches.size()))
                        .arg(sizes.join(QStringLiteral(", "))));
    // Submitting from the window (with the estimate and the budget gate) is the next step of
    // the intake work; until then the dialog names the command that does it.
    m_next->setText(tr("To send it: batchscope-cli submit \"%1\"").arg(m_path));
}

QString FileCheckDialog::reportText() const {
    QStringList lines;
    for (const JsonlInput::Problem& p : m_check.problems)
        lines << p.toString(m_path);
    return lines.join(QLatin1Char('\n'));
}

} // namespace bs::ui
