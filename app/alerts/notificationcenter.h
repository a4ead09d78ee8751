#pragma once

#include "alerts/notification.h"
#include "ledger/alertstate.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;

namespace bs {

class LedgerWorker;
class SlackSink;

// The one place where the console's desktop notifications come from. It runs, on the ledger
// worker (no SQL on the GUI thread), what `batchscope-cli watch` runs after each cycle: the
// alert rules of AlertEngine (budget thresholds, errored share, expiry, archive, unpriced
// models), plus the console's own rules (ConsoleRules: a batch ended, failed items appeared).
// What fires is claimed in the ledger's alert state in one transaction, so a restart of the
// console, another console or a `watch` on the same ledger never announces it again; each
// claimed alert becomes one notificationPosted() here, and its desktop delivery is written to
// the alert log. Showing it (tray balloon, or only recording it where no tray exists) is the
// presenter's part (ui/tray/TrayPresenter).
//
// It evaluates when start()ed, after each change of the ledger's batches, results or settings
// (coalesced: one evaluation runs at a time, the next one covers what changed meanwhile) and
// every minute (time-based rules: expiry, archive).
class NotificationCenter : public QObject {
    Q_OBJECT

public:
    explicit NotificationCenter(LedgerWorker* worker, QObject* parent = nullptr);
    ~NotificationCenter() override;

    // Whether the presenter can show notifications (a system tray exists): written with each
    // alert this console claims as its desktop delivery outcome.
    void setDesktopAvailable(bool available) { m_desktop = available; }
    bool isDesktopAvailable() const { return m_desktop; }

    // A Slack sink (living on this thread) that the alerts this console claims are also
    // delivered to when it is configured: they are claimed as delivery Pending, and the sink's
    // outcome (attempts, note) is written to the alert log on the ledger worker. Null: none.
    void setSlackSink(SlackSink* sink);
    SlackSink* slackSink() const;
    // What the console's last poll cycle said of the API (`batchscope-cli watch` does the same):
    // the api_down rule (unreachable or key refused for alerts/api_down_minutes) is evaluated
    // from then on; the outage's start is kept in the ledger (alerts/api_problem) as watch does.
    void setApiObservation(bool ok, bool keyRefused, const QString& detail);

    // Records, as the first job on the worker, since when this ledger's consoles notify (when
    // not set yet): call before anything that delays start() (the webhook lookup).
    void markSince();

    // Starts evaluating (the worker's ledger may still be opening: the job waits for it).
    void start();
    // One evaluation as soon as the one running (if any) has answered.
    void evaluateNow();

    // Every notification this center posted, oldest first.
    const QList<Notification>& posted() const { return m_posted; }
    NotificationStatus status() const { return m_status; }
    // Evaluations answered so far (tests wait for the next one).
    int evaluations() const { return m_evaluations; }
    QString lastError() const { return m_lastError; }

    // The delivery notes the alert log keeps for this sink (the alert log view translates them).
    static QString desktopShownNote() { return QStringLiteral("desktop"); }
    static QString desktopRecordedNote() { return QStringLiteral("desktop-no-tray"); }
    // A short title for a rule's notification.
    static QString titleFor(const QString& rule);

Q_SIGNALS:
    void notificationPosted(const bs::Notification& notification);
    void statusChanged(const bs::NotificationStatus& status);
    void evaluated();

private:
    struct Answer {
        bool ok = false;
        QString error;
        QList<AlertState::Fired> fired;
        NotificationStatus status;
    };
    struct ApiObservation {
        bool known = false;
        bool ok = true;
        bool refused = false;
        QString detail;
    };
    void run();
    void onAnswer(const Answer& answer);
    void onSlackFinished(qint64 alertId, bool delivered, int attempts, const QString& note);

    QPointer<LedgerWorker> m_worker;
    QTimer* m_debounce = nullptr;
    QTimer* m_periodic = nullptr;
    bool m_running = false;
    bool m_again = false;
    bool m_desktop = false;
    int m_evaluations = 0;
    QList<Notification> m_posted;
    NotificationStatus m_status;
    QString m_lastError;
    QPointer<SlackSink> m_sink;
    ApiObservation m_api;
};

} // namespace bs
