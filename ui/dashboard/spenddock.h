#pragma once

#include <QDockWidget>

class QMainWindow;
class QMenu;

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

class SpendDashboard;

// The spend dashboard as a dock of the main window: toggled from the View menu (Ctrl+2), its
// place and visibility remembered with the window layout (QMainWindow::saveState; objectName
// "spendDock"). Hidden the first time; BS_SHOW_SPEND=1 shows it at start, floating over the
// whole screen (./dev screenshot).
class SpendDock : public QDockWidget {
    Q_OBJECT

public:
    // Creates the dock in `window` and its toggle action in `viewMenu`.
    static SpendDock* install(QMainWindow* window, QMenu* viewMenu);

    explicit SpendDock(QWidget* parent = nullptr);
    SpendDashboard* dashboard() const { return m_dashboard; }
    // Reads through this worker (null: nothing to show).
    void setWorker(bs::LedgerWorker* worker);

private:
    SpendDashboard* m_dashboard = nullptr;
    bool m_sized = false; // given its first docked width in this session
};

} // namespace bs::ui
