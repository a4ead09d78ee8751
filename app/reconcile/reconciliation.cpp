#include "reconciliation.h"

#include "api/apiclient.h"
#include "api/costreportjob.h"
#include "core/redactor.h"
#include "cost/pricebook.h"
#include "ledger/ledger.h"
#include "ledger/summarystore.h"
#include "reconcile/reconciler.h"
#include "secrets/secretstore.h"

#include <QDateTime>

namespace bs {

Reconciliation::Reconciliation(const QString& ledgerPath, const ApiConfig& api, QObject* parent)
    : QObject(parent)
    , m_ledgerPath(ledgerPath)
    , m_api(api) {
    qRegisterMetaType<bs::ReconcileRows>();
    qRegisterMetaType<bs::Reconciliation::Failure>();
}

Reconciliation::~Reconciliation() = default;

void Reconciliation::run(QDate since) {
    const QDate today = QDateTime::currentDateTimeUtc().date();
    if (!since.isValid() || since > today)
        since = today.addDays(-6);
    const QDate until = today.addDays(1);
    if (!m_secrets)
        m_secrets = new SecretStore(this); // made here: on the thread this object runs on
    m_secrets->findAdminKey(this, [this, since, until](const SecretStore::Result& r) {
        if (!r.isOk()) {
            Q_EMIT finished({}, Failure::NoAdminKey, r.message, 0);
            return;
        }
        fetch(r.secret, since, until);
    });
}

void Reconciliation::fetch(const QString& adminKey, QDate since, QDate until) {
    ApiConfig config = m_api;
    config.apiKey = adminKey;
    if (m_client)
        m_client->deleteLater();
    m_client = new ApiClient(config, this);
    CostReportJob* job = m_client->costReport(since, until);
    connect(job, &ApiJob::finished, this, [this, job, since, until](const ApiError& e) {
        if (e.isError()) {
            Q_EMIT finished({}, Failure::Api, Redactor::redact(e.toString()), e.httpStatus);
            return;
        }
        compare(job->lines(), since, until);
    });
}

void Reconciliation::compare(const QList<CostReportLine>& report, QDate since, QDate until) {
    QString error;
    std::unique_ptr<Ledger> ledger = Ledger::openForThisThread(m_ledgerPath, &error);
    if (!ledger) {
        Q_EMIT finished({}, Failure::Ledger, Redactor::redact(error), 0);
        return;
    }
    const QList<DayModelCost> costs = SummaryStore(*ledger).byDayAndModel(since);
    if (!ledger->lastError().isEmpty()) {
        Q_EMIT finished({}, Failure::Ledger, Redactor::redact(ledger->lastError()), 0);
        return;
    }
    const PriceBook book = PriceBook::load();
    const Money fee = book.webSearchMicrosPer1000() / 1000;
    Q_EMIT finished(Reconciler::compare(costs, report, fee, since, until), Failure::None, QString(),
                    0);
}

} // namespace bs
