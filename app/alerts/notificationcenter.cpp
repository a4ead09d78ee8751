#include "notificationcenter.h"

#include "alerts/alertengine.h"
#include "alerts/alertrules.h"
#include "alerts/consolerules.h"
#include "alerts/slacksink.h"
#include "core/redactor.h"
#include "ledger/alertlog.h"
#include "ledger/costqueries.h"
#include "ledger/ledger.h"
#include "ledger/ledgernotifier.h"
#include "ledger/ledgerworker.h"
#include "ledger/settingsstore.h"

#include <QTimer>

namespace bs {

namespace {

__extension__ typedef __int128 Wide;

NotificationStatus statusOf(const AlertSnapshot& s) {
    NotificationStatus st;
    for (const BatchRecord& r : s.unended)
        st.inFlight += r.isGone() ? 0 : 1;
    for (const BatchRecord& r : s.ended)
        st.failedItems += r.batch.requestCounts.errored + r.batch.requestCounts.expired;
    for (const AlertSnapshot::BudgetUse& b : s.budgets) {
        // Exact integer percent, rounded down; a $0 limit is used up by any spend.
        const qint64 percent =
            b.setting.limitMicros > 0
                ? qint64(qMin<Wide>(Wide(b.spent) * 100 / b.setting.limitMicros, 1000000))
                : (b.spent > 0 ? 100 : 0);
        if (percent > st.budgetPercent) {
            st.budgetPercent = int(percent);
            st.budgetName = b.setting.name;
        }
    }
    return st;
}

// What watch does after each cycle (WatchSession::onCycleFinished): the outage's start is a
// data setting "kind|since", so every console and watcher of the ledger counts the same one.
void applyApiObservation(SettingsStore& settings, bool known, bool ok, bool refused,
                         const QString& detail, const QDateTime& now, AlertSnapshot* s) {
    if (!known)
        return; // not talked to the API yet: api_down is not evaluated
    s->apiKnown = true;
    const QString key = QStringLiteral("alerts/api_problem");
    if (ok) {
        s->apiProblem = AlertSnapshot::ApiProblem::None;
        if (!settings.value(key).isEmpty())
            settings.setValue(key, QStringLiteral(""));
        return;
    }
    const QString kind = refused ? QStringLiteral("key_refused") : QStringLiteral("unreachable");
    const QStringList stored = settings.value(key).split(QLatin1Char('|'));
    QDateTime since;
    if (stored.size() == 2 && stored[0] == kind)
        since = QDateTime::fromString(stored[1], Qt::ISODateWithMs);
    if (!since.isValid()) {
        since = now;
        settings.setValue(key, kind + QLatin1Char('|') + now.toString(Qt::ISODateWithMs));
    }
    s->apiProblem =
        refused ? AlertSnapshot::ApiProblem::KeyRefused : AlertSnapshot::ApiProblem::Unreachable;
    s->apiProblemSince = since.toUTC();
    s->apiProblemDetail = detail;
}

} // namespace

NotificationCenter::NotificationCenter(LedgerWorker* worker, QObject* parent)
    : QObject(parent)
    , m_worker(worker) {
    qRegisterMetaType<bs::Notification>();
    qRegisterMetaType<bs::NotificationStatus>();
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    // Ingestion reports every committed chunk: one evaluation covers a burst of them.
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &NotificationCenter::run);
    m_periodic = new QTimer(this);
    m_periodic->setInterval(60 * 1000);
    connect(m_periodic, &QTimer::timeout, this, &NotificationCenter::evaluateNow);
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::setSlackSink(SlackSink* sink) {
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink = sink;
    if (m_sink)
        connect(m_sink, &SlackSink::finished, this, &NotificationCenter::onSlackFinished);
}

SlackSink* NotificationCenter::slackSink() const {
    return m_sink.data();
}

void NotificationCenter::setApiObservation(bool ok, bool keyRefused, const QString& detail) {
    m_api.known = true;
    m_api.ok = ok;
    m_api.refused = !ok && keyRefused;
    m_api.detail = ok ? QString() : Redactor::redact(detail);
    m_debounce->start();
}

void NotificationCenter::onSlackFinished(qint64 alertId, bool delivered, int attempts,
                                         const QString& note) {
    if (!m_worker || alertId <= 0)
        return;
    m_worker->run<bool>(
        this,
        [alertId, delivered, attempts, note](Ledger& l) {
            return AlertLog(l).setDelivery(alertId,
                                           delivered ? AlertRecord::Delivery::Delivered
                                                     : AlertRecord::Delivery::Failed,
                                           attempts, note);
        },
        [](bool) {});
}

void NotificationCenter::markSince() {
    if (!m_worker)
        return;
    m_worker->run<bool>(
        this,
        [](Ledger& l) {
            SettingsStore settings(l);
            if (QDateTime::fromString(settings.value(ConsoleRules::sinceKey()), Qt::ISODateWithMs)
                    .isValid())
                return true;
            return settings.setValue(ConsoleRules::sinceKey(),
                                     QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        },
        [](bool) {});
}

void NotificationCenter::start() {
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            [this](LedgerNotifier::Change what, const QStringList&, const QString& path) {
                if (!m_worker || path != m_worker->path())
                    return;
                if (what == LedgerNotifier::Change::Batches ||
                    what == LedgerNotifier::Change::Results ||
                    what == LedgerNotifier::Change::Settings)
                    m_debounce->start();
            });
    m_periodic->start();
    evaluateNow();
}

void NotificationCenter::evaluateNow() {
    m_debounce->stop();
    run();
}

void NotificationCenter::run() {
    if (!m_worker)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    const bool desktop = m_desktop;
    const bool slack = m_sink && m_sink->isConfigured();
    const ApiObservation api = m_api;
    m_worker->run<Answer>(
        this,
        [desktop, slack, api](Ledger& l) {
            Answer a;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            AlertEngine engine(l);
            AlertSnapshot s;
            if (!engine.readSnapshot(now, &s)) {
                a.error = l.lastError();
                return a;
            }
            SettingsStore settings(l);
            applyApiObservation(settings, api.known, api.ok, api.refused, api.detail, now, &s);
            const AlertConfig config = AlertConfig::fromSettings(settings);
            if (!engine.apply(s, config, slack, &a.fired)) {
                a.error = l.lastError();
                return a;
            }
            QHash<QString, CostTotals> cost;
            for (const CostGroup& g : CostQueries(l).groupedBy(CostQueries::Grouping::Batch))
                cost.insert(g.key, g.totals);
            // Since when this ledger's consoles notify: set by the first one.
            QDateTime since =
                QDateTime::fromString(settings.value(ConsoleRules::sinceKey()), Qt::ISODateWithMs);
            if (!since.isValid()) {
                since = now;
                settings.setValue(ConsoleRules::sinceKey(), now.toString(Qt::ISODateWithMs));
            }
            QList<AlertState::Fired> own;
            // No rule "evaluated" for clearing: a batch ends once, its notification stays claimed.
            if (!AlertState(l).apply(
                    ConsoleRules::evaluate(s.ended, cost, now, since.toUTC(), config), {}, now,
                    false, &own)) {
                a.error = l.lastError();
                return a;
            }
            if (slack && !own.isEmpty()) {
                // The console's own notifications go to Slack too: pending until it answers.
                for (const AlertState::Fired& f : std::as_const(own))
                    AlertLog(l).setDelivery(f.alertId, AlertRecord::Delivery::Pending, 0, {});
            }
            a.fired += own;
            for (AlertState::Fired& f : a.fired) {
                f.condition.alert.id = f.alertId;
                if (slack) // Slack's outcome is the one the log keeps
                    continue;
                // The desktop is this console's sink: its outcome goes to the log at once.
                const auto delivery =
                    desktop ? AlertRecord::Delivery::Delivered : AlertRecord::Delivery::None;
                const QString note = desktop ? desktopShownNote() : desktopRecordedNote();
                AlertLog(l).setDelivery(f.alertId, delivery, desktop ? 1 : 0, note);
                f.condition.alert.delivery = delivery;
                f.condition.alert.deliveryNote = note;
            }
            a.status = statusOf(s);
            a.ok = true;
            return a;
        },
        [this](Answer a) { onAnswer(a); });
}

void NotificationCenter::onAnswer(const Answer& answer) {
    m_running = false;
    ++m_evaluations;
    m_lastError = answer.ok ? QString() : answer.error;
    if (answer.ok) {
        for (const AlertState::Fired& f : answer.fired) {
            const AlertRecord& a = f.condition.alert;
            Notification n;
            n.alertId = f.alertId;
            n.rule = f.condition.key.rule;
            n.subject = f.condition.key.subject;
            n.severity = a.severity;
            n.batchId = a.batchId;
            n.title = titleFor(n.rule);
            n.message = a.message;
            m_posted.append(n);
            Q_EMIT notificationPosted(n);
            if (m_sink && m_sink->isConfigured()) {
                AlertRecord record = a;
                record.id = f.alertId;
                m_sink->deliver(record);
            }
        }
        if (!(answer.status == m_status) || m_evaluations == 1) {
            m_status = answer.status;
            Q_EMIT statusChanged(m_status);
        }
    }
    Q_EMIT evaluated();
    if (m_again) {
        m_again = false;
        run();
    }
}

QString NotificationCenter::titleFor(const QString& rule) {
    if (rule == ConsoleRules::batchEndedRule())
        return tr("Batch ended");
    if (rule == ConsoleRules::erroredItemsRule())
        return tr("Failed items");
    if (rule == AlertRules::budgetRule())
        return tr("Budget threshold crossed");
    if (rule == AlertRules::erroredShareRule())
        return tr("Many errored items");
    if (rule == AlertRules::expiryNearRule())
        return tr("Batch close to its expiry");
    if (rule == AlertRules::archiveNearRule())
        return tr("Results close to the archive");
    if (rule == AlertRules::unpricedModelRule())
        return tr("Model without a price");
    if (rule == AlertRules::apiDownRule())
        return tr("API unavailable");
    return tr("Batchscope alert");
}

} // namespace bs
