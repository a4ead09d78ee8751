#include "api/retrypolicy.h"

#include <QTest>

using bs::ApiError;
using bs::HttpHeaders;
using bs::RetryPolicy;

namespace {
ApiError http(int status, const QString& code = {}) {
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = status;
    e.errorCode = code;
    return e;
}
ApiError kind(ApiError::Kind k) {
    ApiError e;
    e.kind = k;
    return e;
}
const QDateTime kNow = QDateTime(QDate(2026, 11, 28), QTime(10, 0, 0), Qt::UTC);
} // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statusRules_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retry");
        const QList<int> no{400, 401, 402, 403, 404, 405, 413, 422};
        const QList<int> yes{408, 409, 429, 500, 502, 503, 504, 529, 599};
        for (int s : no)
            QTest::addRow("%d", s) << s << false;
        for (int s : yes)
            QTest::addRow("%d", s) << s << true;
    }
    void statusRules() {
        QFETCH(int, status);
        QFETCH(bool, retry);
        QCOMPARE(RetryPolicy::shouldRetry(http(status), {}), retry);
    }

    void shouldRetryHeaderWinsOverStatus() {
        QVERIFY(RetryPolicy::shouldRetry(http(400), {{"X-Should-Retry", "true"}}));
        QVERIFY(!RetryPolicy::shouldRetry(http(500), {{"x-should-retry", "false"}}));
        QVERIFY(!RetryPolicy::shouldRetry(http(429), {{"x-should-retry", "false"}}));
        QVERIFY(RetryPolicy::shouldRetry(http(503), {{"x-should-retry", "maybe"}}));
        QCOMPARE(RetryPolicy::shouldRetryHeader({}), std::nullopt);
    }

    void transportKinds() {
        QVERIFY(RetryPolicy::shouldRetry(kind(ApiError::Kind::Network), {}));
        QVERIFY(RetryPolicy::shouldRetry(kind(ApiError::Kind::Timeout), {}));
        for (auto k : {ApiError::Kind::None, ApiError::Kind::Tls, ApiError::Kind::RefusedInsecure,
                       ApiError::Kind::Parse, ApiError::Kind::Truncated, ApiError::Kind::Aborted,
                       ApiError::Kind::Config})
            QVERIFY2(!RetryPolicy::shouldRetry(kind(k), {}), qPrintable(ApiError::kindName(k)));
    }

    void monthlySpendCapIsNotRetried() {
        QVERIFY(!RetryPolicy::shouldRetry(http(429, QStringLiteral("enforced_spend_limit_reached")),
                                          {}));
        // ... unless the server explicitly says so.
        QVERIFY(RetryPolicy::shouldRetry(http(429, QStringLiteral("enforced_spend_limit_reached")),
                                         {{"x-should-retry", "true"}}));
    }

    void backoffTable_data() {
        QTest::addColumn<int>("retries");
        QTest::addColumn<qint64>("max");
        QTest::newRow("0") << 0 << qint64(500);
        QTest::newRow("1") << 1 << qint64(1000);
        QTest::newRow("2") << 2 << qint64(2000);
        QTest::newRow("3") << 3 << qint64(4000);
        QTest::newRow("4") << 4 << qint64(8000);
        QTest::newRow("5 capped") << 5 << qint64(8000);
        QTest::newRow("1000 capped") << 1000 << qint64(8000);
    }
    void backoffTable() {
        QFETCH(int, retries);
        QFETCH(qint64, max);
        RetryPolicy p;
        QCOMPARE(p.backoffMs(retries, 0.0), max);                           // no jitter: full delay
        QCOMPARE(p.backoffMs(retries, 0.5), qRound64(double(max) * 0.875)); // 87.5 %
        const qint64 low = p.backoffMs(retries, 0.999999);
        QVERIFY(low >= max * 3 / 4 && low <= max * 3 / 4 + 1); // 75 %
        // Jitter always stays within 75-100 %.
        for (int i = 0; i <= 100; ++i) {
            const qint64 d = p.backoffMs(retries, i / 101.0);
            QVERIFY(d >= max * 3 / 4 && d <= max);
        }
    }

    void retryAfterMsPreferred() {
        RetryPolicy p;
        const HttpHeaders h{{"retry-after", "7"}, {"Retry-After-Ms", "1234"}};
        QCOMPARE(p.delayFor(0, h, 0.3, kNow), qint64(1234));
        QCOMPARE(RetryPolicy::serverDelayMs(h, kNow), std::optional<qint64>(1234));
    }

    void retryAfterSeconds_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expected"); // -1: falls back to backoff (retries=0, rand=0)
        QTest::newRow("int") << QByteArray("3") << qint64(3000);
        QTest::newRow("float") << QByteArray("1.5") << qint64(1500);
        QTest::newRow("60 s is honoured") << QByteArray("60") << qint64(60000);
        QTest::newRow("61 s falls back") << QByteArray("61") << qint64(-1);
        QTest::newRow("0 falls back") << QByteArray("0") << qint64(-1);
        QTest::newRow("negative falls back") << QByteArray("-2") << qint64(-1);
        QTest::newRow("garbage falls back") << QByteArray("soon") << qint64(-1);
        QTest::newRow("http date") << QByteArray("Sat, 28 Nov 2026 10:00:05 GMT") << qint64(5000);
        QTest::newRow("http date past")
            << QByteArray("Sat, 28 Nov 2026 09:59:00 GMT") << qint64(-1);
        QTest::newRow("http date far") << QByteArray("Sat, 28 Nov 2026 11:00:00 GMT") << qint64(-1);
    }
    void retryAfterSeconds() {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expected);
        RetryPolicy p;
        const qint64 d = p.delayFor(0, {{"retry-after", value}}, 0.0, kNow);
        QCOMPARE(d, expected < 0 ? qint64(500) : expected);
    }

    void retryAfterMsOutOfRangeFallsBack() {
        RetryPolicy p;
        QCOMPARE(p.delayFor(2, {{"retry-after-ms", "0"}}, 0.0, kNow), qint64(2000));
        QCOMPARE(p.delayFor(2, {{"retry-after-ms", "120000"}}, 0.0, kNow), qint64(2000));
        QCOMPARE(p.delayFor(2, {{"retry-after-ms", "250.4"}}, 0.0, kNow), qint64(250));
    }

    void configurableLimitsAndScale() {
        RetryPolicy p;
        p.initialDelayMs = 10;
        p.maxBackoffMs = 40;
        QCOMPARE(p.backoffMs(0, 0.0), qint64(10));
        QCOMPARE(p.backoffMs(3, 0.0), qint64(40));
        p.timeScale = 0.001;
        QCOMPARE(p.scaled(3000), qint64(3));
        p.timeScale = 0;
        QCOMPARE(p.scaled(3000), qint64(0));
        p.random = [] { return 0.0; };
        QCOMPARE(p.nextDelay(1, {}), qint64(20));
    }

    void headerLookupIsCaseInsensitive() {
        const HttpHeaders h{{"Request-Id", " req_1 "}};
        QCOMPARE(RetryPolicy::header(h, "request-id"), QByteArray("req_1"));
        QVERIFY(RetryPolicy::header(h, "x").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
