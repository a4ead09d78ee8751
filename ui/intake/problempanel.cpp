#include "problempanel.h"

#include "problemtablemodel.h"
#include "sortedtableview.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace bs::ui {

ProblemPanel::ProblemPanel(const QString& path, QWidget* parent)
    : QWidget(parent)
    , m_path(path) {
    m_problems = new ProblemTableModel(this);
    m_view = makeSortedTableView(m_problems, ProblemTableModel::SortRole,
                                 QStringLiteral("problemTable"), this);
    m_view->sortByColumn(ProblemTableModel::Line, Qt::AscendingOrder);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                auto* proxy = static_cast<QSortFilterProxyModel*>(m_view->model());
                showLine(proxy->mapToSource(current).row());
            });
    m_note = new QLabel(tr("Select a problem to see its line."), this);
    m_note->setObjectName(QStringLiteral("lineNote"));
    m_note->setWordWrap(true);
    m_line = new QPlainTextEdit(this);
    m_line->setObjectName(QStringLiteral("lineView"));
    m_line->setReadOnly(true);
    m_line->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* lineBox = new QWidget(this);
    auto* lineLayout = new QVBoxLayout(lineBox);
    lineLayout->setContentsMargins(0, 0, 0, 0);
    lineLayout->addWidget(m_note);
    lineLayout->addWidget(m_line, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(lineBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connect(&m_reading, &QFutureWatcher<LineReader::Excerpt>::finished, this,
            &ProblemPanel::onLineRead);
}

ProblemPanel::~ProblemPanel() {
    m_reading.cancel();
}

void ProblemPanel::setProblems(const QList<JsonlScanner::Problem>& problems) {
    m_problems->setProblems(problems);
    m_view->resizeColumnToContents(ProblemTableModel::Line);
    m_view->resizeColumnToContents(ProblemTableModel::Severity);
    m_view->resizeColumnToContents(ProblemTableModel::Field);
}

void ProblemPanel::selectFirst() {
    if (m_view->model()->rowCount() > 0)
        m_view->setCurrentIndex(m_view->model()->index(0, 0));
}

void ProblemPanel::showLine(int problemRow) {
    if (problemRow < 0 || problemRow >= m_problems->problems().size())
        return;
    const JsonlScanner::Problem& p = m_problems->problems().at(problemRow);
    m_reading.cancel();
    if (p.line <= 0) {
        m_note->setText(tr("This is about the file as a whole."));
        m_line->clear();
        Q_EMIT lineShown();
        return;
    }
    const QLocale locale;
    m_heading = p.column > 0 ? tr("Line %1, column %2:").arg(locale.toString(p.line)).arg(p.column)
                             : tr("Line %1:").arg(locale.toString(p.line));
    m_column = p.column;
    m_note->setText(m_heading + QLatin1Char(' ') + tr("reading…"));
    m_reading.setFuture(QtConcurrent::run(&LineReader::read, m_path, p.line, p.column));
}

void ProblemPanel::onLineRead() {
    if (m_reading.isCanceled() || m_reading.future().resultCount() == 0)
        return;
    const LineReader::Excerpt e = m_reading.result();
    const QLocale locale;
    if (!e.error.isEmpty()) {
        m_note->setText(tr("The line cannot be read: %1").arg(e.error));
        m_line->clear();
    } else if (!e.found) {
        m_note->setText(tr("The file has changed since it was checked: the line is not "
                           "there any more. Check the file again."));
        m_line->clear();
    } else {
        m_line->setPlainText(e.text);
        QString note = m_heading;
        if (e.cutBefore || e.cutAfter)
            note += QStringLiteral(" ") +
                    tr("(a line of %1: characters %2 to %3 are shown)")
                        .arg(locale.formattedDataSize(e.lineBytes, 1, QLocale::DataSizeSIFormat))
                        .arg(e.firstColumn)
                        .arg(e.firstColumn + e.text.size() - 1);
        m_note->setText(note);
        // The column, when the scanner knew it: marked and scrolled to.
        QList<QTextEdit::ExtraSelection> marks;
        if (m_column >= e.firstColumn && m_column - e.firstColumn < e.text.size()) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(m_line->document());
            mark.cursor.setPosition(int(m_column - e.firstColumn));
            mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
            mark.format.setBackground(QColor(0xff, 0xc8, 0x57));
            mark.format.setForeground(Qt::black);
            marks << mark;
            QTextCursor at(m_line->document());
            at.setPosition(int(m_column - e.firstColumn));
            m_line->setTextCursor(at);
            m_line->ensureCursorVisible();
        }
        m_line->setExtraSelections(marks);
    }
    Q_EMIT lineShown();
}

} // namespace bs::ui
