#include "ledger/ledger.h"
#include "ledger/retryclass.h"
#include "ledger/retryitem.h"
#include "ledger/retryqueue.h"
#include "ledgerdowngrade.h"
#include "testenv.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
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
            << QStringLiteral("invalid x-api-key") << RetryClass::AccessDenied;
        QTest::newRow("permission")
            << errored << QStringLiteral("permission_error")
            << QStringLiteral(
                   "Your API key does not have permission to use the specified resource.")
            << RetryClass::AccessDenied;
        QTest::newRow("permission, no message") << errored << QStringLiteral("permission_error")
                                                << QString() << RetryClass::AccessDenied;
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
        const auto access = bs::retryClassFromName(QStringLiteral("access_denied"));
        QVERIFY(access.has_value());
        QCOMPARE(*access, RetryClass::AccessDenied);
        QStringList all;
        for (RetryClass c : bs::kAllRetryClasses) {
            all.append(bs::retryClassName(c));
            QVERIFY(!bs::retryClassLabel(c).isEmpty());
        }
        QCOMPARE(all, names + QStringList{QStringLiteral("access_denied")});
        QVERIFY(bs::retryClassLabel(RetryClass::AccessDenied).contains(QStringLiteral("API key")));
    }

    // The ledger stores the new class (its CHECK constraint knows it) and reads it back.
    void accessDeniedIsStored() {
        QTemporaryDir dir;
        bs::Ledger ledger;
        QVERIFY2(ledger.open(dir.filePath(QStringLiteral("l.sqlite"))),
                 qPrintable(ledger.lastError()));
        bs::RetryItem item;
        item.batchId = QStringLiteral("msgbatch_access");
        item.customId = QStringLiteral("a-1");
        item.retryClass = RetryClass::AccessDenied;
        item.errorType = QStringLiteral("permission_error");
        QCOMPARE(bs::RetryQueue(ledger).enqueue({item}), qint64(1));
        const auto items = bs::RetryQueue(ledger).items(RetryClass::AccessDenied);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().customId, QStringLiteral("a-1"));
        QVERIFY(bs::RetryQueue(ledger).items(RetryClass::FixRequired).isEmpty());
    }

    // A ledger written before the class existed: its fix_required items whose error was
    // authentication_error / permission_error become access_denied when it is opened; the
    // others keep their class.
    void olderLedgerMovesAccessErrorsOver() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            bs::Ledger ledger;
            QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        }
        // Back to version 2: the later migrations undone, the retry queue as it was, with items.
        const QString downgraded = bs::test::downgradeLedger(path, 2);
        QVERIFY2(downgraded.isEmpty(), qPrintable(downgraded));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char* sql : {
                     "DROP TABLE retry_queue",
                     "CREATE TABLE retry_queue(id INTEGER PRIMARY KEY, batch_id TEXT NOT NULL, "
                     "custom_id TEXT NOT NULL, class TEXT NOT NULL CHECK (class IN ('transient', "
                     "'billing', 'fix_required', 'expired', 'canceled')), error_type TEXT, "
                     "error_message TEXT, attempt INTEGER NOT NULL DEFAULT 1, state TEXT NOT NULL "
                     "DEFAULT 'pending' CHECK (state IN ('pending', 'drafted', 'resent', "
                     "'dismissed')), draft_local_id TEXT, resent_batch_id TEXT, enqueued_at TEXT "
                     "NOT NULL, resent_at TEXT, UNIQUE (batch_id, custom_id))",
                     "CREATE INDEX retry_queue_state ON retry_queue(state, class)",
                     "INSERT INTO retry_queue(batch_id, custom_id, class, error_type, enqueued_at) "
                     "VALUES ('b', 'auth', 'fix_required', 'authentication_error', 'x'), "
                     "('b', 'perm', 'fix_required', 'permission_error', 'x'), "
                     "('b', 'bad', 'fix_required', 'invalid_request_error', 'x'), "
                     "('b', 'busy', 'transient', 'overloaded_error', 'x')",
                 })
                QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        bs::Ledger ledger;
        QVERIFY2(ledger.open(path), qPrintable(ledger.lastError()));
        QCOMPARE(ledger.schemaVersion(), bs::Ledger::latestSchemaVersion());
        const auto ids = [&](RetryClass c) {
            QStringList list;
            for (const bs::RetryItem& i : bs::RetryQueue(ledger).items(c))
                list.append(i.customId);
            list.sort();
            return list;
        };
        QCOMPARE(ids(RetryClass::AccessDenied),
                 (QStringList{QStringLiteral("auth"), QStringLiteral("perm")}));
        QCOMPARE(ids(RetryClass::FixRequired), QStringList{QStringLiteral("bad")});
        QCOMPARE(ids(RetryClass::Transient), QStringList{QStringLiteral("busy")});
    }
};

int main(int argc, char** argv) {
    bs::test::TestEnv::isolate();
    QCoreApplication app(argc, argv);
    TestRetryClass t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_retryclass.moc"
