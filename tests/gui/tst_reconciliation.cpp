// The console's Reconciliation view: its table model (QAbstractItemModelTester, flagged rows
// marked), and the dialog against a real batchscope-sim (Admin API cost report) and a real
// ledger file, the work done off the GUI thread.
#include "ledger/ledger.h"
#include "reconcile/reconciletablemodel.h"
#include "reconcile/reconciliationdialog.h"
#include "simclient.h"
#include "simprocess.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bs;
using bs::test::SimClient;
using bs::test::SimProcess;

class TstReconciliation : public QObject {
    Q_OBJECT

private slots:
    void modelMarksFlaggedRows();
    void dialogAgainstTheSim();
};

void TstReconciliation::modelMarksFlaggedRows() {
    ui::ReconcileTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ReconcileRow agree{QDate(2026, 11, 28),
                       ReconcileRow::Kind::Model,
                       QStringLiteral("claude-opus-4-6"),
                       1000000,
                       1000400,
                       0,
                       false};
    ReconcileRow flagged{QDate(2026, 11, 28),
                         ReconcileRow::Kind::Model,
                         QStringLiteral("claude-haiku-4-5-20251001"),
                         1200000,
                         1000000,
                         0,
                         true};
    ReconcileRow web{
        QDate(2026, 11, 29), ReconcileRow::Kind::WebSearch, QString(), 30000, 30000, 0, false};
    model.setRows({agree, flagged, web});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.flaggedCount(), 1);
    using M = ui::ReconcileTableModel;
    QCOMPARE(model.index(1, M::Status).data().toString(), QStringLiteral("Flagged"));
    QCOMPARE(model.index(0, M::Status).data().toString(), QStringLiteral("Agrees"));
    QVERIFY(model.index(1, M::Model).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(0, M::Model).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(1, M::Difference).data(M::RawRole).toLongLong(), 200000);
    QCOMPARE(model.index(1, M::Difference).data().toString(), QStringLiteral("$0.200000"));
    QCOMPARE(model.index(2, M::Model).data().toString(), QStringLiteral("Web search"));
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TstReconciliation::dialogAgainstTheSim() {
    const QString admin = QStringLiteral("test-admin-key-not-a-real-secret");
    SimProcess sim;
    QVERIFY2(
        sim.start({QStringLiteral("--speed"), QStringLiteral("0"), QStringLiteral("--error-rate"),
                   QStringLiteral("0"), QStringLiteral("--admin-key"), admin}),
        qPrintable(sim.errorString()));
    // Spend the ledger never saw: Anthropic bills it, the ledger has nothing -> flagged rows.
    SimClient client(sim.baseUrl(), SimProcess::fakeKey());
    QJsonArray reqs;
    for (int i = 0; i < 4; ++i)
        reqs.append(SimClient::request(QStringLiteral("g%1").arg(i),
                                       SimClient::params(QStringLiteral("Question %1").arg(i), 300,
                                                         QStringLiteral("claude-opus-4-6"))));
    const QString id = client.create(reqs).json()[u"id"].toString();
    QCOMPARE(client.get(QStringLiteral("/v1/messages/batches/") + id)
                 .json()[u"processing_status"]
                 .toString(),
             QStringLiteral("ended"));

    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite"));
    {
        Ledger ledger;
        QVERIFY(ledger.open(ledgerPath));
    }
    qputenv("ANTHROPIC_ADMIN_KEY", admin.toUtf8());
    Ledger::setMainThreadGuard(true);
    const int violations = Ledger::mainThreadViolations();
    ui::ReconciliationDialog dialog(ledgerPath, sim.baseUrl());
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy spy(&dialog, &ui::ReconciliationDialog::reconciled);
    dialog.show();
    QVERIFY(spy.wait(30000));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("reconcileStatus"));
    QVERIFY(status);
    QCOMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(dialog.model()->flaggedCount(), 1);
    QCOMPARE(dialog.model()->rows().first().model, QStringLiteral("claude-opus-4-6"));
    QVERIFY(dialog.model()->rows().first().anthropic > 0);
    QVERIFY(status->text().contains(QStringLiteral("1 %")));
    QVERIFY(!status->text().contains(admin));
    QCOMPARE(Ledger::mainThreadViolations(), violations);
    qunsetenv("ANTHROPIC_ADMIN_KEY");
}

QTEST_MAIN(TstReconciliation)
#include "tst_reconciliation.moc"
