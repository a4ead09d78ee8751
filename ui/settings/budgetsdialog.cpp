#include "budgetsdialog.h"

#include "budgettablemodel.h"
#include "cost/money.h"
#include "cost/pricebook.h"
#include "intake/sortedtableview.h"
#include "ledger/ledger.h"
#include "ledger/ledgernotifier.h"
#include "ledger/ledgerworker.h"
#include "ledger/settingsstore.h"
#include "settings/profilebox.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace bs::ui {

namespace {
// What one load answers: the gate's lines and the price table's model ids (for the form).
struct Loaded {
    QList<BudgetGate::Line> lines;
    QList<BudgetGate::Line> profileLines; // the chosen profile's figures (same budgets)
    QString profile;
    QStringList models;
    QString error;
};
} // namespace

BudgetsDialog::BudgetsDialog(LedgerWorker* worker, QWidget* parent)
    : QDialog(parent)
    , m_worker(worker)
    , m_model(new BudgetTableModel(this)) {
    setObjectName(QStringLiteral("budgetsDialog"));
    setWindowTitle(tr("Budgets"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Submissions are checked against these budgets before anything is sent: spent (ingested "
           "results of the current UTC period) plus in flight (the worst case of batches not yet "
           "ingested) plus the file may not pass the limit. Every change is logged in the "
           "ledger."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* profileRow = new QHBoxLayout;
    m_profileBox = new ProfileBox(this);
    m_profileBox->setObjectName(QStringLiteral("budgetProfile"));
    m_profileBox->setWorker(worker);
    auto* profileNote = new QLabel(
        tr("The budgets are global: the gate counts the batches of every profile. The last two "
           "columns show what the chosen profile's batches spent (each batch counted on the day "
           "it ended; a batch of several models only under the all-model budgets) and what its "
           "drafts hold in flight."),
        this);
    profileNote->setObjectName(QStringLiteral("budgetProfileNote"));
    profileNote->setWordWrap(true);
    profileRow->addWidget(new QLabel(tr("Profile:"), this));
    profileRow->addWidget(m_profileBox);
    profileRow->addWidget(profileNote, 1);
    layout->addLayout(profileRow);
    connect(m_profileBox, &ProfileBox::profileChanged, this, [this] { reload(); });

    m_view = makeSortedTableView(m_model, BudgetTableModel::RawRole, QStringLiteral("budgetTable"),
                                 this);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);

    auto* form = new QGroupBox(tr("Add or change a budget"), this);
    auto* fl = new QFormLayout(form);
    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("budgetName"));
    m_name->setPlaceholderText(tr("e.g. daily-usd"));
    fl->addRow(tr("&Name:"), m_name);
    m_kind = new QComboBox(form);
    m_kind->setObjectName(QStringLiteral("budgetKind"));
    m_kind->addItem(tr("US dollars"), int(BudgetSetting::Kind::Usd));
    m_kind->addItem(tr("Input tokens"), int(BudgetSetting::Kind::InputTokens));
    fl->addRow(tr("&Limits:"), m_kind);
    m_period = new QComboBox(form);
    m_period->setObjectName(QStringLiteral("budgetPeriod"));
    m_period->addItem(tr("Per UTC day"), int(BudgetSetting::Period::Day));
    m_period->addItem(tr("Per UTC month"), int(BudgetSetting::Period::Month));
    fl->addRow(tr("&Period:"), m_period);
    m_modelId = new QComboBox(form);
    m_modelId->setObjectName(QStringLiteral("budgetModel"));
    m_modelId->setEditable(true);
    m_modelId->addItem(tr("All models"), QString());
    fl->addRow(tr("&Model:"), m_modelId);
    m_limit = new QLineEdit(form);
    m_limit->setObjectName(QStringLiteral("budgetLimit"));
    m_limit->setPlaceholderText(tr("e.g. 25 or 12.50 (USD), 1000000 (tokens)"));
    fl->addRow(tr("L&imit:"), m_limit);
    auto* buttons = new QHBoxLayout;
    m_save = new QPushButton(tr("&Save Budget"), form);
    m_save->setObjectName(QStringLiteral("saveBudget"));
    m_remove = new QPushButton(tr("&Remove Selected"), form);
    m_remove->setObjectName(QStringLiteral("removeBudget"));
    m_remove->setEnabled(false);
    buttons->addWidget(m_save);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    fl->addRow(buttons);
    layout->addWidget(form);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("budgetStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    layout->addWidget(m_status);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(box);

    connect(m_save, &QPushButton::clicked, this, &BudgetsDialog::saveForm);
    connect(m_remove, &QPushButton::clicked, this, &BudgetsDialog::removeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { fillForm(current); });
    // Spend, reservations or budgets changed (this console, the CLI, an ingestion): read again,
    // once for a burst of changes (an ingestion commits many chunks).
    m_reloadSoon = new QTimer(this);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(250);
    connect(m_reloadSoon, &QTimer::timeout, this, &BudgetsDialog::reload);
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            [this](LedgerNotifier::Change, const QStringList&, const QString& path) {
                if (m_worker && path == m_worker->path() && !m_reloadSoon->isActive())
                    m_reloadSoon->start();
            });
    resize(1100, 560);
    reload();
}

void BudgetsDialog::reload() {
    if (!m_worker)
        return;
    const QString profile = m_profileBox->profile();
    m_worker->run<Loaded>(
        this,
        [profile](Ledger& ledger) {
            Loaded out;
            const PriceBook prices = PriceBook::load();
            const QDateTime now = QDateTime::currentDateTimeUtc();
            BudgetGate gate(ledger, prices);
            out.lines = gate.evaluate({}, now).lines;
            out.profile = profile;
            out.profileLines = gate.evaluate({}, now, profile).lines;
            out.error = ledger.lastError();
            out.models = prices.modelIds();
            return out;
        },
        [this](Loaded loaded) {
            if (loaded.profile != m_profileBox->profile())
                return; // the profile changed meanwhile: its own read follows
            m_model->setLines(loaded.lines, loaded.profileLines, loaded.profile);
            if (m_modelId->count() == 1)
                for (const QString& id : loaded.models)
                    m_modelId->addItem(id, id);
            if (!loaded.error.isEmpty())
                showError(tr("The budgets cannot be read: %1").arg(loaded.error));
            m_remove->setEnabled(false);
            Q_EMIT this->loaded();
        });
}

void BudgetsDialog::setProfile(const QString& profile) {
    m_profileBox->setProfile(profile); // profileChanged() reloads when it changes
}

QString BudgetsDialog::profile() const {
    return m_profileBox->profile();
}

bool BudgetsDialog::formBudget(BudgetSetting* budget, QString* why) const {
    budget->name = m_name->text().trimmed();
    if (budget->name.isEmpty()) {
        *why = tr("Give the budget a name.");
        return false;
    }
    budget->kind = BudgetSetting::Kind(m_kind->currentData().toInt());
    budget->period = BudgetSetting::Period(m_period->currentData().toInt());
    const QString model = m_modelId->currentText().trimmed();
    budget->model = model == m_modelId->itemText(0) ? QString() : model;
    const QString limit = m_limit->text().trimmed();
    if (budget->kind == BudgetSetting::Kind::Usd) {
        if (!parseMoney(limit, &budget->limitMicros)) {
            *why = tr("\"%1\" is not an amount of US dollars: write e.g. 25 or 12.50 (at most six "
                      "decimals, no sign).")
                       .arg(limit);
            return false;
        }
    } else {
        bool ok = false;
        budget->limitMicros = limit.toLongLong(&ok);
        if (!ok || budget->limitMicros < 0) {
            *why = tr("\"%1\" is not a number of tokens (0 or more).").arg(limit);
            return false;
        }
    }
    return true;
}

void BudgetsDialog::saveForm() {
    BudgetSetting budget;
    QString why;
    if (!formBudget(&budget, &why)) {
        showError(why);
        Q_EMIT saved(why);
        return;
    }
    write([budget](Ledger& ledger) { return SettingsStore(ledger).setBudget(budget); });
}

void BudgetsDialog::removeSelected() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString name =
        current.siblingAtColumn(BudgetTableModel::Name).data(BudgetTableModel::RawRole).toString();
    write([name](Ledger& ledger) { return SettingsStore(ledger).removeBudget(name); });
}

void BudgetsDialog::write(std::function<bool(Ledger&)> change) {
    if (!m_worker)
        return;
    m_save->setEnabled(false);
    m_worker->run<QString>(
        this,
        [change](Ledger& ledger) {
            return change(ledger)
                       ? QString()
                       : (ledger.lastError().isEmpty() ? QStringLiteral("?") : ledger.lastError());
        },
        [this](QString error) {
            m_save->setEnabled(true);
            if (error.isEmpty())
                m_status->setText(tr("Saved. The gate checks the next submission against it."));
            else
                showError(tr("The budget was not changed: %1").arg(error));
            reload();
            Q_EMIT saved(error);
        });
}

void BudgetsDialog::fillForm(const QModelIndex& proxyIndex) {
    m_remove->setEnabled(proxyIndex.isValid());
    if (!proxyIndex.isValid())
        return;
    const QString name = proxyIndex.siblingAtColumn(BudgetTableModel::Name)
                             .data(BudgetTableModel::RawRole)
                             .toString();
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    const BudgetGate::Line& l = m_model->lines().at(row);
    m_name->setText(l.budget);
    m_kind->setCurrentIndex(m_kind->findData(int(l.kind)));
    m_period->setCurrentIndex(qMax(0, m_period->findData(int(l.period))));
    if (l.model.isEmpty())
        m_modelId->setCurrentIndex(0);
    else
        m_modelId->setCurrentText(l.model);
    m_limit->setText(l.kind == BudgetSetting::Kind::Usd
                         ? formatMoney(l.limit).mid(1) // "$12.500000" -> "12.500000"
                         : QString::number(l.limit));
}

void BudgetsDialog::showError(const QString& text) {
    m_status->setText(
        QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(text.toHtmlEscaped()));
}

} // namespace bs::ui
