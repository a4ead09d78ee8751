#include "aboutdialog.h"
#include "core/appinfo.h"
#include "cost/pricebook.h"
#include "mainwindow.h"
#include "testenv.h"
#include "translator.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using bs::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        bs::AppInfo::applyToApplication();
        QSettings().clear();
    }

    void opensWithTitleAndPlaceholder() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Batchscope"));
        auto* placeholder = window.findChild<QLabel*>(QStringLiteral("placeholder"));
        QVERIFY(placeholder);
        QVERIFY(placeholder->text().contains(QStringLiteral("JSONL")));
        QVERIFY(window.acceptDrops());
    }

    void menusHaveActionsAndShortcuts() {
        MainWindow window;
        auto* open = window.findChild<QAction*>(QStringLiteral("actionOpen"));
        auto* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
        auto* about = window.findChild<QAction*>(QStringLiteral("actionAbout"));
        QVERIFY(open && quit && about);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
        QCOMPARE(window.menuBar()->actions().size(), 2);
    }

    void aboutShowsVersionLicenseAndQt() {
        bs::ui::AboutDialog dialog;
        QVERIFY(dialog.bodyText().contains(bs::AppInfo::version()));
        QVERIFY(dialog.bodyText().contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(dialog.bodyText().contains(QString::fromLatin1(qVersion())));
    }

    void aboutActionOpensDialog() {
        MainWindow window;
        window.show();
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<bs::ui::AboutDialog*>(QApplication::activeModalWidget());
            seen = dialog != nullptr;
            if (dialog)
                dialog->reject();
        });
        window.findChild<QAction*>(QStringLiteral("actionAbout"))->trigger();
        QVERIFY(seen);
    }

    void geometryIsRestored() {
        const QRect wanted(40, 50, 917, 613);
        {
            MainWindow window;
            window.setGeometry(wanted);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        QVERIFY(!QSettings().value(MainWindow::geometryKey()).toByteArray().isEmpty());
        MainWindow again;
        QCOMPARE(again.size(), wanted.size());
    }

    void droppingAFileEmitsItsPath() {
        MainWindow window;
        QSignalSpy chosen(&window, &MainWindow::jsonlFileChosen);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/requests.jsonl"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("/tmp/requests.jsonl"));
    }

    void koreanTranslationLoads() {
        QCOMPARE(bs::ui::Translator::install(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("파일(&F)"));
        // Core messages are found under the context they are translated in, too.
        QString error;
        QVERIFY(!bs::PriceBook::fromJson(QByteArrayLiteral("{\"models\": 3}"),
                                         QStringLiteral("user.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("user.json")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("가격")), qPrintable(error));
        // Back to English for any later test.
        const auto translators = qApp->findChildren<QTranslator*>();
        for (QTranslator* t : translators) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindow.moc"
