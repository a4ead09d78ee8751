#pragma once

#include "metrics/metricfamily.h"

#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>

namespace bs {

// Pushes the metrics to a DogStatsD agent over UDP (MetricsFormat::dogStatsd). Fire and
// forget, as StatsD is: a lost datagram is replaced by the next push.
class StatsdPusher : public QObject {
    Q_OBJECT

public:
    StatsdPusher(const QHostAddress& address, quint16 port, QObject* parent = nullptr);
    // Datagrams sent (that the OS accepted).
    int push(const QList<MetricFamily>& families);

private:
    QUdpSocket m_socket;
    QHostAddress m_address;
    quint16 m_port;
};

} // namespace bs
