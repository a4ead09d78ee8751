#pragma once

// Turns a current ledger file back into the file an older Batchscope wrote, for the tests of
// step-wise migrations. One place knows how to undo each migration: a new migration adds its
// undo step here, not in every test that builds an old file.
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace bs::test {

// Undoes the migrations above `version`. Version 3 (the retry queue's access_denied class) is
// only marked undone: a test that needs the old table rebuilds it itself (tst_retryclass).
// Returns an empty string, or what failed. The file must not be open.
inline QString downgradeLedger(const QString& path, int version) {
    QStringList steps;
    if (version < 10) // ingestion claims (leases)
        steps << QStringLiteral("DROP TABLE IF EXISTS ingest_claims");
    if (version < 9) // profiles of batches and drafts, the budget log
        steps << QStringLiteral("DROP TABLE budget_changes")
              << QStringLiteral("DROP INDEX batches_profile")
              << QStringLiteral("ALTER TABLE drafts DROP COLUMN profile")
              << QStringLiteral("ALTER TABLE batches DROP COLUMN profile");
    if (version < 8) // result lines as received, batches deleted on the server
        steps << QStringLiteral("ALTER TABLE results DROP COLUMN line_index")
              << QStringLiteral("ALTER TABLE results DROP COLUMN line_block")
              << QStringLiteral("DROP TABLE result_blocks")
              << QStringLiteral("DROP TABLE batch_models")
              << QStringLiteral("ALTER TABLE batches DROP COLUMN deleted_at");
    if (version < 7) // the budget gate: budget kinds and models, reservations, overrides
        steps << QStringLiteral("DROP TABLE budget_overrides")
              << QStringLiteral("DROP TABLE draft_reservations")
              << QStringLiteral("ALTER TABLE budgets DROP COLUMN model")
              << QStringLiteral("ALTER TABLE budgets DROP COLUMN kind");
    if (version < 6) // edge-triggered alerts: alert_state, delivery columns of the alert log
        steps << QStringLiteral("DROP TABLE alert_state")
              << QStringLiteral("ALTER TABLE alerts DROP COLUMN subject")
              << QStringLiteral("ALTER TABLE alerts DROP COLUMN period")
              << QStringLiteral("ALTER TABLE alerts DROP COLUMN delivery")
              << QStringLiteral("ALTER TABLE alerts DROP COLUMN delivery_attempts")
              << QStringLiteral("ALTER TABLE alerts DROP COLUMN delivery_note")
              << QStringLiteral("ALTER TABLE alerts DROP COLUMN delivered_at");
    if (version < 5) // summaries of the results
        steps << QStringLiteral("DROP TABLE batch_costs")
              << QStringLiteral("DROP TABLE day_model_costs");
    if (version < 4) // gone batches
        steps << QStringLiteral("ALTER TABLE batches DROP COLUMN gone_at");
    steps << QStringLiteral("DELETE FROM schema_version WHERE version > %1").arg(version);
    const QString connection = QStringLiteral("bs-test-downgrade");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        for (const QString& sql : steps) {
            if (!q.exec(sql)) {
                error = sql + QStringLiteral(": ") + q.lastError().text();
                break;
            }
        }
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}

} // namespace bs::test
