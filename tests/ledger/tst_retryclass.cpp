#include "ledger/retryclass.h"

#include <QTest>

using bs::RetryClass;

class TestRetryClass : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classify_data() {
        QTest::addColumn<QString>("resultType");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("message");
        QTest::addColumn<RetryClass>("expected");

        const QString errored = QStringLiteral("errored");
        QTest::newRow("api_error")
            << errored << QStringLiteral("api_error") << QStringLiteral("Internal server error")
            << RetryClass::Transient;
        QTest::newRow("overloaded") << errored << QStringLiteral("overloaded_error")
                                    << QStringLiteral("Overloaded") << RetryClass::Transient;
        QTest::newRow("rate_limit")
            << errored << QStringLiteral("rate_limit_error")
            << QStringLiteral("Number of requests has exceeded your rate limit")
            << RetryClass::Transient;
        QTest::newRow("timeout") << errored << QStringLiteral("timeout_error") << QString()
                                 << RetryClass::Transient;
        QTest::newRow("billing_error") << errored << QStringLiteral("billing_error")
                                       << QStringLiteral("Payment required") << RetryClass::Billing;
        QTest::newRow("credit balance as invalid_request")
            << errored << QStringLiteral("invalid_request_error")
            << QStringLiteral("Your credit balance is too low to access the Anthropic API.")
            << RetryClass::Billing;
        QTest::newRow("credit balance any case")
            << errored << QStringLiteral("invalid_request_error")
            << QStringLiteral("CREDIT BALANCE exhausted") << RetryClass::Billing;
        QTest::newRow("self-set spend limit")
            << errored << QStringLiteral("invalid_request_error")
            << QStringLiteral("You have reached your specified workspace API usage limits.")
            << RetryClass::Billing;
        QTest::newRow("invalid_request")
            << errored << QStringLiteral("invalid_request_error")
            << QStringLiteral("max_tokens: must be at most 128000") << RetryClass::FixRequired;
        QTest::newRow("authentication")
            << errored << QStringLiteral("authentication_error")
            << QStringLiteral("invalid x-api-key") << RetryClass::FixRequired;
        QTest::newRow("permission") << errored << QStringLiteral("permission_error") << QString()
                                    << RetryClass::FixRequired;
        QTest::newRow("not_found")
            << errored << QStringLiteral("not_found_error") << QStringLiteral("model: claude-nope")
            << RetryClass::FixRequired;
        QTest::newRow("unknown type")
            << errored << QStringLiteral("brand_new_error") << QString() << RetryClass::FixRequired;
        QTest::newRow("empty type") << errored << QString() << QString() << RetryClass::FixRequired;
        QTest::newRow("expired") << QStringLiteral("expired") << QString() << QString()
                                 << RetryClass::Expired;
        QTest::newRow("canceled") << QStringLiteral("canceled") << QString() << QString()
                                  << RetryClass::Canceled;
    }

    void classify() {
        QFETCH(QString, resultType);
        QFETCH(QString, errorType);
        QFETCH(QString, message);
        QFETCH(RetryClass, expected);
        QCOMPARE(bs::classifyRetry(resultType, errorType, message), expected);
    }

    void namesRoundTrip() {
        const QStringList names{QStringLiteral("transient"), QStringLiteral("billing"),
                                QStringLiteral("fix_required"), QStringLiteral("expired"),
                                QStringLiteral("canceled")};
        for (const QString& name : names) {
            const auto c = bs::retryClassFromName(name);
            QVERIFY2(c.has_value(), qPrintable(name));
            QCOMPARE(bs::retryClassName(*c), name);
        }
        QVERIFY(!bs::retryClassFromName(QStringLiteral("nonsense")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestRetryClass)
#include "tst_retryclass.moc"
