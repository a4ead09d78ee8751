#include "consolealerts.h"

#include "alertlogdock.h"
#include "mainwindow.h"
#include "tray/batchselector.h"
#include "tray/traypresenter.h"

#include "alerts/notificationcenter.h"
#include "alerts/slacksink.h"
#include "core/preferences.h"
#include "ledger/ledgerworker.h"
#include "metrics/consolemetrics.h"
#include "monitor/consolesession.h"
#include "secrets/secretstore.h"

#include <QAction>
#include <QLoggingCategory>
#include <QMenu>
#include <QSettings>

Q_LOGGING_CATEGORY(lcConsoleAlerts, "batchscope.alerts.console")

namespace bs::ui {

ConsoleAlerts::ConsoleAlerts(MainWindow* window, ConsoleSession* session, QObject* parent)
    : QObject(parent) {
    m_center = new NotificationCenter(session->worker(), this);
    m_tray = new TrayPresenter(window, m_center, this);

    m_dock = new AlertLogDock(window);
    m_dock->setWorker(session->worker());
    // The window restored its layout before the dock existed: the dock takes its remembered
    // place and visibility; on a first run it shows at the bottom.
    if (!window->restoreDockWidget(m_dock)) {
        window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
        m_dock->show(); // added after the window was shown: it does not show on its own
        // A strip of a few rows: the batches, their details and items keep most of the window.
        window->resizeDocks({m_dock}, {window->height() / 5}, Qt::Vertical);
    }
    if (auto* view = window->findChild<QMenu*>(QStringLiteral("viewMenu"))) {
        QAction* toggle = m_dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionAlertLog"));
        toggle->setText(tr("&Alert Log"));
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        view->insertAction(m_tray->keepInTrayAction(), toggle);
    }
    connect(m_dock, &AlertLogDock::batchActivated, window,
            [window](const QString& id) { BatchSelector::select(window, id); });

    // Slack: the webhook is looked for first (asynchronously); evaluation starts once it is
    // known, so that what the first evaluation claims is delivered there too.
    m_slack = new SlackSink(this);
    // Test hook (tests/README.md): RetryPolicy::timeScale for the Slack retries.
    const double scale = qEnvironmentVariable("BS_TEST_SLACK_TIME_SCALE").toDouble();
    if (scale > 0)
        m_slack->retryPolicy().timeScale = scale;
    m_center->setSlackSink(m_slack);
    m_center->markSince(); // before the lookup: what ends from now on is announced
    m_secrets = new SecretStore(this);
    m_secrets->findSlackWebhook(this, [this](const SecretStore::Result& r) {
        if (r.isOk()) {
            const QUrl url(r.secret, QUrl::StrictMode);
            if (url.isValid() && !url.host().isEmpty())
                m_slack->setWebhookUrl(url);
            else
                qCWarning(lcConsoleAlerts) << "The Slack webhook URL is not a URL; alerts go to "
                                              "the alert log only.";
        } else if (!r.isNotFound()) {
            qCWarning(lcConsoleAlerts).noquote() << r.message;
        }
        m_center->start();
    });

    m_metrics = new ConsoleMetrics(this);
    connect(session, &ConsoleSession::cycleFinished, this, [this](const Poller::CycleReport& r) {
        const bool refused = r.error.kind == ApiError::Kind::Http &&
                             (r.error.httpStatus == 401 || r.error.httpStatus == 403);
        m_center->setApiObservation(r.ok, refused, r.error.toString());
        m_metrics->recordCycle(r.ok, ApiError::kindName(r.error.kind));
    });
    connect(m_metrics, &ConsoleMetrics::failed, this,
            [](const QString& why) { qCWarning(lcConsoleAlerts).noquote() << why; });
    connect(m_metrics, &ConsoleMetrics::serving, this, [](const QUrl& url) {
        qCInfo(lcConsoleAlerts).noquote() << "metrics at" << url.toString();
    });
    // Started once the worker has opened (created, migrated) the ledger: its jobs run after.
    session->worker()->run<bool>(
        this, [](Ledger&) { return true; },
        [this, path = session->ledgerPath()](bool) {
            QSettings settings;
            m_metrics->start(path, Preferences::metricsEnabled(settings), QHostAddress::LocalHost,
                             quint16(Preferences::metricsPort(settings)),
                             Preferences::statsdTarget(settings));
        });
}

ConsoleAlerts::~ConsoleAlerts() = default;

} // namespace bs::ui
