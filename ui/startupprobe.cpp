#include "startupprobe.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

namespace bs::ui {

void StartupProbe::installIfAsked(QMainWindow* window) {
    if (!qEnvironmentVariableIsSet("BS_STARTUP_PROBE"))
        return;
    new StartupProbe(window, qgetenv("BS_STARTUP_PROBE"));
}

StartupProbe::StartupProbe(QMainWindow* window, const QByteArray& mode)
    : QObject(window)
    , m_window(window)
    , m_mode(mode) {
    m_clock.start();
    window->installEventFilter(this);
    if (auto* table = window->findChild<QAbstractItemView*>(QStringLiteral("batchTable"))) {
        m_viewport = table->viewport();
        m_viewport->installEventFilter(this);
    }
}

void StartupProbe::report(const char* what) {
    std::printf("%s %lld\n", what, static_cast<long long>(m_clock.elapsed()));
    std::fflush(stdout);
}

bool StartupProbe::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::Paint)
        return false;
    if (watched == m_window && !m_frame) {
        m_frame = true;
        report("first-frame");
        if (m_mode == "frame")
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    } else if (watched == m_viewport && !m_rows) {
        auto* table = qobject_cast<QAbstractItemView*>(m_viewport->parent());
        if (table && table->model() && table->model()->rowCount() > 0) {
            m_rows = true;
            report("first-rows");
            if (m_mode == "rows")
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
    }
    return false;
}

} // namespace bs::ui
