#include "core/redactor.h"

#include <QTest>

using bs::Redactor;

class TestRedactor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void redactsKeys_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString m = Redactor::mask();
        QTest::newRow("plain") << QStringLiteral("no secret here")
                               << QStringLiteral("no secret here");
        QTest::newRow("api key") << QStringLiteral("key sk-ant-"
                                                   "api03-FAKEfake_123-xyz end")
                                 << (QStringLiteral("key ") + m + QStringLiteral(" end"));
        QTest::newRow("admin key") << QStringLiteral("sk-ant-admin01-FAKE") << m;
        QTest::newRow("two keys") << QStringLiteral("a=sk-ant-x1,b=sk-ant-y2")
                                  << (QStringLiteral("a=") + m + QStringLiteral(",b=") + m);
        QTest::newRow("in json") << QStringLiteral("{\"x-api-key\":\"sk-ant-api03-FAKE\"}")
                                 << (QStringLiteral("{\"x-api-key\":\"") + m +
                                     QStringLiteral("\"}"));
    }
    void redactsKeys() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(Redactor::redact(input), expected);
        QCOMPARE(Redactor::redact(input.toUtf8()), expected.toUtf8());
        QVERIFY(!Redactor::containsSecret(Redactor::redact(input)));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
