#include "metricsformat.h"

namespace bs {

namespace {
QByteArray escapeLabel(const QString& v) {
    QByteArray out;
    for (const char c : v.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray escapeHelp(const QString& v) {
    QByteArray out = v.toUtf8();
    out.replace("\\", "\\\\");
    out.replace("\n", "\\n");
    return out;
}

// DogStatsD tags may not hold ',', '|', '#' or ':' in their values' way: replace them.
QByteArray tagValue(const QString& v) {
    QByteArray out = v.toUtf8();
    for (char& c : out)
        if (c == ',' || c == '|' || c == '#' || c == '\n' || c == ' ')
            c = '_';
    return out;
}
} // namespace

QByteArray MetricsFormat::prometheus(const QList<MetricFamily>& families) {
    QByteArray out;
    for (const MetricFamily& f : families) {
        const QByteArray name = f.name.toUtf8();
        out += "# HELP " + name + ' ' + escapeHelp(f.help) + '\n';
        const char* type = f.type == MetricFamily::Type::Counter     ? "counter"
                           : f.type == MetricFamily::Type::Histogram ? "histogram"
                                                                     : "gauge";
        out += "# TYPE " + name + ' ' + type + '\n';
        for (const MetricFamily::Sample& s : f.samples) {
            out += name + s.suffix.toUtf8();
            if (!s.labels.isEmpty()) {
                out += '{';
                for (qsizetype i = 0; i < s.labels.size(); ++i) {
                    if (i > 0)
                        out += ',';
                    out +=
                        s.labels[i].first.toUtf8() + "=\"" + escapeLabel(s.labels[i].second) + '"';
                }
                out += '}';
            }
            out += ' ' + s.value.toUtf8() + '\n';
        }
    }
    return out;
}

QByteArray MetricsFormat::statsdName(const QString& name) {
    QByteArray n = name.toUtf8();
    if (n.startsWith("batchscope_"))
        n[qsizetype(strlen("batchscope"))] = '.';
    return n;
}

QList<QByteArray> MetricsFormat::dogStatsd(const QList<MetricFamily>& families, int maxBytes) {
    QList<QByteArray> datagrams;
    QByteArray current;
    for (const MetricFamily& f : families) {
        const QByteArray name = statsdName(f.name);
        for (const MetricFamily::Sample& s : f.samples) {
            if (s.value == QLatin1String("+Inf"))
                continue; // no such gauge value in StatsD
            // A histogram goes as gauges of its cumulative buckets, sum and count: DogStatsD's
            // own histograms take single observations, which a repeated push would double.
            QByteArray line = name + s.suffix.toUtf8() + ':' + s.value.toUtf8() + "|g";
            if (!s.labels.isEmpty()) {
                line += "|#";
                for (qsizetype i = 0; i < s.labels.size(); ++i) {
                    if (i > 0)
                        line += ',';
                    line += s.labels[i].first.toUtf8() + ':' + tagValue(s.labels[i].second);
                }
            }
            if (!current.isEmpty() && current.size() + 1 + line.size() > maxBytes) {
                datagrams.append(current);
                current.clear();
            }
            if (!current.isEmpty())
                current += '\n';
            current += line;
        }
    }
    if (!current.isEmpty())
        datagrams.append(current);
    return datagrams;
}

} // namespace bs
