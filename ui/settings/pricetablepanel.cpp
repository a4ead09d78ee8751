#include "pricetablepanel.h"

#include "cost/money.h"
#include "cost/pricebook.h"
#include "intake/sortedtableview.h"
#include "ledger/ledgerworker.h"
#include "monitor/repricer.h"
#include "pricediffmodel.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace bs::ui {

PriceTablePanel::PriceTablePanel(LedgerWorker* worker, QWidget* parent)
    : QWidget(parent)
    , m_worker(worker)
    , m_diffs(new PriceDiffModel(this)) {
    setObjectName(QStringLiteral("pricePanel"));
    auto* layout = new QVBoxLayout(this);
    m_source = new QLabel(
        tr("Prices come from the built-in table, overridden by %1 when it exists. Choose a file "
           "in the same format (resources/pricing.json): its models replace or add to the "
           "built-in ones.")
            .arg(QDir::toNativeSeparators(PriceBook::userOverridePath())),
        this);
    m_source->setWordWrap(true);
    layout->addWidget(m_source);
    auto* row = new QHBoxLayout;
    auto* choose = new QPushButton(tr("&Choose File…"), this);
    choose->setObjectName(QStringLiteral("choosePriceFile"));
    m_apply = new QPushButton(tr("&Apply This Table"), this);
    m_apply->setObjectName(QStringLiteral("applyPrices"));
    m_apply->setEnabled(false);
    m_reprice = new QPushButton(tr("&Reprice Unpriced Results"), this);
    m_reprice->setObjectName(QStringLiteral("repriceResults"));
    m_reprice->setEnabled(worker != nullptr);
    row->addWidget(choose);
    row->addWidget(m_apply);
    row->addWidget(m_reprice);
    row->addStretch();
    layout->addLayout(row);
    auto* view = makeSortedTableView(m_diffs, PriceDiffModel::RawRole,
                                     QStringLiteral("priceDiffTable"), this);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("priceStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText); // showStatus() escapes what it shows
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(choose, &QPushButton::clicked, this, &PriceTablePanel::chooseFile);
    connect(m_apply, &QPushButton::clicked, this, &PriceTablePanel::apply);
    connect(m_reprice, &QPushButton::clicked, this, &PriceTablePanel::reprice);
    connect(&m_watcher, &QFutureWatcher<Check>::finished, this, [this] {
        const Check c = m_watcher.result();
        m_diffs->setDiffs(c.diffs);
        m_apply->setEnabled(c.ok);
        showStatus(c.message, !c.ok);
        Q_EMIT checked(c.ok, c.message);
    });
}

PriceTablePanel::~PriceTablePanel() {
    m_watcher.waitForFinished(); // a check reads one small file: never long
}

QString PriceTablePanel::statusText() const {
    return m_status->text();
}

void PriceTablePanel::showStatus(const QString& text, bool error) {
    m_status->setText(
        error ? QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(text.toHtmlEscaped())
              : text.toHtmlEscaped());
}

void PriceTablePanel::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Price Table"), QString(),
                                                      tr("Price tables (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

PriceTablePanel::Check PriceTablePanel::check(const QString& path) {
    Check c;
    QString error;
    const auto file = PriceBook::fromFile(path, &error, PriceBook::Require::ModelsOnly);
    if (!file) {
        c.message = tr("This price table was not applied: %1").arg(error);
        return c;
    }
    const PriceBook current = PriceBook::load();
    const PriceBook candidate = PriceBook::builtIn().mergedWith(*file);
    c.diffs = PriceDiff::compare(current, candidate);
    c.ok = true;
    c.message = c.diffs.isEmpty()
                    ? tr("%1 is valid and prices every model as the table in use does.")
                          .arg(QFileInfo(path).fileName())
                    : tr("%1 is valid. It changes the prices of %n model(s) (below); Apply to use "
                         "it.",
                         nullptr, int(c.diffs.size()))
                          .arg(QFileInfo(path).fileName());
    return c;
}

void PriceTablePanel::loadFile(const QString& path) {
    m_candidate = path;
    m_apply->setEnabled(false);
    showStatus(tr("Checking %1…").arg(QFileInfo(path).fileName()), false);
    m_watcher.setFuture(QtConcurrent::run(&PriceTablePanel::check, path));
}

void PriceTablePanel::apply() {
    const QString from = m_candidate;
    m_apply->setEnabled(false);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty())
            showStatus(tr("Applied: new results are priced with this table. Results stored as "
                          "unpriced can be repriced now."),
                       false);
        else
            showStatus(error, true);
        Q_EMIT applied(error);
    });
    watcher->setFuture(QtConcurrent::run([from]() -> QString {
        const QString to = PriceBook::userOverridePath();
        QFile in(from);
        if (!in.open(QIODevice::ReadOnly))
            return tr("Cannot read %1: %2").arg(from, in.errorString());
        QDir().mkpath(QFileInfo(to).absolutePath());
        QSaveFile out(to);
        if (!out.open(QIODevice::WriteOnly) || out.write(in.readAll()) < 0 || !out.commit())
            return tr("Cannot write %1: %2").arg(to, out.errorString());
        return QString();
    }));
}

void PriceTablePanel::reprice() {
    if (!m_worker)
        return;
    m_reprice->setEnabled(false);
    m_worker->run<Repricer::Report>(
        this, [](Ledger& ledger) { return Repricer::run(ledger, PriceBook::load()); },
        [this](Repricer::Report report) {
            m_reprice->setEnabled(true);
            QString text;
            if (!report.ok)
                text = report.error;
            else if (report.rows() == 0)
                text = tr("Nothing to reprice: no unpriced result has a price now.");
            else
                text = tr("Repriced %n result(s), adding %1.", nullptr, int(report.rows()))
                           .arg(formatMoney(report.micros()));
            if (report.ok && report.unpricedRows() > 0)
                text += QLatin1Char(' ') +
                        tr("%n result(s) are still unpriced: the table does not know their model.",
                           nullptr, int(report.unpricedRows()));
            showStatus(text, !report.ok);
            Q_EMIT repriced(text);
        });
}

} // namespace bs::ui
