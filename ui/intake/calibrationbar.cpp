#include "calibrationbar.h"

#include "monitor/consolesession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace bs::ui {

CalibrationBar::CalibrationBar(const QString& path, ConsoleSession* session, QWidget* parent)
    : QWidget(parent)
    , m_path(path)
    , m_session(session) {
    m_button = new QPushButton(tr("Ca&librate with count_tokens"), this);
    m_button->setObjectName(QStringLiteral("calibrate"));
    m_button->setToolTip(
        tr("Counts the input tokens of a few requests per model with the API's count_tokens "
           "(up to %1 each, spread through the file; nothing is created or billed) and scales "
           "the local estimate by what it says.")
            .arg(TokenCalibrator::kSamplePerModel));
    m_note = new QLabel(tr("Input tokens are estimated locally (characters / 4)."), this);
    m_note->setObjectName(QStringLiteral("calibrationNote"));
    m_note->setWordWrap(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, &CalibrationBar::calibrate);
    if (session)
        connect(session, &ConsoleSession::calibrationFinished, this, &CalibrationBar::onFinished);
    setAvailable(false);
}

void CalibrationBar::setAvailable(bool available) {
    m_available = available;
    m_button->setEnabled(available && !m_running);
}

void CalibrationBar::calibrate() {
    if (!m_session || !m_available || m_running)
        return;
    m_running = true;
    m_button->setEnabled(false);
    m_note->setText(tr("Asking count_tokens for a sample of the requests…"));
    m_session->calibrateFile(m_path);
}

void CalibrationBar::onFinished(const QString& path, const TokenCalibrator::Result& result) {
    if (path != m_path || !m_running)
        return;
    m_running = false;
    m_button->setEnabled(m_available);
    if (!result.ok) {
        m_note->setText(result.message.isEmpty()
                            ? tr("The estimate stays local: count_tokens calibrated no model.")
                            : result.message);
        return;
    }
    int sampled = 0;
    for (const TokenCalibrator::ModelSample& m : result.models)
        sampled += m.sampled;
    QString text =
        tr("Input tokens calibrated with count_tokens on %n sampled request(s).", nullptr, sampled);
    if (!result.message.isEmpty())
        text += QLatin1Char(' ') + result.message; // the models left local, and why
    m_note->setText(text);
    Q_EMIT calibrated(result.ratios());
}

} // namespace bs::ui
