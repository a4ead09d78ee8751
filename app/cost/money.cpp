#include "money.h"

namespace bs {

QString formatMoney(Money micros, int digits) {
    digits = qBound(0, digits, 6);
    const bool negative = micros < 0;
    // Work on the magnitude as unsigned so that the smallest qint64 does not overflow.
    quint64 magnitude = negative ? quint64(0) - quint64(micros) : quint64(micros);
    quint64 scale = 1;
    for (int i = digits; i < 6; ++i)
        scale *= 10;
    magnitude = (magnitude + scale / 2) / scale; // half up, display only
    quint64 unit = 1;
    for (int i = 0; i < digits; ++i)
        unit *= 10;
    const quint64 whole = magnitude / unit;
    const quint64 fraction = magnitude % unit;
    QString text = negative ? QStringLiteral("-$") : QStringLiteral("$");
    text += QString::number(whole);
    if (digits > 0)
        text += QLatin1Char('.') + QStringLiteral("%1").arg(fraction, digits, 10, QLatin1Char('0'));
    return text;
}

bool parseMoney(const QString& text, Money* micros) {
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('$')))
        t = t.mid(1);
    t.remove(QLatin1Char(','));
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? t : t.left(dot);
    const QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    if (whole.isEmpty() && fraction.isEmpty())
        return false;
    if (fraction.size() > 6 || (dot >= 0 && fraction.isEmpty()))
        return false;
    for (const QString& part : {whole, fraction})
        for (QChar c : part)
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
    // Digits only, so the sums below are exact; the bound keeps them inside qint64.
    if (whole.size() > 12)
        return false;
    Money value = whole.isEmpty() ? 0 : whole.toLongLong() * kMicrosPerDollar;
    if (!fraction.isEmpty())
        value += QString(fraction + QString(6 - fraction.size(), QLatin1Char('0'))).toLongLong();
    *micros = value;
    return true;
}

} // namespace bs
