#include "core/singleinstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using bs::SingleInstance;

// One console per ledger: the names, the hand-over between two instances, a stale socket.
class TestSingleInstance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Distinct ledgers get distinct sockets; one ledger spelled two ways gets one.
    void namesFollowTheLedgersCanonicalPath() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(QStringLiteral("a.sqlite"));
        const QString b = dir.filePath(QStringLiteral("b.sqlite"));
        QVERIFY(SingleInstance::serverName(a) != SingleInstance::serverName(b));
        QVERIFY(SingleInstance::serverName(a).startsWith(QStringLiteral("batchscope-")));
        // Not created yet, then created: the same name either way.
        const QString before = SingleInstance::serverName(a);
        QFile(a).open(QIODevice::WriteOnly);
        QCOMPARE(SingleInstance::serverName(a), before);
        QCOMPARE(SingleInstance::serverName(dir.path() + QStringLiteral("/./a.sqlite")), before);
        QVERIFY(QFile::link(dir.path(), dir.path() + QStringLiteral("-link")));
        QCOMPARE(SingleInstance::serverName(dir.path() + QStringLiteral("-link/a.sqlite")), before);
        QFile::remove(dir.path() + QStringLiteral("-link"));
    }

    // The running instance (here on a thread of its own, as another process would be) takes the
    // files of a second launch on the same ledger; a launch on another ledger finds nobody.
    void secondLaunchHandsItsFileOver() {
        QTemporaryDir dir;
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        QThread thread;
        thread.start();
        auto* first = new SingleInstance(ledger);
        first->moveToThread(&thread);
        bool listening = false;
        QMetaObject::invokeMethod(
            first, [&] { listening = first->listen(); }, Qt::BlockingQueuedConnection);
        QVERIFY2(listening, qPrintable(first->errorString()));
        QList<QStringList> received;
        connect(
            first, &SingleInstance::filesHandedOver, this,
            [&](const QStringList& files) { received << files; }, Qt::QueuedConnection);

        const QString file = dir.filePath(QStringLiteral("requests.jsonl"));
        QVERIFY(SingleInstance(ledger).handOver({file}));
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first(), QStringList{file});
        // No file: "raise the window".
        QVERIFY(SingleInstance(ledger).handOver({}));
        QTRY_COMPARE(received.size(), 2);
        QVERIFY(received.at(1).isEmpty());
        // `batchscope --batch ID --item C`: the batch to select comes with the hand-over.
        QStringList focus;
        connect(
            first, &SingleInstance::batchFocusRequested, this,
            [&](const QString& batch, bool items, const QString& item) {
                focus << batch << (items ? QStringLiteral("items") : QString()) << item;
            },
            Qt::QueuedConnection);
        QVERIFY(SingleInstance(ledger).handOver(
            {}, SingleInstance::Focus{QStringLiteral("msgbatch_x"), true, QStringLiteral("c-7")}));
        QTRY_COMPARE(received.size(), 3);
        QTRY_COMPARE(focus, (QStringList{QStringLiteral("msgbatch_x"), QStringLiteral("items"),
                                         QStringLiteral("c-7")}));

        SingleInstance other(dir.filePath(QStringLiteral("other.sqlite")));
        QVERIFY(!other.handOver({file}, 500));
        QVERIFY2(other.listen(), qPrintable(other.errorString()));

        QMetaObject::invokeMethod(
            first, [first] { delete first; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        // The first instance is gone: the next launch becomes the instance.
        SingleInstance next(ledger);
        QVERIFY(!next.handOver({file}, 500));
        QVERIFY(next.listen());
    }

    // A socket file left behind by a console that crashed: nobody answers, and the next launch
    // removes it and listens.
    void staleSocketIsReplaced() {
        QTemporaryDir dir;
        const QString ledger = dir.filePath(QStringLiteral("ledger.sqlite"));
        SingleInstance instance(ledger);
        const QString stale = QDir::tempPath() + QLatin1Char('/') + instance.serverName();
        {
            QFile file(stale);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(!instance.handOver({}, 500));
        QVERIFY2(instance.listen(), qPrintable(instance.errorString()));
        QVERIFY(instance.isListening());
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
