#pragma once

#include <QElapsedTimer>
#include <QObject>

class QMainWindow;

namespace bs::ui {

// Test hook (tests/README.md, "Test hooks"): with BS_STARTUP_PROBE set, the console prints on
// standard output "first-frame <ms>" when its window is first painted and "first-rows <ms>" when
// the batch table is first painted with rows (ms since the QApplication was made), for
// bench_console. BS_STARTUP_PROBE=frame quits after the first frame, =rows after the first rows.
// Production never sets it.
class StartupProbe : public QObject {
    Q_OBJECT

public:
    static void installIfAsked(QMainWindow* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit StartupProbe(QMainWindow* window, const QByteArray& mode);
    void report(const char* what);

    QMainWindow* m_window;
    QObject* m_viewport = nullptr;
    QByteArray m_mode;
    QElapsedTimer m_clock;
    bool m_frame = false;
    bool m_rows = false;
};

} // namespace bs::ui
