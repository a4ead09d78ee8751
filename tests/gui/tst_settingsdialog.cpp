// Settings (issue 11): preferences and profiles persist across a restart (QSettings in the
// test's private config folder); the API key is set, tested (one list call, limit=1, against a
// real batchscope-sim) and cleared through the real keyring of ./dev test's private D-Bus
// session, a wrong key reading as refused (401); a price table file is validated (a bad one
// names the file and the field), its differences are shown by a model before it applies.
#include "alerts/alertconfig.h"
#include "core/preferences.h"
#include "core/profiles.h"
#include "cost/pricebook.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/settingsstore.h"
#include "settings/alertspanel.h"
#include "settings/keypanel.h"
#include "settings/pricediffmodel.h"
#include "settings/pricetablepanel.h"
#include "settings/settingsdialog.h"
#include "simprocess.h"
#include "testenv.h"
#include "testskip.h"
#include "webhookreceiver.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace bs;
using namespace bs::ui;
using bs::test::SimProcess;

namespace {

QJsonObject modelJson(const QString& id, double input, double w5, double w1, double read,
                      double output) {
    return QJsonObject{{QStringLiteral("model_id"), id},
                       {QStringLiteral("aliases"), QJsonArray{}},
                       {QStringLiteral("geo_multiplier_eligible"), false},
                       {QStringLiteral("input"), input},
                       {QStringLiteral("cache_write_5m"), w5},
                       {QStringLiteral("cache_write_1h"), w1},
                       {QStringLiteral("cache_read"), read},
                       {QStringLiteral("output"), output}};
}

bool writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale::c());
    }

    // Everything OK writes is read back by a new dialog (and is on disk, in the test's own
    // config folder); invalid input is refused with the field named.
    void settingsPersistAcrossRestart() {
        const QString conf = QSettings().fileName();
        QVERIFY2(conf.startsWith(bs::test::TestEnv::root()), qPrintable(conf));
        {
            SettingsDialog dialog(nullptr);
            QVERIFY(dialog.addProfile(QStringLiteral("staging")));
            QString why;
            QVERIFY(!dialog.addProfile(QStringLiteral("staging"), &why));
            QVERIFY(!dialog.addProfile(QStringLiteral("bad name!"), &why));
            QVERIFY(why.contains(QStringLiteral("letters")));
            auto* url = dialog.findChild<QLineEdit*>(QStringLiteral("baseUrl"));
            // Plain http is for loopback only.
            url->setText(QStringLiteral("http://example.com"));
            Q_EMIT url->textEdited(url->text());
            QVERIFY(!dialog.validate(&why));
            QVERIFY2(why.contains(QStringLiteral("staging")), qPrintable(why));
            url->setText(QStringLiteral("http://127.0.0.1:9"));
            Q_EMIT url->textEdited(url->text());
            QVERIFY2(dialog.validate(&why), qPrintable(why));
            auto* active = dialog.findChild<QComboBox*>(QStringLiteral("activeProfile"));
            active->setCurrentIndex(active->findData(QStringLiteral("staging")));
            dialog.findChild<QSpinBox*>(QStringLiteral("pollMin"))->setValue(10);
            dialog.findChild<QSpinBox*>(QStringLiteral("pollMax"))->setValue(600);
            auto* language = dialog.findChild<QComboBox*>(QStringLiteral("language"));
            language->setCurrentIndex(language->findData(QStringLiteral("ko")));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        // On disk.
        QFile file(conf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains("pollMinSeconds=10"), text.constData());
        QVERIFY2(text.contains("127.0.0.1:9"), text.constData());
        QVERIFY(!text.contains(SimProcess::fakeKey().toUtf8())); // no key, ever

        // A new dialog (the next start) shows them; the console's readers agree.
        SettingsDialog again(nullptr);
        QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("pollMin"))->value(), 10);
        QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("pollMax"))->value(), 600);
        QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("language"))->currentData().toString(),
                 QStringLiteral("ko"));
        QCOMPARE(again.selectedProfile(), QStringLiteral("staging"));
        QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("baseUrl"))->text(),
                 QStringLiteral("http://127.0.0.1:9"));
        QSettings settings;
        QCOMPARE(Profiles::current(settings), QStringLiteral("staging"));
        QCOMPARE(Profiles::names(settings),
                 (QStringList{QStringLiteral("default"), QStringLiteral("staging")}));
        QCOMPARE(Preferences::pollMinSeconds(settings), 10);
        QCOMPARE(Preferences::language(settings), QStringLiteral("ko"));

        // Removing the profile in use falls back to "default".
        again.selectProfile(QStringLiteral("staging"));
        QMetaObject::invokeMethod(again.findChild<QPushButton*>(QStringLiteral("removeProfile")),
                                  "click");
        again.accept();
        QCOMPARE(Profiles::names(settings), QStringList{QStringLiteral("default")});
        QCOMPARE(Profiles::current(settings), QStringLiteral("default"));
    }

    // Set, test, clear through the real keyring; the test call reaches the sim, which refuses a
    // wrong key with 401: the panel says the key was refused.
    // Alerts & metrics (issue 12): the thresholds go to the ledger's data settings (what
    // AlertConfig, hence watch, reads), the metrics to QSettings; a new dialog shows them; the
    // webhook is set, tested against a real loopback receiver and cleared in the real keyring,
    // and its URL is never shown.
    void alertsTabPersists() {
        const QString path = m_dir.filePath(QStringLiteral("alerts.sqlite"));
        LedgerWorker worker;
        QSignalSpy opened(&worker, &LedgerWorker::opened);
        worker.open(path);
        QVERIFY(opened.wait(30000));
        {
            SettingsDialog dialog(&worker);
            AlertsPanel* p = dialog.alertsPanel();
            QVERIFY(p);
            QTRY_VERIFY_WITH_TIMEOUT(p->isLoaded(), 30000);
            p->findChild<QLineEdit*>(QStringLiteral("budgetPercents"))
                ->setText(QStringLiteral("90, 25"));
            p->findChild<QSpinBox*>(QStringLiteral("erroredPercent"))->setValue(33);
            p->findChild<QSpinBox*>(QStringLiteral("expiryHours"))->setValue(5);
            p->findChild<QSpinBox*>(QStringLiteral("archiveDays"))->setValue(7);
            p->findChild<QSpinBox*>(QStringLiteral("apiDownMinutes"))->setValue(42);
            p->findChild<QCheckBox*>(QStringLiteral("metricsEnabled"))->setChecked(true);
            p->findChild<QSpinBox*>(QStringLiteral("metricsPort"))->setValue(19464);
            auto* statsd = p->findChild<QLineEdit*>(QStringLiteral("statsdTarget"));
            statsd->setText(QStringLiteral("not a target"));
            QString why;
            QVERIFY(!dialog.validate(&why));
            QVERIFY2(why.contains(QStringLiteral("DogStatsD")), qPrintable(why));
            statsd->setText(QStringLiteral("127.0.0.1:8125"));
            QVERIFY2(dialog.validate(&why), qPrintable(why));
            QSignalSpy saved(p, &AlertsPanel::thresholdsSaved);
            dialog.accept();
            QVERIFY(saved.wait(30000));
            QVERIFY(saved.first().first().toBool());
        }
        QSettings settings;
        QVERIFY(Preferences::metricsEnabled(settings));
        QCOMPARE(Preferences::metricsPort(settings), 19464);
        QCOMPARE(Preferences::statsdTarget(settings), QStringLiteral("127.0.0.1:8125"));
        {
            // What the alert rules (console and watch) read from the ledger.
            AlertConfig c;
            bool done = false;
            worker.run<AlertConfig>(
                this,
                [](Ledger& l) {
                    SettingsStore s(l);
                    return AlertConfig::fromSettings(s);
                },
                [&](AlertConfig got) {
                    c = got;
                    done = true;
                });
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
            QCOMPARE(c.budgetPercents, (QList<int>{25, 90}));
            QCOMPARE(c.erroredPercent, 33);
            QCOMPARE(c.expiryHours, 5);
            QCOMPARE(c.archiveDays, 7);
            QCOMPARE(c.apiDownMinutes, 42);
        }
        {
            SettingsDialog again(&worker);
            AlertsPanel* p = again.alertsPanel();
            QTRY_VERIFY_WITH_TIMEOUT(p->isLoaded(), 30000);
            QCOMPARE(p->findChild<QLineEdit*>(QStringLiteral("budgetPercents"))->text(),
                     QStringLiteral("25, 90"));
            QCOMPARE(p->findChild<QSpinBox*>(QStringLiteral("apiDownMinutes"))->value(), 42);
            QCOMPARE(p->findChild<QSpinBox*>(QStringLiteral("metricsPort"))->value(), 19464);
            QVERIFY(p->findChild<QCheckBox*>(QStringLiteral("metricsEnabled"))->isChecked());

            // The webhook, in the real keyring: set, test (one POST), clear.
            qunsetenv("BATCHSCOPE_SLACK_WEBHOOK_URL");
            test::WebhookReceiver receiver;
            QVERIFY(receiver.start());
            QSignalSpy changed(p, &AlertsPanel::webhookChanged);
            p->setWebhook(receiver.url().toString());
            QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty() && changed.last().first().toBool(), 30000);
            auto* state = p->findChild<QLabel*>(QStringLiteral("webhookState"));
            QVERIFY(!state->text().contains(QStringLiteral("s3cr3t")));
            QSignalSpy sent(p, &AlertsPanel::testSent);
            p->sendTest();
            QVERIFY(sent.wait(30000));
            QVERIFY2(sent.first().first().toBool(), qPrintable(sent.first().at(1).toString()));
            QCOMPARE(receiver.requests().size(), 1);
            changed.clear();
            p->clearWebhook();
            QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty() && !changed.last().first().toBool(), 30000);
        }
    }

    void keySetTestClear() {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            BS_SKIP_OR_FAIL("No D-Bus session: run under ./dev test (private session, unlocked "
                            "keyring)");
        qunsetenv("ANTHROPIC_API_KEY");
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--api-key"), SimProcess::fakeKey(),
                            QStringLiteral("--quiet")}),
                 qPrintable(sim.errorString()));
        const QString profile =
            QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::Id128);
        KeyPanel panel;
        QSignalSpy status(&panel, &KeyPanel::statusChanged);
        QSignalSpy tested(&panel, &KeyPanel::testFinished);
        panel.setProfile(profile, sim.baseUrl());
        QVERIFY(status.wait(15000));
        QVERIFY2(panel.statusText().contains(QStringLiteral("No key is stored")),
                 qPrintable(panel.statusText()));
        QVERIFY(panel.maskedKey().isEmpty());

        // A wrong key: stored, masked, refused by the server.
        const QString wrong = QStringLiteral("wrong-key-not-a-real-secret");
        status.clear();
        panel.setKey(wrong);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.maskedKey().isEmpty() && !panel.isBusy(), 15000);
        QVERIFY(!panel.maskedKey().contains(QStringLiteral("wrong")));
        QVERIFY(panel.maskedKey().endsWith(QStringLiteral("cret")));
        panel.testKey();
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.first().at(0).toBool(), false);
        const QString refused = tested.first().at(1).toString();
        QVERIFY2(refused.contains(QStringLiteral("refused")) &&
                     refused.contains(QStringLiteral("401")),
                 qPrintable(refused));
        QVERIFY(panel.statusText().contains(QStringLiteral("refused")));
        QVERIFY(!refused.contains(wrong));

        // The right key works.
        panel.setKey(SimProcess::fakeKey());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() &&
                                     panel.statusText().contains(QStringLiteral("A key is stored")),
                                 15000);
        tested.clear();
        panel.testKey();
        QVERIFY(tested.wait(30000));
        QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
        QVERIFY(tested.first().at(1).toString().contains(QStringLiteral("works")));

        // Cleared: gone from the keychain, and the test says so.
        panel.clearKey();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && panel.maskedKey().isEmpty() &&
                                     panel.statusText().contains(QStringLiteral("No key")),
                                 15000);
        tested.clear();
        panel.testKey();
        QVERIFY(tested.wait(15000));
        QCOMPARE(tested.first().at(0).toBool(), false);
        QVERIFY(tested.first().at(1).toString().contains(QStringLiteral("No key is stored")));
    }

    // A bad file: refused, the message names the file and the field, nothing to apply. A good
    // one: the diff model lists what changes (one model repriced, one added), then Apply writes
    // the user's price table, which the next PriceBook::load() uses.
    void priceTableDiffAndBadFile() {
        PriceTablePanel panel(nullptr);
        PriceDiffModel* model = panel.diffModel();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy checked(&panel, &PriceTablePanel::checked);

        const QString bad = m_dir.filePath(QStringLiteral("bad-prices.json"));
        QJsonObject broken = modelJson(QStringLiteral("claude-test-1"), 1, 1.25, 2, 0.1, 5);
        broken.insert(QStringLiteral("output"), QStringLiteral("five"));
        QVERIFY(writeFile(
            bad,
            QJsonDocument(QJsonObject{{QStringLiteral("models"), QJsonArray{broken}}}).toJson()));
        panel.loadFile(bad);
        QVERIFY(checked.wait(15000));
        QCOMPARE(checked.first().at(0).toBool(), false);
        const QString message = checked.first().at(1).toString();
        QVERIFY2(message.contains(bad), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("models[0].output")), qPrintable(message));
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("applyPrices"))->isEnabled() == false);
        QCOMPARE(model->rowCount(), 0);

        const QString good = m_dir.filePath(QStringLiteral("prices.json"));
        QVERIFY(writeFile(
            good,
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("models"),
                     QJsonArray{modelJson(QStringLiteral("claude-opus-5-5"), 3, 5, 8, 0.2, 20),
                                modelJson(QStringLiteral("claude-test-1"), 1, 1.25, 2, 0.1, 5)}}})
                .toJson()));
        checked.clear();
        panel.loadFile(good);
        QVERIFY(checked.wait(15000));
        QVERIFY2(checked.first().at(0).toBool(), qPrintable(checked.first().at(1).toString()));
        QCOMPARE(model->rowCount(), 2);
        const QList<PriceDiff> diffs = model->diffs();
        QCOMPARE(diffs[0].model, QStringLiteral("claude-opus-5-5"));
        QCOMPARE(diffs[0].change, PriceDiff::Change::Changed);
        QCOMPARE(diffs[0].before.input, qint64(4'000'000));
        QCOMPARE(diffs[0].after.input, qint64(3'000'000));
        QCOMPARE(diffs[0].after.output, diffs[0].before.output);
        QCOMPARE(model->index(0, PriceDiffModel::Input).data().toString(),
                 QStringLiteral("$4 → $3"));
        QCOMPARE(model->index(0, PriceDiffModel::Output).data().toString(), QStringLiteral("$20"));
        QCOMPARE(diffs[1].model, QStringLiteral("claude-test-1"));
        QCOMPARE(diffs[1].change, PriceDiff::Change::Added);
        QCOMPARE(model->index(1, PriceDiffModel::Output).data().toString(),
                 QStringLiteral("— → $5"));

        QSignalSpy applied(&panel, &PriceTablePanel::applied);
        panel.apply();
        QVERIFY(applied.wait(15000));
        QCOMPARE(applied.first().first().toString(), QString());
        QString error;
        const PriceBook book = PriceBook::load(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(book.find(QStringLiteral("claude-opus-5-5"))->base.input, qint64(3'000'000));
        QVERIFY(book.find(QStringLiteral("claude-test-1")));
        // Checked again, the same file now changes nothing.
        checked.clear();
        panel.loadFile(good);
        QVERIFY(checked.wait(15000));
        QCOMPARE(model->rowCount(), 0);
        QFile::remove(PriceBook::userOverridePath());
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Batchscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Batchscope"));
    TestSettingsDialog test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_settingsdialog.moc"
