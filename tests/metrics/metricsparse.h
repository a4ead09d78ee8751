#pragma once

// Parsers for what the tests receive: Prometheus text lines and DogStatsD datagrams, written
// from the formats' specifications (not from MetricsFormat), plus promtool.

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace bs::metricstest {

// "name{a="x",b="y"}" -> value text, for every sample line.
inline QMap<QString, QString> parsePrometheus(const QByteArray& body) {
    QMap<QString, QString> out;
    for (const QByteArray& raw : body.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        out.insert(QString::fromUtf8(line.left(space)), QString::fromUtf8(line.mid(space + 1)));
    }
    return out;
}

// "name:value|g|#k:v,k2:v2" lines (several per datagram) -> "name|k:v,k2:v2" -> value.
inline QMap<QString, QString> parseDogStatsd(const QList<QByteArray>& datagrams) {
    QMap<QString, QString> out;
    for (const QByteArray& d : datagrams) {
        for (const QByteArray& line : d.split('\n')) {
            if (line.isEmpty())
                continue;
            const QList<QByteArray> parts = line.split('|');
            const qsizetype colon = parts[0].indexOf(':');
            QString key = QString::fromUtf8(parts[0].left(colon));
            for (qsizetype i = 1; i < parts.size(); ++i)
                if (parts[i].startsWith('#'))
                    key += QLatin1Char('|') + QString::fromUtf8(parts[i].mid(1));
            out.insert(key, QString::fromUtf8(parts[0].mid(colon + 1)));
        }
    }
    return out;
}

// "12.345678" -> 12345678 micro-dollars (exact), -1 when malformed.
inline qint64 micros(const QString& text) {
    const QStringList p = text.split(QLatin1Char('.'));
    bool ok1 = false, ok2 = true;
    const qint64 whole = p.value(0).toLongLong(&ok1);
    qint64 frac = 0;
    if (p.size() == 2) {
        QString f = p[1];
        if (f.size() > 6)
            return -1;
        f = f.leftJustified(6, QLatin1Char('0'));
        frac = f.toLongLong(&ok2);
    }
    return ok1 && ok2 && p.size() <= 2 ? whole * 1'000'000 + frac : -1;
}

// promtool check metrics < body: exit code and output. -1: promtool missing.
inline int promtoolCheck(const QByteArray& body, QByteArray* output) {
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (tool.isEmpty())
        return -1;
    QProcess p;
    p.start(tool, {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!p.waitForStarted())
        return -1;
    p.write(body);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    *output = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
}

} // namespace bs::metricstest
