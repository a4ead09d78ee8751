#include "core/appinfo.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTest>

class TestAppInfo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesAreApplied() {
        bs::AppInfo::applyToApplication();
        QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("Batchscope"));
        QCOMPARE(QCoreApplication::organizationName(), QStringLiteral("Batchscope"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"))
                    .match(bs::AppInfo::version())
                    .hasMatch());
    }
    void desktopIdIsReverseDns() {
        const QStringList parts = bs::AppInfo::desktopId().split(QLatin1Char('.'));
        QVERIFY(parts.size() >= 3);
        QCOMPARE(parts.last(), QStringLiteral("Batchscope"));
    }
};

QTEST_GUILESS_MAIN(TestAppInfo)
#include "tst_appinfo.moc"
