#include "alerts/consolealerts.h"
#include "core/appinfo.h"
#include "core/preferences.h"
#include "core/profiles.h"
#include "core/singleinstance.h"
#include "ledger/ledger.h"
#include "mainwindow.h"
#include "monitor/consolesession.h"
#include "startupprobe.h"
#include "translator.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

#include <algorithm>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    bs::AppInfo::applyToApplication();
    QApplication::setDesktopFileName(bs::AppInfo::desktopId());

    // --lang must be known before any translated text is built, so parse it first.
    QCommandLineParser parser;
    QCommandLineOption langOption(QStringList{QStringLiteral("lang")},
                                  QStringLiteral("Interface language (en, ko)."),
                                  QStringLiteral("code"));
    parser.addOption(langOption);
    QCommandLineOption ledgerOption(
        QStringList{QStringLiteral("ledger")},
        QStringLiteral("The ledger file (default: %1).").arg(bs::Ledger::defaultPath()),
        QStringLiteral("file"));
    parser.addOption(ledgerOption);
    QCommandLineOption reconcileOption(
        QStringList{QStringLiteral("reconcile")},
        QStringLiteral("Open View > Reconciliation once the window is up."));
    parser.addOption(reconcileOption);
    // Screenshot hook (./dev screenshot): triggers the window's action of this object name
    // (e.g. actionBudgets, actionPreferences) once the window is up. Hidden from --help.
    QCommandLineOption triggerOption(QStringList{QStringLiteral("trigger")}, QString(),
                                     QStringLiteral("action"));
    triggerOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(triggerOption);
    QCommandLineOption batchOption(
        QStringList{QStringLiteral("batch")},
        QStringLiteral("Select this batch and show its details (also in a console already "
                       "running on the ledger)."),
        QStringLiteral("id"));
    parser.addOption(batchOption);
    QCommandLineOption itemsOption(QStringList{QStringLiteral("items")},
                                   QStringLiteral("With --batch: open its Items tab."));
    parser.addOption(itemsOption);
    QCommandLineOption itemOption(
        QStringList{QStringLiteral("item")},
        QStringLiteral("With --batch: open its Items tab with this item (custom_id) selected."),
        QStringLiteral("custom_id"));
    parser.addOption(itemOption);
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QStringLiteral("JSONL files to check and submit (each opens the Submit dialog). When a "
                       "console already runs on the same ledger, they are handed to it."),
        QStringLiteral("[file.jsonl...]"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    // Preferences (Settings): the language unless --lang, the poll bounds, the profile.
    QSettings settings;
    bs::ui::Translator::install(app, parser.isSet(langOption)
                                         ? parser.value(langOption)
                                         : bs::Preferences::language(settings));
    parser.setApplicationDescription(QApplication::translate("main", "Batchscope console"));

    // The console runs no SQL on this thread (its ledger work is on worker threads); the guard
    // turns a slip into a loud failure in debug builds and when BS_LEDGER_GUARD is set.
#ifndef NDEBUG
    bs::Ledger::setMainThreadGuard(true);
#endif
    if (qEnvironmentVariableIsSet("BS_LEDGER_GUARD"))
        bs::Ledger::setMainThreadGuard(true);

    const QString ledgerPath =
        parser.isSet(ledgerOption) ? parser.value(ledgerOption) : bs::Ledger::defaultPath();
    QStringList files;
    for (const QString& f : parser.positionalArguments())
        files << QFileInfo(f).absoluteFilePath();

    // One console per ledger: a second launch hands its files (or just "show yourself") to the
    // one already running and ends here, before any window exists.
    const bs::SingleInstance::Focus focus{parser.value(batchOption).trimmed(),
                                          parser.isSet(itemsOption) || parser.isSet(itemOption),
                                          parser.value(itemOption)};
    bs::SingleInstance instance(ledgerPath);
    if (instance.handOver(files, focus))
        return 0;
    if (!instance.listen())
        qWarning("batchscope: other launches on this ledger will open windows of their own: %s",
                 qPrintable(instance.errorString()));

    bs::ui::MainWindow window;
    bs::ConsoleSession session;
    {
        const QString profile = bs::Profiles::current(settings);
        session.setProfile(profile, bs::Profiles::baseUrl(settings, profile, QUrl()));
        bs::PollSchedule::Policy policy;
        policy.freshMs = qint64(bs::Preferences::pollMinSeconds(settings)) * 1000;
        policy.idleMs = qint64(bs::Preferences::pollMaxSeconds(settings)) * 1000;
        policy.youngMs = std::clamp(policy.youngMs, policy.freshMs, policy.idleMs);
        policy.steadyMs = std::clamp(policy.steadyMs, policy.freshMs, policy.idleMs);
        session.setPollPolicy(policy);
    }
    bs::ui::StartupProbe::installIfAsked(&window);
    window.show();
    if (parser.isSet(reconcileOption))
        QTimer::singleShot(0, &window, [&window] {
            if (auto* a = window.findChild<QAction*>(QStringLiteral("actionReconciliation")))
                a->trigger();
        });
    QObject::connect(&instance, &bs::SingleInstance::filesHandedOver, &window,
                     [&window](const QStringList& handed) {
                         window.bringToFront();
                         for (const QString& f : handed)
                             window.openFile(f);
                     });
    QObject::connect(&instance, &bs::SingleInstance::batchFocusRequested, &window,
                     &bs::ui::MainWindow::focusBatch);
    // Opened on the session's ledger worker: the window is up meanwhile, and its rows come when
    // the worker answers.
    QObject::connect(&session, &bs::ConsoleSession::ledgerFailed, &window,
                     [&window](const QString& error) {
                         QMessageBox::critical(
                             &window, QApplication::translate("main", "Batchscope"),
                             QApplication::translate("main", "The ledger cannot be opened, so "
                                                             "nothing can be shown or sent:\n%1")
                                 .arg(error));
                     });
    session.openLedger(ledgerPath);
    window.attachSession(&session);
    // Notifications (tray), the alert log dock: the alert rules run on the session's worker.
    bs::ui::ConsoleAlerts alerts(&window, &session);
    session.startMonitoring();
    // The files of the command line, once the window is up (the dialog reads the ledger the
    // session opens meanwhile).
    if (!focus.batchId.isEmpty())
        window.focusBatch(focus.batchId, focus.items, focus.itemId);

    QTimer::singleShot(0, &window, [&window, files, trigger = parser.value(triggerOption)] {
        for (const QString& f : files)
            window.openFile(f);
        if (auto* action = trigger.isEmpty() ? nullptr : window.findChild<QAction*>(trigger))
            action->trigger();
    });
    const int rc = QApplication::exec();
    window.attachSession(nullptr);
    return rc;
}
