#pragma once

#include "intake/tokencalibrator.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace bs {
class ConsoleSession;
}

namespace bs::ui {

// Under the Submit dialog's estimate: a button that asks count_tokens for a sample of the
// file's requests (through the session's API connection, off the GUI thread) and a line that
// says what came of it. calibrated() hands the per-model ratios to the dialog, which reads the
// file again with them.
class CalibrationBar : public QWidget {
    Q_OBJECT

public:
    CalibrationBar(const QString& path, bs::ConsoleSession* session, QWidget* parent = nullptr);

    // The button is offered when the file is valid and the console is connected to the API.
    void setAvailable(bool available);
    bool isCalibrating() const { return m_running; }

public Q_SLOTS:
    void calibrate();

Q_SIGNALS:
    void calibrated(const QHash<QString, bs::JsonlScanner::Options::InputRatio>& ratios);

private:
    void onFinished(const QString& path, const bs::TokenCalibrator::Result& result);

    QString m_path;
    QPointer<bs::ConsoleSession> m_session;
    QPushButton* m_button = nullptr;
    QLabel* m_note = nullptr;
    bool m_available = false;
    bool m_running = false;
};

} // namespace bs::ui
