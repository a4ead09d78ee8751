#include "statsdpusher.h"

#include "metrics/metricsformat.h"

namespace bs {

StatsdPusher::StatsdPusher(const QHostAddress& address, quint16 port, QObject* parent)
    : QObject(parent)
    , m_address(address)
    , m_port(port) {}

int StatsdPusher::push(const QList<MetricFamily>& families) {
    int sent = 0;
    for (const QByteArray& d : MetricsFormat::dogStatsd(families))
        if (m_socket.writeDatagram(d, m_address, m_port) == d.size())
            ++sent;
    return sent;
}

} // namespace bs
