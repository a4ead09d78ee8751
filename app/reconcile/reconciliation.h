#pragma once

#include "api/apiconfig.h"
#include "reconcile/reconcilerow.h"

#include <QDate>
#include <QObject>
#include <QPointer>

namespace bs {

class ApiClient;
class SecretStore;
struct CostReportLine;

// One reconciliation, asynchronous, on the thread this object lives in (the CLI's main thread,
// or a worker thread of the console): finds the Admin key (ANTHROPIC_ADMIN_KEY, else the
// keychain), fetches Anthropic's cost report of [since, today], reads the ledger's
// day_model_costs on a connection of its own, and compares them (Reconciler). Ends with
// finished() exactly once per run().
class Reconciliation : public QObject {
    Q_OBJECT

public:
    enum class Failure { None, NoAdminKey, Api, Ledger };
    Q_ENUM(Failure)

    // `api`: base URL and network settings; its key is replaced by the Admin key.
    Reconciliation(const QString& ledgerPath, const ApiConfig& api, QObject* parent = nullptr);
    ~Reconciliation() override;

public Q_SLOTS:
    void run(QDate since);

Q_SIGNALS:
    // rows: ordered by day, models before the day's web searches. error: user-readable and
    // redacted (empty on success). httpStatus: of a refused report (401/403: the key).
    void finished(const bs::ReconcileRows& rows, bs::Reconciliation::Failure failure,
                  const QString& error, int httpStatus);

private:
    void fetch(const QString& adminKey, QDate since, QDate until);
    void compare(const QList<CostReportLine>& report, QDate since, QDate until);

    QString m_ledgerPath;
    ApiConfig m_api;
    SecretStore* m_secrets = nullptr;
    QPointer<ApiClient> m_client;
};

} // namespace bs
