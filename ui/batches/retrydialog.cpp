#include "batches/retrydialog.h"

#include "monitor/retrysubmitter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace bs::ui {

RetryDialog::RetryDialog(const BatchOperations::RetrySummary& summary, QWidget* parent)
    : QDialog(parent)
    , m_summary(summary) {
    setObjectName(QStringLiteral("retryDialog"));
    setWindowTitle(tr("Retry Errored Items"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Batch %1 has %n item(s) waiting to be retried. The checked classes are re-sent as a "
           "new batch with the params stored when they were first sent; this is billed like any "
           "batch.",
           nullptr, int(qMin<qint64>(summary.total(), INT_MAX)))
            .arg(summary.batchId),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const QList<RetryClass> defaults = RetrySubmitter::defaultClasses();
    const QLocale locale;
    for (RetryClass c : kAllRetryClasses) {
        const qint64 n = summary.pending.value(c);
        if (n <= 0)
            continue;
        auto* box =
            new QCheckBox(tr("%1 — %2 item(s)").arg(retryClassLabel(c), locale.toString(n)), this);
        box->setObjectName(QStringLiteral("retryClass_") + retryClassName(c));
        box->setChecked(defaults.contains(c));
        connect(box, &QCheckBox::toggled, this, &RetryDialog::updateButton);
        layout->addWidget(box);
        m_boxes.insert(c, box);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateButton();
}

QList<RetryClass> RetryDialog::chosenClasses() const {
    QList<RetryClass> list;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it)
        if (it.value()->isChecked())
            list.append(it.key());
    return list;
}

qint64 RetryDialog::chosenItems() const {
    qint64 n = 0;
    for (RetryClass c : chosenClasses())
        n += m_summary.pending.value(c);
    return n;
}

void RetryDialog::updateButton() {
    const qint64 n = chosenItems();
    m_ok->setEnabled(n > 0);
    m_ok->setText(tr("Re-send %n item(s)", nullptr, int(qMin<qint64>(n, INT_MAX))));
}

} // namespace bs::ui
