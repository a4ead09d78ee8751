// The console's notifications and alert log against a real batchscope-sim, a real SQLite ledger
// and the real `batchscope-cli watch`: each notification fires once per (rule, subject, period)
// across a restart of the console and a watcher on the same ledger; activating one selects its
// batch; the alert log dock equals the ledger's alert rows. Offscreen there is no system tray:
// the presenter records what it would show (shown()), which is what is counted.
#include "alerts/alertlogdock.h"
#include "alerts/alertlogfilter.h"
#include "alerts/alertlogmodel.h"
#include "alerts/consolealerts.h"
#include "alerts/consolerules.h"
#include "alerts/notificationcenter.h"
#include "api/apiclient.h"
#include "batches/batchdetails.h"
#include "batches/batchtablemodel.h"
#include "core/appinfo.h"
#include "ingesttesthelpers.h"
#include "ledger/alertlog.h"
#include "ledger/ledger.h"
#include "ledger/settingsstore.h"
#include "mainwindow.h"
#include "monitor/consolesession.h"
#include "simprocess.h"
#include "tray/traypresenter.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::ui;

namespace {

QString keyOf(const QString& rule, const QString& subject) {
    return rule + QLatin1Char('/') + subject;
}

QStringList keysOf(const QList<Notification>& list) {
    QStringList out;
    for (const Notification& n : list)
        out << keyOf(n.rule, n.subject);
    return out;
}

QList<AlertRecord> ledgerAlerts(const QString& path) {
    // Read on this thread with a connection of the test's own (the guard is off meanwhile).
    Ledger::setMainThreadGuard(false);
    QList<AlertRecord> list;
    {
        Ledger ledger;
        if (ledger.open(path))
            list = AlertLog(ledger).recent({}, AlertLogModel::kLimit);
    }
    Ledger::setMainThreadGuard(true);
    return list;
}

// One console as main() puts it together: window, session, alerts.
struct Console {
    MainWindow window;
    ConsoleSession session;
    std::unique_ptr<ConsoleAlerts> alerts;
    std::unique_ptr<QAbstractItemModelTester> tester;

    explicit Console(const QString& path) {
        // In main()'s order: the window is up before the session's ledger is opened.
        window.show();
        session.openLedger(path);
        window.attachSession(&session);
        alerts = std::make_unique<ConsoleAlerts>(&window, &session);
        tester = std::make_unique<QAbstractItemModelTester>(
            alerts->dock()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.startMonitoring();
    }
    ~Console() { window.attachSession(nullptr); }
    TrayPresenter* tray() const { return alerts->tray(); }
    NotificationCenter* center() const { return alerts->center(); }
    // One more evaluation, answered (it would have posted anything still unclaimed).
    bool settle() {
        const int before = center()->evaluations();
        center()->evaluateNow();
        return QTest::qWaitFor([&] { return center()->evaluations() > before; }, 30000);
    }
};

} // namespace

class TestNotifications : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::SimProcess m_sim;
    QString m_ledger;
    QByteArray m_watchOutput;
    int m_violations = 0;

    std::optional<MessageBatch> endedBatch(int requests) {
        ApiClient client(test::simConfig(m_sim.baseUrl()));
        client.setRetryPolicy(test::fastRetryPolicy());
        QString error;
        Ledger::setMainThreadGuard(false);
        auto batch =
            test::createAndWaitEnded(client, m_ledger, test::makeRequests(requests), &error);
        Ledger::setMainThreadGuard(true);
        if (!batch)
            qWarning("%s", qPrintable(error));
        return batch;
    }

    // `batchscope-cli watch --once` on the same ledger (no Slack: the alert log only).
    QByteArray watchOnce() {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ANTHROPIC_API_KEY"), test::SimProcess::fakeKey());
        env.remove(QStringLiteral("BATCHSCOPE_SLACK_WEBHOOK_URL"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BS_CLI_PATH),
                {QStringLiteral("--base-url"), m_sim.baseUrl().toString(),
                 QStringLiteral("--ledger"), m_ledger, QStringLiteral("watch"),
                 QStringLiteral("--once")});
        // The event loop runs meanwhile (the console open beside it keeps working).
        QSignalSpy done(&p, &QProcess::finished);
        if (!done.wait(120000))
            p.kill();
        p.waitForFinished(10000);
        const QByteArray out = p.readAllStandardOutput() + p.readAllStandardError();
        m_watchOutput += out;
        return p.exitCode() == 0 ? out : QByteArray("FAILED ") + out;
    }

    // The (rule/subject) of the alert lines a watch printed.
    static QStringList watchAlertKeys(const QByteArray& out) {
        QStringList keys;
        for (const QByteArray& line : out.split('\n')) {
            const int at = line.indexOf("Z alert [");
            if (at < 0)
                continue;
            // "... alert [severity] rule subject: message"
            const QList<QByteArray> words = line.mid(line.indexOf(']', at) + 2).split(' ');
            if (words.size() >= 2)
                keys << QString::fromUtf8(words[0] + '/' + words[1]).remove(QLatin1Char(':'));
        }
        return keys;
    }

private Q_SLOTS:
    void initTestCase() {
        AppInfo::applyToApplication();
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        QVERIFY2(
            m_sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--seed"),
                         QStringLiteral("7"), QStringLiteral("--error-rate"), QStringLiteral("0.3"),
                         QStringLiteral("--quiet")}),
            qPrintable(m_sim.errorString()));
        m_ledger = m_dir.filePath(QStringLiteral("ledger.sqlite"));
        {
            Ledger ledger;
            QVERIFY2(ledger.open(m_ledger), qPrintable(ledger.lastError()));
            // Any spend uses this budget up: its 100 % threshold fires (50 and 80 held quietly).
            QVERIFY(SettingsStore(ledger).setBudget(
                {QStringLiteral("tiny"), 1, BudgetSetting::Period::Total}));
        }
        qputenv("ANTHROPIC_BASE_URL", m_sim.baseUrl().toString().toUtf8());
        qputenv("ANTHROPIC_API_KEY", test::SimProcess::fakeKey().toUtf8());
        Ledger::setMainThreadGuard(true);
        m_violations = Ledger::mainThreadViolations();
    }

    void cleanupTestCase() {
        QCOMPARE(Ledger::mainThreadViolations(), m_violations); // no SQL on the GUI thread
        Ledger::setMainThreadGuard(false);
        qunsetenv("ANTHROPIC_BASE_URL");
        qunsetenv("ANTHROPIC_API_KEY");
    }

    // A batch ends and spends past the budget with the console open; the console is restarted;
    // a second batch is ingested by `watch --once` with the console closed, then the console
    // comes back, and a watcher runs beside it. Each (rule, subject) is announced exactly once,
    // by the console or by the watcher, never both; the console's notifications count one per
    // batch end and one per threshold crossing.
    void onceAcrossRestartsAndWatchers() {
        const auto a = endedBatch(20);
        QVERIFY(a);
        QList<Notification> all; // what the consoles presented, over every session
        QStringList watched;     // what the watchers announced

        {
            Console c(m_ledger);
            QTRY_VERIFY_WITH_TIMEOUT(
                keysOf(c.tray()->shown()).contains(keyOf(ConsoleRules::batchEndedRule(), a->id)),
                90000);
            QTRY_VERIFY_WITH_TIMEOUT(
                keysOf(c.tray()->shown()).contains(QStringLiteral("budget/tiny@100")), 30000);
            QVERIFY(c.settle());
            QVERIFY(!c.center()->isDesktopAvailable()); // offscreen: recorded, "logged only"
            all += c.tray()->shown();
            // The presenter shows what the center posted, nothing more, nothing less.
            QCOMPARE(keysOf(c.tray()->shown()), keysOf(c.center()->posted()));
        }
        {
            Console restarted(m_ledger);
            QTRY_VERIFY_WITH_TIMEOUT(restarted.center()->evaluations() >= 1, 30000);
            QTRY_VERIFY_WITH_TIMEOUT(restarted.session.isMonitoring(), 30000);
            QVERIFY(restarted.settle());
            QVERIFY2(restarted.tray()->shown().isEmpty(),
                     qPrintable(keysOf(restarted.tray()->shown()).join(QLatin1Char(','))));
        }

        // A second batch, ingested by a watcher while no console runs.
        const auto b = endedBatch(20);
        QVERIFY(b);
        QByteArray out = watchOnce();
        QVERIFY2(!out.startsWith("FAILED"), out.constData());
        watched += watchAlertKeys(out);
        QVERIFY2(!watched.contains(QStringLiteral("budget/tiny@100")), out.constData());

        {
            Console back(m_ledger);
            // The console's own rule for the batch the watcher ingested still comes, once.
            QTRY_VERIFY_WITH_TIMEOUT(
                keysOf(back.tray()->shown()).contains(keyOf(ConsoleRules::batchEndedRule(), b->id)),
                60000);
            QVERIFY(back.settle());
            // A watcher beside the open console: nothing is announced twice.
            out = watchOnce();
            QVERIFY2(!out.startsWith("FAILED"), out.constData());
            watched += watchAlertKeys(out);
            QVERIFY(back.settle());
            all += back.tray()->shown();
        }

        const QStringList shown = keysOf(all);
        // One notification per batch end, one per threshold crossing.
        QCOMPARE(shown.count(keyOf(ConsoleRules::batchEndedRule(), a->id)), 1);
        QCOMPARE(shown.count(keyOf(ConsoleRules::batchEndedRule(), b->id)), 1);
        QCOMPARE(shown.count(QStringLiteral("budget/tiny@100")), 1);
        QVERIFY2(shown.filter(QStringLiteral("budget/")).size() == 1,
                 qPrintable(shown.join(QLatin1Char(','))));
        // Both batches had errored items (30 % error rate): announced once each.
        for (const QString& id : {a->id, b->id})
            QCOMPARE(shown.count(keyOf(ConsoleRules::erroredItemsRule(), id)), 1);
        // Never the same alert from the console and from a watcher, nor twice from either.
        QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()).size(), shown.size());
        QCOMPARE(QSet<QString>(watched.cbegin(), watched.cend()).size(), watched.size());
        for (const QString& k : watched)
            QVERIFY2(!shown.contains(k), qPrintable(k));
        // And the ledger holds exactly one log entry for each of them.
        QStringList logged;
        for (const AlertRecord& r : ledgerAlerts(m_ledger))
            logged << keyOf(r.kind, r.subject);
        QStringList announced = shown + watched;
        announced.sort();
        logged.sort();
        QCOMPARE(logged, announced);
    }

    // Clicking a notification (TrayPresenter::activate, what the tray's messageClicked calls)
    // brings up that batch: selected in the table, even when a filter hid it, details below.
    // The alert log dock equals the ledger's alert rows, sorts and filters.
    void activationSelectsBatchAndLogEqualsLedger() {
        Console c(m_ledger);
        auto* table = c.window.findChild<QTableView*>(QStringLiteral("batchTable"));
        QVERIFY(table);
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(c.center()->evaluations() >= 1, 30000);
        QVERIFY(c.settle());

        const QList<AlertRecord> rows = ledgerAlerts(m_ledger);
        QVERIFY(rows.size() >= 5);
        AlertLogModel* model = c.alerts->dock()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), int(rows.size()), 30000);
        for (int r = 0; r < int(rows.size()); ++r) {
            const AlertRecord& want = rows.at(r);
            const AlertRecord& got = model->records().at(r);
            QCOMPARE(got.id, want.id);
            QCOMPARE(got.kind, want.kind);
            QCOMPARE(got.subject, want.subject);
            QCOMPARE(got.message, want.message);
            QCOMPARE(got.delivery, want.delivery);
            QCOMPARE(model->index(r, AlertLogModel::Message).data().toString(), want.message);
            QCOMPARE(model->index(r, AlertLogModel::Delivery).data().toString(),
                     AlertLogModel::deliveryBrief(want));
            QCOMPARE(model->index(r, AlertLogModel::Delivery).data(Qt::ToolTipRole).toString(),
                     AlertLogModel::deliveryText(want));
        }
        // Delivery per sink: this console's (desktop, logged only offscreen) and the watcher's
        // (no Slack configured: the log only).
        QStringList deliveries;
        for (int r = 0; r < model->rowCount(); ++r)
            deliveries << model->index(r, AlertLogModel::Delivery).data(Qt::ToolTipRole).toString();
        QVERIFY2(deliveries.contains(QStringLiteral("Desktop: logged only (no system tray)")),
                 qPrintable(deliveries.join(QLatin1Char(','))));
        QVERIFY2(deliveries.contains(QStringLiteral("Log only (no sink)")), // the watcher's
                 qPrintable(deliveries.join(QLatin1Char(','))));

        // Filter: only what mentions one batch; sorted by severity.
        const QString batchA = table->model()
                                   ->index(table->model()->rowCount() - 1, 0)
                                   .data(BatchTableModel::BatchIdRole)
                                   .toString();
        const QString batchB =
            table->model()->index(0, 0).data(BatchTableModel::BatchIdRole).toString();
        QVERIFY(batchA != batchB);
        AlertLogFilter* filter = c.alerts->dock()->filter();
        filter->setText(batchA);
        QVERIFY(filter->rowCount() >= 2);
        for (int r = 0; r < filter->rowCount(); ++r)
            QCOMPARE(filter->index(r, 0).data(AlertLogModel::BatchIdRole).toString(), batchA);
        filter->setText(QString());
        filter->setMinimumSeverity(1);
        QVERIFY(filter->rowCount() < model->rowCount());
        filter->setMinimumSeverity(0);
        c.alerts->dock()->view()->sortByColumn(AlertLogModel::Severity, Qt::DescendingOrder);
        QCOMPARE(filter->index(0, AlertLogModel::Severity).data(AlertLogModel::SortRole).toInt(),
                 2); // the used-up budget is critical

        // A filter hides batch B; activating B's notification shows and selects it.
        auto* text = c.window.findChild<QLineEdit*>(QStringLiteral("filterText"));
        text->setText(batchA);
        QCOMPARE(table->model()->rowCount(), 1);
        QVERIFY(c.tray()->activate(batchB));
        QCOMPARE(table->currentIndex().data(BatchTableModel::BatchIdRole).toString(), batchB);
        QTRY_COMPARE(c.window.batchDetails()->batchId(), batchB);
        QVERIFY(text->text().isEmpty());
        QVERIFY(c.tray()->activate(batchA));
        QTRY_COMPARE(c.window.batchDetails()->batchId(), batchA);
        QVERIFY(!c.tray()->activate(QStringLiteral("msgbatch_not_in_this_ledger")));

        // The dock shows on a first run (no remembered layout), at the bottom.
        QVERIFY(c.alerts->dock()->isVisible());
        QCOMPARE(c.window.dockWidgetArea(c.alerts->dock()), Qt::BottomDockWidgetArea);
        // View menu: the alert log dock and the keep-in-tray item.
        auto* toggle = c.window.findChild<QAction*>(QStringLiteral("actionAlertLog"));
        QVERIFY(toggle);
        QVERIFY(c.window.findChild<QMenu*>(QStringLiteral("viewMenu"))->actions().contains(toggle));
        QVERIFY(c.tray()->keepInTrayAction());
        QVERIFY(!c.tray()->keepInTrayAction()->isChecked()); // default off

        // The tray's status: no batch in flight, failed items, the budget used up.
        const NotificationStatus s = c.center()->status();
        QCOMPARE(s.inFlight, 0);
        QVERIFY(s.failedItems > 0);
        QVERIFY(s.budgetPercent >= 100);
        QCOMPARE(s.budgetName, QStringLiteral("tiny"));
        QVERIFY2(c.tray()->toolTip().contains(QStringLiteral("failed item")),
                 qPrintable(c.tray()->toolTip()));
        QVERIFY2(c.tray()->toolTip().contains(
                     QStringLiteral("\"tiny\": %1 % used").arg(s.budgetPercent)),
                 qPrintable(c.tray()->toolTip()));
    }

    // The badge: the number of batches in flight on the icon, red when items failed.
    void badge() {
        const QIcon base(QStringLiteral(":/icons/batchscope.svg"));
        NotificationStatus calm;
        const QImage plain = TrayPresenter::badgeImage(base, calm, 32);
        NotificationStatus busy;
        busy.inFlight = 3;
        const QImage blue = TrayPresenter::badgeImage(base, busy, 32);
        busy.failedItems = 4;
        const QImage red = TrayPresenter::badgeImage(base, busy, 32);
        QVERIFY(plain != blue);
        QVERIFY(blue != red);
        // The disc's rim at its left edge, middle height.
        const QColor rim = red.pixelColor(32 - 32 * 11 / 20 + 3, 32 - 32 * 11 / 40);
        QVERIFY2(rim.red() > 150 && rim.green() < 80, qPrintable(rim.name()));
        QVERIFY(TrayPresenter::toolTipFor(busy).contains(QStringLiteral("3 batch")));
        QVERIFY(TrayPresenter::toolTipFor(busy).contains(QStringLiteral("4 failed item")));
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
