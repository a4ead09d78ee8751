#include "alertspanel.h"

#include "alerts/alertconfig.h"
#include "alerts/slacksink.h"
#include "core/preferences.h"
#include "ledger/ledger.h"
#include "ledger/ledgerworker.h"
#include "ledger/settingsstore.h"
#include "metrics/metricsserver.h"
#include "secrets/secretstore.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bs::ui {

namespace {
QSpinBox* spin(QWidget* parent, const char* name, int min, int max, const QString& suffix) {
    auto* s = new QSpinBox(parent);
    s->setObjectName(QLatin1String(name));
    s->setRange(min, max);
    s->setSuffix(suffix);
    return s;
}

QStringList percentsOf(const QString& text, bool* ok) {
    QStringList out;
    *ok = true;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool n = false;
        const int p = part.trimmed().toInt(&n);
        if (!n || p <= 0 || p > 1000) {
            *ok = false;
            return {};
        }
        out << QString::number(p);
    }
    *ok = !out.isEmpty();
    return out;
}
} // namespace

AlertsPanel::AlertsPanel(LedgerWorker* worker, QWidget* parent)
    : QWidget(parent)
    , m_worker(worker) {
    setObjectName(QStringLiteral("alertsPanel"));
    m_secrets = new SecretStore(this);
    m_sink = new SlackSink(this);
    auto* layout = new QVBoxLayout(this);

    auto* rules = new QGroupBox(tr("Alert rules (this ledger, shared with watch)"), this);
    auto* form = new QFormLayout(rules);
    m_budgetPercents = new QLineEdit(rules);
    m_budgetPercents->setObjectName(QStringLiteral("budgetPercents"));
    m_budgetPercents->setPlaceholderText(QStringLiteral("50, 80, 100"));
    form->addRow(tr("Budget thresholds (%):"), m_budgetPercents);
    m_errored = spin(rules, "erroredPercent", 0, 100, QStringLiteral(" %"));
    form->addRow(tr("Errored share of a batch:"), m_errored);
    m_expiry = spin(rules, "expiryHours", 1, 23, tr(" h"));
    form->addRow(tr("Warn before the 24 h expiry:"), m_expiry);
    m_archive = spin(rules, "archiveDays", 1, 28, tr(" days"));
    form->addRow(tr("Warn before the results are archived:"), m_archive);
    m_apiDown = spin(rules, "apiDownMinutes", 1, 1440, tr(" min"));
    form->addRow(tr("API unreachable or key refused for:"), m_apiDown);
    layout->addWidget(rules);

    auto* slack = new QGroupBox(tr("Slack"), this);
    auto* sform = new QFormLayout(slack);
    m_webhookState = new QLabel(slack);
    m_webhookState->setObjectName(QStringLiteral("webhookState"));
    sform->addRow(tr("Webhook:"), m_webhookState);
    m_webhook = new QLineEdit(slack);
    m_webhook->setObjectName(QStringLiteral("webhookEdit"));
    m_webhook->setEchoMode(QLineEdit::Password);
    m_webhook->setPlaceholderText(tr("https://hooks.slack.com/services/…"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_webhook, 1);
    auto* set = new QPushButton(tr("&Set"), slack);
    set->setObjectName(QStringLiteral("webhookSet"));
    auto* clear = new QPushButton(tr("&Clear"), slack);
    clear->setObjectName(QStringLiteral("webhookClear"));
    m_test = new QPushButton(tr("Send &test"), slack);
    m_test->setObjectName(QStringLiteral("webhookTest"));
    row->addWidget(set);
    row->addWidget(clear);
    row->addWidget(m_test);
    sform->addRow(tr("New URL:"), row);
    connect(set, &QPushButton::clicked, this, [this] { setWebhook(m_webhook->text().trimmed()); });
    connect(clear, &QPushButton::clicked, this, &AlertsPanel::clearWebhook);
    connect(m_test, &QPushButton::clicked, this, &AlertsPanel::sendTest);
    layout->addWidget(slack);

    auto* metrics = new QGroupBox(tr("Metrics (while the console runs)"), this);
    auto* mform = new QFormLayout(metrics);
    m_metrics = new QCheckBox(tr("Serve /metrics on 127.0.0.1"), metrics);
    m_metrics->setObjectName(QStringLiteral("metricsEnabled"));
    m_port = spin(metrics, "metricsPort", 0, 65535, QString());
    m_port->setSpecialValueText(tr("any free port"));
    mform->addRow(m_metrics);
    mform->addRow(tr("Port:"), m_port);
    m_statsd = new QLineEdit(metrics);
    m_statsd->setObjectName(QStringLiteral("statsdTarget"));
    m_statsd->setPlaceholderText(tr("HOST:PORT, e.g. 127.0.0.1:8125 (empty: none)"));
    mform->addRow(tr("DogStatsD agent:"), m_statsd);
    auto* note = new QLabel(tr("Metrics settings apply when the console starts."), metrics);
    note->setWordWrap(true);
    mform->addRow(note);
    layout->addWidget(metrics);
    layout->addStretch(1);

    connect(m_sink, &SlackSink::finished, this,
            [this](qint64, bool ok, int, const QString& note) { Q_EMIT testSent(ok, note); });
    load();
    refreshWebhook();
}

AlertsPanel::~AlertsPanel() = default;

void AlertsPanel::load() {
    QSettings settings;
    m_metrics->setChecked(Preferences::metricsEnabled(settings));
    m_port->setValue(Preferences::metricsPort(settings));
    m_statsd->setText(Preferences::statsdTarget(settings));
    const AlertConfig defaults;
    auto show = [this](const AlertConfig& c) {
        QStringList p;
        for (int v : c.budgetPercents)
            p << QString::number(v);
        m_budgetPercents->setText(p.join(QStringLiteral(", ")));
        m_errored->setValue(c.erroredPercent);
        m_expiry->setValue(c.expiryHours);
        m_archive->setValue(c.archiveDays);
        m_apiDown->setValue(c.apiDownMinutes);
    };
    show(defaults);
    if (!m_worker)
        return;
    m_worker->run<AlertConfig>(
        this,
        [](Ledger& l) {
            SettingsStore s(l);
            return AlertConfig::fromSettings(s);
        },
        [this, show](AlertConfig c) {
            show(c);
            m_loaded = true;
            Q_EMIT loaded();
        });
}

bool AlertsPanel::validate(QString* why) const {
    bool ok = false;
    percentsOf(m_budgetPercents->text(), &ok);
    if (!ok) {
        *why = tr("Budget thresholds: write percentages between 1 and 1000, separated by commas.");
        return false;
    }
    const QString statsd = m_statsd->text().trimmed();
    QHostAddress a;
    quint16 p = 0;
    if (!statsd.isEmpty() && !MetricsServer::parseHostPort(statsd, &a, &p)) {
        *why = tr("DogStatsD agent: write HOST:PORT, e.g. 127.0.0.1:8125.");
        return false;
    }
    return true;
}

void AlertsPanel::save() {
    QSettings settings;
    Preferences::setMetrics(settings, m_metrics->isChecked(), m_port->value(), m_statsd->text());
    settings.sync();
    if (!m_worker)
        return;
    bool ok = false;
    const QString percents = percentsOf(m_budgetPercents->text(), &ok).join(QLatin1Char(','));
    const QList<QPair<QString, QString>> values = {
        {QStringLiteral("alerts/budget_percents"), percents},
        {QStringLiteral("alerts/errored_percent"), QString::number(m_errored->value())},
        {QStringLiteral("alerts/expiry_hours"), QString::number(m_expiry->value())},
        {QStringLiteral("alerts/archive_days"), QString::number(m_archive->value())},
        {QStringLiteral("alerts/api_down_minutes"), QString::number(m_apiDown->value())}};
    m_worker->run<bool>(
        this,
        [values](Ledger& l) {
            SettingsStore s(l);
            bool all = true;
            for (const auto& [key, value] : values)
                all = s.setValue(key, value) && all;
            return all;
        },
        [this](bool ok) { Q_EMIT thresholdsSaved(ok); });
}

void AlertsPanel::refreshWebhook() {
    m_secrets->findSlackWebhook(this, [this](const SecretStore::Result& r) {
        const bool set = r.isOk();
        m_webhookState->setText(set ? tr("set (hidden)") : tr("not set"));
        m_test->setEnabled(set);
        // The URL stays in the keychain: only the test's sink holds it, in memory.
        m_sink->setWebhookUrl(set ? QUrl(r.secret, QUrl::StrictMode) : QUrl());
        Q_EMIT webhookChanged(set, r.isOk() || r.isNotFound() ? QString() : r.message);
    });
}

void AlertsPanel::setWebhook(const QString& url) {
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))) {
        m_webhookState->setText(tr("not a webhook URL"));
        Q_EMIT webhookChanged(false, tr("not a webhook URL"));
        return;
    }
    m_webhook->clear();
    m_secrets->writeSlackWebhook(url, this,
                                 [this](const SecretStore::Result&) { refreshWebhook(); });
}

void AlertsPanel::clearWebhook() {
    m_secrets->deleteSlackWebhook(this, [this](const SecretStore::Result&) { refreshWebhook(); });
}

void AlertsPanel::sendTest() {
    if (!m_sink->isConfigured())
        return;
    AlertRecord test;
    test.severity = QStringLiteral("info");
    test.kind = QStringLiteral("test");
    test.message = tr("Test message from the Batchscope console: Slack alerts work.");
    m_sink->deliver(test);
}

} // namespace bs::ui
