#pragma once

#include "alerts/notification.h"

#include <QIcon>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QSystemTrayIcon;

namespace bs {
class NotificationCenter;
}

namespace bs::ui {

class MainWindow;

// Shows what NotificationCenter posts: a balloon of the system tray icon where a tray exists;
// where none does (offscreen, a bare Xvfb) the notification is still recorded here (shown(),
// shownCount()), so nothing is lost and tests can count them. The tray icon's tooltip and badge
// (the icon with the number of batches in flight painted on it, red when items failed or a
// budget is used up) follow the center's status. Clicking a balloon (activate()) brings the
// window up and selects that batch, its details below the table.
//
// Closing the window can keep the console running in the tray (keepInTrayKey, default off; a
// checkable item of the View menu until the settings dialog takes it).
class TrayPresenter : public QObject {
    Q_OBJECT

public:
    TrayPresenter(MainWindow* window, NotificationCenter* center, QObject* parent = nullptr);
    ~TrayPresenter() override;

    static QString keepInTrayKey() { return QStringLiteral("Tray/keepRunningInTray"); }

    bool hasTray() const { return m_tray != nullptr; }
    QSystemTrayIcon* trayIcon() const { return m_tray; }
    QAction* keepInTrayAction() const { return m_keepInTray; }
    // Every notification presented (shown in the tray or recorded without one), oldest first.
    const QList<Notification>& shown() const { return m_shown; }
    int shownCount() const { return int(m_shown.size()); }
    QString toolTip() const { return m_toolTip; }
    QIcon icon() const { return m_icon; }

    // The tooltip text and the badge picture for a status (pure, for tests and the screenshot).
    static QString toolTipFor(const NotificationStatus& status);
    static QImage badgeImage(const QIcon& base, const NotificationStatus& status, int size);

public Q_SLOTS:
    void present(const bs::Notification& notification);
    // What clicking a notification does: the window up, the batch selected (the last one shown
    // when batchId is empty). False: no such batch in the table.
    bool activate(const QString& batchId = QString());

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateStatus(const bs::NotificationStatus& status);
    void quit();

    QPointer<MainWindow> m_window;
    NotificationCenter* m_center;
    QSystemTrayIcon* m_tray = nullptr;
    QAction* m_keepInTray = nullptr;
    QIcon m_base;
    QIcon m_icon;
    QString m_toolTip;
    QList<Notification> m_shown;
    QString m_lastBatchId; // the batch of the balloon on screen
    bool m_quitting = false;
    bool m_saidInTray = false;
};

} // namespace bs::ui
