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

    // The user-info of any URL (a base URL such as https://user:pass@proxy:8443/v1) is masked;
    // scheme, host, port, path and query stay.
    void redactsUrlUserInfo_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString m = Redactor::userInfoMask();
        QTest::newRow("user and password")
            << QStringLiteral("https://user:pass@host")
            << (QStringLiteral("https://") + m + QStringLiteral("@host"));
        QTest::newRow("port, path, query")
            << QStringLiteral("base https://alice:s3cret@proxy.example:8443/v1/x?a=b#f, then")
            << (QStringLiteral("base https://") + m +
                QStringLiteral("@proxy.example:8443/v1/x?a=b#f, then"));
        QTest::newRow("user only")
            << QStringLiteral("http://alice@127.0.0.1:9/")
            << (QStringLiteral("http://") + m + QStringLiteral("@127.0.0.1:9/"));
        QTest::newRow("@ in the password")
            << QStringLiteral("https://u:p@ss@host/p")
            << (QStringLiteral("https://") + m + QStringLiteral("@host/p"));
        QTest::newRow("two urls, quoted")
            << QStringLiteral("'https://a:b@h1' and \"http://c:d@h2:80\"")
            << (QStringLiteral("'https://") + m + QStringLiteral("@h1' and \"http://") + m +
                QStringLiteral("@h2:80\""));
        QTest::newRow("no user-info") << QStringLiteral("https://api.anthropic.com/v1 a@b.c")
                                      << QStringLiteral("https://api.anthropic.com/v1 a@b.c");
        QTest::newRow("@ in the path only")
            << QStringLiteral("https://host/users/@me") << QStringLiteral("https://host/users/@me");
        QTest::newRow("with a key") << QStringLiteral("https://k:sk-ant-api03-FAKE@host")
                                    << (QStringLiteral("https://") + m + QStringLiteral("@host"));
    }
    void redactsUrlUserInfo() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(Redactor::redact(input), expected);
        QCOMPARE(Redactor::redact(input.toUtf8()), expected.toUtf8());
        QCOMPARE(Redactor::redact(expected), expected); // masking twice changes nothing
        QVERIFY(!Redactor::containsSecret(Redactor::redact(input)));
        QCOMPARE(Redactor::containsSecret(input), input != expected);
    }

    void redactsAUrl() {
        const QString m = Redactor::userInfoMask();
        QCOMPARE(Redactor::redactUrl(QUrl(QStringLiteral("https://user:pass@host:8443/v1?x=1"))),
                 QStringLiteral("https://") + m + QStringLiteral("@host:8443/v1?x=1"));
        QCOMPARE(Redactor::redactUrl(QUrl(QStringLiteral("https://api.anthropic.com"))),
                 QStringLiteral("https://api.anthropic.com"));
        // Percent-encoded delimiters in the user-info are masked with it.
        const QString odd =
            Redactor::redactUrl(QUrl(QStringLiteral("https://us%40er:p%3Ass%2F@host/")));
        QCOMPARE(odd, QStringLiteral("https://") + m + QStringLiteral("@host/"));
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
