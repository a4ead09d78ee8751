#pragma once

#include "ledger/alertrecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace bs {
class LedgerWorker;
}

namespace bs::ui {

// The alert log (app/ledger/alertlog) as a table, newest first: time, severity, rule, subject,
// message and the delivery outcome with its sink (desktop notification of a console, or Slack of
// a watcher). Read through the LedgerWorker, again after each change of the log (queued), and
// applied row by row (inserted rows, dataChanged for a delivery that changed), never reset for a
// change. SortRole gives raw values for a sorting proxy.
class AlertLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Severity, Rule, Subject, Message, Delivery, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int BatchIdRole = Qt::UserRole + 1;
    static constexpr int AlertIdRole = Qt::UserRole + 2;
    static constexpr int kLimit = 5000; // the newest entries shown

    explicit AlertLogModel(QObject* parent = nullptr);

    // Reads through this worker (not owned; null: empty) now and after each change of its file.
    void setWorker(LedgerWorker* worker);
    void refresh();
    const QList<AlertRecord>& records() const { return m_rows; }
    // Answers of the worker applied so far (tests wait for the next one).
    int loads() const { return m_loads; }

    static QString severityText(const QString& severity);
    static QString ruleText(const QString& rule);
    // The delivery outcome with its sink: in full (tooltip), or brief (the column).
    static QString deliveryText(const AlertRecord& alert);
    static QString deliveryBrief(const AlertRecord& alert);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshed();

private:
    void apply(const QList<AlertRecord>& rows);

    QPointer<LedgerWorker> m_worker;
    QList<AlertRecord> m_rows;
    bool m_inFlight = false;
    bool m_again = false;
    int m_loads = 0;
};

} // namespace bs::ui
