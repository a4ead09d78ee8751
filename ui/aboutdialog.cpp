#include "aboutdialog.h"

#include "core/appinfo.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace bs::ui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("AboutDialog"));
    setWindowTitle(tr("About Batchscope"));

    m_body = QStringLiteral("<h2>Batchscope %1</h2><p>").arg(AppInfo::version()) +
             tr("A desktop console for Anthropic's Message Batches API: validate, submit, watch, "
                "account and retry batch workloads.") +
             QStringLiteral("</p><p>") +
             tr("License: GNU General Public License, version 3 or later (GPL-3.0-or-later).") +
             QStringLiteral("</p><p>") +
             tr("Built with Qt %1, running on Qt %2.")
                 .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())) +
             QStringLiteral("</p>");

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/batchscope.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto* text = new QLabel(m_body, this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setMinimumWidth(380);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

QString AboutDialog::bodyText() const {
    return m_body;
}

} // namespace bs::ui
