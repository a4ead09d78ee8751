#include "alertlogmodel.h"

#include "alerts/notificationcenter.h"
#include "ledger/alertlog.h"
#include "ledger/ledgernotifier.h"
#include "ledger/ledgerworker.h"

#include <QBrush>
#include <QLocale>
#include <QSet>

namespace bs::ui {

namespace {
int severityRank(const QString& s) {
    if (s == QLatin1String("critical"))
        return 2;
    if (s == QLatin1String("warning"))
        return 1;
    return 0;
}

bool sameRecord(const AlertRecord& a, const AlertRecord& b) {
    return a.id == b.id && a.at == b.at && a.severity == b.severity && a.kind == b.kind &&
           a.batchId == b.batchId && a.message == b.message && a.subject == b.subject &&
           a.period == b.period && a.delivery == b.delivery &&
           a.deliveryAttempts == b.deliveryAttempts && a.deliveryNote == b.deliveryNote &&
           a.deliveredAt == b.deliveredAt;
}
} // namespace

AlertLogModel::AlertLogModel(QObject* parent)
    : QAbstractTableModel(parent) {
    connect(LedgerNotifier::instance(), &LedgerNotifier::changed, this,
            [this](LedgerNotifier::Change what, const QStringList&, const QString& path) {
                if (m_worker && path == m_worker->path() && what == LedgerNotifier::Change::Alerts)
                    refresh();
            });
}

void AlertLogModel::setWorker(LedgerWorker* worker) {
    m_worker = worker;
    if (worker)
        refresh();
    else
        apply({});
}

void AlertLogModel::refresh() {
    if (!m_worker)
        return;
    if (m_inFlight) {
        m_again = true; // one more read once this one answered: it covers every change since
        return;
    }
    m_inFlight = true;
    m_worker->run<QList<AlertRecord>>(
        this, [](Ledger& l) { return AlertLog(l).recent({}, kLimit); },
        [this](QList<AlertRecord> rows) {
            m_inFlight = false;
            apply(rows);
            ++m_loads;
            Q_EMIT refreshed();
            if (m_again) {
                m_again = false;
                refresh();
            }
        });
}

void AlertLogModel::apply(const QList<AlertRecord>& rows) {
    QSet<qint64> fresh;
    for (const AlertRecord& a : rows)
        fresh.insert(a.id);
    // Entries gone from the answer (pushed past the limit): removed, from the end.
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        if (fresh.contains(m_rows.at(r).id))
            continue;
        beginRemoveRows({}, r, r);
        m_rows.removeAt(r);
        endRemoveRows();
    }
    QSet<qint64> known;
    for (const AlertRecord& a : std::as_const(m_rows))
        known.insert(a.id);
    // Merge in the answer's order (newest first): new entries are inserted where they belong,
    // known ones updated in place.
    int j = 0;
    for (int i = 0; i < int(rows.size()); ++i) {
        const AlertRecord& a = rows.at(i);
        if (j < int(m_rows.size()) && m_rows.at(j).id == a.id) {
            if (!sameRecord(m_rows.at(j), a)) {
                m_rows[j] = a;
                Q_EMIT dataChanged(index(j, 0), index(j, ColumnCount - 1));
            }
            ++j;
        } else if (!known.contains(a.id)) {
            beginInsertRows({}, j, j);
            m_rows.insert(j, a);
            endInsertRows();
            ++j;
        } else {
            // Known entries in another order (the log is append-only: not expected): read again.
            beginResetModel();
            m_rows = rows;
            endResetModel();
            return;
        }
    }
}

int AlertLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertLogModel::severityText(const QString& severity) {
    if (severity == QLatin1String("critical"))
        return tr("Critical");
    if (severity == QLatin1String("warning"))
        return tr("Warning");
    return tr("Info");
}

QString AlertLogModel::ruleText(const QString& rule) {
    return NotificationCenter::titleFor(rule);
}

QString AlertLogModel::deliveryText(const AlertRecord& a) {
    if (a.deliveryNote == NotificationCenter::desktopShownNote())
        return tr("Desktop: shown");
    if (a.deliveryNote == NotificationCenter::desktopRecordedNote())
        return tr("Desktop: logged only (no system tray)");
    switch (a.delivery) {
    case AlertRecord::Delivery::None:
        return tr("Log only (no sink)");
    case AlertRecord::Delivery::Pending:
        return tr("Slack: sending…");
    case AlertRecord::Delivery::Delivered:
        return tr("Slack: delivered (%n attempt(s))", nullptr, a.deliveryAttempts);
    case AlertRecord::Delivery::Failed:
        return tr("Slack: failed after %n attempt(s): %1", nullptr, a.deliveryAttempts)
            .arg(a.deliveryNote);
    }
    return QString();
}

QString AlertLogModel::deliveryBrief(const AlertRecord& a) {
    if (a.deliveryNote == NotificationCenter::desktopShownNote())
        return tr("Desktop: shown");
    if (a.deliveryNote == NotificationCenter::desktopRecordedNote())
        return tr("Desktop: no tray");
    switch (a.delivery) {
    case AlertRecord::Delivery::None:
        return tr("Log only");
    case AlertRecord::Delivery::Pending:
        return tr("Slack: sending…");
    case AlertRecord::Delivery::Delivered:
        return tr("Slack: delivered");
    case AlertRecord::Delivery::Failed:
        return tr("Slack: failed");
    }
    return QString();
}

QVariant AlertLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount)
        return {};
    const AlertRecord& a = m_rows.at(index.row());
    if (role == BatchIdRole)
        return a.batchId;
    if (role == AlertIdRole)
        return a.id;
    if (role == SortRole) {
        switch (index.column()) {
        case Time:
            return a.at.toMSecsSinceEpoch();
        case Severity:
            return severityRank(a.severity);
        case Rule:
            return ruleText(a.kind);
        case Subject:
            return a.subject;
        case Message:
            return a.message;
        case Delivery:
            return deliveryText(a);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QLocale().toString(a.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Severity:
            return severityText(a.severity);
        case Rule:
            return ruleText(a.kind);
        case Subject:
            return a.period.isEmpty() ? a.subject : tr("%1 (%2)").arg(a.subject, a.period);
        case Message:
            return a.message;
        case Delivery:
            return deliveryBrief(a);
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() >= Subject)
        return index.column() == Message    ? a.message
               : index.column() == Delivery ? deliveryText(a)
                                            : data(index, Qt::DisplayRole);
    if (role == Qt::ForegroundRole && index.column() == Severity && severityRank(a.severity) > 0)
        return QBrush(severityRank(a.severity) == 2 ? QColor(0xc0, 0x1c, 0x28)
                                                    : QColor(0xc6, 0x6a, 0x00));
    return {};
}

QVariant AlertLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Severity:
        return tr("Severity");
    case Rule:
        return tr("Rule");
    case Subject:
        return tr("Subject");
    case Message:
        return tr("Message");
    case Delivery:
        return tr("Delivery");
    }
    return {};
}

} // namespace bs::ui
